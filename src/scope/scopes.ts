/**
 * What each interaction may see: the shared folder (when SHARED_LIBRARY is on) plus, in a server, that
 * server's own briefings. Servers' catalogues are loaded on first use and kept in a bounded hot set
 * (least recently used go first), so 100,000 stored briefings are never all in memory at once.
 */
import type { Logger } from 'pino';
import type { ArticleSource } from '../library/source.js';
import type { SkippedFile, StoredArticle } from '../library/store.js';
import { ArticleIndex } from '../search/index.js';
import type { GuildSettings, GuildStore, RevisionWatch, Store } from '../store/index.js';
import type { IngestTarget } from '../ingest/ingest.js';
import { guildIngestTarget } from './ingest-target.js';
import { GuildCatalogue, type Analyze, type GuildArticle } from './guild-catalogue.js';
import { MergedSource } from './merged-source.js';
import { MergedSearch, type SearchView } from './search-view.js';

export interface Scope {
  /** The server the interaction came from; null in DMs and where the bot is only user-installed. */
  readonly guildId: string | null;
  /** Everything the member may see here. */
  readonly source: ArticleSource;
  readonly index: SearchView;
  /** The server's own briefings (what /remove may remove); null outside a server. */
  readonly own: GuildCatalogue | null;
  /** Search over the server's own briefings only (what /remove offers). */
  readonly ownIndex: SearchView | null;
  readonly store: GuildStore | null;
  /** The server's settings (null outside a server). */
  readonly settings: GuildSettings | null;
  /** Set when the server's own briefings could not be read just now (the shared ones still answer). */
  readonly unavailable: string | null;
}

export type AddedListener = (guildId: string, article: GuildArticle) => void;

/** The shared folder library; it may also say whether it holds an article already (duplicates). */
export interface SharedLibrary extends ArticleSource {
  findDuplicate?(candidate: { url?: string | null; body?: string | null }): StoredArticle | undefined;
}

export interface ScopesOptions {
  readonly store: Store | null;
  /** The shared library and its index, or null when SHARED_LIBRARY=false. */
  readonly shared: { readonly source: SharedLibrary; readonly index: ArticleIndex } | null;
  readonly analyze: Analyze;
  readonly logger: Logger;
  /** How many servers' briefings may be held in memory together, counted in briefings. */
  readonly hotBriefings?: number;
}

const EMPTY: ArticleSource = {
  list: () => [],
  get: () => undefined,
  skipped: (): readonly SkippedFile[] => [],
  onChange: () => () => {},
};

interface Hot {
  readonly catalogue: GuildCatalogue;
  readonly index: ArticleIndex;
  readonly source: MergedSource;
  readonly search: SearchView;
  /** Changed (or possibly changed) since its last check against the database. */
  dirty: boolean;
}

