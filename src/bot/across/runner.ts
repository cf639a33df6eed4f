/**
 * Runs cross-briefing tasks in one worker thread, so a digest over a thousand briefings never holds
 * up the interactions the main thread is answering. The worker starts on first use; if it cannot
 * start or dies, tasks run inline (slower for others, never lost).
 */
import { Worker } from 'node:worker_threads';
import type { Briefing } from '../../core/types.js';
import type { StoredArticle } from '../../library/store.js';
import type { SourceBriefing } from '../../corpus/types.js';
import { runTask, type AcrossResult, type AcrossTask } from './tasks.js';

interface Pending {
  readonly task: AcrossTask;
  readonly resolve: (result: AcrossResult) => void;
  readonly reject: (error: Error) => void;
}

function startWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Under tsx the worker needs tsx's loader registered first (see library/analyze-worker-boot.mjs).
    const entry = new URL('./worker.ts', self).href;
    return new Worker(new URL('../../library/analyze-worker-boot.mjs', self), { workerData: { entry } });
  }
  // The compiled build (scripts/build.mjs) puts every entry and chunk in dist/.
  return new Worker(new URL('./across-worker.js', self));
}

/** A briefing as plain data (stored briefings may decode their heavy parts lazily, through getters). */
export function plainBriefing(b: Briefing): Briefing {
  return {
    title: b.title,
    standfirst: b.standfirst,
    source: b.source,
    date: b.date,
    author: b.author,
    url: b.url,
    tags: [...b.tags],
    body: b.body,
    format: b.format,
    sentences: b.sentences,
    summary: b.summary,
    quotes: b.quotes,
    people: b.people,
    numbers: b.numbers,
    wordCount: b.wordCount,
  };
}

export function sourcesOf(articles: readonly StoredArticle[]): SourceBriefing[] {
  return articles.map((a) => ({ id: a.id, briefing: plainBriefing(a.briefing) }));
}

export class AcrossRunner {
  private worker: Worker | null = null;
  private failed = false;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly options: { readonly inline?: boolean } = {}) {}

  private ensureWorker(): Worker | null {
    if (this.options.inline || this.failed) return null;
    if (this.worker) return this.worker;
    try {
      const worker = startWorker();
      worker.unref();
      worker.on('message', (message: { id: number; result?: AcrossResult; error?: string }) => {
        const job = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (this.pending.size === 0) worker.unref();
        if (message.error !== undefined) job?.reject(new Error(message.error));
        else job?.resolve(message.result!);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', () => {
        if (this.worker === worker) this.worker = null;
        if (this.pending.size > 0) this.fail(new Error('cross-briefing worker stopped'));
      });
      this.worker = worker;
      return worker;
    } catch {
      this.failed = true;
      return null;
    }
  }

  /** The worker is gone: what it had is answered here instead, and later tasks run inline. */
  private fail(_error: Error): void {
    this.failed = true;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) {
      try {
        job.resolve(runTask(job.task));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  run(task: AcrossTask): Promise<AcrossResult> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve().then(() => runTask(task));
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { task, resolve, reject });
      worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

let shared: AcrossRunner | null = null;

/** The bot's one runner (its worker is unreferenced while idle, so it never keeps a process alive). */
export function acrossRunner(): AcrossRunner {
  shared ??= new AcrossRunner();
  return shared;
}
