/**
 * Feeds polled from a real HTTP server on 127.0.0.1, with a real SQLite store and the job runner on an
 * injected clock: seeding at add, conditional requests, items stored once across restarts, backoff,
 * pausing a feed that keeps failing (told once), and the limits on huge and slow feeds.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLL_LIMITS, FeedAddError, FeedService, FeedStore, type FeedItem, type FeedSettings, type StoredItem } from '../../src/feeds/index.js';
import { JobRunner, JobStore, ManualClock } from '../../src/jobs/index.js';
import { Store } from '../../src/store/index.js';
import { freshSqlite, type TestDatabase } from '../store/databases.js';
import { FeedServer, atom, jsonFeed, rss, type TestItem } from './feed-server.js';

const silent = pino({ level: 'silent' });
const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;
const GUILD = '111111111111111111';
const SETTINGS: FeedSettings = { intervalMs: 15 * MINUTE, jitter: 0.1, maxFailures: 3, maxFeedsPerGuild: 5, limits: { ...DEFAULT_POLL_LIMITS, maxBytes: 64 * 1024 } };

const item = (n: number, extra: Partial<TestItem> = {}): TestItem => ({ guid: `urn:item:${n}`, link: `http://127.0.0.1/items/${n}`, title: `Story number ${n}`, text: `Text of story ${n}.`, ...extra });

describe('feeds on a loopback server', () => {
  let server: FeedServer;
  let database: TestDatabase;
  let store: Store;
  let clock: ManualClock;
  let stored: { guildId: string; item: FeedItem }[];
  let announced: { guildId: string; ids: readonly string[]; channelId: string | null }[];
  let told: { guildId: string; text: string }[];
  let feedItems: TestItem[];

  const service = (s: Store = store, fetchTimeoutMs = 3000) => {
    const storedKeys = new Set<string>();
    return new FeedService({
      feeds: new FeedStore(s.db),
      jobs: new JobStore(s.db, s.dialect),
      clock,
      logger: silent,
      settings: SETTINGS,
      fetch: { allowPrivate: true, totalTimeoutMs: fetchTimeoutMs },
      random: () => 0.5,
      async storeItem(guildId, it): Promise<StoredItem> {
        // Stands in for the server's store: one briefing per link (the real one refuses duplicates too).
        const id = `b-${it.title.toLowerCase().replace(/\W+/g, '-')}`;
        if (storedKeys.has(id)) return { kind: 'duplicate', id };
        storedKeys.add(id);
        stored.push({ guildId, item: it });
        return { kind: 'created', id };
      },
      async announce(guildId, ids, channelId) {
        announced.push({ guildId, ids, channelId });
      },
      async tell(guildId, text) {
        told.push({ guildId, text });
      },
    });
  };
  const runnerFor = (feeds: FeedService, s: Store = store) => new JobRunner({ store: new JobStore(s.db, s.dialect), clock, logger: silent, definitions: [feeds.definition()], owner: `r${Math.random()}` });

  beforeEach(async () => {
    server = await FeedServer.start();
    database = freshSqlite();
    store = await Store.open(database.location);
    clock = new ManualClock(T0);
    stored = [];
    announced = [];
    told = [];
    feedItems = [item(1), item(2), item(3)];
    server.serveWithEtag('/rss', () => rss('Harbour News', feedItems));
  });
  afterEach(async () => {
    await server.close();
    await store.close();
    await database.drop();
  });

  it('/feed add reads the feed at once and stores its items without announcing them', async () => {
    const feeds = service();
    const added = await feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: 'ana' });
    expect(added).toMatchObject({ found: 3, stored: 3, feed: { title: 'Harbour News', guildId: GUILD } });
    // Stored oldest first (the feed lists newest first).
    expect(stored.map((s) => s.item.title)).toEqual(['Story number 3', 'Story number 2', 'Story number 1']);
    expect(announced).toEqual([]);
    const jobs = await new JobStore(store.db, store.dialect).list({ guildId: GUILD });
    expect(jobs).toMatchObject([{ id: `poll-feed:${added.feed.id}`, runAt: T0 + 15 * MINUTE }]);
  });

  it('polls on its interval with the ETag: a 304 stores nothing; a changed feed brings only its new item, announced', async () => {
    const feeds = service();
    const { feed } = await feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: '999', by: null });
    const runner = runnerFor(feeds);
    clock.advance(14 * MINUTE);
    expect(await runner.drain()).toBe(0);
    clock.advance(MINUTE);
    expect(await runner.drain()).toBe(1);
    const second = server.hits('/rss')[1];
    expect(second?.ifNoneMatch).toMatch(/^".+"$/);
    expect(stored).toHaveLength(3);
    expect(announced).toEqual([]);

    feedItems = [item(4), ...feedItems];
    clock.advance(16 * MINUTE);
    expect(await runner.drain()).toBe(1);
    expect(stored.map((s) => s.item.title)).toEqual(['Story number 3', 'Story number 2', 'Story number 1', 'Story number 4']);
    expect(announced).toEqual([{ guildId: GUILD, ids: ['b-story-number-4'], channelId: '999' }]);
    expect((await new FeedStore(store.db).get(feed.id))?.itemsStored).toBe(4);
  });

  it('an item seen before is not stored again across a restart, even with a new guid or a tracking link', async () => {
    await service().add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: null });
    await store.close();
    store = await Store.open(database.location); // the bot restarts
    feedItems = [item(1, { guid: 'urn:changed:1' }), item(2, { guid: undefined, link: 'http://127.0.0.1/items/2?utm_source=feed' }), item(3, { guid: 'urn:x', link: 'http://127.0.0.1/moved/3' })];
    const feeds = service();
    clock.advance(20 * MINUTE);
    expect(await runnerFor(feeds).drain()).toBe(1);
    expect(stored).toHaveLength(3); // only the three of the first poll
    expect(announced).toEqual([]);
  });

  it('Last-Modified is sent back and a 304 is honoured', async () => {
    const lastModified = 'Mon, 05 Jan 2026 07:00:00 GMT';
    server.route('/lm', (req, res) => {
      if (req.headers['if-modified-since'] === lastModified) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': lastModified }).end(atom('Atom feed', [item(7)]));
    });
    const feeds = service();
    await feeds.add({ guildId: GUILD, url: server.url('/lm'), channelId: null, by: null });
    clock.advance(20 * MINUTE);
    await runnerFor(feeds).drain();
    expect(server.hits('/lm').map((r) => r.ifModifiedSince)).toEqual([null, lastModified]);
    expect(stored).toHaveLength(1);
  });

  it('reads a JSON Feed', async () => {
    server.serve('/feed.json', jsonFeed('JSON news', [item(8), item(9)]), 'application/feed+json');
    const added = await service().add({ guildId: GUILD, url: server.url('/feed.json'), channelId: null, by: null });
    expect(added).toMatchObject({ found: 2, stored: 2, feed: { title: 'JSON news' } });
  });

  it('refuses to add a malformed feed, a web page, a huge one or a slow one, and keeps none of them', async () => {
    server.serve('/broken', '<rss version="2.0"><channel><title>x</title><item><title>cut', 'application/rss+xml');
    server.serve('/page', '<!doctype html><html><body><p>Welcome</p></body></html>', 'text/html');
    server.serve('/huge', rss('Huge', Array.from({ length: 2000 }, (_, i) => item(i))), 'application/rss+xml');
    server.route('/slow', () => {}); // never answers
    const feeds = service(store, 300);
    await expect(feeds.add({ guildId: GUILD, url: server.url('/broken'), channelId: null, by: null })).rejects.toThrow(/could not be read, so it was not added: The feed could not be read/);
    await expect(feeds.add({ guildId: GUILD, url: server.url('/page'), channelId: null, by: null })).rejects.toThrow(/not an RSS, Atom or JSON feed/);
    await expect(feeds.add({ guildId: GUILD, url: server.url('/huge'), channelId: null, by: null })).rejects.toThrow(/larger than/);
    await expect(feeds.add({ guildId: GUILD, url: server.url('/slow'), channelId: null, by: null })).rejects.toThrow(/took longer than/);
    await expect(feeds.add({ guildId: GUILD, url: 'ftp://x/y', channelId: null, by: null })).rejects.toThrow(FeedAddError);
    expect(await feeds.list(GUILD)).toEqual([]);
    expect(stored).toEqual([]);
  });

  it('refuses a feed the server already follows, and more than the per-server limit', async () => {
    const feeds = service();
    await feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: null });
    await expect(feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: null })).rejects.toThrow(/already follows/);
    for (let i = 0; i < 4; i++) {
      server.serve(`/f${i}`, rss(`F${i}`, [item(100 + i)]), 'application/rss+xml');
      await feeds.add({ guildId: GUILD, url: server.url(`/f${i}`), channelId: null, by: null });
    }
    await expect(feeds.add({ guildId: GUILD, url: server.url('/f9'), channelId: null, by: null })).rejects.toThrow(/at most 5 feeds/);
  });

  it('backs off after failures, pauses the feed after the last one, tells the server once and stops polling', async () => {
    const feeds = service();
    const { feed } = await feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: null });
    server.route('/rss', (_req, res) => res.writeHead(500).end('down'));
    const runner = runnerFor(feeds);
    const jobStore = new JobStore(store.db, store.dialect);
    clock.advance(15 * MINUTE);
    await runner.drain();
    const afterFirst = (await jobStore.get(`poll-feed:${feed.id}`))!.runAt - clock.now();
    clock.advance(afterFirst);
    await runner.drain();
    const afterSecond = (await jobStore.get(`poll-feed:${feed.id}`))!.runAt - clock.now();
    expect(afterSecond).toBeGreaterThan(afterFirst); // backing off
    clock.advance(afterSecond);
    await runner.drain();
    const paused = await new FeedStore(store.db).get(feed.id);
    expect(paused).toMatchObject({ failures: 3, pausedReason: expect.stringContaining('answered 500') });
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toMatch(/is paused: 3 polls in a row failed.*\/feed refresh/);
    expect(await jobStore.get(`poll-feed:${feed.id}`)).toBeNull();
    const hits = server.hits('/rss').length;
    clock.advance(24 * 60 * MINUTE);
    await runner.drain();
    expect(server.hits('/rss').length).toBe(hits);
    expect(told).toHaveLength(1);

    // /feed refresh resumes it once the site is back.
    feedItems = [item(5), ...feedItems];
    server.serveWithEtag('/rss', () => rss('Harbour News', feedItems));
    const refreshed = await feeds.refresh(GUILD);
    expect(refreshed).toMatchObject({ polled: 1, created: 1, failed: [] });
    expect(await new FeedStore(store.db).get(feed.id)).toMatchObject({ pausedAt: null, failures: 0 });
    expect(await jobStore.get(`poll-feed:${feed.id}`)).not.toBeNull();
  });

  it('a burst of 40 new items is announced in one call; a 200-item seed stores only the newest ones', async () => {
    const feeds = service();
    feedItems = Array.from({ length: 200 }, (_, i) => item(1000 - i));
    const added = await feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: null });
    expect(added).toMatchObject({ found: 200, stored: DEFAULT_POLL_LIMITS.seedItems });
    feedItems = [...Array.from({ length: 40 }, (_, i) => item(2000 - i)), ...feedItems];
    clock.advance(20 * MINUTE);
    await runnerFor(feeds).drain();
    expect(announced).toHaveLength(1);
    expect(announced[0]?.ids).toHaveLength(40);
    // The 180 not stored at the seed are seen: they never come back as new.
    expect(stored).toHaveLength(DEFAULT_POLL_LIMITS.seedItems + 40);
  });

  it('a restart in the middle of a poll: the items stored before the crash are not stored or announced twice', async () => {
    const feeds = service();
    const { feed } = await feeds.add({ guildId: GUILD, url: server.url('/rss'), channelId: null, by: null });
    feedItems = [item(6), item(5), item(4), ...feedItems];
    // First process: stores item 4, then dies before marking anything else seen.
    const dying = new FeedService({
      ...((feeds as unknown as { deps: object }).deps as ConstructorParameters<typeof FeedService>[0]),
      storeItem: async (_g, it) => {
        if (it.title !== 'Story number 4') throw new Error('process killed');
        stored.push({ guildId: GUILD, item: it });
        return { kind: 'created', id: 'b-story-number-4' };
      },
    });
    clock.advance(20 * MINUTE);
    const crashed = new JobRunner({ store: new JobStore(store.db, store.dialect), clock, logger: silent, definitions: [dying.definition()], owner: 'dying' });
    await crashed.tick();
    // The restarted process polls again (after the retry delay): 4 is a duplicate now, 5 and 6 are new.
    clock.advance(60 * MINUTE);
    const restarted = service();
    const runs = await runnerFor(restarted).drain();
    expect(runs).toBeGreaterThan(0);
    const titles = stored.map((s) => s.item.title);
    expect(titles.filter((t) => t === 'Story number 4')).toHaveLength(1);
    expect(titles.filter((t) => t === 'Story number 5')).toHaveLength(1);
    expect(titles.filter((t) => t === 'Story number 6')).toHaveLength(1);
    expect(announced.flatMap((a) => a.ids)).toEqual(['b-story-number-5', 'b-story-number-6']);
    expect((await new FeedStore(store.db).get(feed.id))?.failures).toBe(0);
  });
});
