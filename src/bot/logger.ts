/**
 * Structured logs (pino): JSON lines in production, pretty lines in development when pino-pretty is
 * installed (it is a devDependency). Secrets are redacted wherever they appear in a logged object.
 */
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

export const REDACT_PATHS = [
  'token',
  '*.token',
  'config.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

function prettyAvailable(): boolean {
  if (process.env['NODE_ENV'] === 'production') return false;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function createLogger(level = 'info', options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? (prettyAvailable() && process.stdout.isTTY === true);
  return pino({
    level,
    base: { app: 'briefbot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' } } } : {}),
  });
}
