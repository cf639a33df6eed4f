/**
 * Scheduled digests: `/schedule digest` rules in the database, each with a `digest:<id>` job due at
 * its next local time. A run posts what the server stored since the previous digest, under a delivery
 * key naming the due time, so a restart or a second process cannot post that due time twice; the
 * next due time is counted from now, so a run missed while the bot was down is posted once.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { BotMessage } from '../bot/command.js';
import type { SummaryCache } from '../bot/summaries.js';
import type { Clock, JobDefinition, JobStore } from '../jobs/index.js';
import type { StoredArticle } from '../library/store.js';
import { storeErrorOf } from '../store/errors.js';
import type { Database, SchedulesTable } from '../store/schema.js';
import type { Outbox } from './outbox.js';
import type { DeliveryLog } from './records.js';
import { renderDigest } from './render.js';
import { describeRule, formatLocal, nextDue, type Every, type ScheduleRule } from './schedule-time.js';

export const DIGEST = 'digest';

export interface Schedule extends ScheduleRule {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly since: number;
  readonly pausedAt: number | null;
  readonly pausedReason: string | null;
  readonly createdBy: string | null;
}

export interface SchedulerDeps {
  readonly db: Kysely<Database>;
  readonly jobs: JobStore;
  readonly log: DeliveryLog;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly summaries: SummaryCache;
  readonly maxPerGuild: number;
  /** The digest message of these briefings (the cross-briefing digest); the list of them when absent. */
  compose?(articles: readonly StoredArticle[], heading: string, footer: string): Promise<BotMessage>;
  /** The server's briefings added after `since`, up to `until` (oldest first). */
  addedBetween(guildId: string, since: number, until: number): Promise<StoredArticle[]>;
}

const num = (v: number | null) => (v === null ? null : Number(v));

function scheduleOf(r: Selectable<SchedulesTable>): Schedule {
  return {
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    every: r.every === 'weekly' ? 'weekly' : 'daily',
    atMinute: Number(r.at_minute),
    weekday: num(r.weekday),
    timezone: r.timezone,
    since: Number(r.since),
    pausedAt: num(r.paused_at),
    pausedReason: r.paused_reason,
    createdBy: r.created_by,
  };
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

export class ScheduleLimitError extends Error {
  override readonly name = 'ScheduleLimitError';
}

export class Scheduler {
  constructor(private readonly deps: SchedulerDeps) {}

  private jobId(id: string): string {
    return `${DIGEST}:${id}`;
  }

  async add(input: { guildId: string; channelId: string; every: Every; atMinute: number; weekday: number | null; timezone: string; by: string | null }): Promise<{ schedule: Schedule; nextAt: number }> {
    const { db, jobs, clock, maxPerGuild } = this.deps;
    if ((await this.list(input.guildId)).length >= maxPerGuild) throw new ScheduleLimitError(`A server can have at most ${maxPerGuild} digest schedules. Remove one with \`/schedule remove\` first.`);
    const now = clock.now();
    const id = `s${randomBytes(3).toString('hex')}`;
    await run(() =>
      db
        .insertInto('schedules')
        .values({ id, guild_id: input.guildId, channel_id: input.channelId, every: input.every, at_minute: input.atMinute, weekday: input.every === 'weekly' ? (input.weekday ?? 1) : null, timezone: input.timezone, since: now, paused_at: null, paused_reason: null, created_by: input.by, created_at: now })
        .execute(),
    );
    const schedule = (await this.get(id))!;
    const nextAt = nextDue(schedule, now);
    await jobs.enqueue({ id: this.jobId(id), name: DIGEST, guildId: input.guildId, payload: { scheduleId: id }, runAt: nextAt }, now, 'replace');
    return { schedule, nextAt };
  }

  get(id: string): Promise<Schedule | null> {
    return run(async () => {
      const row = await this.deps.db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? scheduleOf(row) : null;
    });
  }

  list(guildId: string): Promise<Schedule[]> {
    return run(async () => (await this.deps.db.selectFrom('schedules').selectAll().where('guild_id', '=', guildId).orderBy('created_at').orderBy('id').execute()).map(scheduleOf));
  }

  async nextRunOf(id: string): Promise<number | null> {
    return (await this.deps.jobs.get(this.jobId(id)))?.runAt ?? null;
  }

  async remove(guildId: string, id: string): Promise<boolean> {
    const removed = await run(async () => Number((await this.deps.db.deleteFrom('schedules').where('guild_id', '=', guildId).where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0);
    if (removed) await this.deps.jobs.cancel(this.jobId(id));
    return removed;
  }

  pause(id: string, reason: string): Promise<void> {
    return run(async () => {
      await this.deps.db.updateTable('schedules').set({ paused_at: this.deps.clock.now(), paused_reason: reason }).where('id', '=', id).execute();
    });
  }

  /** Pauses every schedule posting to a channel that is gone. */
  pauseChannel(guildId: string, channelId: string, reason: string): Promise<number> {
    return run(async () => Number((await this.deps.db.updateTable('schedules').set({ paused_at: this.deps.clock.now(), paused_reason: reason }).where('guild_id', '=', guildId).where('channel_id', '=', channelId).where('paused_at', 'is', null).executeTakeFirst()).numUpdatedRows));
  }

  /** After a start: every active schedule has its job (a lost row is put back at its next due time). */
  async ensureJobs(): Promise<void> {
    const now = this.deps.clock.now();
    const rows = await run(() => this.deps.db.selectFrom('schedules').selectAll().where('paused_at', 'is', null).execute());
    for (const schedule of rows.map(scheduleOf)) {
      await this.deps.jobs.enqueue({ id: this.jobId(schedule.id), name: DIGEST, guildId: schedule.guildId, payload: { scheduleId: schedule.id }, runAt: nextDue(schedule, now) }, now);
    }
  }

  definition(): JobDefinition<{ scheduleId: string }> {
    return {
      name: DIGEST,
      maxAttempts: 5,
      // Only used after a give-up (a run returns its own next time): skip a day rather than end the schedule.
      next: (_job, now) => now + 24 * 60 * 60_000,
      run: async (job) => {
        const { log, outbox, clock, db } = this.deps;
        const schedule = await this.get(job.payload.scheduleId);
        if (!schedule || schedule.pausedAt !== null) return { next: null };
        const key = `${DIGEST}:${schedule.id}:${job.runAt}`;
        if (!(await log.get(key))) {
          const until = clock.now();
          const articles = await this.deps.addedBetween(schedule.guildId, schedule.since, until);
          if (articles.length > 0) {
            const heading = `${schedule.every === 'weekly' ? 'Weekly' : 'Daily'} digest — ${articles.length} new briefing${articles.length === 1 ? '' : 's'}`;
            const footer = `Since ${formatLocal(schedule.since, schedule.timezone)} · ${describeRule(schedule)}`;
            const message = this.deps.compose ? await this.deps.compose(articles, heading, footer) : renderDigest(articles, this.deps.summaries, heading, footer);
            await outbox.send({ key, guildId: schedule.guildId, channelId: schedule.channelId, kind: 'digest', message, source: { type: 'schedule', scheduleId: schedule.id } });
            await run(() => db.updateTable('schedules').set({ since: until }).where('id', '=', schedule.id).execute());
          }
        }
        return { next: { runAt: nextDue(schedule, clock.now()) } };
      },
    };
  }
}
