/**
 * End-to-end harness: the real bot (src/bot/app.ts `startBot`) against the loopback Discord emulator.
 *
 * ── Start and stop ──────────────────────────────────────────────────────────────────────────────
 *   const env = await startBotAgainstEmulator({ articlesDir });   // env: { emulator, bot, restart, stop }
 *     // options: { articlesDir, scope?: 'guild' | 'global' (default 'guild'), emulator?: Emulator,
 *     //            emulatorOptions?: EmulatorOptions, deps?: BotDeps, logLevel?: string (default 'silent') }
 *     // Resolves once the bot is ready and has registered its commands with the emulator.
 *   await restart();                    // a fresh bot against the same emulator (commands, messages kept)
 *   await stop();                       // bot first, then the emulator it started (not one you passed in)
 *   botEnv(emulator, extra?)            // DISCORD_TOKEN/CLIENT_ID/GUILD_ID/API_URL for loadConfig or a child process
 *
 * ── Fire interactions (emulator/emulator.ts) ─────────────────────────────────────────────────────
 *   emulator.sendCommand(name, options?, context?)           → InteractionHandle   name may be 'cmd sub'
 *   emulator.sendAutocomplete(name, focused, typed, other?, context?) → InteractionHandle
 *   emulator.sendButton(customId, message?, context?)        → InteractionHandle   message: RecordedMessage | id
 *   emulator.sendSelect(customId, values, message?, context?) / sendModalSubmit(customId, fields, context?)
 *     options: Record<string, string | number | boolean | EmulatedUser | { attachment: { filename, content } }>
 *       (checked against the registered definition: unknown option, wrong type, missing required → throws)
 *     context: { user?, permissions?, inGuild? (false → DM), channel?, locale?, appPermissions? }
 *
 * ── Read the answers (emulator/handle.ts) ────────────────────────────────────────────────────────
 *   await handle.response()      → { type: 4|5|6|7|8|9, data, latencyMs, withResponse }  first accepted callback
 *   await handle.final()         → RecordedMessage  the original message with its real content (after a defer: once edited)
 *   await handle.choices()       → autocomplete choices [{ name, value }]
 *   await handle.waitForFollowUps(n) / handle.followUps / handle.history / handle.message
 *   handle.rejected (calls Discord refused: 50035, 40060, 10062…), handle.late, handle.expireToken()
 *   RecordedMessage: { id, content, embeds, components, flags, ephemeral, loading, allowed_mentions, attachments, versions }
 *
 * ── Rules and faults ─────────────────────────────────────────────────────────────────────────────
 *   emulator.violations / violationsOf(kind)   'invalid-form-body' | 'empty-message' | 'already-acknowledged' |
 *       'late-response' | 'expired-token' | 'wrong-callback-type' | 'unknown-interaction' | 'unauthorized' |
 *       'early-retry' | 'unknown-route'                     → expectNoViolations(emulator) in afterEach
 *   emulator.rateLimitNext({ route: '/interactions/:id/:token/callback', method?, count?, retryAfter?, global? })
 *   await emulator.dropConnection({ code?, abrupt? }); await emulator.waitForResume()
 *   emulator.gateway.invalidateSessions(resumable) / requestReconnect()
 *   emulator.requests / requestsTo(route, method?), emulator.identifies (intents), emulator.commands.list(guildId?)
 *   emulator.gateway.ackHeartbeats = false (zombie connection), emulator.unanswered(), emulator.clearRecords()
 *   startEmulator options: { token?, heartbeatIntervalMs? (1000), ackDeadlineMs? (3000), tokenLifetimeMs? (15 min),
 *       shards?, maxConcurrency?, allowedPrivilegedIntents?, waitTimeoutMs? (5000) }
 *
 * ── Reading messages ─────────────────────────────────────────────────────────────────────────────
 *   embedText(message), buttonsOf(message), customIdsOf(message), fireAll(n, fire)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type BotConfig, type BotDeps, type RunningBot } from '../../src/bot/app.js';
import type { StoreLocation } from '../../src/store/index.js';
import { startEmulator, type Emulator, type EmulatorOptions, type InteractionHandle, type MessageComponent, type RecordedMessage, type Violation } from './emulator/index.js';

export * from './emulator/index.js';

export interface StartBotOptions {
  articlesDir: string;
  /** Register commands for the emulator's guild (instant, like development) or globally. Default 'guild'. */
  scope?: 'guild' | 'global';
  /** Use this emulator (left running on stop) instead of starting one. */
  emulator?: Emulator;
  emulatorOptions?: EmulatorOptions;
  deps?: BotDeps;
  /** Wait until the shared folder is loaded and indexed (default), or start answering at once (false). */
  waitForArticles?: boolean;
  /** pino level for the bot; 'silent' keeps test output readable. */
  logLevel?: string;
  /** The database; default a SQLite file in a temporary folder kept across restart() and removed on stop. */
  store?: StoreLocation;
  /** Other settings of the bot's configuration (sharedLibrary, allowPrivate, ingestRoleId…). */
  config?: Partial<BotConfig>;
}

