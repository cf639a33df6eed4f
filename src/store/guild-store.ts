/**
 * One server's briefings and settings. Every query here has the guild id bound when the object is
 * made, so no caller can forget `where guild_id = …` and read another server's data.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dialect } from './connect.js';
import { storeErrorOf } from './errors.js';
import { REVISION_CHANNEL } from './revision-watch.js';
import type { Database, GuildBriefingsTable } from './schema.js';

export type BriefingOrigin = 'ingest' | 'feed';

/** The light columns: enough to list, diff and find duplicates without reading analyses. */
export interface BriefingEntry {
  readonly id: string;
  readonly rev: number;
  readonly engineVersion: string;
}

export interface StoredBriefingRow {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly date: string | null;
  readonly origin: BriefingOrigin;
  readonly addedAt: number;
  readonly addedBy: string | null;
  readonly content: string;
  readonly rev: number;
  readonly analysis: string;
  readonly engineVersion: string;
}

export type StoredAnalysisRow = Omit<StoredBriefingRow, 'content'>;

export interface NewBriefing {
  /** The id wanted; `-2`, `-3`… are tried when it is taken (here or by `reserved`). */
  readonly baseId: string;
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly urlKey: string | null;
  readonly textKey: string;
  readonly date: string | null;
  readonly origin: BriefingOrigin;
  readonly addedAt: number;
  readonly addedBy: string | null;
  readonly content: string;
  readonly analysis: string;
  readonly engineVersion: string;
}

export type AddOutcome = { readonly added: true; readonly id: string; readonly rev: number } | { readonly added: false; readonly duplicateOf: string };

export interface GuildSettings {
  readonly ingestRoleId: string | null;
  readonly defaultLength: string | null;
  readonly leftAt: number | null;
}

const NO_SETTINGS: GuildSettings = { ingestRoleId: null, defaultLength: null, leftAt: null };
const MAX_ID_ATTEMPTS = 1000;

const ANALYSIS_COLUMNS = ['id', 'title', 'source', 'url', 'date', 'origin', 'added_at', 'added_by', 'rev', 'analysis', 'engine_version'] as const;

function analysisRowOf(r: Pick<GuildBriefingsTable, (typeof ANALYSIS_COLUMNS)[number]>): StoredAnalysisRow {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    url: r.url,
    date: r.date,
    origin: r.origin === 'feed' ? 'feed' : 'ingest',
    addedAt: Number(r.added_at),
    addedBy: r.added_by,
    rev: Number(r.rev),
    analysis: r.analysis,
    engineVersion: r.engine_version,
  };
}

function rowOf(r: GuildBriefingsTable): StoredBriefingRow {
  return { ...analysisRowOf(r), content: r.content };
}

