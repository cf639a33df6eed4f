/**
 * Servers bench: 1,000 servers with 100 ingested briefings each (100,000 briefings, variants of the BBC
 * dev articles read at run time, never copied into the repository) plus the shared folder, on SQLite
 * and on PostgreSQL (when a server answers). Reports seeding time and database size, warm start to the
 * first correct /brief in a server, RSS, and /brief + autocomplete latency at 200 interactions/s across
 * random servers (each server's briefings loaded from the database on its first interaction, the hot
 * set bounded) and within one server.
 *
 *   npm run bench -- servers   (BENCH_SERVERS=1000 BENCH_PER_SERVER=100 BENCH_RATE=200 BENCH_SECONDS=5;
 *                               BENCH_PG_URL=postgres://… or the local server; BENCH_PG=0 skips PostgreSQL, BENCH_SQLITE=0 SQLite)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { startBot } from '../../src/bot/app.js';
import { ENGINE_VERSION } from '../../src/core/analyze.js';
import { renderBriefingMarkdown } from '../../src/ingest/markdown.js';
import { textKey } from '../../src/library/dedupe.js';
import { encodeAnalysis, Scopes } from '../../src/scope/index.js';
import { Store, type StoreLocation } from '../../src/store/index.js';
import { startEmulator } from '../../tests/discord/emulator/index.js';
import { autocompleteQueries, baseArticles, percentile, phase, report } from './discord.js';

const SEEDS = resolve(import.meta.dirname, '..', '..', 'articles');
const PG_ADMIN = process.env['BENCH_PG_URL'] ?? 'postgres://briefbot:briefbot@127.0.0.1:5432/postgres';

function guildId(g: number): string {
  return String(100_000_000_000_000_000n + BigInt(g));
}

interface Base {
  readonly id: string;
  readonly title: string;
  readonly content: string;
  readonly analysis: string;
  readonly key: string;
  readonly date: string | null;
}

async function seed(store: Store, bases: readonly Base[], servers: number, perServer: number): Promise<void> {
  const now = Date.now();
  const CHUNK = 200;
  for (let g = 0; g < servers; g++) {
    const gid = guildId(g);
    await store.db.insertInto('guilds').values({ guild_id: gid, revision: 1, ingest_role_id: null, default_length: null, left_at: null, created_at: now }).execute();
    for (let start = 0; start < perServer; start += CHUNK) {
      const rows = [];
      for (let k = start; k < Math.min(perServer, start + CHUNK); k++) {
        const base = bases[(g * 7 + k) % bases.length]!;
        rows.push({
          guild_id: gid,
          id: `${base.id}-${k}`,
          title: base.title,
          source: 'BBC',
          url: null,
          url_key: null,
          text_key: `${base.key}-${k}`,
          date: base.date,
          origin: 'ingest',
          added_at: now - k * 60_000,
          added_by: null,
          content: base.content,
          rev: 1,
          analysis: base.analysis,
          engine_version: ENGINE_VERSION,
        });
      }
      await store.db.insertInto('guild_briefings').values(rows).execute();
    }
  }
}

async function pgAvailable(): Promise<boolean> {
  if (process.env['BENCH_PG'] === '0') return false;
  const client = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function pgDatabase(): Promise<{ location: StoreLocation; size: () => Promise<number>; drop: () => Promise<void> }> {
  const name = `briefbot_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    location: { kind: 'postgres', url: url.href },
    size: async () => Number((await admin(`select pg_database_size('${name}') as n`)).rows[0].n),
    drop: () => admin(`drop database if exists ${name} with (force)`).then(() => undefined),
  };
}

/** A server's first interaction reads and decodes its briefings and builds its autocomplete index. */
async function coldLoads(label: string, location: StoreLocation, count: number): Promise<void> {
  const store = await Store.open(location);
  const scopes = new Scopes({ store, shared: null, analyze: () => Promise.reject(new Error('not needed')), logger: pino({ level: 'silent' }), hotBriefings: Number.MAX_SAFE_INTEGER });
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const times: number[] = [];
  for (let g = 0; g < count; g++) {
    const t = performance.now();
    await scopes.forGuild(guildId(g));
    times.push(performance.now() - t);
  }
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  times.sort((a, b) => a - b);
  const held = scopes.hotBriefings;
  console.log(
    `  ${label}: cold load of a server (read + decode + autocomplete index): p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms over ${count} servers; heap ${held > 0 ? ((heap / held) / 1024).toFixed(1) : '?'} KB per briefing held${global.gc ? '' : ' (run with --expose-gc for a clean heap figure)'}`,
  );
  scopes.close();
  await store.close();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function runOne(label: string, location: StoreLocation, size: () => Promise<number>, bases: readonly Base[], servers: number, perServer: number): Promise<void> {
  const rate = Number(process.env['BENCH_RATE'] ?? 200);
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  let t = performance.now();
  const seeding = await Store.open(location);
  await seed(seeding, bases, servers, perServer);
  await seeding.close();
  console.log(`  ${label}: seeded ${servers * perServer} briefings in ${servers} servers in ${((performance.now() - t) / 1000).toFixed(1)} s; database ${mb(await size())}`);

  await coldLoads(label, location, Math.min(servers, 200));

  const rssBefore = process.memoryUsage().rss;
  const emulator = await startEmulator({ heartbeatIntervalMs: 5000, waitTimeoutMs: 10_000 });
  const logger = process.env['BENCH_LOG'] ? pino({ level: 'warn' }) : pino({ level: 'info' }, pino.destination('/dev/null'));
  t = performance.now();
  const bot = await startBot({ token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, articlesDir: SEEDS, apiUrl: emulator.apiUrl, store: location }, { logger });
  const first = bases[0]!;
  const firstBrief = await emulator.sendCommand('brief', { article: `${first.id}-0` }, { guildId: guildId(0) }).final();
  const warm = performance.now() - t;
  const correct = JSON.stringify(firstBrief.embeds).includes(first.title.slice(0, 20));
  console.log(`  ${label}: warm start (open database + shared folder, connect, register) to the first correct /brief in a server: ${(warm / 1000).toFixed(2)} s (${correct ? 'correct' : 'WRONG'})   (target < 3 s)`);

  const queries = autocompleteQueries(
    bases.map((b) => ({ id: b.id, file: '', briefing: { title: b.title } as never })),
    1000,
  );
  const random = (i: number) => (i * 7919) % servers;
  const hot = await phase('one server', rate, seconds, (i) => {
    const k = (i * 31) % perServer;
    const base = bases[(7 + k) % bases.length]!;
    return i % 2 === 0 ? emulator.sendCommand('brief', { article: `${base.id}-${k}` }, { guildId: guildId(1) }) : emulator.sendAutocomplete('brief', 'article', queries[i % queries.length]!, {}, { guildId: guildId(1) });
  });
  report(hot, 'p99 < 50 ms');
  const mixed = await phase('random servers', rate, seconds, (i) => {
    const g = random(i);
    const k = (i * 31) % perServer;
    const base = bases[(g * 7 + k) % bases.length]!;
    return i % 2 === 0 ? emulator.sendCommand('brief', { article: `${base.id}-${k}` }, { guildId: guildId(g) }) : emulator.sendAutocomplete('brief', 'article', queries[i % queries.length]!, {}, { guildId: guildId(g) });
  });
  report(mixed, 'cold loads from the database included; p99 < 50 ms');
  emulator.clearRecords(); // the emulator shares this process: drop its record of every message before measuring
  global.gc?.();
  const scopes = bot.context.scopes;
  console.log(`  ${label}: RSS ${mb(process.memoryUsage().rss)} (was ${mb(rssBefore)} before start); briefings in memory ${scopes.hotBriefings} of ${servers * perServer}   (target < 1 GB)`);
  await bot.stop();
  await emulator.close();
}

export async function runServersBench(): Promise<void> {
  const servers = Number(process.env['BENCH_SERVERS'] ?? 1000);
  const perServer = Number(process.env['BENCH_PER_SERVER'] ?? 100);
  console.log(`servers: ${servers} servers × ${perServer} ingested briefings + the shared folder, real discord.js client against the loopback emulator`);
  const t = performance.now();
  const analysed = await baseArticles(Number(process.env['BENCH_BASE_ARTICLES'] ?? 556));
  const bases: Base[] = analysed.map((a) => {
    const title = a.briefing.title ?? a.id;
    return {
      id: a.id,
      title,
      content: renderBriefingMarkdown({ title, source: 'BBC', url: null, date: a.briefing.date, author: null, ingested_at: new Date(0).toISOString(), ingested_by: null }, a.briefing.body),
      analysis: encodeAnalysis(a.briefing),
      key: textKey(a.briefing.body),
      date: a.briefing.date,
    };
  });
  console.log(`  analysed ${bases.length} base articles in ${((performance.now() - t) / 1000).toFixed(1)} s (each stored under many ids and servers)`);

  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-servers-'));
  const file = join(dir, 'briefbot.sqlite');
  try {
    const size = () => Promise.resolve(['', '-wal'].reduce((n, ext) => n + (statSync(file + ext, { throwIfNoEntry: false })?.size ?? 0), 0));
    if (process.env['BENCH_SQLITE'] !== '0') await runOne('SQLite', { kind: 'sqlite', file }, size, bases, servers, perServer);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await pgAvailable()) {
    const db = await pgDatabase();
    try {
      await runOne('PostgreSQL', db.location, db.size, bases, servers, perServer);
    } finally {
      await db.drop();
    }
  } else {
    console.log('  PostgreSQL: skipped (no server at BENCH_PG_URL; .ci/run shows how to start one)');
  }
}
