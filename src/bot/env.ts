import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig, type BotConfig } from './config.js';

/** Reads `.env` (if any) into the environment, then validates it. Prints and exits on bad settings. */
export function configFromEnvironment(): BotConfig {
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
