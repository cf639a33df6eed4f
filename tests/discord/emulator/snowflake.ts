import { randomBytes } from 'node:crypto';

/** Discord-shaped snowflake ids (17–19 digits), so @discordjs/rest buckets routes as it would on Discord. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

export function nextSnowflake(now: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(now) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Interaction tokens are opaque to the bot; make them long and unique like Discord's. */
export function nextToken(prefix: string): string {
  return `${Buffer.from(`${prefix}:${nextSnowflake()}`).toString('base64url')}.${randomBytes(30).toString('base64url')}`;
}