export interface EmulatedBot {
  emulator: Emulator;
  /** The running bot; replaced by restart(). */
  bot: RunningBot;
  /**
   * Stop the bot and start a fresh process-equivalent against the same emulator (same commands,
   * same messages): for "buttons still work after a restart" and "no re-registration" tests.
   */
  restart(): Promise<RunningBot>;
  /** Stop the bot, then the emulator if this call started it. Safe to call twice. */
  stop(): Promise<void>;
}

export function botEnv(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DISCORD_GUILD_ID: emulator.guildId,
    DISCORD_API_URL: emulator.apiUrl,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

export async function startBotAgainstEmulator(options: StartBotOptions): Promise<EmulatedBot> {
  const ownsEmulator = !options.emulator;
  const emulator = options.emulator ?? (await startEmulator({ heartbeatIntervalMs: 1000, waitTimeoutMs: 15_000, ...options.emulatorOptions }));
  const dataDir = options.store ? null : mkdtempSync(join(tmpdir(), 'briefbot-data-'));
  const store: StoreLocation = options.store ?? { kind: 'sqlite', file: join(dataDir!, 'briefbot.sqlite') };
  const launch = () =>
    startBot(
      {
        token: emulator.token,
        clientId: emulator.applicationId,
        ...(options.scope === 'global' ? {} : { guildId: emulator.guildId }),
        articlesDir: options.articlesDir,
        apiUrl: emulator.apiUrl,
        logLevel: options.logLevel ?? 'silent',
        store,
        ...options.config,
      },
      options.deps,
    );
  const removeData = () => dataDir && rmSync(dataDir, { recursive: true, force: true });
  let bot: RunningBot;
  try {
    bot = await launch();
    if (options.waitForArticles ?? true) await bot.ready;
  } catch (error) {
    if (ownsEmulator) await emulator.close();
    removeData();
    throw error;
  }
  let stopped = false;
  const env: EmulatedBot = {
    emulator,
    bot,
    async restart() {
      await env.bot.stop();
      env.bot = await launch();
      if (options.waitForArticles ?? true) await env.bot.ready;
      return env.bot;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await env.bot.stop();
      } finally {
        if (ownsEmulator) await emulator.close();
        removeData();
      }
    },
  };
  return env;
}

/** All text a member reads in a message's embeds: title, author, description, fields, footer. */
export function embedText(message: Pick<RecordedMessage, 'embeds'>): string {
  return message.embeds
    .flatMap((embed) => [
      embed.author?.name,
      embed.title,
      embed.description,
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text,
    ])
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n');
}

/** The buttons (and selects) of a message, in order, flattened out of their action rows. */
export function buttonsOf(message: Pick<RecordedMessage, 'components'>): MessageComponent[] {
  return message.components.flatMap((row) => row.components ?? []);
}

export function customIdsOf(message: Pick<RecordedMessage, 'components'>): string[] {
  return buttonsOf(message)
    .map((component) => component.custom_id)
    .filter((id): id is string => typeof id === 'string');
}

/** A readable report of violations, for failing assertions. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const detail = typeof violation.detail === 'string' ? violation.detail : violation.detail.map((error) => `${error.path.join('.')}: ${error.code} ${error.message}`).join('; ');
      return `${violation.kind} ${violation.method} ${violation.path}${violation.interactionId ? ` (interaction ${violation.interactionId})` : ''}: ${detail}`;
    })
    .join('\n');
}

/** Throws with every violation listed when the bot broke any of Discord's rules. */
export function expectNoViolations(emulator: Emulator): void {
  if (emulator.violations.length > 0) {
    throw new Error(`The bot broke Discord's rules ${emulator.violations.length} time(s):\n${describeViolations(emulator.violations)}`);
  }
}

/** Fire `count` interactions in the same tick and wait for every final message. */
export async function fireAll(count: number, fire: (index: number) => InteractionHandle): Promise<{ handles: InteractionHandle[]; messages: RecordedMessage[] }> {
  const handles = Array.from({ length: count }, (_unused, index) => fire(index));
  const messages = await Promise.all(handles.map((handle) => handle.final()));
  return { handles, messages };
}
