import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import type { Briefing, CleanDocument } from '../core/types.js';
import { FeedError, type FeedErrorCode } from '../feeds/errors.js';
import type { FeedParseOptions, ParsedFeed } from '../feeds/parse.js';

type JobBody =
  | { readonly kind: 'analyze' | 'clean'; readonly bytes: Uint8Array; readonly name: string }
  | { readonly kind: 'feed'; readonly bytes: Uint8Array; readonly options: FeedParseOptions };
export type WorkerJob = JobBody & { readonly id: number };
export type WorkerReply =
  | { readonly id: number; readonly briefing: Briefing }
  | { readonly id: number; readonly doc: CleanDocument }
  | { readonly id: number; readonly feed: ParsedFeed }
  | { readonly id: number; readonly error: string; readonly inputCode?: InputError['code']; readonly feedCode?: FeedErrorCode };

interface Pending {
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  busy: number;
}

function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const entry = new URL('./analyze-worker.ts', self).href;
    return new Worker(new URL('./analyze-worker-boot.mjs', self), { workerData: { entry } });
  }
  return new Worker(new URL('./analyze-worker.js', self));
}

/**
 * A small pool of worker threads that run the engine on files (and parse fetched feeds): the main thread stays free to answer
 * interactions, and a cold start uses both cores. `idleUnref` pools (the shared one) never keep the
 * process alive while they have nothing to do.
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(
    size = Math.min(2, availableParallelism()),
    private readonly idleUnref = false,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (message: WorkerReply) => {
        slot.busy--;
        if (this.idleUnref && slot.busy === 0) worker.unref();
        const job = this.pending.get(message.id);
        this.pending.delete(message.id);
        job?.resolve(message);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', () => this.failAll(new Error('it stopped')));
      if (idleUnref) worker.unref();
      this.slots.push(slot);
    }
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(new Error(`analysis worker failed: ${error.message}`));
    this.pending.clear();
    this.closed = true;
  }

  get usable(): boolean {
    return !this.closed;
  }

  private send(body: JobBody): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new Error('analysis workers are closed'));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    if (this.idleUnref) slot.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const job: WorkerJob = { ...body, id };
      slot.worker.postMessage(job);
    });
  }

  async analyze(bytes: Uint8Array, name: string): Promise<Briefing> {
    const reply = unwrap(await this.send({ kind: 'analyze', bytes, name }));
    if (!('briefing' in reply)) throw new Error('analysis worker answered a different job');
    return reply.briefing;
  }

  /** Decodes and cleans a file's bytes (InputError for a refused input, as on the main thread). */
  async clean(bytes: Uint8Array, name: string): Promise<CleanDocument> {
    const reply = unwrap(await this.send({ kind: 'clean', bytes, name }));
    if (!('doc' in reply)) throw new Error('analysis worker answered a different job');
    return reply.doc;
  }

  /** Parses a fetched feed (FeedError for one that is not a feed, as on the main thread): a 5 MB feed is whole-file work. */
  async parseFeed(bytes: Uint8Array, options: FeedParseOptions): Promise<ParsedFeed> {
    const reply = unwrap(await this.send({ kind: 'feed', bytes, options }));
    if (!('feed' in reply)) throw new Error('analysis worker answered a different job');
    return reply.feed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function unwrap(reply: WorkerReply): Exclude<WorkerReply, { error: string }> {
  if (!('error' in reply)) return reply;
  if (reply.inputCode) throw new InputError(reply.error, reply.inputCode);
  if (reply.feedCode) throw new FeedError(reply.feedCode, reply.error);
  throw new Error(reply.error);
}

let shared: AnalysisPool | null = null;

/**
 * One background worker for the odd file (an ingest, an edit, a file dropped into the folder), started on
 * first use and kept: whole-file analysis never runs on the thread that answers Discord.
 */
export function backgroundPool(): AnalysisPool {
  if (!shared?.usable) shared = new AnalysisPool(1, true);
  return shared;
}
