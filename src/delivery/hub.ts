/**
 * Everything that delivers on its own, put together once at start: the job runner, the outbox, feeds,
 * announcements, scheduled digests and notices for admins. Commands reach it through the bot context.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { acrossRunner, sourcesOf } from '../bot/across/runner.js';
import type { BotMessage } from '../bot/command.js';
import { renderDigest as renderAcrossDigest } from '../bot/render/across.js';
import type { SummaryCache } from '../bot/summaries.js';
import { DEFAULT_POLL_LIMITS, FeedService, FeedStore, storeFeedItem, type FeedItem, type StoredItem } from '../feeds/index.js';
import type { SafeFetchOptions } from '../fetch/index.js';
import type { IngestTarget } from '../ingest/index.js';
import { JobRunner, JobStore, type Clock } from '../jobs/index.js';
import type { StoredArticle } from '../library/store.js';
import type { Scopes } from '../scope/index.js';
import type { Store } from '../store/index.js';
import { Announcer } from './announcer.js';
import { NoticeBoard } from './notices.js';
import { Outbox, type DeliveryPayload } from './outbox.js';
import { describeGone, type ChannelPoster, type GoneReason } from './poster.js';
import { DeliveryLog, type DeliveryRecord } from './records.js';
import { renderDigest } from './render.js';
import { Scheduler } from './schedules.js';

/** How long a server's ingest target is reused by feed polls (real time: a cache, not a schedule). */
const TARGET_REUSE_MS = 10_000;

export interface DeliverySettings {
  readonly feedIntervalMs: number;
  readonly feedMaxFailures: number;
  readonly maxFeedsPerGuild: number;
  readonly maxSchedulesPerGuild: number;
  readonly burstMs: number;
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  feedIntervalMs: 15 * 60_000,
  feedMaxFailures: 6,
  maxFeedsPerGuild: 25,
  maxSchedulesPerGuild: 10,
  burstMs: 10_000,
  concurrency: 8,
  leaseMs: 120_000,
  pollMs: 1000,
};

export interface DeliveryDeps {
  readonly store: Store;
  readonly scopes: Scopes;
  readonly summaries: SummaryCache;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly settings: DeliverySettings;
  readonly fetch: SafeFetchOptions;
  /** The channel poster once the client is connected. */
  poster(): ChannelPoster | null;
  /** Runner identity (tests name their processes). */
  readonly owner?: string;
}

export class Delivery {
  readonly jobs: JobStore;
  readonly log: DeliveryLog;
  readonly notices: NoticeBoard;
  readonly outbox: Outbox;
  readonly announcer: Announcer;
  readonly scheduler: Scheduler;
  readonly feedStore: FeedStore;
  readonly feeds: FeedService;
  readonly runner: JobRunner;
  private unsubscribe: (() => void) | null = null;
  private readonly queueing = new Set<Promise<void>>();
  private readonly targets = new Map<string, { readonly target: IngestTarget; readonly at: number }>();

  constructor(private readonly deps: DeliveryDeps) {
    const { store, clock, logger, settings, summaries } = deps;
    this.jobs = new JobStore(store.db, store.dialect);
    this.log = new DeliveryLog(store.db);
    this.notices = new NoticeBoard(store.db);
    const wake = () => this.runner?.wake();
    this.outbox = new Outbox({ log: this.log, jobs: this.jobs, clock, logger, poster: deps.poster, onGone: (record, reason) => this.onGone(record, reason), wake });
    this.announcer = new Announcer({ db: store.db, jobs: this.jobs, clock, outbox: this.outbox, summaries, logger, burstMs: settings.burstMs, articlesOf: (g, ids) => this.articlesOf(g, ids), wake });
    this.scheduler = new Scheduler({ db: store.db, jobs: this.jobs, log: this.log, outbox: this.outbox, clock, summaries, maxPerGuild: settings.maxSchedulesPerGuild, addedBetween: (g, since, until) => this.addedBetween(g, since, until), compose: (articles, heading, footer) => this.composeDigest(articles, heading, footer) });
    this.feedStore = new FeedStore(store.db);
    this.feeds = new FeedService({
      feeds: this.feedStore,
      jobs: this.jobs,
      clock,
      logger,
      fetch: deps.fetch,
      settings: { intervalMs: settings.feedIntervalMs, jitter: 0.1, maxFailures: settings.feedMaxFailures, maxFeedsPerGuild: settings.maxFeedsPerGuild, limits: DEFAULT_POLL_LIMITS },
      storeItem: (guildId, item) => this.storeItem(guildId, item),
      announce: (guildId, ids, channelId) => this.announcer.queue(guildId, ids, channelId).then(wake),
      tell: (guildId, text, channelId) => this.tell(guildId, text, channelId),
    });
    this.runner = new JobRunner({
      store: this.jobs,
      clock,
      logger,
      concurrency: settings.concurrency,
      leaseMs: settings.leaseMs,
      pollMs: settings.pollMs,
      definitions: [this.feeds.definition(), this.announcer.definition(), this.scheduler.definition(), this.outbox.definition()],
      ...(deps.owner ? { owner: deps.owner } : {}),
    });
  }

