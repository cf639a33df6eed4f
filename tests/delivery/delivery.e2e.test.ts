/**
 * Feeds, announcements and digests end to end: the real bot (startBot, real discord.js client) against
 * the loopback Discord emulator, a real SQLite store, feeds and article pages served on 127.0.0.1, and
 * the job runner ticked by the test on an injected clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nonceOf } from '../../src/delivery/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { ManualClock } from '../../src/jobs/index.js';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, embedText, expectNoViolations, startBotAgainstEmulator, type EmulatedBot, type RecordedMessage } from '../discord/harness.js';
import { FeedServer, articlePage, rss, storyText, type TestItem } from '../feeds/feed-server.js';
import { tempDir } from '../library/helpers.js';

const admin = { permissions: ADMIN_PERMISSIONS };
const T0 = Date.UTC(2026, 0, 5, 7, 0, 0); // Monday 08:00 in Paris
const MINUTE = 60_000;

let server: FeedServer;
let env: EmulatedBot;
let clock: ManualClock;
let cleanup: () => Promise<void>;
let items: TestItem[];

function item(n: number): TestItem {
  const link = server.url(`/items/${n}`);
  server.serve(`/items/${n}`, articlePage(`Pier ${n} to be rebuilt, council says`, [storyText(n), `The pier was built in ${1900 + n} and closed in ${1990 + n}.`]));
  return { guid: `urn:pier:${n}`, link, title: `Pier ${n} to be rebuilt, council says`, text: storyText(n) };
}

const delivery = () => env.bot.context.delivery!;
const channelId = (name: string) => env.emulator.world.channels.find((c) => c.name === name)!.id;
const posts = (name: string): RecordedMessage[] => env.emulator.channels.inChannel(channelId(name));

/** Lets everything due run (polls, announcements, posts) after moving the clock. */
async function runDue(advanceMs = 0): Promise<void> {
  await delivery().settled();
  clock.advance(advanceMs);
  await delivery().runner.drain();
}

async function command(name: string, options: Record<string, string | boolean> = {}, permissions = ADMIN_PERMISSIONS): Promise<RecordedMessage> {
  return env.emulator.sendCommand(name, options, { permissions }).final();
}

/** Announcements go to #news, which is then deleted; the next feed item's post finds it gone. */
async function announceIntoDeletedChannel(): Promise<void> {
  await command('announce', { channel: 'news' });
  await command('feed add', { url: server.url('/feed.xml') });
  await runDue(20_000);
  env.emulator.channels.deleteChannel(channelId('news'));
  items = [item(6), ...items];
  await runDue(17 * MINUTE);
  await runDue(20_000);
}

async function start(): Promise<void> {
  env = await startBotAgainstEmulator({ articlesDir: dir, config: { allowPrivate: true, sharedLibrary: false }, deps: { clock, delivery: { run: false } } });
}

let dir: string;
beforeEach(async () => {
  server = await FeedServer.start();
  clock = new ManualClock(T0);
  ({ dir, cleanup } = await tempDir('briefbot-delivery-'));
  items = [item(3), item(2), item(1)];
  server.serveWithEtag('/feed.xml', () => rss('Harbour Gazette', items));
  await start();
});

afterEach(async () => {
  expectNoViolations(env.emulator);
  await env.stop();
  await server.close();
  await cleanup();
});