/** Which unique constraint a driver error broke, if any. */
function violated(error: unknown): 'id' | 'text' | 'url' | null {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  const code = String(e?.code ?? '');
  const where = `${String(e?.constraint ?? '')} ${String(e?.message ?? '')}`;
  if (code !== '23505' && !code.startsWith('SQLITE_CONSTRAINT')) return null;
  if (where.includes('text_key')) return 'text';
  if (where.includes('url_key')) return 'url';
  if (where.includes('guild_briefings_pk') || where.includes('guild_briefings.id')) return 'id';
  return null;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

export class GuildStore {
  constructor(
    private readonly db: Kysely<Database>,
    readonly guildId: string,
    private readonly dialect: Dialect,
  ) {}

  private briefings(db: Kysely<Database> | Transaction<Database> = this.db) {
    return db.selectFrom('guild_briefings').where('guild_id', '=', this.guildId);
  }

  /** The guild's revision: changes whenever a briefing is added or removed, by any process. */
  revision(): Promise<number> {
    return run(async () => {
      const row = await this.db.selectFrom('guilds').select('revision').where('guild_id', '=', this.guildId).executeTakeFirst();
      return row ? Number(row.revision) : 0;
    });
  }

  entries(): Promise<BriefingEntry[]> {
    return run(async () => {
      const rows = await this.briefings().select(['id', 'rev', 'engine_version']).execute();
      return rows.map((r) => ({ id: r.id, rev: Number(r.rev), engineVersion: r.engine_version }));
    });
  }

  /**
   * Rows without their stored Markdown, for the given ids: what a server's catalogue holds. (The content
   * is the largest column and is needed only to analyse a briefing again.)
   */
  loadAnalyses(ids: readonly string[]): Promise<StoredAnalysisRow[]> {
    return run(async () => {
      if (ids.length === 0) return [];
      return (await this.briefings().select(ANALYSIS_COLUMNS).where('id', 'in', [...ids]).execute()).map(analysisRowOf);
    });
  }

  /** Whole rows, for the given ids (all when omitted). */
  load(ids?: readonly string[]): Promise<StoredBriefingRow[]> {
    return run(async () => {
      if (ids && ids.length === 0) return [];
      let query = this.briefings().selectAll();
      if (ids) query = query.where('id', 'in', [...ids]);
      return (await query.execute()).map(rowOf);
    });
  }

  count(): Promise<number> {
    return run(async () => {
      const row = await this.briefings().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    });
  }

  /** The id of a stored briefing with this canonical URL or these words, if any. */
  findDuplicate(keys: { urlKey?: string | null; textKey?: string | null }): Promise<string | null> {
    return run(async () => {
      if (keys.urlKey) {
        const hit = await this.briefings().select('id').where('url_key', '=', keys.urlKey).executeTakeFirst();
        if (hit) return hit.id;
      }
      if (keys.textKey) {
        const hit = await this.briefings().select('id').where('text_key', '=', keys.textKey).executeTakeFirst();
        if (hit) return hit.id;
      }
      return null;
    });
  }

  private async ensureGuild(tx: Transaction<Database>, now: number): Promise<void> {
    await tx.insertInto('guilds').values({ guild_id: this.guildId, revision: 0, ingest_role_id: null, default_length: null, left_at: null, created_at: now }).onConflict((oc) => oc.column('guild_id').doNothing()).execute();
  }

  private async bump(tx: Transaction<Database>, now: number): Promise<number> {
    await this.ensureGuild(tx, now);
    const row = await tx.updateTable('guilds').set((eb) => ({ revision: eb('revision', '+', 1) })).where('guild_id', '=', this.guildId).returning('revision').executeTakeFirstOrThrow();
    // Delivered to every listening process when (and only if) the transaction commits.
    if (this.dialect === 'postgres') await sql`select pg_notify(${REVISION_CHANNEL}, ${this.guildId})`.execute(tx);
    return Number(row.revision);
  }

  /**
   * Stores a new briefing under a free id, or says which stored one it duplicates. All or nothing: the
   * row and the revision bump commit together. The unique indexes decide duplicates, so two processes
   * ingesting the same article at once store it once.
   */
  add(briefing: NewBriefing, reserved: (id: string) => boolean = () => false): Promise<AddOutcome> {
    return run(async () => {
      const dup = await this.findDuplicate(briefing);
      if (dup) return { added: false, duplicateOf: dup };
      for (let n = 1; n <= MAX_ID_ATTEMPTS; n++) {
        const id = n === 1 ? briefing.baseId : `${briefing.baseId}-${n}`;
        if (reserved(id)) continue;
        try {
          const rev = await this.db.transaction().execute(async (tx) => {
            const rev = await this.bump(tx, briefing.addedAt);
            await tx
              .insertInto('guild_briefings')
              .values({
                guild_id: this.guildId,
                id,
                title: briefing.title,
                source: briefing.source,
                url: briefing.url,
                url_key: briefing.urlKey,
                text_key: briefing.textKey,
                date: briefing.date,
                origin: briefing.origin,
                added_at: briefing.addedAt,
                added_by: briefing.addedBy,
                content: briefing.content,
                rev,
                analysis: briefing.analysis,
                engine_version: briefing.engineVersion,
              })
              .execute();
            return rev;
          });
          return { added: true, id, rev };
        } catch (error) {
          const which = violated(error);
          if (which === 'id') continue;
          if (which === 'text' || which === 'url') {
            const existing = await this.findDuplicate(briefing);
            if (existing) return { added: false, duplicateOf: existing };
          }
          throw error;
        }
      }
      throw new Error(`no free id for ${briefing.baseId}`);
    });
  }

  /** Re-analysed after an engine change: same briefing, new analysis (the revision does not move). */
  updateAnalysis(id: string, analysis: string, engineVersion: string): Promise<void> {
    return run(async () => {
      await this.db.updateTable('guild_briefings').set({ analysis, engine_version: engineVersion }).where('guild_id', '=', this.guildId).where('id', '=', id).execute();
    });
  }

  /** Removes one briefing; false when this guild has none of that id. */
  remove(id: string, now = Date.now()): Promise<boolean> {
    return run(() =>
      this.db.transaction().execute(async (tx) => {
        const result = await tx.deleteFrom('guild_briefings').where('guild_id', '=', this.guildId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await this.bump(tx, now);
        return true;
      }),
    );
  }

  settings(): Promise<GuildSettings> {
    return run(async () => {
      const row = await this.db.selectFrom('guilds').select(['ingest_role_id', 'default_length', 'left_at']).where('guild_id', '=', this.guildId).executeTakeFirst();
      if (!row) return NO_SETTINGS;
      return { ingestRoleId: row.ingest_role_id, defaultLength: row.default_length, leftAt: row.left_at === null ? null : Number(row.left_at) };
    });
  }

  updateSettings(patch: Partial<Pick<GuildSettings, 'ingestRoleId' | 'defaultLength' | 'leftAt'>>, now = Date.now()): Promise<void> {
    return run(() =>
      this.db.transaction().execute(async (tx) => {
        await this.ensureGuild(tx, now);
        const set: Partial<{ ingest_role_id: string | null; default_length: string | null; left_at: number | null }> = {};
        if ('ingestRoleId' in patch) set.ingest_role_id = patch.ingestRoleId ?? null;
        if ('defaultLength' in patch) set.default_length = patch.defaultLength ?? null;
        if ('leftAt' in patch) set.left_at = patch.leftAt ?? null;
        if (Object.keys(set).length === 0) return;
        await tx.updateTable('guilds').set(set).where('guild_id', '=', this.guildId).execute();
        // Settings travel with the revision, so other processes pick them up with the briefings.
        await this.bump(tx, now);
      }),
    );
  }

  /**
   * Deletes everything this server stored, in one transaction: briefings, settings, and what delivery keeps
   * for it (feeds and their seen items, announcement channel and queue, schedules, notices, its jobs and
   * delivery records). Nothing of any other server is touched.
   */
  purge(): Promise<void> {
    const g = this.guildId;
    return run(async () => {
      await this.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('feed_items').where('feed_id', 'in', tx.selectFrom('feeds').select('id').where('guild_id', '=', g)).execute();
        for (const table of ['feeds', 'announce_targets', 'announce_queue', 'schedules', 'guild_notices', 'jobs', 'deliveries', 'guild_briefings', 'guilds'] as const) {
          await tx.deleteFrom(table).where('guild_id', '=', g).execute();
        }
      });
    });
  }
}
