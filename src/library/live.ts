import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeBytes, ENGINE_VERSION } from '../core/analyze.js';
import { readInputFile } from '../core/read-file.js';
import type { Briefing } from '../core/types.js';
import { AnalysisPool, backgroundPool } from './pool.js';
import { AnalysisCache, sameFingerprint, shardOf, type CachedAnalysis, type FileRecord, type Fingerprint, type StoredParts } from './cache.js';
import { canonicalUrlKey, contentHash, textKey } from './dedupe.js';
import type { ArticleSource } from './source.js';
import { BriefingPendingError } from './errors.js';
import { fileErrorMessage, refuseEmpty } from './refuse-empty.js';
import { nodeFs, removeFileDurably, removeStaleTemps, type AtomicFs } from './write.js';
import { articleIdOf, isArticleFile, type SkippedFile, type StoredArticle } from './store.js';

export interface LiveLibraryOptions {
  /** Where the analysis cache lives; null turns it off. Default: $BRIEFBOT_CACHE_DIR, else `<dir>/.cache/briefbot`. */
  readonly cacheDir?: string | null;
  /** Watch the folder with fs.watch (default true). */
  readonly watch?: boolean;
  /** How long to wait after a change event before rescanning, so a burst of events costs one scan. */
  readonly debounceMs?: number;
  /** A full rescan this often (ms) catches what fs.watch misses (network mounts, editors' tricks); 0 = never. */
  readonly rescanIntervalMs?: number;
  /** How long after a change the cache is saved, so many edits cost one write. */
  readonly cacheFlushDelayMs?: number;
  readonly warn?: (message: string) => void;
  /** The analysis to run on a file's bytes (default: the engine's `analyzeBytes`, in worker threads for big batches). */
  readonly analyze?: (bytes: Uint8Array, fileName: string) => Briefing;
  /** An asynchronous analysis instead of the worker threads (tests hold a file's analysis back with it). */
  readonly analyzeAsync?: (bytes: Uint8Array, fileName: string) => Promise<Briefing>;
  /**
   * Worker threads for a scan that must analyse at least `poolThreshold` files (a cold start): default
   * 2 (this machine's cores); 0 analyses on the main thread. Ignored when `analyze` is given.
   */
  readonly workers?: number;
  readonly poolThreshold?: number;
  /** File-system calls for writes into the folder (ingest, remove); tests inject failures here. */
  readonly fs?: AtomicFs;
  /** During a long first scan, the cache is saved this often (ms), so a stop or a kill loses little. */
  readonly saveEveryMs?: number;
}

/** How far the first load of the folder has got (null once it is done). */
export interface LoadProgress {
  readonly ready: number;
  readonly total: number;
}

export interface LibraryStats {
  readonly articles: number;
  readonly skipped: number;
  /** Files analysed in the last scan (cache misses). */
  readonly analysed: number;
  /** Files whose analysis came from the cache in the last scan. */
  readonly cached: number;
}

interface Entry extends StoredArticle {
  readonly name: string;
  readonly record: FileRecord;
  readonly textKey: string;
  readonly urlKey: string | null;
  readonly stored?: StoredParts;
}

interface Skip {
  readonly fp: Fingerprint;
  readonly reason: string;
  /** Set when skipped only because another file holds the same id. */
  readonly holder?: string;
}

const STAT_CONCURRENCY = 64;
const NO_FILE: Fingerprint = { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };
/** A file this small is analysed again on the spot when its cached analysis turns out malformed (~ms). */
const REANALYSE_HERE_MAX_BYTES = 64 * 1024;

/** Files loaded at once: enough to keep two workers busy while the main thread reads the next files. */
const LOAD_CONCURRENCY = 16;
/** During the first scan, listeners (the search index) hear of new articles at most this often. */
const NOTIFY_EVERY_MS = 500;