export class Scopes {
  private readonly hot = new Map<string, Hot>(); // insertion order = recency
  private readonly listeners = new Set<AddedListener>();
  private readonly sharedScope: Scope;
  private storeRef: Store | null;
  private watch: RevisionWatch | null = null;
  private watching: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly options: ScopesOptions) {
    this.storeRef = options.store;
    if (options.store) this.watchStore(options.store);
    const shared = options.shared;
    this.sharedScope = {
      guildId: null,
      source: shared?.source ?? EMPTY,
      index: shared?.index ?? new MergedSearch([]),
      own: null,
      ownIndex: null,
      store: null,
      settings: null,
      unavailable: null,
    };
  }

  get store(): Store | null {
    return this.storeRef;
  }

  /** The store came back (it was down at start). */
  attachStore(store: Store): void {
    this.storeRef = store;
    this.watchStore(store);
  }

  /**
   * Where the database notifies changes (PostgreSQL), a hot server is checked against it only after a
   * notification; elsewhere, or while the notifications are down, on every interaction.
   */
  private watchStore(store: Store): void {
    const started = store.watchRevisions({
      changed: (guildId) => {
        const hot = this.hot.get(guildId);
        if (hot) hot.dirty = true;
      },
      resumed: () => {
        for (const hot of this.hot.values()) hot.dirty = true;
      },
      error: (error) => this.options.logger.warn({ err: error }, 'change notifications from the database were interrupted; checking on every interaction until they resume'),
    });
    if (!started) return;
    this.watching = started.then(
      async (watch) => {
        if (this.closed) await watch.close();
        else this.watch = watch;
      },
      (error: unknown) => this.options.logger.warn({ err: error }, 'change notifications from the database are off'),
    );
  }

  /** Whether the database's change notifications are being received (PostgreSQL); false elsewhere. */
  get notified(): boolean {
    return this.watch?.healthy ?? false;
  }

  /** Resolves when the change notifications are set up (or known to be off). */
  async watchReady(): Promise<void> {
    await this.watching;
  }

  get shared(): SharedLibrary | null {
    return this.options.shared?.source ?? null;
  }

  /** Briefings held in memory across the hot servers. */
  get hotBriefings(): number {
    let n = 0;
    for (const h of this.hot.values()) n += h.catalogue.size;
    return n;
  }

  /** The scope of an interaction. Never rejects: a database failure leaves the shared briefings answering. */
  async forGuild(guildId: string | null): Promise<Scope> {
    const store = this.storeRef;
    if (!guildId || !store) {
      if (guildId && !store) return { ...this.sharedScope, guildId, unavailable: 'The database is not reachable right now, so this server’s own briefings are not shown.' };
      return this.sharedScope;
    }
    let hot = this.hot.get(guildId);
    if (hot) {
      this.hot.delete(guildId);
      this.hot.set(guildId, hot);
    } else {
      hot = this.makeHot(store.guild(guildId));
      this.hot.set(guildId, hot);
    }
    let unavailable: string | null = null;
    try {
      if (hot.dirty || !this.watch?.healthy) {
        hot.dirty = false; // a notification during the refresh sets it again
        await hot.catalogue.refresh();
      }
    } catch (error) {
      hot.dirty = true;
      this.options.logger.warn({ err: error, guildId }, 'could not read the server’s briefings; answering from what is loaded');
      unavailable = 'The database is not reachable right now; this server’s own briefings may be missing or out of date.';
    }
    this.evict(guildId);
    return { guildId, source: hot.source, index: hot.search, own: hot.catalogue, ownIndex: hot.index, store: hot.catalogue.store, settings: hot.catalogue.settings, unavailable };
  }

  private makeHot(store: GuildStore): Hot {
    const catalogue = new GuildCatalogue(store, this.options.analyze, (message, error) => this.options.logger.warn({ err: error, guildId: store.guildId }, message));
    const index = new ArticleIndex(catalogue, 'on-demand');
    const shared = this.options.shared;
    return {
      catalogue,
      index,
      source: new MergedSource(catalogue, shared?.source ?? null),
      search: shared ? new MergedSearch([index, shared.index]) : index,
      dirty: true,
    };
  }

  private evict(keep: string): void {
    const capacity = this.options.hotBriefings ?? 10_000;
    let total = this.hotBriefings;
    for (const [guildId, hot] of this.hot) {
      if (total <= capacity) break;
      if (guildId === keep) continue;
      total -= hot.catalogue.size;
      hot.index.close();
      this.hot.delete(guildId);
    }
  }

  /** Forgets a server's loaded briefings (after a purge); the next interaction reads them again. */
  drop(guildId: string): void {
    const hot = this.hot.get(guildId);
    hot?.index.close();
    this.hot.delete(guildId);
  }

  /** Where ingests into this scope's server go; null outside a server or without a database. */
  ingestTarget(scope: Scope, origin: 'ingest' | 'feed' = 'ingest'): IngestTarget | null {
    if (!scope.own || !scope.store) return null;
    return guildIngestTarget({ store: scope.store, catalogue: scope.own, scopes: this, analyze: this.options.analyze, origin });
  }

  /** Tells listeners (announcements) that a server has a new briefing. */
  onAdded(listener: AddedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notifyAdded(guildId: string, article: GuildArticle): void {
    for (const listener of this.listeners) {
      try {
        listener(guildId, article);
      } catch (error) {
        this.options.logger.error({ err: error, guildId }, 'a listener of new briefings failed');
      }
    }
  }

  close(): void {
    this.closed = true;
    void this.watch?.close();
    this.watch = null;
    for (const hot of this.hot.values()) hot.index.close();
    this.hot.clear();
  }
}