describe('/feed and /announce', () => {
  it('/feed add stores the items without announcing; a later item is announced as a compact brief with buttons', async () => {
    const set = await command('announce', { channel: 'news' });
    expect(set.ephemeral).toBe(true);
    expect(set.content).toContain(`<#${channelId('news')}>`);
    const added = await command('feed add', { url: server.url('/feed.xml') });
    expect(added.ephemeral).toBe(true);
    expect(added.content).toMatch(/Following \*\*Harbour Gazette\*\* \(`f[0-9a-f]+`\): found 3 items, stored 3 as briefings \(not announced\)/);
    await runDue(20_000);
    // Only the confirmation of /announce: the three seeded items are not announced.
    expect(posts('news').map((m) => m.content)).toEqual([expect.stringContaining('New briefings of this server will be posted here')]);
    const scope = await env.bot.context.scopes.forGuild(env.emulator.guildId);
    expect(scope.own?.list().map((a) => a.briefing.title).sort()).toEqual(['Pier 1 to be rebuilt, council says', 'Pier 2 to be rebuilt, council says', 'Pier 3 to be rebuilt, council says']);

    items = [item(4), ...items];
    await runDue(17 * MINUTE); // the poll is due (15 min ± 10 % jitter)
    await runDue(20_000); // the burst window has passed
    const [, brief] = posts('news');
    expect(posts('news')).toHaveLength(2);
    expect(brief!.embeds[0]?.title).toBe('Pier 4 to be rebuilt, council says');
    expect(embedText(brief!)).toContain('New briefing');
    expect(brief!.allowed_mentions).toEqual({ parse: [] });
    const labels = (brief!.components[0]?.components ?? []).map((c) => c.label);
    expect(labels).toEqual(['Brief', expect.stringMatching(/^Quotes \(\d+\)$/), expect.stringMatching(/^People \(\d+\)$/), expect.stringMatching(/^Numbers \(\d+\)$/), 'Related']);
    // The buttons open the briefing in place, for anyone in the channel.
    const quotesId = brief!.components[0]!.components![1]!.custom_id!;
    const opened = await env.emulator.sendButton(quotesId, brief!, { permissions: MEMBER_PERMISSIONS }).response();
    expect(opened.type).toBe(7);
    expect(JSON.stringify(opened.data)).toContain('We have waited long enough');
  });

  it('a burst of 40 new items is one digest message; a member’s ingest is announced too; nothing pings', async () => {
    await command('announce', { channel: 'news' });
    await command('feed add', { url: server.url('/feed.xml') });
    items = [...Array.from({ length: 40 }, (_, i) => item(100 + i)), ...items];
    await runDue(17 * MINUTE);
    await runDue(20_000);
    const news = posts('news');
    expect(news).toHaveLength(2); // the /announce confirmation, then one digest
    const digest = news[1]!;
    expect(digest.embeds[0]?.title).toBe('40 new briefings');
    expect(digest.components[0]?.components?.[0]?.type).toBe(3); // a menu to brief any of them
    expect(digest.components[0]?.components?.[0]?.options).toHaveLength(25);

    const scope = await env.bot.context.scopes.forGuild(env.emulator.guildId);
    const target = env.bot.context.scopes.ingestTarget(scope)!;
    const text = `${storyText(7)} @everyone should come, said <@123456789012345678>.`;
    await ingestText(target, { title: 'Harbour open day on Sunday', text }, { now: new Date(clock.now()), by: 'ana' });
    await runDue(20_000);
    const last = posts('news').at(-1)!;
    expect(last.embeds[0]?.title).toBe('Harbour open day on Sunday');
    expect(posts('news').every((m) => JSON.stringify(m.allowed_mentions) === '{"parse":[]}')).toBe(true);
  });

  it('a rate-limited post is waited out and arrives once', async () => {
    await command('feed add', { url: server.url('/feed.xml'), channel: 'general' });
    env.emulator.rateLimitNext({ route: '/channels/:id/messages', method: 'POST', count: 1, retryAfter: 0.3 });
    items = [item(5), ...items];
    await runDue(17 * MINUTE);
    await runDue(20_000);
    expect(posts('general').map((m) => m.embeds[0]?.title)).toEqual(['Pier 5 to be rebuilt, council says']);
    expect(env.emulator.requestsTo('/channels/:id/messages', 'POST').map((r) => r.status)).toEqual([429, 200]);
  });

  it('the notice reaches an admin on any command (privately, after its answer), not a member', async () => {
    await announceIntoDeletedChannel();
    // A member's command leaves the notice for the admins.
    const member = env.emulator.sendCommand('help', {}, { permissions: MEMBER_PERMISSIONS });
    await member.final();
    const admin = env.emulator.sendCommand('help', {}, { permissions: ADMIN_PERMISSIONS });
    expect((await admin.final()).content ?? '').not.toContain('⚠️'); // the answer itself is the usual one
    const [notice] = await admin.waitForFollowUps(1);
    expect(notice!.ephemeral).toBe(true);
    expect(notice!.content).toMatch(/^⚠️ Announcements in <#\d+> are paused: the channel no longer exists/);
    expect(member.followUps).toEqual([]);
    // Told once.
    expect((await command('feed list')).content).not.toContain('⚠️');
  });

  it('a deleted announcement channel pauses announcements, tells the admin once on their next command, and is not retried', async () => {
    await announceIntoDeletedChannel();
    const tries = env.emulator.requestsTo('/channels/:id/messages', 'POST').length;
    const listed = await command('feed list');
    expect(listed.content).toMatch(/⚠️ Announcements in <#\d+> are paused: the channel no longer exists/);
    expect((await command('feed list')).content).not.toContain('⚠️');
    expect((await command('announce')).content).toMatch(/paused: the channel no longer exists/);
    items = [item(7), ...items];
    await runDue(17 * MINUTE);
    await runDue(60 * MINUTE);
    expect(env.emulator.requestsTo('/channels/:id/messages', 'POST').length).toBe(tries);
    // Pointing it at a working channel resumes.
    await command('announce', { channel: 'general' });
    items = [item(8), ...items];
    await runDue(17 * MINUTE);
    await runDue(20_000);
    expect(posts('general').at(-1)?.embeds[0]?.title).toBe('Pier 8 to be rebuilt, council says');
  });

  it('refuses members without Manage Server, a feed that is not one, and says so privately', async () => {
    const refused = await command('feed add', { url: server.url('/feed.xml') }, MEMBER_PERMISSIONS);
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/Manage Server/);
    server.serve('/page', '<!doctype html><html><body><p>Hello</p></body></html>');
    const notFeed = await command('feed add', { url: server.url('/page') });
    expect(notFeed.ephemeral).toBe(true);
    expect(notFeed.content).toMatch(/could not be read, so it was not added: The address is not an RSS, Atom or JSON feed/);
    expect((await command('feed list')).content).toMatch(/follows no feeds yet/);
  });

  it('/feed list, remove (autocompleted) and refresh', async () => {
    await command('feed add', { url: server.url('/feed.xml') });
    const list = await command('feed list');
    expect(list.content).toMatch(/Feeds followed here \(1\)[\s\S]*Harbour Gazette[\s\S]*3 stored/);
    const choices = await env.emulator.sendAutocomplete('feed remove', 'feed', 'harbour', {}, admin).choices();
    expect(choices).toHaveLength(1);
    items = [item(9), ...items];
    expect((await command('feed refresh')).content).toMatch(/Polled 1 feed: 1 new briefing\./);
    expect((await command('feed remove', { feed: String(choices[0]!.value) })).content).toMatch(/Stopped following/);
    expect((await command('feed remove', { feed: String(choices[0]!.value) })).content).toMatch(/follows no such feed/);
  });
});

describe('/schedule', () => {
  async function addBriefings(n: number, from: number): Promise<void> {
    const scope = await env.bot.context.scopes.forGuild(env.emulator.guildId);
    const target = env.bot.context.scopes.ingestTarget(scope)!;
    for (let i = 0; i < n; i++) await ingestText(target, { title: `Council story ${from + i}`, text: storyText(from + i) }, { now: new Date(clock.now()), by: 'ana' });
  }

  it('posts the digest once at its local time, not again after a restart, and once after being down for days', async () => {
    const set = await command('schedule digest', { channel: 'general', every: 'daily', at: '09:00', timezone: 'europe/paris' });
    expect(set.content).toMatch(/Digest `s[0-9a-f]+` set: daily at 09:00 \(Europe\/Paris\) in <#\d+>\. The first is due Mon 5 Jan, 09:00/);
    clock.advance(10 * MINUTE);
    await addBriefings(2, 1);
    await runDue(49 * MINUTE);
    expect(posts('general')).toHaveLength(0); // 08:59 in Paris
    await runDue(MINUTE);
    await runDue(0);
    expect(posts('general')).toHaveLength(1);
    const digest = posts('general')[0]!;
    expect(digest.embeds[0]?.title).toBe('Daily digest — 2 new briefings');
    expect(embedText(digest)).toMatch(/Council story 1[\s\S]*Council story 2/);
    // Several new briefings: the cross-briefing digest (points citing their sources), not a bare list.
    expect(digest.embeds[0]?.fields?.map((f) => f.name)).toContain('Sources');
    await runDue(MINUTE);
    expect(posts('general')).toHaveLength(1);

    await env.restart(); // same database
    await runDue(MINUTE);
    expect(posts('general')).toHaveLength(1);
    await addBriefings(1, 3);
    // Down for three days and a bit (nothing runs: only the test ticks the runner): the missed runs are posted once, on return.
    clock.advance(3 * 24 * 60 * MINUTE + 5 * MINUTE);
    await env.restart();
    await runDue(0);
    await runDue(0);
    expect(posts('general')).toHaveLength(2);
    expect(posts('general')[1]?.embeds[0]?.title).toBe('Daily digest — 1 new briefing');
    const list = await command('schedule list');
    expect(list.content).toMatch(/daily at 09:00 \(Europe\/Paris\) in <#\d+> · next Fri 9 Jan, 09:00/);
  });

  it('a restart between writing the digest record and posting it posts it once, and a re-sent post with the same nonce stays one message', async () => {
    await command('schedule digest', { channel: 'general', every: 'daily', at: '09:00', timezone: 'Europe/Paris' });
    clock.advance(MINUTE);
    await addBriefings(1, 30);
    clock.advance(59 * MINUTE);
    await delivery().runner.tick(); // the digest run: its record is written and its post queued, nothing posted yet
    const [record] = await delivery().log.list({ kind: 'digest' });
    expect(record).toMatchObject({ status: 'pending', attempts: 0 });
    expect(posts('general')).toHaveLength(0);
    // The dying process had in fact sent the post (Discord made the message) but never heard back.
    const first = env.emulator.channels.post(channelId('general'), { ...(record!.payload as { message: object }).message, nonce: nonceOf(record!.key), enforce_nonce: true }, '/test');
    expect(first.status).toBe(200);
    await env.restart();
    await runDue(0);
    expect(posts('general')).toHaveLength(1);
    expect(await delivery().log.get(record!.key)).toMatchObject({ status: 'sent', messageId: (first.body as { id: string }).id });
    await runDue(24 * 60 * MINUTE);
    expect(posts('general')).toHaveLength(1); // nothing new since: no second digest
  });

  it('a post retried after Discord forgot its nonce is found in the channel, not posted twice', async () => {
    await command('schedule digest', { channel: 'general', every: 'daily', at: '09:00', timezone: 'Europe/Paris' });
    clock.advance(MINUTE);
    await addBriefings(1, 30);
    clock.advance(59 * MINUTE);
    await delivery().runner.tick(); // the digest's record is written, its post queued
    const [record] = await delivery().log.list({ kind: 'digest' });
    // The process recorded its attempt and sent the post (Discord made the message), then died before the answer…
    await delivery().log.attempt(record!.key, clock.now());
    const first = env.emulator.channels.post(channelId('general'), { ...(record!.payload as { message: object }).message, nonce: nonceOf(record!.key), enforce_nonce: true }, '/test');
    expect(first.status).toBe(200);
    // …and came back after Discord's few minutes of nonce memory.
    env.emulator.channels.forgetNonces();
    clock.advance(30 * MINUTE);
    await env.restart();
    await runDue(0);
    expect(posts('general')).toHaveLength(1);
    expect(await delivery().log.get(record!.key)).toMatchObject({ status: 'sent', messageId: (first.body as { id: string }).id });
  });

  it('validates the time and the zone, autocompletes zones, and removes', async () => {
    expect((await command('schedule digest', { channel: 'general', every: 'daily', at: '25:00', timezone: 'UTC' })).content).toMatch(/not a time of day/);
    expect((await command('schedule digest', { channel: 'general', every: 'weekly', at: '09:00', timezone: 'Mars/Base' })).content).toMatch(/not an IANA time zone/);
    const zones = await env.emulator.sendAutocomplete('schedule digest', 'timezone', 'paris', { channel: 'general', every: 'daily', at: '09:00' }, admin).choices();
    expect(zones.map((z) => z.value)).toContain('Europe/Paris');
    const weekly = await command('schedule digest', { channel: 'news', every: 'weekly', at: '17:30', timezone: 'Asia/Tokyo', day: 'friday' });
    expect(weekly.content).toMatch(/weekly on Friday at 17:30 \(Asia\/Tokyo\)/);
    const id = /`(s[0-9a-f]+)`/.exec(weekly.content)![1]!;
    expect((await command('schedule remove', { schedule: id })).content).toContain(`Removed digest schedule \`${id}\``);
    expect((await command('schedule list')).content).toMatch(/No digests are scheduled/);
  });

  it('a channel where the bot may not post pauses the schedule and the admin is told once; it never retries', async () => {
    await command('schedule digest', { channel: 'general', every: 'daily', at: '09:00', timezone: 'Europe/Paris' });
    clock.advance(MINUTE);
    await addBriefings(1, 20);
    env.emulator.channels.deny(channelId('general'));
    await runDue(60 * MINUTE);
    await runDue(0);
    const list = await command('schedule list');
    expect(list.content).toMatch(/⚠️ The digest schedule `s[0-9a-f]+` for <#\d+> is paused: I am not allowed to post there/);
    expect(list.content).toMatch(/⏸ paused/);
    const tries = env.emulator.requestsTo('/channels/:id/messages', 'POST').length;
    await addBriefings(1, 21);
    await runDue(24 * 60 * MINUTE);
    await runDue(0);
    expect(env.emulator.requestsTo('/channels/:id/messages', 'POST').length).toBe(tries);
  });
});
