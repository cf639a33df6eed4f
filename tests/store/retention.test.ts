/** A server that removed the bot keeps its briefings for the retention period, then they are purged. */
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GuildPresence } from '../../src/bot/guild-presence.js';
import { Scopes } from '../../src/scope/index.js';
import { Store } from '../../src/store/index.js';
import { freshSqlite } from './databases.js';

const DAY = 86_400_000;
let database: ReturnType<typeof freshSqlite>;
let store: Store;

beforeEach(async () => {
  database = freshSqlite();
  store = await Store.open(database.location);
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

function row(textKey: string) {
  return { baseId: textKey, title: textKey, source: null, url: null, urlKey: null, textKey, date: null, origin: 'ingest' as const, addedAt: 0, addedBy: null, content: textKey, analysis: '{}', engineVersion: '0' };
}

it('purges only servers left longer ago than the retention period, and never with retention 0', async () => {
  let now = 100 * DAY;
  const scopes = new Scopes({ store, shared: null, analyze: () => Promise.reject(new Error('unused')), logger: pino({ level: 'silent' }) });
  const presence = new GuildPresence(scopes, pino({ level: 'silent' }), 30, () => now);
  await store.guild('1'.repeat(18)).add(row('left-long-ago'));
  await store.guild('2'.repeat(18)).add(row('left-yesterday'));
  await store.guild('3'.repeat(18)).add(row('still-here'));
  await store.guild('1'.repeat(18)).updateSettings({ leftAt: now - 31 * DAY });
  await store.guild('2'.repeat(18)).updateSettings({ leftAt: now - DAY });
  expect(await presence.purgeDue()).toEqual(['1'.repeat(18)]);
  expect(await store.guild('1'.repeat(18)).count()).toBe(0);
  expect(await store.guild('2'.repeat(18)).count()).toBe(1);
  expect(await store.guild('3'.repeat(18)).count()).toBe(1);
  now += 30 * DAY;
  expect(await new GuildPresence(scopes, pino({ level: 'silent' }), 0, () => now).purgeDue()).toEqual([]);
  expect(await presence.purgeDue()).toEqual(['2'.repeat(18)]);
  expect(await store.guild('3'.repeat(18)).count()).toBe(1);
});
