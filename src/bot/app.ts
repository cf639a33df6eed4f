/**
 * Starts the bot: opens the shared articles folder and the database of servers' briefings, builds the
 * context every interaction shares, connects to Discord (or whatever DISCORD_API_URL points at) with
 * only the Guilds intent, registers commands when they changed, and routes every interaction.
 * `stop()` shuts it all down.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { commandDefinitions, commands } from '../../commands/index.js';
import type { Briefing } from '../core/types.js';
import { DEFAULT_DELIVERY_SETTINGS, Delivery, restPoster, type ChannelPoster } from '../delivery/index.js';
import { createLibraryInteractions } from '../ingest/discord/index.js';
import { systemClock, type Clock } from '../jobs/index.js';
import { LiveArticleLibrary } from '../library/live.js';
import { AnalysisPool } from '../library/pool.js';
import { Scopes, type SharedLibrary } from '../scope/index.js';
import { ArticleIndex } from '../search/index.js';
import { Store } from '../store/index.js';
import type { BotContext } from './command.js';
import { DEFAULT_HOT_BRIEFINGS, DEFAULT_RETENTION_DAYS, type BotConfig } from './config.js';
import { createLogger } from './logger.js';
import { syncCommands } from './registration.js';
import { InteractionRouter } from './router.js';
import { SummaryCache } from './summaries.js';
import { GuildPresence } from './guild-presence.js';

export type { BotConfig } from './config.js';

export interface BotDeps {
  /** The shared articles; by default the live, watched library over `config.articlesDir`. */
  readonly source?: SharedLibrary;
  /** An open store (tests, benches); by default the one `config.store` names, closed on stop. */
  readonly store?: Store;
  readonly logger?: Logger;
  /** How ingested briefings are analysed; by default in a worker thread, off the thread that answers Discord. */
  readonly analyze?: (bytes: Uint8Array, fileName: string) => Promise<Briefing>;
  /** The schedulers' clock (tests move it by hand). */
  readonly clock?: Clock;
  /** `run: false`: the job runner does not poll by itself (tests tick it); `owner` names this process's leases. */
  readonly delivery?: { readonly run?: boolean; readonly owner?: string };
  /** Aborted (a signal during start-up): stop connecting, close everything (the cache is saved) and reject. */
  readonly abort?: AbortSignal;
  /** How often a database not reachable at start is tried again (default 30 s; tests shorten it). */
  readonly storeRetryMs?: number;
}

