/**
 * Announcements: each new briefing of a server (ingested by a member or brought by a feed) is posted
 * to the server's announcement channel. New briefings wait in a queue in the database for a short
 * window, so a burst (a feed bringing 40 items) becomes one digest message; the `announce` job of the
 * server takes the queue, renders, and hands the messages to the outbox.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SummaryCache } from '../bot/summaries.js';
import type { Clock, JobDefinition, JobStore } from '../jobs/index.js';
import type { StoredArticle } from '../library/store.js';
import { storeErrorOf } from '../store/errors.js';
import type { Database } from '../store/schema.js';
import type { Outbox } from './outbox.js';
import { renderAnnouncements } from './render.js';

export const ANNOUNCE = 'announce';

export interface AnnounceTarget {
  readonly guildId: string;
  readonly channelId: string;
  readonly pausedAt: number | null;
  readonly pausedReason: string | null;
}

export interface AnnouncerDeps {
  readonly db: Kysely<Database>;
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly outbox: Outbox;
  readonly summaries: SummaryCache;
  readonly logger: Logger;
  /** How long new briefings wait to be announced together. */
  readonly burstMs: number;
  /** The server's stored briefings of these ids (those still stored). */
  articlesOf(guildId: string, ids: readonly string[]): Promise<StoredArticle[]>;
  wake?(): void;
}

/** Queue rows one announce run takes at most (a larger backlog is posted by the next runs). */
const MAX_PER_RUN = 200;

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

export class Announcer {
  constructor(private readonly deps: AnnouncerDeps) {}

  target(guildId: string): Promise<AnnounceTarget | null> {
    return run(async () => {
      const row = await this.deps.db.selectFrom('announce_targets').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
      return row ? { guildId: row.guild_id, channelId: row.channel_id, pausedAt: row.paused_at === null ? null : Number(row.paused_at), pausedReason: row.paused_reason } : null;
    });
  }

  /** Announces here from now on (a paused target is resumed). */
  setChannel(guildId: string, channelId: string, by: string | null): Promise<void> {
    return run(async () => {
      const now = this.deps.clock.now();
      await this.deps.db
        .insertInto('announce_targets')
        .values({ guild_id: guildId, channel_id: channelId, paused_at: null, paused_reason: null, created_by: by, created_at: now })
        .onConflict((oc) => oc.column('guild_id').doUpdateSet({ channel_id: channelId, paused_at: null, paused_reason: null, created_by: by }))
        .execute();
    });
  }

  stop(guildId: string): Promise<boolean> {
    return run(async () => {
      const result = await this.deps.db.deleteFrom('announce_targets').where('guild_id', '=', guildId).executeTakeFirst();
      await this.deps.db.deleteFrom('announce_queue').where('guild_id', '=', guildId).where('channel_id', 'is', null).execute();
      return Number(result.numDeletedRows) > 0;
    });
  }

  pause(guildId: string, reason: string): Promise<void> {
    return run(async () => {
      await this.deps.db.updateTable('announce_targets').set({ paused_at: this.deps.clock.now(), paused_reason: reason }).where('guild_id', '=', guildId).execute();
    });
  }

  /**
   * New briefings of a server, to be announced after the burst window (in `channelId` when their feed
   * has its own channel, else in the server's announcement channel).
   */
  queue(guildId: string, briefingIds: readonly string[], channelId: string | null): Promise<void> {
    return run(async () => {
      if (briefingIds.length === 0) return;
      if (channelId === null) {
        const target = await this.target(guildId);
        if (!target || target.pausedAt !== null) return; // nowhere to announce: nothing piles up
      }
      const now = this.deps.clock.now();
      await this.deps.db
        .insertInto('announce_queue')
        .values(briefingIds.map((id, i) => ({ guild_id: guildId, briefing_id: id, channel_id: channelId, added_at: now + i })))
        .onConflict((oc) => oc.columns(['guild_id', 'briefing_id']).doNothing())
        .execute();
      // One pending announce job per server: later briefings of the same burst join it.
      await this.deps.jobs.enqueue({ id: `${ANNOUNCE}:${guildId}`, name: ANNOUNCE, guildId, payload: { guildId }, runAt: now + this.deps.burstMs }, now);
    });
  }

  definition(): JobDefinition<{ guildId: string }> {
    return {
      name: ANNOUNCE,
      maxAttempts: 5,
      run: async (job) => {
        const { db, outbox, clock } = this.deps;
        const guildId = job.payload.guildId;
        const rows = await run(() => db.selectFrom('announce_queue').selectAll().where('guild_id', '=', guildId).orderBy('added_at').orderBy('briefing_id').limit(MAX_PER_RUN).execute());
        if (rows.length === 0) return;
        const target = await this.target(guildId);
        const byChannel = new Map<string, string[]>();
        for (const row of rows) {
          const channel = row.channel_id ?? (target && target.pausedAt === null ? target.channelId : null);
          if (!channel) continue;
          byChannel.set(channel, [...(byChannel.get(channel) ?? []), row.briefing_id]);
        }
        for (const [channelId, ids] of byChannel) {
          const articles = await this.deps.articlesOf(guildId, ids);
          const order = new Map(ids.map((id, i) => [id, i]));
          articles.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
          const messages = renderAnnouncements(articles, this.deps.summaries);
          for (const [i, message] of messages.entries()) {
            const ids = messages.length === articles.length ? [articles[i]!.id] : articles.map((a) => a.id);
            await outbox.send({
              key: `announce:${guildId}:${channelId}:${ids[0]}:${ids.length}`,
              guildId,
              channelId,
              kind: 'announce',
              message,
              source: { type: 'announce' },
            });
          }
        }
        await run(() =>
          db
            .deleteFrom('announce_queue')
            .where('guild_id', '=', guildId)
            .where(
              'briefing_id',
              'in',
              rows.map((r) => r.briefing_id),
            )
            .execute(),
        );
        // A larger backlog: go again at once.
        if (rows.length === MAX_PER_RUN) return { next: { runAt: clock.now() } };
        return { next: null };
      },
    };
  }
}
