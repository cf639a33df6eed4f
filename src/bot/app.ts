/**
 * Starts the bot: loads the articles, builds the search index, connects to Discord (or whatever
 * DISCORD_API_URL points at) with only the Guilds intent, registers commands when they changed,
 * and routes every interaction. `stop()` shuts it all down.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { commandDefinitions, commands } from '../../commands/index.js';
import { createLibraryInteractions } from '../ingest/discord/index.js';
import { LiveArticleLibrary } from '../library/live.js';
import type { ArticleSource } from '../library/source.js';
import { ArticleIndex } from '../search/index.js';
import type { BotContext } from './command.js';
import type { BotConfig } from './config.js';
import { createLogger } from './logger.js';
import { syncCommands } from './registration.js';
import { InteractionRouter } from './router.js';
import { SummaryCache } from './summaries.js';

export type { BotConfig } from './config.js';

export interface BotDeps {
  /** Where articles come from; by default the live, watched library over `config.articlesDir`. */
  readonly source?: ArticleSource;
  readonly logger?: Logger;
}

export interface RunningBot {
  readonly client: Client;
  readonly context: BotContext;
  stop(): Promise<void>;
}

export async function startBot(config: BotConfig, deps: BotDeps = {}): Promise<RunningBot> {
  const logger = deps.logger ?? createLogger(config.logLevel ?? 'info');
  let library: LiveArticleLibrary | null = null;
  const source =
    deps.source ?? (library = await LiveArticleLibrary.open(config.articlesDir, { warn: (message) => logger.warn({ articlesDir: config.articlesDir }, message) }));
  const index = new ArticleIndex(source);
  logger.info({ articles: source.list().length, skipped: source.skipped().length }, 'articles loaded');
  const context: BotContext = { source, index, summaries: new SummaryCache(), logger };
  const router = new InteractionRouter(context, commands, logger);

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  // /ingest and /remove (raw interactions: subcommands, attachments, a modal, their own buttons) go first.
  const libraryInteractions = createLibraryInteractions(context, { ingestRoleId: config.ingestRoleId });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!libraryInteractions.handle(interaction)) void router.handle(interaction);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'gateway connection error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, async (c) => {
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected');
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
  try {
    // Body text is indexed in the background while the client connects; interactions are served meanwhile.
    const indexed = index.whenIndexed();
    await client.login(config.token);
    await ready;
    await indexed;
  } catch (error) {
    index.close();
    await library?.close();
    await client.destroy();
    throw error;
  }

  let stopped = false;
  return {
    client,
    context,
    async stop() {
      if (stopped) return;
      stopped = true;
      index.close();
      await client.destroy();
      await library?.close();
      logger.info('stopped');
    },
  };
}
