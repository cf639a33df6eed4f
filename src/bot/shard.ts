/**
 * Sharded start for large bots (Discord requires sharding from 2,500 servers): discord.js's
 * ShardingManager runs src/bot/main.ts once per shard, each in its own process, and tells each
 * which shard it is through the environment (the Client picks that up by itself).
 *   npm run start:shards                shard count from Discord's recommendation (dist/shard.js)
 *   SHARD_COUNT=4 npm run start:shards
 *   npx tsx src/bot/shard.ts            the same from source
 */
import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { configFromEnvironment } from './env.js';
import { createLogger } from './logger.js';

const config = configFromEnvironment();
const logger = createLogger(config.logLevel ?? 'info');
const countEnv = process.env['SHARD_COUNT'];
const totalShards = countEnv ? Number(countEnv) : 'auto';
if (totalShards !== 'auto' && (!Number.isInteger(totalShards) || totalShards < 1)) {
  console.error(`SHARD_COUNT must be a whole number of at least 1, not "${countEnv}"`);
  process.exit(1);
}

// Each shard is a process like `npm start`: the compiled dist/bot.js, or main.ts under tsx from source.
const fromSource = import.meta.url.endsWith('.ts');
const manager = new ShardingManager(fileURLToPath(new URL(fromSource ? './main.ts' : './bot.js', import.meta.url)), {
  token: config.token,
  totalShards,
  execArgv: fromSource ? ['--import', 'tsx'] : [],
  respawn: true,
});
manager.on('shardCreate', (shard) => {
  logger.info({ shardId: shard.id }, 'shard launched');
  shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited; respawning'));
});
await manager.spawn();

async function shutdown(): Promise<void> {
  for (const shard of manager.shards.values()) shard.kill();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