function fingerprintOf(info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): Fingerprint {
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Newest first: by the article's date, then by when the file last changed (ingest time for ingested ones). */
function newestFirst(a: Entry, b: Entry): number {
  const byDate = (b.briefing.date ?? '').localeCompare(a.briefing.date ?? '');
  if (byDate !== 0) return byDate;
  return b.record.fp.mtimeMs - a.record.fp.mtimeMs || a.id.localeCompare(b.id);
}

/**
 * The articles folder, kept live: loaded once (from the analysis cache where the bytes are unchanged),
 * then watched, so files added, edited or removed by hand or by `git pull` show up within seconds. A
 * file that cannot be read or analysed is skipped with a warning naming it and why; the rest work.
 */
export class LiveArticleLibrary implements ArticleSource {
  private readonly entries = new Map<string, Entry>(); // by file name
  private readonly byId = new Map<string, Entry>();
  private readonly skips = new Map<string, Skip>(); // by file name
  private readonly claims = new Map<string, string>(); // id → the file name that holds it
  private sorted: Entry[] = [];
  private sortedDirty = false;
  private readonly listeners = new Set<() => void>();
  private readonly cache: AnalysisCache | null;
  private readonly analyze: (bytes: Uint8Array, fileName: string) => Briefing;
  private readonly warn: (message: string) => void;
  /** How writes into the folder reach the disk (see LiveLibraryOptions.fs). */
  readonly fs: AtomicFs;
  private watcher: FSWatcher | null = null;
  private debounceTimer: NodeJS.Timeout | null = null;
  private rescanTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private scanAgain = false;
  private pendingFlush: Promise<void> = Promise.resolve();
  private dirtyShards = new Set<string>();
  private cacheDirty = false;
  private readonly reanalysing = new Set<string>();
  private closed = false;
  private markClosing: () => void = () => {};
  private readonly closing = new Promise<void>((resolve) => (this.markClosing = resolve));
  private lastStats: LibraryStats = { articles: 0, skipped: 0, analysed: 0, cached: 0 };
  private firstLoad: { total: number } | null = { total: 0 };
  private notifiedAt = 0;
  /** Resolves when the first load of the folder is done (or was cut short by close()). */
  ready: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    private readonly options: LiveLibraryOptions,
  ) {
    this.warn = options.warn ?? ((message) => console.warn(`briefbot library: ${message}`));
    this.analyze = options.analyze ?? analyzeBytes;
    this.fs = options.fs ?? nodeFs;
    const cacheDir = options.cacheDir === undefined ? process.env['BRIEFBOT_CACHE_DIR']?.trim() || join(dir, '.cache', 'briefbot') : options.cacheDir;
    this.cache = cacheDir === null ? null : new AnalysisCache(cacheDir, ENGINE_VERSION, this.warn);
  }

  /** Loads the folder (resolving once every article is ready) and starts watching it. */
  static async open(dir: string, options: LiveLibraryOptions = {}): Promise<LiveArticleLibrary> {
    const library = await LiveArticleLibrary.begin(dir, options);
    await library.ready;
    return library;
  }

  /**
   * Starts loading the folder and returns at once (after checking it exists): articles appear as they
   * are loaded, `loading()` says how far it got, `ready` resolves when all are in. The bot connects
   * to Discord meanwhile; the watching starts once the first load is done.
   */
  static async begin(dir: string, options: LiveLibraryOptions = {}): Promise<LiveArticleLibrary> {
    const library = new LiveArticleLibrary(dir, options);
    // The cache is read while the folder is listed and stat'ed: both are mostly waiting on the disk.
    const known = library.cache ? library.cache.load() : new Map<string, FileRecord>();
    await readdir(dir); // fail fast, with the OS's message, when the folder is missing
    // Temp files of writes a kill interrupted (here and in the cache) are never read: clear them away.
    await Promise.all([removeStaleTemps(dir), library.cache ? removeStaleTemps(library.cache.dir) : 0]);
    const first = library.scan(known, true).finally(() => {
      library.firstLoad = null;
      library.scanning = null;
    });
    library.scanning = first;
    library.ready = first.then(() => {
      if (library.closed) return;
      library.cache?.release(new Set([...library.entries.values()].map((e) => e.record.hash)));
      library.startWatching();
    });
    return library;
  }

  /** How far the first load has got, or null once it is done. */
  loading(): LoadProgress | null {
    return this.firstLoad ? { ready: this.entries.size, total: this.firstLoad.total } : null;
  }

  list(): readonly StoredArticle[] {
    return this.newestFirst();
  }

  /** Sorted on demand, so list() always agrees with get() even in the middle of a scan. */
  private newestFirst(): Entry[] {
    if (this.sortedDirty) {
      this.sorted = [...this.byId.values()].sort(newestFirst);
      this.sortedDirty = false;
    }
    return this.sorted;
  }

  get(id: string): StoredArticle | undefined {
    return this.byId.get(id);
  }

  skipped(): readonly SkippedFile[] {
    return [...this.skips].map(([name, s]) => ({ file: join(this.dir, name), reason: s.reason }));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): LibraryStats {
    return this.lastStats;
  }

  /** An article that is the same as this one: same canonical URL or same words. */
  findDuplicate(candidate: { url?: string | null; body?: string | null }): StoredArticle | undefined {
    const urlKey = canonicalUrlKey(candidate.url);
    const key = candidate.body ? textKey(candidate.body) : null;
    for (const entry of this.newestFirst()) {
      if ((urlKey !== null && entry.urlKey === urlKey) || (key !== null && entry.textKey === key)) return entry;
    }
    return undefined;
  }

  /** Rescans the folder now (after an ingest, say) and resolves when the library reflects it. */
  async sync(): Promise<void> {
    if (this.firstLoad && this.scanning) await this.scanning.catch(() => {}); // then look again
    if (this.closed) return;
    if (this.scanning) {
      this.scanAgain = true;
      await this.scanning;
      if (this.scanning) await this.scanning;
      return;
    }
    this.scanning = (async () => {
      try {
        do {
          this.scanAgain = false;
          await this.scan(new Map());
        } while (this.scanAgain && !this.closed);
      } finally {
        this.scanning = null;
      }
    })();
    await this.scanning;
  }

  /**
   * Deletes an article's file (durably) and drops it and its cache entry. Returns the removed article,
   * or undefined when no article has that id. A file that cannot be deleted throws, and stays listed.
   */
  async remove(id: string): Promise<StoredArticle | undefined> {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    await removeFileDurably(entry.file, this.fs);
    await this.sync();
    return entry;
  }

  /** Stops watching and saves the cache. */
  async close(): Promise<void> {
    this.closed = true;
    this.markClosing();
    this.watcher?.close();
    for (const timer of [this.debounceTimer, this.rescanTimer, this.flushTimer]) if (timer) clearTimeout(timer);
    if (this.scanning) await this.scanning.catch(() => {});
    await this.flushCache();
  }

  /** Saves the cache now (normally it is saved shortly after each change). */
  async flushCache(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pendingFlush = this.pendingFlush.then(() => this.writeCache());
    await this.pendingFlush;
  }

  private async writeCache(): Promise<void> {
    if (!this.cache) return;
    for (const shard of this.cache.takeRebuildShards()) this.dirtyShards.add(shard);
    if (!this.cacheDirty && this.dirtyShards.size === 0) return;
    const shards = this.dirtyShards;
    this.dirtyShards = new Set();
    this.cacheDirty = false;
    const live = new Map<string, CachedAnalysis>();
    const files = new Map<string, FileRecord>();
    for (const entry of this.entries.values()) {
      live.set(entry.record.hash, entry);
      files.set(entry.name, entry.record);
    }
    await this.cache.save(shards, live, files);
  }

  private scheduleFlush(): void {
    if (!this.cache || this.closed) return;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => void this.flushCache(), this.options.cacheFlushDelayMs ?? 1000);
    this.flushTimer.unref();
  }

  private startWatching(): void {
    if (this.options.watch ?? true) {
      try {
        this.watcher = watch(this.dir, { persistent: false }, () => this.scheduleScan());
        this.watcher.on('error', (error) => {
          this.warn(`watching ${this.dir} failed (${error.message}); relying on the periodic rescan`);
          this.watcher?.close();
          this.watcher = null;
        });
      } catch (error) {
        this.warn(`cannot watch ${this.dir} (${messageOf(error)}); relying on the periodic rescan`);
      }
    }
    const every = this.options.rescanIntervalMs ?? 5000;
    if (every > 0) {
      const tick = (): void => {
        this.rescanTimer = setTimeout(() => {
          void this.sync()
            .catch((error: unknown) => this.warn(`rescan of ${this.dir} failed: ${messageOf(error)}`))
            .finally(() => !this.closed && tick());
        }, every);
        this.rescanTimer.unref();
      };
      tick();
    }
  }

  private scheduleScan(): void {
    if (this.closed) return;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      void this.sync().catch((error: unknown) => this.warn(`rescan of ${this.dir} failed: ${messageOf(error)}`));
    }, this.options.debounceMs ?? 150);
    this.debounceTimer.unref();
  }

  /** One pass over the folder: keeps unchanged files, (re)loads changed ones, drops removed ones. */
  /**
   * The first scan stats synchronously: about half the time of 10,000 promise round-trips, nothing is
   * waiting on the event loop yet, and the cache is read on the thread pool meanwhile. Rescans stay
   * asynchronous so interactions keep being answered.
   */
  private statNow(name: string): Fingerprint | null {
    try {
      const info = statSync(join(this.dir, name), { throwIfNoEntry: false });
      return info ? fingerprintOf(info) : null;
    } catch {
      return null;
    }
  }

  private async scan(knownSoon: ReadonlyMap<string, FileRecord> | Promise<ReadonlyMap<string, FileRecord>>, first = false): Promise<void> {
    const names = (await readdir(this.dir)).filter(isArticleFile).sort();
    const present = new Set(names);
    let changed = false;
    for (const name of [...this.entries.keys(), ...this.skips.keys()]) {
      if (!present.has(name)) changed = this.forget(name) || changed;
    }
    const toLoad: { name: string; fp: Fingerprint }[] = [];
    for (let i = 0; i < names.length; i += STAT_CONCURRENCY) {
      const batch = names.slice(i, i + STAT_CONCURRENCY);
      const infos = first ? batch.map((name) => this.statNow(name)) : await Promise.all(batch.map((name) => stat(join(this.dir, name)).then(fingerprintOf, () => null)));
      batch.forEach((name, j) => {
        const fp = infos[j];
        if (!fp) {
          changed = this.forget(name) || changed; // vanished between readdir and stat
          return;
        }
        const current = this.entries.get(name);
        if (current && sameFingerprint(current.record.fp, fp)) return;
        const skip = this.skips.get(name);
        if (skip && sameFingerprint(skip.fp, fp)) return;
        toLoad.push({ name, fp });
      });
    }
    const known = await knownSoon;
    const outcomes = { analysed: 0, cached: 0, skipped: 0 };
    if (first && this.firstLoad) this.firstLoad.total = this.entries.size + toLoad.length;
    let savedAt = performance.now();
    const pool = this.poolFor(toLoad.filter(({ name, fp }) => !sameFingerprint(known.get(name)?.fp ?? NO_FILE, fp)).length);
    try {
      for (let i = 0; i < toLoad.length; i += LOAD_CONCURRENCY) {
        const window = toLoad.slice(i, i + LOAD_CONCURRENCY);
        // Claimed in name order before any await, so which of two same-id files wins does not depend on timing.
        const claimed = window.map(({ name }) => this.claim(name));
        const loads = Promise.all(window.map(({ name, fp }, j) => this.load(name, fp, known.get(name), claimed[j] ?? null, pool)));
        // A stop does not wait for analyses in flight (seconds for a big file): what is done gets saved.
        const results = await Promise.race([loads, this.closing.then(() => [] as const)]);
        for (const outcome of results) outcomes[outcome]++;
        changed = true;
        if (!this.workersOn() && outcomes.analysed > 0) await new Promise((resolve) => setImmediate(resolve)); // keep the bot responsive
        if (this.closed) break; // stopping: what is loaded so far is saved by close()
        if (first && performance.now() - savedAt > (this.options.saveEveryMs ?? 10_000)) {
          await this.flushCache(); // a long cold start keeps what it analysed, even if killed
          savedAt = performance.now();
        }
      }
      // A file that failed to load gave its id up: a same-id twin skipped behind it gets its turn now.
      for (const { name, fp } of toLoad) {
        const skip = this.skips.get(name);
        if (this.closed || !skip?.holder || this.entries.has(skip.holder)) continue;
        const outcome = await this.load(name, fp, known.get(name), this.claim(name), pool);
        outcomes[outcome]++;
      }
    } finally {
      await pool?.close();
    }
    this.lastStats = { articles: this.entries.size, skipped: this.skips.size, analysed: outcomes.analysed, cached: outcomes.cached };
    if (changed) {
      this.scheduleFlush();
      this.notify();
    }
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.warn(`a library change listener failed: ${messageOf(error)}`);
      }
    }
  }

  /** A pool of `workers` threads when many files may need analysing (a cold start); none for a few edits. */
  private poolFor(expectedMisses: number): AnalysisPool | null {
    if (!this.workersOn() || expectedMisses < (this.options.poolThreshold ?? 200)) return null;
    try {
      return new AnalysisPool(this.options.workers ?? 2);
    } catch (error) {
      this.warn(`analysis workers unavailable (${messageOf(error)}); analysing on the main thread`);
      return null;
    }
  }

  private workersOn(): boolean {
    return !this.options.analyze && (this.options.workers ?? 2) > 0;
  }

  /**
   * One file's analysis: in the scan's pool, else in the shared background worker, so whole-file work
   * never runs on the thread that answers Discord; on this thread only when `analyze` is injected or
   * workers are turned off.
   */
  private async analyzeOff(bytes: Uint8Array, name: string, pool: AnalysisPool | null): Promise<Briefing> {
    if (this.options.analyzeAsync) return this.options.analyzeAsync(bytes, name);
    if (pool) return pool.analyze(bytes, name);
    if (!this.workersOn()) return this.analyze(bytes, name);
    let background: AnalysisPool;
    try {
      background = backgroundPool();
    } catch (error) {
      this.warn(`analysis worker unavailable (${messageOf(error)}); analysing on the main thread`);
      return this.analyze(bytes, name);
    }
    return background.analyze(bytes, name);
  }

  /** A cached analysis found malformed (see `load`): analysed again off this thread, then swapped in. */
  private reanalyseInBackground(name: string): void {
    if (this.reanalysing.has(name) || this.closed) return;
    this.reanalysing.add(name);
    void (async () => {
      try {
        const entry = this.entries.get(name);
        if (!entry) return;
        const briefing = refuseEmpty(await this.analyzeOff(await readInputFile(entry.file), name, null), name);
        if (this.closed || this.entries.get(name) !== entry) return; // changed or removed meanwhile
        const fresh: Entry = { id: entry.id, file: entry.file, name, record: entry.record, briefing, textKey: textKey(briefing.body), urlKey: canonicalUrlKey(briefing.url) };
        this.entries.set(name, fresh);
        this.byId.set(entry.id, fresh);
        this.sortedDirty = true;
        this.dirtyShards.add(shardOf(entry.record.hash));
        this.cacheDirty = true;
        this.scheduleFlush();
        this.notify();
      } catch (error) {
        this.warn(`${name} could not be analysed again: ${messageOf(error)}`);
      } finally {
        this.reanalysing.delete(name);
      }
    })();
  }

  /** Returns the name of the file that already holds this file's id, or null when this file may have it. */
  private claim(name: string): string | null {
    const id = articleIdOf(name);
    const holder = this.claims.get(id);
    if (holder !== undefined && holder !== name) return holder;
    this.claims.set(id, name);
    return null;
  }

  private forget(name: string): boolean {
    const entry = this.entries.get(name);
    if (entry) {
      this.entries.delete(name);
      if (this.byId.get(entry.id) === entry) this.byId.delete(entry.id);
      this.sortedDirty = true;
      if (this.claims.get(entry.id) === name) this.claims.delete(entry.id);
      this.dirtyShards.add(shardOf(entry.record.hash));
      this.cacheDirty = true;
      this.promoteIdTwin(entry.id);
      return true;
    }
    return this.skips.delete(name);
  }

  /** When `a.txt` goes away, a skipped `a.md` with the same id can take its place. */
  private promoteIdTwin(id: string): void {
    for (const [name, skip] of this.skips) {
      if (articleIdOf(name) === id && skip.reason.startsWith('same id as')) this.skips.delete(name);
    }
  }

  private async load(
    name: string,
    fp: Fingerprint,
    knownRecord: FileRecord | undefined,
    holder: string | null,
    pool: AnalysisPool | null,
  ): Promise<'analysed' | 'cached' | 'skipped'> {
    if (holder !== null) return this.skip(name, fp, `same id as ${holder}; rename one of them`, holder);
    const file = join(this.dir, name);
    const id = articleIdOf(name);
    const previous = this.entries.get(name);
    if (previous) this.dirtyShards.add(shardOf(previous.record.hash));
    try {
      let hash = knownRecord && sameFingerprint(knownRecord.fp, fp) ? knownRecord.hash : null;
      // Only if a cached entry turns out malformed when first opened (a bug, not a torn file: checksummed).
      // Then a small file is analysed again at once; a big one in the background, and whoever asked is
      // told to ask again: whole-file work never runs on the thread that answers Discord.
      const reanalyse = (): Briefing => {
        if (statSync(file).size <= REANALYSE_HERE_MAX_BYTES) return this.analyze(readFileSync(file), name);
        this.reanalyseInBackground(name);
        throw new BriefingPendingError(`${id} is being analysed again; ask again in a moment.`);
      };
      let found = hash ? this.cache?.get(hash, reanalyse) : undefined;
      let outcome: 'analysed' | 'cached' = 'cached';
      if (!found) {
        const bytes = await readInputFile(file);
        hash = contentHash(bytes);
        found = this.cache?.get(hash, reanalyse);
        if (!found) {
          const briefing = refuseEmpty(await this.analyzeOff(bytes, name, pool), name);
          found = { briefing, textKey: textKey(briefing.body) };
          outcome = 'analysed';
        }
      }
      const record: FileRecord = { fp, hash: hash as string };
      const entry: Entry = { id, file, name, record, briefing: found.briefing, textKey: found.textKey, urlKey: canonicalUrlKey(found.briefing.url), ...(found.stored ? { stored: found.stored } : {}) };
      this.skips.delete(name);
      this.entries.set(name, entry);
      this.byId.set(id, entry);
      this.sortedDirty = true;
      if (this.firstLoad && performance.now() - this.notifiedAt > NOTIFY_EVERY_MS) {
        this.notifiedAt = performance.now();
        this.notify(); // the bot answers from what is ready while the rest loads
      }
      // A result that came from the cache is already in its shard; only the files index may be out of date.
      if (outcome === 'analysed') this.dirtyShards.add(shardOf(record.hash));
      if (knownRecord?.hash !== record.hash || !sameFingerprint(knownRecord.fp, fp)) this.cacheDirty = true;
      return outcome;
    } catch (error) {
      if (previous) this.forget(name);
      else if (this.claims.get(id) === name) this.claims.delete(id);
      if (this.closed) return 'skipped'; // the workers were stopped under it; not the file's fault
      return this.skip(name, fp, fileErrorMessage(error));
    }
  }

  private skip(name: string, fp: Fingerprint, reason: string, holder?: string): 'skipped' {
    const previous = this.skips.get(name);
    if (previous?.reason !== reason) this.warn(`skipped ${join(this.dir, name)}: ${reason}`);
    this.skips.set(name, holder === undefined ? { fp, reason } : { fp, reason, holder });
    return 'skipped';
  }
}