  /** Puts back lost jobs, listens for members' ingests, and starts the runner (unless `run: false`: tests tick it). */
  async start(options: { run?: boolean } = {}): Promise<void> {
    await this.feeds.ensureJobs();
    await this.scheduler.ensureJobs();
    await this.outbox.recover();
    this.unsubscribe = this.deps.scopes.onAdded((guildId, article) => {
      // Feed items are announced by their poll (the first poll of a feed is not announced at all).
      if (article.origin !== 'ingest') return;
      const queued = this.announcer.queue(guildId, [article.id], null).then(
        () => this.runner.wake(),
        (error: unknown) => this.deps.logger.warn({ err: error, guildId }, 'could not queue an announcement'),
      );
      this.queueing.add(queued);
      void queued.finally(() => this.queueing.delete(queued));
    });
    if (options.run ?? true) this.runner.start();
  }

  /** Resolves when the announcements of briefings added so far are queued (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.queueing]);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.settled();
    this.unsubscribe = null;
    await this.runner.stop();
  }

  /** Notices for the server's admins, said once: shown on their next delivery command. */
  takeNotices(guildId: string): Promise<string[]> {
    return this.notices.take(guildId);
  }

  private async ownCatalogue(guildId: string) {
    const scope = await this.deps.scopes.forGuild(guildId);
    return scope.own;
  }

  private async articlesOf(guildId: string, ids: readonly string[]): Promise<StoredArticle[]> {
    const own = await this.ownCatalogue(guildId);
    return ids.map((id) => own?.get(id)).filter((a): a is NonNullable<typeof a> => a !== undefined);
  }

  private async addedBetween(guildId: string, since: number, until: number): Promise<StoredArticle[]> {
    const own = await this.ownCatalogue(guildId);
    return (own?.list() ?? []).filter((a) => a.addedAt > since && a.addedAt <= until).sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  }

  /**
   * The server's ingest target, kept for a few seconds: a poll stores many items, and each look-up would
   * re-read the server's catalogue (its revision moved with the previous item).
   */
  private async feedTarget(guildId: string): Promise<IngestTarget | null> {
    const now = Date.now();
    const cached = this.targets.get(guildId);
    if (cached && now - cached.at < TARGET_REUSE_MS) return cached.target;
    const target = this.deps.scopes.ingestTarget(await this.deps.scopes.forGuild(guildId), 'feed');
    if (this.targets.size > 1000) this.targets.clear();
    if (target) this.targets.set(guildId, { target, at: now });
    return target;
  }

  /**
   * A scheduled digest: the cross-briefing digest (points with their sources, people, numbers; computed in
   * its worker) when there are several new briefings, else — or if it fails — the list of them.
   */
  private async composeDigest(articles: readonly StoredArticle[], heading: string, footer: string): Promise<BotMessage> {
    if (articles.length >= 2) {
      try {
        const result = await acrossRunner().run({ kind: 'digest', sources: sourcesOf(articles), points: 7 });
        if (result.kind === 'digest') {
          const byId = new Map(articles.map((a) => [a.id, a]));
          const message = renderAcrossDigest({ digest: result.digest, lookup: (id) => byId.get(id), briefings: articles.length, period: footer });
          const [embed, ...rest] = message.embeds ?? [];
          if (embed) return { ...message, embeds: [{ ...embed, title: heading }, ...rest] };
        }
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'the cross-briefing digest failed; posting the list of new briefings');
      }
    }
    return renderDigest(articles, this.deps.summaries, heading, footer);
  }

  private async storeItem(guildId: string, item: FeedItem): Promise<StoredItem> {
    const target = await this.feedTarget(guildId);
    // The database is not reachable: the poll fails and is retried (nothing is marked seen).
    if (!target) throw new Error('the server’s store is not reachable');
    return storeFeedItem(target, item, { by: 'feed', now: new Date(this.deps.clock.now()), fetch: this.deps.fetch });
  }

  /** Says something to a server once: in the given or announcement channel when there is one, else to its admins. */
  private async tell(guildId: string, text: string, channelId: string | null): Promise<void> {
    const now = this.deps.clock.now();
    const target = await this.announcer.target(guildId);
    const channel = channelId ?? (target && target.pausedAt === null ? target.channelId : null);
    if (channel) {
      const key = `notice:${guildId}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}:${now}`;
      await this.outbox.send({ key, guildId, channelId: channel, kind: 'notice', message: { content: text }, source: { type: 'notice' } });
    } else {
      await this.notices.add(guildId, text, now);
    }
  }

  private async onGone(record: DeliveryRecord & { readonly payload: DeliveryPayload }, reason: GoneReason): Promise<void> {
    const why = describeGone(reason);
    const now = this.deps.clock.now();
    const source = record.payload.source;
    if (source.type === 'schedule') {
      await this.scheduler.pauseChannel(record.guildId, record.channelId, why);
      await this.notices.add(record.guildId, `The digest schedule \`${source.scheduleId}\` for <#${record.channelId}> is paused: ${why}. Fix it and add the schedule again with \`/schedule digest\` (or remove it with \`/schedule remove\`).`, now);
      return;
    }
    if (source.type === 'announce') {
      const target = await this.announcer.target(record.guildId);
      if (target?.channelId === record.channelId) {
        await this.announcer.pause(record.guildId, why);
        await this.notices.add(record.guildId, `Announcements in <#${record.channelId}> are paused: ${why}. Run \`/announce channel:\` again to resume.`, now);
      }
      const feeds = await this.feedStore.clearChannel(record.guildId, record.channelId);
      if (feeds > 0) await this.notices.add(record.guildId, `${feeds} feed${feeds === 1 ? '' : 's'} announced in <#${record.channelId}>, but ${why}; they now use the server's announcement channel.`, now);
      return;
    }
    await this.notices.add(record.guildId, `A notice could not be posted in <#${record.channelId}> (${why}).`, now);
  }
}

export { DEFAULT_POLL_LIMITS };
