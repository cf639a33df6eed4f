/**
 * Every post the bot makes on its own (announcements, digests, notices) goes through here: the
 * delivery record is written pending, then a `deliver` job posts it with a nonce made from its key
 * and marks it sent. A restart, a lost lease or a second process finds the record and does not post
 * again (and a retried request carries the same nonce, which Discord uses to return the first
 * message). A channel that is gone or closed fails the record and pauses its source; other failures
 * back off and are retried a few times, never forever.
 */
import type { Logger } from 'pino';
import type { BotMessage } from '../bot/command.js';
import { backoffMs, type Clock, type JobDefinition, type JobStore } from '../jobs/index.js';
import { nonceOf, type ChannelPoster, type GoneReason } from './poster.js';

/** Well inside the few minutes Discord remembers a nonce for. */
const NONCE_TRUSTED_MS = 2 * 60_000;
import type { DeliveryLog, DeliveryRecord } from './records.js';

export const DELIVER = 'deliver';

/** What posted it: told when its channel is gone, so it can be paused. */
export type DeliverySource = { readonly type: 'announce' } | { readonly type: 'schedule'; readonly scheduleId: string } | { readonly type: 'notice' };

export interface DeliveryPayload {
  readonly message: BotMessage;
  readonly source: DeliverySource;
}

export interface OutboxDeps {
  readonly log: DeliveryLog;
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Null while the bot is not connected (the job is retried). */
  poster(): ChannelPoster | null;
  onGone(record: DeliveryRecord & { readonly payload: DeliveryPayload }, reason: GoneReason): Promise<void>;
  /** Something was queued: look at the jobs table now. */
  wake?(): void;
}

export class Outbox {
  constructor(private readonly deps: OutboxDeps) {}

  /** Queues a post; false when this key was already queued or delivered (nothing is queued again). */
  async send(delivery: { key: string; guildId: string; channelId: string; kind: string; message: BotMessage; source: DeliverySource }): Promise<boolean> {
    const { log, jobs, clock } = this.deps;
    const now = clock.now();
    const payload: DeliveryPayload = { message: delivery.message, source: delivery.source };
    const fresh = await log.begin({ key: delivery.key, guildId: delivery.guildId, channelId: delivery.channelId, kind: delivery.kind, payload }, now);
    // Enqueued even when the record existed: a process that died between the two left a pending record without its job.
    const record = fresh ? null : await log.get(delivery.key);
    if (fresh || record?.status === 'pending') {
      await jobs.enqueue({ id: `${DELIVER}:${delivery.key}`, name: DELIVER, guildId: delivery.guildId, payload: { key: delivery.key }, runAt: now }, now);
      this.deps.wake?.();
    }
    return fresh;
  }

  /** After a start: pending records whose job was lost get one again. */
  async recover(): Promise<number> {
    const pending = await this.deps.log.list({ status: 'pending' });
    const now = this.deps.clock.now();
    for (const record of pending) await this.deps.jobs.enqueue({ id: `${DELIVER}:${record.key}`, name: DELIVER, guildId: record.guildId, payload: { key: record.key }, runAt: now }, now);
    return pending.length;
  }

  definition(): JobDefinition<{ key: string }> {
    const { log, clock, logger } = this.deps;
    return {
      name: DELIVER,
      maxAttempts: 6,
      retryDelayMs: (attempts) => backoffMs(attempts, { baseMs: 5_000, maxMs: 10 * 60_000 }),
      run: async (job, ctx) => {
        const record = await log.get(job.payload.key);
        if (!record || record.status !== 'pending') return;
        const poster = this.deps.poster();
        if (!poster) throw new Error('not connected to Discord yet');
        const payload = record.payload as DeliveryPayload;
        if (ctx.signal.aborted) throw new Error('stopping');
        // An earlier attempt may have been posted without its answer arriving (the process died). The
        // nonce makes the retry return that message, but Discord keeps nonces for a few minutes only.
        if (record.attempts > 0 && clock.now() - record.createdAt > NONCE_TRUSTED_MS) {
          const posted = await poster.findPosted(record.channelId, payload.message);
          if (posted) {
            await log.markSent(record.key, posted, clock.now());
            return;
          }
        }
        await log.attempt(record.key, clock.now());
        const result = await poster.post(record.channelId, payload.message, nonceOf(record.key));
        if (result.kind === 'sent') {
          await log.markSent(record.key, result.messageId, clock.now());
          return;
        }
        logger.warn({ key: record.key, guildId: record.guildId, channelId: record.channelId, reason: result.reason, detail: result.detail }, 'a post could not be delivered; its source is paused');
        await log.markFailed(record.key, result.detail, clock.now());
        await this.deps.onGone({ ...record, payload }, result.reason);
      },
      onGiveUp: async (job, error) => {
        await log.markFailed(job.payload.key, error instanceof Error ? error.message : String(error), clock.now());
      },
    };
  }
}
