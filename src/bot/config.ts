/**
 * The bot's settings, from the environment (and `.env` via dotenv), checked at start-up so a
 * mistake is reported in one clear sentence instead of a stack trace from deep inside discord.js.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { DeliverySettings } from '../delivery/hub.js';
import type { StoreLocation } from '../store/index.js';

export interface BotConfig {
  readonly token: string;
  readonly clientId: string;
  readonly guildId?: string;
  readonly articlesDir: string;
  /** REST base URL (DISCORD_API_URL), e.g. a rate-limit proxy or the test emulator. */
  readonly apiUrl?: string;
  readonly logLevel?: string;
  /** A role allowed to add articles, when ingesting is enabled. */
  readonly ingestRoleId?: string;
  /** Where servers' briefings and settings are kept; default SQLite at `data/briefbot.sqlite`. */
  readonly store?: StoreLocation;
  /** Whether the articles folder is visible in every server (SHARED_LIBRARY, default true). */
  readonly sharedLibrary?: boolean;
  /** Days a server's data is kept after the bot is removed from it; 0 keeps it until /settings erase. */
  readonly retentionDays?: number;
  /** How many servers' briefings are held in memory together, counted in briefings. */
  readonly hotBriefings?: number;
  /** INGEST_ALLOW_PRIVATE=true: fetch from private/loopback addresses (tests, intranets). */
  readonly allowPrivate?: boolean;
  /** BRIEFBOT_CACHE_DIR: where the shared folder's analyses are cached (default ARTICLES_DIR/.cache/briefbot). */
  readonly cacheDir?: string;
  /** Feed polling, announcement bursts and job runner settings (FEED_POLL_MINUTES, …). */
  readonly delivery?: Partial<DeliverySettings>;
}

export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_HOT_BRIEFINGS = 10_000;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits (Developer Portal → your application → General Information)');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is not set' })
    .trim()
    .min(1, 'is empty')
    .refine((t) => !/\s/.test(t), 'must not contain spaces'),
  DISCORD_CLIENT_ID: z.string({ error: 'is not set' }).trim().pipe(snowflake),
  DISCORD_GUILD_ID: optional(z.string().trim().pipe(snowflake)),
  ARTICLES_DIR: optional(z.string().trim().min(1)).transform((v) => v ?? 'articles'),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })),
  INGEST_ROLE_ID: optional(z.string().trim().pipe(snowflake)),
  /** Older name of INGEST_ROLE_ID, still accepted. */
  DISCORD_INGEST_ROLE_ID: optional(z.string().trim().pipe(snowflake)),
  INGEST_ALLOW_PRIVATE: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  BRIEFBOT_CACHE_DIR: optional(z.string().trim().min(1)),
  DATA_DIR: optional(z.string().trim().min(1)).transform((v) => v ?? 'data'),
  DATABASE_URL: optional(z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/briefbot')),
  SHARED_LIBRARY: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  GUILD_DATA_RETENTION_DAYS: optional(z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be 0 or more')),
  FEED_POLL_MINUTES: optional(z.coerce.number({ error: 'must be a number of minutes' }).int('must be a whole number of minutes').min(5, 'must be at least 5 (feeds are not polled more often)').max(1440, 'must be at most 1440 (a day)')),
  FEED_MAX_FAILURES: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100')),
  FEEDS_PER_SERVER: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000')),
  ANNOUNCE_BURST_SECONDS: optional(z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(0, 'must be 0 or more').max(600, 'must be at most 600')),
  HOT_BRIEFINGS: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(100, 'must be at least 100')),
});

export const NO_TOKEN_HELP = [
  'DISCORD_TOKEN is not set, so the bot cannot connect to Discord.',
  'Copy .env.example to .env and fill in DISCORD_TOKEN and DISCORD_CLIENT_ID',
  '(Discord Developer Portal → your application → Bot → Reset Token; General Information → Application ID).',
  'Without a token you can still read briefings offline:  npm run cli -- brief <article id or title words>',
].join('\n');

/** Only the delivery settings given (the rest keep their defaults). */
function deliveryOf(e: z.infer<typeof EnvSchema>): { delivery?: Partial<DeliverySettings> } {
  const delivery: { -readonly [K in keyof DeliverySettings]?: DeliverySettings[K] } = {};
  if (e.FEED_POLL_MINUTES !== undefined) delivery.feedIntervalMs = e.FEED_POLL_MINUTES * 60_000;
  if (e.FEED_MAX_FAILURES !== undefined) delivery.feedMaxFailures = e.FEED_MAX_FAILURES;
  if (e.FEEDS_PER_SERVER !== undefined) delivery.maxFeedsPerGuild = e.FEEDS_PER_SERVER;
  if (e.ANNOUNCE_BURST_SECONDS !== undefined) delivery.burstMs = e.ANNOUNCE_BURST_SECONDS * 1000;
  return Object.keys(delivery).length > 0 ? { delivery } : {};
}

/** Validates the environment; throws ConfigError with every problem, one per line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  if (!env['DISCORD_TOKEN']?.trim()) throw new ConfigError(NO_TOKEN_HELP);
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
    throw new ConfigError(`The bot's settings are not valid:\n  ${lines.join('\n  ')}\nSee .env.example for what each setting means.`);
  }
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID,
    articlesDir: e.ARTICLES_DIR,
    ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
    ...(e.LOG_LEVEL ? { logLevel: e.LOG_LEVEL } : {}),
    ...((e.INGEST_ROLE_ID ?? e.DISCORD_INGEST_ROLE_ID) ? { ingestRoleId: e.INGEST_ROLE_ID ?? e.DISCORD_INGEST_ROLE_ID } : {}),
    store: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: join(e.DATA_DIR, 'briefbot.sqlite') },
    sharedLibrary: e.SHARED_LIBRARY !== 'false',
    retentionDays: e.GUILD_DATA_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    hotBriefings: e.HOT_BRIEFINGS ?? DEFAULT_HOT_BRIEFINGS,
    allowPrivate: e.INGEST_ALLOW_PRIVATE === 'true',
    ...(e.BRIEFBOT_CACHE_DIR ? { cacheDir: e.BRIEFBOT_CACHE_DIR } : {}),
    ...deliveryOf(e),
  };
}