export interface RunningBot {
  readonly client: Client;
  readonly context: BotContext;
  /** Resolves when the shared folder is fully loaded and indexed (the bot answers before, from what is ready). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

const STORE_RETRY_MS = 30_000;

/** One worker for ingests, started on the first one: a member's 5 MB page never blocks the bot. */
function lazyAnalysis(): { analyze: (bytes: Uint8Array, name: string) => Promise<Briefing>; close(): Promise<void> } {
  let pool: AnalysisPool | null = null;
  return {
    analyze: (bytes, name) => (pool ??= new AnalysisPool(1)).analyze(bytes, name),
    close: async () => {
      await pool?.close();
    },
  };
}

export async function startBot(config: BotConfig, deps: BotDeps = {}): Promise<RunningBot> {
  const logger = deps.logger ?? createLogger(config.logLevel ?? 'info');
  const location = config.store ?? { kind: 'sqlite', file: 'data/briefbot.sqlite' };
  const storeError = (error: Error) => logger.error({ err: error }, 'database connection error');
  // The database and the folder are opened together (both wait on the disk or the network).
  const storeOpening = deps.store ? Promise.resolve(deps.store) : Store.open(location, { onError: storeError });
  storeOpening.catch(() => undefined); // awaited below, after the folder; not unhandled meanwhile
  let library: LiveArticleLibrary | null = null;
  const sharedOn = config.sharedLibrary ?? true;
  let source: SharedLibrary | null = null;
  if (sharedOn) {
    // Loading goes on in the background (worker threads): the bot connects first and answers from what is ready.
    source = deps.source ?? (library = await LiveArticleLibrary.begin(config.articlesDir, {
        warn: (message) => logger.warn({ articlesDir: config.articlesDir }, message),
        ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}),
      }));
  }
  let store: Store | null = null;
  try {
    store = await storeOpening;
    logger.info({ store: store.description }, 'database ready');
  } catch (error) {
    if ((error as { code?: string }).code === 'newer-schema') {
      await library?.close();
      throw error;
    }
    // The bot still answers from the shared folder; servers' own briefings come back with the database.
    logger.error({ err: error }, `the database could not be opened; serving the shared library only and retrying every ${Math.round((deps.storeRetryMs ?? STORE_RETRY_MS) / 1000)} s`);
  }
  const index = source ? new ArticleIndex(source) : null;
  if (library) {
    const opened = library;
    index?.holdFullText(opened.ready);
    void opened.ready.then(
      () => logger.info({ ...opened.stats(), articles: opened.list().length, skipped: opened.skipped().length }, 'articles ready'),
      (error: unknown) => logger.error({ err: error }, 'the articles folder could not be loaded'),
    );
  } else if (source) logger.info({ articles: source.list().length, skipped: source.skipped().length }, 'articles loaded');
  const analysis = deps.analyze ? { analyze: deps.analyze, close: () => Promise.resolve() } : lazyAnalysis();
  const scopes = new Scopes({
    store,
    shared: source && index ? { source, index } : null,
    analyze: analysis.analyze,
    logger,
    hotBriefings: config.hotBriefings ?? DEFAULT_HOT_BRIEFINGS,
  });
  const summaries = new SummaryCache();
  // Set once connected: posts wait (their jobs retry) until then.
  let poster: ChannelPoster | null = null;
  let connected = false;
  // Feeds, announcements and digests live in the database: made when it is open (at start, or when it comes back).
  let delivery: Delivery | null = null;
  const makeDelivery = (opened: Store) =>
    new Delivery({
      store: opened,
      scopes,
      summaries,
      logger,
      clock: deps.clock ?? systemClock,
      settings: { ...DEFAULT_DELIVERY_SETTINGS, ...config.delivery },
      fetch: { allowPrivate: config.allowPrivate ?? false },
      poster: () => poster,
      ...(deps.delivery?.owner ? { owner: deps.delivery.owner } : {}),
    });
  const startDelivery = (): Promise<void> =>
    delivery?.start({ run: deps.delivery?.run ?? true }).catch((error: unknown) => logger.error({ err: error }, 'could not start feeds, announcements and digests')) ?? Promise.resolve();
  if (store) delivery = makeDelivery(store);
  let retry: NodeJS.Timeout | null = null;
  if (!store) {
    retry = setInterval(() => {
      Store.open(location, { onError: storeError })
        .then((opened) => {
          if (!retry) return void opened.close(); // stopped meanwhile, or a second attempt won
          clearInterval(retry);
          retry = null;
          store = opened;
          scopes.attachStore(opened);
          delivery = makeDelivery(opened);
          logger.info({ store: opened.description }, 'database reachable again');
          if (connected) void startDelivery();
        })
        .catch((error: unknown) => logger.warn({ err: error }, 'the database is still not reachable'));
    }, deps.storeRetryMs ?? STORE_RETRY_MS);
    retry.unref();
  }
  const context: BotContext = {
    scopes,
    get delivery() {
      return delivery ?? undefined;
    },
    summaries,
    logger,
    allowPrivate: config.allowPrivate ?? false,
    ...(config.ingestRoleId ? { ingestRoleId: config.ingestRoleId } : {}),
  };
  const router = new InteractionRouter(context, commands, logger);

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  // /ingest and /remove (raw interactions: subcommands, attachments, a modal, their own buttons) go first.
  const libraryInteractions = createLibraryInteractions(context);
  client.on(Events.InteractionCreate, (interaction) => {
    if (!libraryInteractions.handle(interaction)) void router.handle(interaction);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'gateway connection error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));
  const presence = new GuildPresence(scopes, logger, config.retentionDays ?? DEFAULT_RETENTION_DAYS);
  presence.attach(client);

  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, async (c) => {
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected');
      poster = restPoster(client.rest, c.user.id);
      connected = true;
      await startDelivery();
      presence.start();
      // Under the ShardingManager only shard 0 registers, so N shards make one request, not N.
      const registers = client.shard ? client.shard.ids.includes(0) : true;
      try {
        if (!registers) return resolve();
        const changed = await syncCommands(client.rest, config.clientId, commandDefinitions(), config.guildId);
        logger.info({ scope: config.guildId ? `guild ${config.guildId}` : 'global', changed }, changed ? 'commands registered' : 'commands already up to date');
      } catch (error) {
        logger.error({ err: error }, 'could not register the slash commands; the bot still answers the ones already registered');
      }
      resolve();
    });
  });
  const closeAll = async () => {
    if (retry) clearInterval(retry);
    retry = null;
    presence.stop();
    await delivery?.stop();
    scopes.close();
    index?.close();
    await client.destroy();
    await library?.close();
    await analysis.close();
    if (!deps.store) await store?.close().catch((error: unknown) => logger.warn({ err: error }, 'error while closing the database'));
  };
  try {
    // Body text is indexed in the background while the client connects; interactions are served meanwhile.
    const indexed = index?.whenIndexed();
    // A stop asked for while connecting (Discord slow or unreachable) does not wait for the connection.
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(new Error('start-up aborted'));
      if (deps.abort?.aborted) fail();
      deps.abort?.addEventListener('abort', fail, { once: true });
    });
    aborted.catch(() => undefined);
    await Promise.race([client.login(config.token).then(() => ready), aborted]);
    await indexed;
  } catch (error) {
    await closeAll();
    throw error;
  }

  let stopped = false;
  return {
    client,
    context,
    ready: (library?.ready ?? Promise.resolve()).then(() => index?.whenIndexed(), () => undefined),
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeAll();
      logger.info('stopped');
    },
  };
}
