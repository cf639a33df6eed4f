/**
 * Two bots on one PostgreSQL database, both connected (real discord.js clients) to one loopback
 * Discord: a due digest is posted once, and a feed's new item is stored and announced once, however
 * the two job runners race for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestText } from '../../src/ingest/index.js';
import { ManualClock } from '../../src/jobs/index.js';
import { ADMIN_PERMISSIONS, expectNoViolations, startBotAgainstEmulator, startEmulator, type EmulatedBot, type Emulator } from '../discord/harness.js';
import { FeedServer, articlePage, rss, storyText, type TestItem } from '../feeds/feed-server.js';
import { tempDir } from '../library/helpers.js';
import { freshPostgres, postgresAvailable, type TestDatabase } from '../store/databases.js';

const pgUp = await postgresAvailable();
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 5, 7, 0, 0);

describe.skipIf(!pgUp)('two bots on one PostgreSQL', () => {
  let database: TestDatabase;
  let emulator: Emulator;
  let bots: EmulatedBot[];
  let clock: ManualClock;
  let server: FeedServer;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    database = await freshPostgres();
    emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
    server = await FeedServer.start();
    clock = new ManualClock(T0);
    let dir: string;
    ({ dir, cleanup } = await tempDir('briefbot-two-bots-'));
    bots = [];
    for (const owner of ['process-a', 'process-b']) {
      bots.push(await startBotAgainstEmulator({ emulator, articlesDir: dir, store: database.location, config: { allowPrivate: true, sharedLibrary: false }, deps: { clock, delivery: { run: false, owner } } }));
    }
  });
  afterEach(async () => {
    expectNoViolations(emulator);
    for (const bot of bots) await bot.stop();
    await emulator.close();
    await server.close();
    await database.drop();
    await cleanup();
  });

  const general = () => emulator.world.channels.find((c) => c.name === 'general')!.id;
  const posts = () => emulator.channels.inChannel(general());
  const bothRun = async (advanceMs: number) => {
    clock.advance(advanceMs);
    await Promise.all(bots.map((b) => b.bot.context.delivery!.settled()));
    await Promise.all(bots.map((b) => b.bot.context.delivery!.runner.drain()));
  };

  it('one due schedule → one post, day after day', async () => {
    const set = await emulator.sendCommand('schedule digest', { channel: 'general', every: 'daily', at: '09:00', timezone: 'Europe/Paris' }, { permissions: ADMIN_PERMISSIONS }).final();
    expect(set.content).toMatch(/Digest `s[0-9a-f]+` set/);
    const scope = await bots[0]!.bot.context.scopes.forGuild(emulator.guildId);
    const target = bots[0]!.bot.context.scopes.ingestTarget(scope)!;
    for (let day = 0; day < 4; day++) {
      clock.advance(5 * MINUTE);
      await ingestText(target, { title: `Day ${day} harbour news`, text: storyText(50 + day) }, { now: new Date(clock.now()), by: 'ana' });
      await bothRun(day === 0 ? 60 * MINUTE : 24 * 60 * MINUTE - 5 * MINUTE);
      await bothRun(0);
      expect(posts()).toHaveLength(day + 1);
    }
    expect(posts().map((m) => m.embeds[0]?.title)).toEqual(Array.from({ length: 4 }, () => 'Daily digest — 1 new briefing'));
  });

  it('a feed polled by both: the new item is stored once and announced once', async () => {
    const item = (n: number): TestItem => {
      server.serve(`/items/${n}`, articlePage(`Ferry ${n} returns`, [storyText(n)]));
      return { guid: `urn:ferry:${n}`, link: server.url(`/items/${n}`), title: `Ferry ${n} returns`, text: storyText(n) };
    };
    let items = [item(1)];
    server.serveWithEtag('/feed.xml', () => rss('Ferry news', items));
    await emulator.sendCommand('announce', { channel: 'general' }, { permissions: ADMIN_PERMISSIONS }).final();
    await emulator.sendCommand('feed add', { url: server.url('/feed.xml') }, { permissions: ADMIN_PERMISSIONS }).final();
    items = [item(2), ...items];
    await bothRun(17 * MINUTE);
    await bothRun(20_000);
    const titles = posts().map((m) => m.embeds[0]?.title).filter(Boolean);
    expect(titles).toEqual(['Ferry 2 returns']);
    const scope = await bots[1]!.bot.context.scopes.forGuild(emulator.guildId);
    expect(scope.own?.list().map((a) => a.briefing.title).sort()).toEqual(['Ferry 1 returns', 'Ferry 2 returns']);
  });
});
