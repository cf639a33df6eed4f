/**
 * `npm start`: runs the bot until SIGINT/SIGTERM. Settings come from the environment or `.env`
 * (see .env.example); without a token it says what to set and exits with status 1.
 */
import { startBot, type RunningBot } from './app.js';
import { configFromEnvironment } from './env.js';
import { createLogger } from './logger.js';

const config = configFromEnvironment();
const logger = createLogger(config.logLevel ?? 'info');

// A handler bug must never take the bot down: log it and carry on.
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

let bot: RunningBot;
try {
  bot = await startBot(config, { logger });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: error }, 'could not start');
  console.error(`briefbot could not start: ${message}`);
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await bot.stop().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
  logger.flush();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
