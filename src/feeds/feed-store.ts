/** The feeds table and the items seen in each feed (so an item is stored once, across restarts). */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { storeErrorOf } from '../store/errors.js';
import type { Database, FeedsTable } from '../store/schema.js';

export interface Feed {
  readonly id: string;
  readonly guildId: string;
  readonly url: string;
  readonly channelId: string | null;
  readonly title: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly bodyHash: string | null;
  readonly failures: number;
  readonly lastError: string | null;
  readonly pausedAt: number | null;
  readonly pausedReason: string | null;
  readonly createdBy: string | null;
  readonly createdAt: number;
  readonly lastPolledAt: number | null;
  readonly itemsStored: number;
}

export type FeedPatch = Partial<Pick<Feed, 'title' | 'etag' | 'lastModified' | 'bodyHash' | 'failures' | 'lastError' | 'pausedAt' | 'pausedReason' | 'lastPolledAt'>> & { readonly addStored?: number };

const num = (v: number | null): number | null => (v === null ? null : Number(v));

function feedOf(r: Selectable<FeedsTable>): Feed {
  return {
    id: r.id,
    guildId: r.guild_id,
    url: r.url,
    channelId: r.channel_id,
    title: r.title,
    etag: r.etag,
    lastModified: r.last_modified,
    bodyHash: r.body_hash,
    failures: Number(r.failures),
    lastError: r.last_error,
    pausedAt: num(r.paused_at),
    pausedReason: r.paused_reason,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    lastPolledAt: num(r.last_polled_at),
    itemsStored: Number(r.items_stored),
  };
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}

export class FeedStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a feed to a server; null when the server already follows that URL. */
  add(feed: { guildId: string; url: string; channelId: string | null; createdBy: string | null }, now: number): Promise<Feed | null> {
    return run(async () => {
      const id = `f${randomBytes(5).toString('hex')}`;
      try {
        await this.db
          .insertInto('feeds')
          .values({ id, guild_id: feed.guildId, url: feed.url, channel_id: feed.channelId, title: null, etag: null, last_modified: null, body_hash: null, failures: 0, last_error: null, paused_at: null, paused_reason: null, created_by: feed.createdBy, created_at: now, last_polled_at: null, items_stored: 0 })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
      return this.get(id);
    });
  }

  get(id: string): Promise<Feed | null> {
    return run(async () => {
      const row = await this.db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? feedOf(row) : null;
    });
  }

  byUrl(guildId: string, url: string): Promise<Feed | null> {
    return run(async () => {
      const row = await this.db.selectFrom('feeds').selectAll().where('guild_id', '=', guildId).where('url', '=', url).executeTakeFirst();
      return row ? feedOf(row) : null;
    });
  }

  list(guildId: string): Promise<Feed[]> {
    return run(async () => (await this.db.selectFrom('feeds').selectAll().where('guild_id', '=', guildId).orderBy('created_at').orderBy('id').execute()).map(feedOf));
  }

  /** Every feed not paused, of every server. */
  active(): Promise<Feed[]> {
    return run(async () => (await this.db.selectFrom('feeds').selectAll().where('paused_at', 'is', null).execute()).map(feedOf));
  }

  /** Across every server: feeds polled at or after `since`, and briefings stored from feeds (one small query). */
  progress(since: number): Promise<{ polled: number; stored: number }> {
    return run(async () => {
      const row = await this.db
        .selectFrom('feeds')
        .select((eb) => [eb.fn.countAll<number>().filterWhere('last_polled_at', '>=', since).as('polled'), eb.fn.sum<number>('items_stored').as('stored')])
        .executeTakeFirst();
      return { polled: Number(row?.polled ?? 0), stored: Number(row?.stored ?? 0) };
    });
  }

  count(guildId: string): Promise<number> {
    return run(async () => Number((await this.db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('guild_id', '=', guildId).executeTakeFirst())?.n ?? 0));
  }

  /** Removes one of this server's feeds (and what was seen in it); false when it has none of that id. */
  remove(guildId: string, id: string): Promise<boolean> {
    return run(() =>
      this.db.transaction().execute(async (tx) => {
        const owned = await tx.selectFrom('feeds').select('id').where('id', '=', id).where('guild_id', '=', guildId).executeTakeFirst();
        if (!owned) return false;
        await tx.deleteFrom('feed_items').where('feed_id', '=', id).execute();
        await tx.deleteFrom('feeds').where('id', '=', id).execute();
        return true;
      }),
    );
  }

  update(id: string, patch: FeedPatch): Promise<void> {
    return run(async () => {
      const set: Record<string, unknown> = {};
      const columns: Record<string, string> = { title: 'title', etag: 'etag', lastModified: 'last_modified', bodyHash: 'body_hash', failures: 'failures', lastError: 'last_error', pausedAt: 'paused_at', pausedReason: 'paused_reason', lastPolledAt: 'last_polled_at' };
      for (const [key, column] of Object.entries(columns)) if (key in patch) set[column] = (patch as Record<string, unknown>)[key] ?? null;
      let query = this.db.updateTable('feeds').where('id', '=', id);
      if (patch.addStored) query = query.set((eb) => ({ items_stored: eb('items_stored', '+', patch.addStored ?? 0) }));
      if (Object.keys(set).length === 0 && !patch.addStored) return;
      await query.set(set as Partial<FeedsTable>).execute();
    });
  }

  /** A channel that is gone: this server's feeds that posted there fall back to its announcement channel. */
  clearChannel(guildId: string, channelId: string): Promise<number> {
    return run(async () => Number((await this.db.updateTable('feeds').set({ channel_id: null }).where('guild_id', '=', guildId).where('channel_id', '=', channelId).executeTakeFirst()).numUpdatedRows));
  }

  /** Which of these keys were seen in the feed before. */
  seenKeys(feedId: string, keys: readonly string[]): Promise<Set<string>> {
    return run(async () => {
      const seen = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const part = keys.slice(i, i + 500);
        const rows = await this.db.selectFrom('feed_items').select('key').where('feed_id', '=', feedId).where('key', 'in', part).execute();
        for (const r of rows) seen.add(r.key);
      }
      return seen;
    });
  }

  markSeen(feedId: string, keys: readonly string[], now: number): Promise<void> {
    return run(async () => {
      if (keys.length === 0) return;
      await this.db
        .insertInto('feed_items')
        .values(keys.map((key) => ({ feed_id: feedId, key, seen_at: now })))
        .onConflict((oc) => oc.columns(['feed_id', 'key']).doNothing())
        .execute();
    });
  }
}
