/**
 * Delivery bench: 1,000 feeds served on loopback, polled in one cycle by the bot's own job runner
 * (real bot, real discord.js client against the emulator, SQLite store), while the bot answers /help
 * at 100 interactions per second. Two cycles: every feed with one new item (its page fetched, cleaned,
 * analysed in the worker and stored as a briefing), then every feed unchanged (304 Not Modified).
 * Reports the cycle time, the process CPU time and peak RSS, and dispatch→first response p50/p99.
 *
 *   npm run bench -- delivery          (BENCH_FEEDS=1000 BENCH_RATE=100 to change)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { startBot } from '../../src/bot/app.js';
import { itemKeys, parseFeedBytes } from '../../src/feeds/index.js';
import { startEmulator, type InteractionHandle } from '../../tests/discord/emulator/index.js';
import { FeedServer, articlePage, rss, storyText, type TestItem } from '../../tests/feeds/feed-server.js';
import { loopLag, percentile } from './discord.js';

interface Sampled {
  readonly latencies: number[];
  missed: number;
  stop(): Promise<void>;
}

/** Fires /help at `rate` per second until stopped; records dispatch → first response. */
function fireSteadily(rate: number, fire: () => InteractionHandle): Sampled {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let running = true;
  const sampled: Sampled = {
    latencies,
    missed: 0,
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
    },
  };
  const loop = (async () => {
    const started = performance.now();
    for (let i = 0; running; i++) {
      const wait = started + (i * 1000) / rate - performance.now();
      if (wait > 1) await sleep(wait);
      const sentAt = performance.now();
      const handle = fire();
      pending.push(
        handle.response(10_000).then(
          () => void latencies.push(performance.now() - sentAt),
          () => void sampled.missed++,
        ),
      );
    }
  })();
  return sampled;
}

export async function runDeliveryBench(): Promise<void> {
  const feedCount = Number(process.env['BENCH_FEEDS'] ?? 1000);
  const rate = Number(process.env['BENCH_RATE'] ?? 100);
  const servers = Number(process.env['BENCH_SERVERS'] ?? 100);
  console.log(`delivery: ${feedCount} feeds of ${servers} servers on loopback polled in one cycle by the bot's job runner, /help at ${rate}/s meanwhile`);
  console.log(`  idle event-loop lag before starting: ${(await loopLag(20)).toFixed(1)} ms worst of 20 (machine load)`);
  const server = await FeedServer.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'briefbot-bench-delivery-'));
  const emulator = await startEmulator({ heartbeatIntervalMs: 5000, waitTimeoutMs: 10_000 });
  const logger = pino({ level: 'info' }, pino.destination('/dev/null'));
  const bot = await startBot(
    { token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, articlesDir: '/nonexistent', apiUrl: emulator.apiUrl, sharedLibrary: false, allowPrivate: true, store: { kind: 'sqlite', file: join(dataDir, 'briefbot.sqlite') } },
    { logger },
  );
  const delivery = bot.context.delivery!;
  // Server ids: the emulator's guild first, the rest made up (feeds spread over them as on a real bot).
  const serverOf = (f: number) => (f % servers === 0 ? emulator.guildId : `${BigInt(emulator.guildId) + BigInt(f % servers)}`);
  try {
    // Each feed starts with one item already seen (as after its /feed add); the cycle brings one new item.
    const feeds: { id: string; items: TestItem[] }[] = [];
    for (let f = 0; f < feedCount; f++) {
      const old: TestItem = { guid: `urn:bench:${f}:0`, link: server.url(`/p/${f}/0`), title: `Old story ${f}`, text: storyText(f) };
      const entry = { id: '', items: [old] };
      server.serveWithEtag(`/feed/${f}`, () => rss(`Bench feed ${f}`, entry.items));
      const feed = await delivery.feedStore.add({ guildId: serverOf(f), url: server.url(`/feed/${f}`), channelId: null, createdBy: 'bench' }, Date.now());
      if (!feed) throw new Error('feed not added');
      entry.id = feed.id;
      const parsed = parseFeedBytes(Buffer.from(rss(`Bench feed ${f}`, [old])), { url: server.url(`/feed/${f}`) });
      await delivery.feedStore.markSeen(feed.id, parsed.items.flatMap(itemKeys), Date.now());
      await delivery.jobs.enqueue({ id: `poll-feed:${feed.id}`, name: 'poll-feed', guildId: serverOf(f), payload: { feedId: feed.id }, runAt: Date.now() + 3_600_000 }, Date.now());
      feeds.push(entry);
    }
    for (const [f, entry] of feeds.entries()) {
      server.serve(`/p/${f}/1`, articlePage(`Harbour story ${f}`, [storyText(f + 1), `Feed ${f} reported ${f * 3} boats at the quay on ${1 + (f % 28)} May.`]));
      entry.items = [{ guid: `urn:bench:${f}:1`, link: server.url(`/p/${f}/1`), title: `Harbour story ${f}`, text: storyText(f + 1) }, ...entry.items];
    }
    await sleep(1000);

    const cycle = async (label: string) => {
      const since = Date.now();
      const cpu = process.cpuUsage();
      let peakRss = process.memoryUsage().rss;
      const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
      const load = fireSteadily(rate, () => emulator.sendCommand('help'));
      const started = performance.now();
      await delivery.jobs.runNow(feeds.map((f) => `poll-feed:${f.id}`), Date.now());
      delivery.runner.wake();
      // One aggregate query per check: reading every feed row here would be the bench's own load on the bot's thread.
      while ((await delivery.feedStore.progress(since)).polled < feeds.length || delivery.runner.running > 0) await sleep(100);
      const seconds = (performance.now() - started) / 1000;
      await load.stop();
      clearInterval(rssTimer);
      const used = process.cpuUsage(cpu);
      const sorted = [...load.latencies].sort((a, b) => a - b);
      const { stored } = await delivery.feedStore.progress(since);
      console.log(
        `  ${label.padEnd(30)} cycle ${seconds.toFixed(1)} s (${(feeds.length / seconds).toFixed(0)} feeds/s); CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB; briefings stored ${stored}; /help ${sorted.length} answered: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms, missed ${load.missed}`,
      );
    };
    await cycle('one new item per feed');
    await cycle('unchanged (304)');
  } finally {
    await bot.stop();
    await emulator.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
