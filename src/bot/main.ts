/**
 * `npm start`: runs the bot until SIGINT/SIGTERM. Settings come from the environment or `.env`
 * (see .env.example); without a token it says what to set and exits with status 1.
 *
 * Signals are handled from the first moment (before discord.js is even loaded): the first SIGINT/SIGTERM
 * stops cleanly (the analysis cache is saved), a second one exits at once, and a forced exit after
 * FORCE_EXIT_MS always fires. A closed stdout/stderr (EPIPE) never keeps the process alive or busy.
 */
import type { RunningBot } from './app.js';
import { configFromEnvironment } from './env.js';
import { createLogger, drainLogs } from './logger.js';

const FORCE_EXIT_MS = 10_000;

// A reader that went away (a supervisor, `| tee`) must not turn every later write into an exception.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const config = configFromEnvironment();
const logger = createLogger(config.logLevel ?? 'info');

let starting: Promise<RunningBot> | null = null;
let stopping = false;
const startUp = new AbortController();

function exitCodeOf(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    // Second signal: the operator means it. Exit now, without waiting for anything.
    process.exit(exitCodeOf(signal));
  }
  stopping = true;
  logger.info({ signal }, 'shutting down');
  startUp.abort(); // still connecting: stop that, close what is open (the cache is saved)
  // Not unref'd: it fires even if something in the stop keeps the event loop waiting.
  setTimeout(() => process.exit(1), FORCE_EXIT_MS);
  const bot = starting ? await starting.catch(() => null) : null;
  await bot?.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
  await drainLogs(logger);
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));

// A handler bug must never take the bot down: log it and carry on.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

logger.info({ pid: process.pid }, 'starting');
const { startBot } = await import('./app.js'); // discord.js and the engine load after the handlers are in place
if (!stopping) {
  starting = startBot(config, { logger, abort: startUp.signal });
  try {
    await starting;
  } catch (error) {
    if (!stopping) {
      const message = error instanceof Error ? error.message : String(error);
      logger.fatal({ err: error }, 'could not start');
      console.error(`briefbot could not start: ${message}`);
      await drainLogs(logger);
      process.exit(1);
    }
  }
}
