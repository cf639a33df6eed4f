/**
 * Structured logs (pino): JSON lines in production, pretty lines in development when pino-pretty is
 * installed (it is a devDependency). Secrets are redacted wherever they appear in a logged object.
 */
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import { LogOutput } from './log-output.js';

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

const outputs = new WeakMap<Logger, LogOutput>();

export function createLogger(level = 'info', options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? (prettyAvailable() && process.stdout.isTTY === true);
  const settings = { level, base: { app: 'briefbot' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (pretty) return pino({ ...settings, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' } } });
  // Not pino's default destination: its exit-time flushSync retries a broken pipe forever (see LogOutput).
  const output = new LogOutput(1);
  const logger = pino(settings, output);
  outputs.set(logger, output);
  return logger;
}

/** Waits (at most `timeoutMs`) until what was logged is written; never blocks on a reader that went away. */
export async function drainLogs(logger: Logger, timeoutMs = 1000): Promise<void> {
  const output = outputs.get(logger);
  if (output) await output.drained(timeoutMs);
  else await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
