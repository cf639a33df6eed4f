/**
 * One server's own briefings in memory, read from its GuildStore and kept in step with it by the
 * guild's revision: a refresh lists (id, rev) and reads only the rows that changed, so another bot
 * process's ingest shows up here on the next interaction without re-reading everything.
 */
import { ENGINE_VERSION } from '../core/analyze.js';
import type { Briefing } from '../core/types.js';
import { lazyBriefing, packBriefing, packLight, splitPacked, unpackBriefing, unpackSplit } from '../library/codec.js';
import type { ArticleSource } from '../library/source.js';
import type { StoredArticle } from '../library/store.js';
import type { GuildSettings, GuildStore, StoredAnalysisRow } from '../store/index.js';

/** A briefing of a server: where it came from and who added it, besides the analysis. */
export interface GuildArticle extends StoredArticle {
  readonly origin: 'ingest' | 'feed';
  readonly addedAt: number;
  readonly addedBy: string | null;
  readonly rev: number;
}

export type Analyze = (bytes: Uint8Array, fileName: string) => Promise<Briefing>;

/**
 * The stored analysis: two JSON lines (JSON never holds a raw newline). The first has what loading a
 * server needs (title, date, url, people, field names), the second the rest, parsed only when a
 * briefing is first opened: a server's cold load parses a small part of its analyses.
 */
export function encodeAnalysis(briefing: Briefing): string {
  const { heavy } = splitPacked(packBriefing(briefing));
  const light = { ...packLight(briefing, briefing.body.length), k: Object.keys(briefing) };
  return `${JSON.stringify(light)}\n${JSON.stringify(heavy)}`;
}

export function decodeAnalysis(analysis: string): Briefing {
  const cut = analysis.indexOf('\n');
  if (cut < 0) return unpackBriefing(JSON.parse(analysis)); // one line: a whole packed briefing
  const light = JSON.parse(analysis.slice(0, cut)) as { k?: unknown };
  if (!Array.isArray(light.k) || !light.k.every((k) => typeof k === 'string')) throw new Error('stored analysis has no field list');
  const heavy = analysis.slice(cut + 1);
  return lazyBriefing(light, light.k, (eager) => unpackSplit(eager, JSON.parse(heavy)));
}

function newestFirst(a: GuildArticle, b: GuildArticle): number {
  return (b.briefing.date ?? '').localeCompare(a.briefing.date ?? '') || b.addedAt - a.addedAt || a.id.localeCompare(b.id);
}

export class GuildCatalogue implements ArticleSource {
  private readonly byId = new Map<string, GuildArticle>();
  private sorted: readonly GuildArticle[] = [];
  private readonly listeners = new Set<() => void>();
  private knownRevision = -1;
  private currentSettings: GuildSettings = { ingestRoleId: null, defaultLength: null, leftAt: null };
  private refreshing: Promise<void> | null = null;

  constructor(
    readonly store: GuildStore,
    private readonly analyze: Analyze,
    private readonly warn: (message: string, error?: unknown) => void = () => {},
  ) {}

  get guildId(): string {
    return this.store.guildId;
  }

  get size(): number {
    return this.byId.size;
  }

  /** The server's settings as of the last refresh. */
  get settings(): GuildSettings {
    return this.currentSettings;
  }

  list(): readonly GuildArticle[] {
    return this.sorted;
  }

  get(id: string): GuildArticle | undefined {
    return this.byId.get(id);
  }

  skipped(): readonly never[] {
    return [];
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Brings the catalogue in line with the database; concurrent callers share one refresh. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const revision = await this.store.revision();
    if (revision === this.knownRevision) return;
    const [entries, settings] = await Promise.all([this.store.entries(), this.store.settings()]);
    this.currentSettings = settings;
    const wanted = new Set(entries.map((e) => e.id));
    let changed = false;
    for (const id of [...this.byId.keys()]) {
      if (!wanted.has(id)) {
        this.byId.delete(id);
        changed = true;
      }
    }
    const stale = entries.filter((e) => this.byId.get(e.id)?.rev !== e.rev).map((e) => e.id);
    for (const row of await this.store.loadAnalyses(stale)) {
      const article = this.decoded(row) ?? (await this.reanalysed(row));
      if (article) {
        this.byId.set(row.id, article);
        changed = true;
      }
    }
    this.knownRevision = revision;
    if (changed) this.publish();
  }

  /** Adds a row this process just stored, without waiting for the next refresh. */
  put(article: GuildArticle): void {
    this.byId.set(article.id, article);
    this.publish();
  }

  delete(id: string): void {
    if (this.byId.delete(id)) this.publish();
  }

  private publish(): void {
    this.sorted = [...this.byId.values()].sort(newestFirst);
    for (const listener of this.listeners) listener();
  }

  private articleOf(row: StoredAnalysisRow, briefing: Briefing): GuildArticle {
    return { id: row.id, file: `${row.id}.md`, briefing, origin: row.origin, addedAt: row.addedAt, addedBy: row.addedBy, rev: row.rev };
  }

  /** The stored analysis, when this engine made it and it reads back. */
  private decoded(row: StoredAnalysisRow): GuildArticle | null {
    if (row.engineVersion !== ENGINE_VERSION) return null;
    try {
      return this.articleOf(row, decodeAnalysis(row.analysis));
    } catch (error) {
      this.warn(`stored analysis of ${row.id} is unreadable; analysing it again`, error);
      return null;
    }
  }

  /** An older engine made this analysis (or it is damaged): redo it from the stored content, off the main thread. */
  private async reanalysed(row: StoredAnalysisRow): Promise<GuildArticle | null> {
    try {
      const [whole] = await this.store.load([row.id]);
      if (!whole) return null; // removed meanwhile
      const briefing = await this.analyze(Buffer.from(whole.content, 'utf8'), `${row.id}.md`);
      await this.store.updateAnalysis(row.id, encodeAnalysis(briefing), ENGINE_VERSION).catch((error: unknown) => this.warn(`could not save the new analysis of ${row.id}`, error));
      return this.articleOf(row, briefing);
    } catch (error) {
      this.warn(`stored briefing ${row.id} could not be analysed`, error);
      return null;
    }
  }
}
