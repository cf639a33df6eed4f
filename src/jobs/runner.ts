/**
 * Runs due jobs from the jobs table, in any number of bot processes on one database: each run is
 * claimed under a lease (heartbeated while it runs), so one due job runs in one process; a process
 * that dies mid-run loses its lease and the job is taken again when the lease runs out. A failed run
 * backs off and is retried a bounded number of times; a recurring job is moved to its next due time.
 * Time comes from the injected clock; the poll loop is the only thing that waits in real time.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { backoffMs } from './backoff.js';
import type { Clock } from './clock.js';
import type { Job, JobStore } from './job-store.js';
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface JobContext {
  readonly clock: Clock;
  /** Aborted when the lease is lost or the runner stops: stop before any further side effect. */
  readonly signal: AbortSignal;
}

/** `next: null` ends a recurring job; `next: {…}` moves it (e.g. a feed's own backoff). */
export type JobResult = void | { readonly next: { readonly runAt: number; readonly payload?: unknown } | null };

export interface JobDefinition<P = unknown> {
  readonly name: string;
  run(job: Job<P>, ctx: JobContext): Promise<JobResult>;
  /** A recurring job's next due time after a run that ended at `now` (missed periods are not replayed). */
  next?(job: Job<P>, now: number): number | null;
  /** Claims of one due time before giving up on it (default 5). */
  readonly maxAttempts?: number;
  /** Delay before retry number `attempts` (default exponential from 30 s, capped at 6 h). */
  retryDelayMs?(attempts: number): number;
  /** Told once when a run is given up. */
  onGiveUp?(job: Job<P>, error: unknown): Promise<void>;
}

