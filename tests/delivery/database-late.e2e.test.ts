/**
 * The database not reachable at start, then back: the bot answers meanwhile (store commands say why they
 * cannot work), and once the database opens, feeds, announcements and digests start without a restart.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/jobs/index.js';
import { ADMIN_PERMISSIONS, expectNoViolations, startBotAgainstEmulator, type EmulatedBot, type RecordedMessage } from '../discord/harness.js';
import { FeedServer, articlePage, rss, storyText, type TestItem } from '../feeds/feed-server.js';
import { tempDir } from '../library/helpers.js';

const MINUTE = 60_000;
let server: FeedServer;
let env: EmulatedBot;
let clock: ManualClock;
let dir: string;
let cleanup: () => Promise<void>;

function item(n: number): TestItem {
  server.serve(`/items/${n}`, articlePage(`Quay ${n} reopens after repairs`, [storyText(n), `The quay was first opened in ${1880 + n}.`]));
  return { guid: `urn:quay:${n}`, link: server.url(`/items/${n}`), title: `Quay ${n} reopens after repairs`, text: storyText(n) };
}

const command = (name: string, options: Record<string, string> = {}): Promise<RecordedMessage> => env.emulator.sendCommand(name, options, { permissions: ADMIN_PERMISSIONS }).final();

beforeEach(async () => {
  server = await FeedServer.start();
  clock = new ManualClock(Date.UTC(2026, 0, 5, 7, 0, 0));
  ({ dir, cleanup } = await tempDir('briefbot-db-late-'));
  // The data folder's place is taken by a file: the SQLite file cannot be created until it is removed.
  await writeFile(join(dir, 'data'), 'not a folder');
  env = await startBotAgainstEmulator({
    articlesDir: join(dir, 'no-articles'),
    store: { kind: 'sqlite', file: join(dir, 'data', 'briefbot.sqlite') },
    config: { allowPrivate: true, sharedLibrary: false },
    deps: { clock, delivery: { run: false }, storeRetryMs: 100 },
  });
});

afterEach(async () => {
  expectNoViolations(env.emulator);
  await env.stop();
  await server.close();
  await cleanup();
});

it('feeds and announcements start when the database becomes reachable, without a restart', async () => {
  const before = await command('feed list');
  expect(before.ephemeral).toBe(true);
  expect(before.content).toContain('not reachable');

  await rm(join(dir, 'data'));
  for (let i = 0; i < 200 && !env.bot.context.delivery; i++) await sleep(50);
  expect(env.bot.context.delivery, 'the database was not opened again after the blocker was removed').toBeDefined();

  let items = [item(2), item(1)];
  server.serveWithEtag('/feed.xml', () => rss('Quay Times', items));
  expect((await command('announce', { channel: 'news' })).content).toContain('will be announced in');
  expect((await command('feed add', { url: server.url('/feed.xml') })).content).toMatch(/found 2 items, stored 2 as briefings/);

  items = [item(3), ...items];
  const delivery = env.bot.context.delivery!;
  await delivery.settled();
  clock.advance(17 * MINUTE);
  await delivery.runner.drain();
  await delivery.settled();
  clock.advance(20_000);
  await delivery.runner.drain();
  const news = env.emulator.channels.inChannel(env.emulator.world.channels.find((c) => c.name === 'news')!.id);
  expect(news.map((m) => m.embeds[0]?.title ?? m.content)).toEqual([expect.stringContaining('will be posted here'), 'Quay 3 reopens after repairs']);
});
