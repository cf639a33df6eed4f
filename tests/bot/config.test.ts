import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, NO_TOKEN_HELP } from '../../src/bot/config.js';
import { createLogger } from '../../src/bot/logger.js';
import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS } from '../../src/bot/logger.js';

const valid = { DISCORD_TOKEN: 'abc.def.ghi', DISCORD_CLIENT_ID: '123456789012345678' };

describe('loadConfig', () => {
  it('reads the settings with defaults', () => {
    expect(loadConfig(valid)).toEqual({
      token: 'abc.def.ghi',
      clientId: '123456789012345678',
      articlesDir: 'articles',
      store: { kind: 'sqlite', file: 'data/briefbot.sqlite' },
      sharedLibrary: true,
      retentionDays: 30,
      hotBriefings: 10_000,
      allowPrivate: false,
    });
    expect(
      loadConfig({ ...valid, DISCORD_GUILD_ID: '223456789012345678', ARTICLES_DIR: 'news', LOG_LEVEL: 'debug', DISCORD_API_URL: 'http://127.0.0.1:9/api/' }),
    ).toMatchObject({ guildId: '223456789012345678', articlesDir: 'news', logLevel: 'debug', apiUrl: 'http://127.0.0.1:9/api' });
  });

  it('reads the feed and announcement settings, refusing polls more often than every 5 minutes', () => {
    expect(loadConfig({ ...valid, FEED_POLL_MINUTES: '30', FEED_MAX_FAILURES: '4', FEEDS_PER_SERVER: '10', ANNOUNCE_BURST_SECONDS: '0' }).delivery).toEqual({ feedIntervalMs: 1_800_000, feedMaxFailures: 4, maxFeedsPerGuild: 10, burstMs: 0 });
    expect(() => loadConfig({ ...valid, FEED_POLL_MINUTES: '1' })).toThrow(/FEED_POLL_MINUTES must be at least 5/);
    expect(() => loadConfig({ ...valid, ANNOUNCE_BURST_SECONDS: 'soon' })).toThrow(/ANNOUNCE_BURST_SECONDS must be a number of seconds/);
  });

  it('reads the database and server settings', () => {
    expect(loadConfig({ ...valid, DATA_DIR: '/var/lib/briefbot', SHARED_LIBRARY: 'false', GUILD_DATA_RETENTION_DAYS: '0', HOT_BRIEFINGS: '5000' })).toMatchObject({
      store: { kind: 'sqlite', file: '/var/lib/briefbot/briefbot.sqlite' },
      sharedLibrary: false,
      retentionDays: 0,
      hotBriefings: 5000,
    });
    expect(loadConfig({ ...valid, DATABASE_URL: 'postgres://bot:pw@db.internal:5432/briefbot' }).store).toEqual({ kind: 'postgres', url: 'postgres://bot:pw@db.internal:5432/briefbot' });
    expect(() => loadConfig({ ...valid, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(() => loadConfig({ ...valid, GUILD_DATA_RETENTION_DAYS: '-1' })).toThrow(/GUILD_DATA_RETENTION_DAYS must be 0 or more/);
  });

  it('says what to set when the token is missing, and mentions the offline CLI', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({ DISCORD_TOKEN: '  ' })).toThrow(NO_TOKEN_HELP);
    expect(NO_TOKEN_HELP).toContain('npm run cli -- brief');
  });

  it('lists every invalid setting in one message', () => {
    try {
      loadConfig({ DISCORD_TOKEN: 'x', DISCORD_CLIENT_ID: 'abc', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://x' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('DISCORD_CLIENT_ID must be a Discord id');
      expect(message).toContain('LOG_LEVEL must be one of');
      expect(message).toContain('DISCORD_API_URL must be an http(s) URL');
      expect(message).not.toContain('x.');
    }
  });

  it('treats empty optional settings as unset', () => {
    expect(loadConfig({ ...valid, DISCORD_GUILD_ID: '', DISCORD_API_URL: '' })).toEqual(loadConfig(valid));
  });
});

describe('logger', () => {
  it('never writes the token', () => {
    let out = '';
    const stream = new Writable({
      write(chunk: Buffer, _e, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, stream);
    logger.info({ config: loadConfig(valid), token: 'abc.def.ghi', headers: { authorization: 'Bot abc.def.ghi' } }, 'starting');
    expect(out).toContain('[redacted]');
    expect(out).not.toContain('abc.def.ghi');
    expect(createLogger('silent', { pretty: false }).level).toBe('silent');
  });
});