export interface JobRunnerOptions {
  readonly store: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly definitions: readonly JobDefinition<never>[];
  /** Who holds leases (default host:pid:random): unique per runner. */
  readonly owner?: string;
  readonly leaseMs?: number;
  /** Real-time interval between lease extensions (default a third of the lease). */
  readonly heartbeatMs?: number;
  /** Runs at once in this process. */
  readonly concurrency?: number;
  /** Real-time wait between looks at the table when idle. */
  readonly pollMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export class JobRunner {
  readonly owner: string;
  private readonly definitions: ReadonlyMap<string, JobDefinition<unknown>>;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly inFlight = new Map<string, { readonly done: Promise<void>; readonly controller: AbortController }>();
  private loop: { timer: NodeJS.Timeout | null; running: boolean } | null = null;
  private stopping = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.definitions = new Map(options.definitions.map((d) => [d.name, d as unknown as JobDefinition<unknown>]));
    this.leaseMs = options.leaseMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1000, Math.floor(this.leaseMs / 3));
    this.concurrency = options.concurrency ?? 8;
    this.pollMs = options.pollMs ?? 1000;
  }

  get running(): number {
    return this.inFlight.size;
  }

  /** Claims what is due and fits the free slots, runs it, and resolves when those runs ended. */
  async tick(): Promise<number> {
    const started = await this.claimAndStart();
    await Promise.all(started);
    return started.length;
  }

  /** Ticks until nothing is due (tests: everything the clock made due has run). */
  async drain(maxTicks = 1000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxTicks; i++) {
      const ran = await this.tick();
      if (ran === 0 && this.inFlight.size === 0) return total;
      total += ran;
    }
    return total;
  }

  /** Starts polling the table in the background. */
  start(): void {
    if (this.loop || this.stopping) return;
    this.loop = { timer: null, running: false };
    this.schedule(0);
  }

  /** Looks at the table now (something was just made due). */
  wake(): void {
    if (this.loop && !this.loop.running) this.schedule(0);
  }

  /** Stops claiming, aborts runs in progress and waits for them to settle. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.loop?.timer) clearTimeout(this.loop.timer);
    this.loop = null;
    for (const { controller } of this.inFlight.values()) controller.abort();
    await Promise.all([...this.inFlight.values()].map((r) => r.done));
  }

  private schedule(delayMs: number): void {
    const loop = this.loop;
    if (!loop) return;
    if (loop.timer) clearTimeout(loop.timer);
    loop.timer = setTimeout(() => {
      loop.timer = null;
      loop.running = true;
      this.claimAndStart()
        .then((started) => {
          for (const run of started) void run.then(() => this.wake());
          return started.length;
        })
        .catch((error: unknown) => {
          this.options.logger.warn({ err: error }, 'could not claim jobs; trying again');
          return 0;
        })
        .then((claimed) => {
          loop.running = false;
          // A full batch may mean more is due: look again at once, else wait.
          if (this.loop === loop) this.schedule(claimed > 0 && this.inFlight.size < this.concurrency ? 0 : this.pollMs);
        });
    }, delayMs);
    loop.timer.unref?.();
  }

  private async claimAndStart(): Promise<Promise<void>[]> {
    if (this.stopping) return [];
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return [];
    const jobs = await this.options.store.claim(this.owner, this.options.clock.now(), this.leaseMs, free, [...this.definitions.keys()]);
    return jobs.map((job) => {
      const controller = new AbortController();
      const done = this.execute(job, controller).finally(() => this.inFlight.delete(job.id));
      this.inFlight.set(job.id, { done, controller });
      return done;
    });
  }

  private async execute(job: Job, controller: AbortController): Promise<void> {
    const { store, clock, logger } = this.options;
    const definition = this.definitions.get(job.name);
    if (!definition) return;
    const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const heartbeat = setInterval(() => {
      store
        .heartbeat(job.id, this.owner, clock.now() + this.leaseMs)
        .then((held) => {
          if (!held) controller.abort();
        })
        .catch((error: unknown) => logger.warn({ err: error, job: job.id }, 'could not extend a job lease'));
    }, this.heartbeatMs);
    heartbeat.unref?.();
    try {
      // A run that crashed its process again and again: give it up rather than crash forever.
      if (job.attempts > maxAttempts) {
        await this.giveUp(definition, job, new Error(job.lastError ?? 'the run never finished'));
        return;
      }
      let result: JobResult;
      try {
        // Each run starts on a turn of its own, so a batch of runs never holds the event loop at once.
        await nextTurn();
        result = await definition.run(job, { clock, signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted && this.stopping) {
          await store.release(job.id, this.owner);
          return;
        }
        if (job.attempts >= maxAttempts) {
          await this.giveUp(definition, job, error);
          return;
        }
        const delay = definition.retryDelayMs ? definition.retryDelayMs(job.attempts) : backoffMs(job.attempts);
        logger.warn({ err: error, job: job.id, attempt: job.attempts }, 'job failed; it will be retried');
        await store.fail(job.id, this.owner, messageOf(error), clock.now() + delay, clock.now());
        return;
      }
      const now = clock.now();
      const next = result && 'next' in result ? result.next : definition.next ? this.nextRun(definition, job, now) : null;
      const held = await store.finish(job.id, this.owner, next);
      if (!held) logger.warn({ job: job.id }, 'a job finished after its lease was lost; another runner has it');
    } catch (error) {
      // The database failed while recording the outcome: the lease runs out and the job is taken again.
      logger.error({ err: error, job: job.id }, 'could not record the outcome of a job');
    } finally {
      clearInterval(heartbeat);
    }
  }

  private nextRun(definition: JobDefinition<unknown>, job: Job, now: number): { runAt: number } | null {
    const runAt = definition.next?.(job, now) ?? null;
    return runAt === null ? null : { runAt };
  }

  private async giveUp(definition: JobDefinition<unknown>, job: Job, error: unknown): Promise<void> {
    const { store, clock, logger } = this.options;
    logger.error({ err: error, job: job.id, attempts: job.attempts }, 'job given up after repeated failures');
    await definition.onGiveUp?.(job, error)?.catch((e: unknown) => logger.error({ err: e, job: job.id }, 'onGiveUp failed'));
    // A recurring job skips this due time and keeps its schedule; a one-off is kept, failed, for the operator.
    const next = definition.next ? this.nextRun(definition, job, clock.now()) : null;
    if (next) await store.finish(job.id, this.owner, next);
    else await store.fail(job.id, this.owner, messageOf(error), null, clock.now());
  }
}
