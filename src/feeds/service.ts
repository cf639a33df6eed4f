/**
 * Feeds of every server: adding one (read at once; its items stored, not announced), listing,
 * removing, refreshing, and the `poll-feed` job that polls each feed on its interval with jitter,
 * backs off on errors, and pauses a feed that keeps failing (telling the server once).
 */
import type { Logger } from 'pino';
import type { SafeFetchOptions } from '../fetch/index.js';
import { backoffMs, type JobDefinition, type JobStore } from '../jobs/index.js';
import type { Clock } from '../jobs/clock.js';
import type { Feed, FeedStore } from './feed-store.js';
import type { FeedItem } from './parse.js';
import { pollFeed, type PollLimits, type PollOutcome, type StoredItem } from './poll.js';

export const POLL_FEED = 'poll-feed';

export interface FeedSettings {
  readonly intervalMs: number;
  /** ± this fraction of the interval, so feeds added together are not polled together. */
  readonly jitter: number;
  /** Failed polls in a row before the feed is paused. */
  readonly maxFailures: number;
  readonly maxFeedsPerGuild: number;
  readonly limits: PollLimits;
}

export interface FeedServiceDeps {
  readonly feeds: FeedStore;
  readonly jobs: JobStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: FeedSettings;
  readonly fetch: SafeFetchOptions;
  /** Stores an item as a briefing of the server (origin 'feed'). */
  storeItem(guildId: string, item: FeedItem): Promise<StoredItem>;
  /** New briefings of a server from a feed (not at /feed add): announced. */
  announce(guildId: string, briefingIds: readonly string[], channelId: string | null): Promise<void>;
  /** Tells the server something once (its announcement channel, else its admins' next command). */
  tell(guildId: string, text: string, channelId: string | null): Promise<void>;
  readonly random?: () => number;
}

/** A member-facing refusal of /feed add (bad URL, not a feed, too many feeds). */
export class FeedAddError extends Error {
  override readonly name = 'FeedAddError';
}

export type AddResult = { readonly feed: Feed; readonly found: number; readonly stored: number };

interface PollPayload {
  readonly feedId: string;
}

function jobIdOf(feedId: string): string {
  return `${POLL_FEED}:${feedId}`;
}

function normaliseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedAddError(`"${raw.slice(0, 100)}" is not a valid URL. Give the address of an RSS, Atom or JSON feed (https://…).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedAddError('Only http and https feeds can be followed.');
  url.hash = '';
  return url.href;
}

export function describeFeed(feed: Feed): string {
  return feed.title ? `${feed.title} (${feed.url})` : feed.url;
}

export class FeedService {
  constructor(private readonly deps: FeedServiceDeps) {}

  private nextPoll(now: number): number {
    const { intervalMs, jitter } = this.deps.settings;
    const random = this.deps.random ?? Math.random;
    return Math.round(now + intervalMs * (1 + (random() * 2 - 1) * jitter));
  }

  private pollDeps() {
    return {
      feeds: this.deps.feeds,
      fetch: this.deps.fetch,
      limits: this.deps.settings.limits,
      now: () => this.deps.clock.now(),
      storeItem: (feed: Feed, item: FeedItem) => this.deps.storeItem(feed.guildId, item),
    };
  }

  /** Follows a feed: reads it now, stores its items (not announced), and schedules its polls. */
  async add(input: { guildId: string; url: string; channelId: string | null; by: string | null }): Promise<AddResult> {
    const { feeds, jobs, clock, settings } = this.deps;
    const url = normaliseUrl(input.url);
    if (await feeds.byUrl(input.guildId, url)) throw new FeedAddError('This server already follows that feed. `/feed list` shows its feeds.');
    if ((await feeds.count(input.guildId)) >= settings.maxFeedsPerGuild) {
      throw new FeedAddError(`A server can follow at most ${settings.maxFeedsPerGuild} feeds. Remove one with \`/feed remove\` first.`);
    }
    const feed = await feeds.add({ guildId: input.guildId, url, channelId: input.channelId, createdBy: input.by }, clock.now());
    if (!feed) throw new FeedAddError('This server already follows that feed. `/feed list` shows its feeds.');
    let outcome: PollOutcome;
    try {
      outcome = await pollFeed(feed, this.pollDeps(), { seed: true });
    } catch (error) {
      await feeds.remove(input.guildId, feed.id).catch(() => undefined);
      throw error;
    }
    if (outcome.kind === 'failed') {
      await feeds.remove(input.guildId, feed.id);
      throw new FeedAddError(`That feed could not be read, so it was not added: ${outcome.error}`);
    }
    await jobs.enqueue({ id: jobIdOf(feed.id), name: POLL_FEED, guildId: input.guildId, payload: { feedId: feed.id } satisfies PollPayload, runAt: this.nextPoll(clock.now()) }, clock.now(), 'replace');
    const fresh = (await feeds.get(feed.id)) ?? feed;
    return { feed: fresh, found: outcome.kind === 'read' ? outcome.found : 0, stored: outcome.kind === 'read' ? outcome.created.length : 0 };
  }

  list(guildId: string): Promise<Feed[]> {
    return this.deps.feeds.list(guildId);
  }

  async remove(guildId: string, feedId: string): Promise<boolean> {
    const removed = await this.deps.feeds.remove(guildId, feedId);
    if (removed) await this.deps.jobs.cancel(jobIdOf(feedId));
    return removed;
  }

  /** Polls this server's feeds now (paused ones are resumed); new items are announced as usual. */
  async refresh(guildId: string): Promise<{ polled: number; created: number; failed: { feed: Feed; error: string }[] }> {
    const feeds = await this.deps.feeds.list(guildId);
    let created = 0;
    const failed: { feed: Feed; error: string }[] = [];
    for (const feed of feeds) {
      if (feed.pausedAt !== null) await this.deps.feeds.update(feed.id, { pausedAt: null, pausedReason: null, failures: 0, lastError: null });
      const outcome = await this.pollOnce({ ...feed, pausedAt: null, failures: feed.pausedAt !== null ? 0 : feed.failures });
      if (outcome.kind === 'read') created += outcome.created.length;
      if (outcome.kind === 'failed') failed.push({ feed, error: outcome.error });
      await this.deps.jobs.enqueue({ id: jobIdOf(feed.id), name: POLL_FEED, guildId, payload: { feedId: feed.id } satisfies PollPayload, runAt: this.nextPoll(this.deps.clock.now()) }, this.deps.clock.now(), 'replace');
    }
    return { polled: feeds.length, created, failed };
  }

  /** After a start: every feed that is not paused has its poll job (a lost row is put back). */
  async ensureJobs(): Promise<void> {
    const now = this.deps.clock.now();
    for (const feed of await this.deps.feeds.active()) {
      await this.deps.jobs.enqueue({ id: jobIdOf(feed.id), name: POLL_FEED, guildId: feed.guildId, payload: { feedId: feed.id }, runAt: this.nextPoll(now) }, now);
    }
  }

  /** One poll with its consequences: announce what is new, count failures, pause when they persist. */
  private async pollOnce(feed: Feed): Promise<PollOutcome> {
    const { feeds, clock, settings, logger } = this.deps;
    const outcome = await pollFeed(feed, this.pollDeps(), { seed: false });
    if (outcome.kind === 'read' && outcome.created.length > 0) await this.deps.announce(feed.guildId, outcome.created, feed.channelId);
    if (outcome.kind === 'failed') {
      const failures = feed.failures + 1;
      logger.warn({ feed: feed.id, guildId: feed.guildId, failures, error: outcome.error }, 'feed poll failed');
      if (failures >= settings.maxFailures) {
        const reason = `${failures} polls in a row failed; the last said: ${outcome.error}`;
        await feeds.update(feed.id, { failures, lastError: outcome.error, pausedAt: clock.now(), pausedReason: reason, lastPolledAt: clock.now() });
        await this.deps.tell(feed.guildId, `The feed ${describeFeed(feed)} is paused: ${reason} Run \`/feed refresh\` to try it again, or \`/feed remove\` to stop following it.`, feed.channelId);
      } else {
        await feeds.update(feed.id, { failures, lastError: outcome.error, lastPolledAt: clock.now() });
      }
    }
    return outcome;
  }

  /** The job that polls one feed, again and again. */
  definition(): JobDefinition<PollPayload> {
    return {
      name: POLL_FEED,
      // Feed failures are counted by the feed itself; a database failure is retried a few times, then the next interval.
      maxAttempts: 3,
      retryDelayMs: (attempts) => backoffMs(attempts, { baseMs: 60_000, maxMs: this.deps.settings.intervalMs }),
      next: (_job, now) => this.nextPoll(now),
      run: async (job) => {
        const feed = await this.deps.feeds.get(job.payload.feedId);
        if (!feed || feed.pausedAt !== null) return { next: null };
        const outcome = await this.pollOnce(feed);
        if (outcome.kind !== 'failed') return { next: { runAt: this.nextPoll(this.deps.clock.now()) } };
        const paused = (await this.deps.feeds.get(feed.id))?.pausedAt != null;
        if (paused) return { next: null };
        const wait = Math.max(backoffMs(feed.failures + 1, { baseMs: this.deps.settings.intervalMs / 2, maxMs: 12 * this.deps.settings.intervalMs, random: this.deps.random }), 60_000);
        return { next: { runAt: this.deps.clock.now() + wait } };
      },
    };
  }
}
