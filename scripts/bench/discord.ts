/**
 * Discord bench: the real bot (discord.js Client) against the loopback emulator, with 10,000 stored
 * articles. Fires /brief and `article` autocomplete at a steady rate and reports interactions per
 * second and the time from dispatch to first response (p50/p99/max), and missed 3-second deadlines.
 *
 * The 10,000 articles are variants of BBC dev articles (read at run time from the eval folder, never
 * copied into the repository): each base article is analysed once, then stored under many ids and
 * numbered titles, so the index and the bot see 10,000 distinct articles without 10,000 analyses.
 * Without the eval data it falls back to the two seed articles.
 *
 *   npm run bench -- discord            (BENCH_RATE=200 BENCH_SECONDS=5 BENCH_ARTICLES=10000 to change)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { startBot } from '../../src/bot/app.js';
import { Store } from '../../src/store/index.js';
import { analyzeText } from '../../src/core/analyze.js';
import type { Briefing } from '../../src/core/types.js';
import type { ArticleSource } from '../../src/library/source.js';
import type { SkippedFile, StoredArticle } from '../../src/library/store.js';
import { analyzeFile } from '../../src/core/read-file.js';
import { articleIdOf, isArticleFile } from '../../src/library/store.js';
import { startEmulator, type InteractionHandle } from '../../tests/discord/emulator/index.js';
import { evalPath, hasEvalData } from '../eval/lib.js';


/** A fixed in-memory library: the briefings already analysed, in the given order. */
export class MemorySource implements ArticleSource {
  private readonly byId: Map<string, StoredArticle>;
  constructor(private readonly articles: StoredArticle[]) {
    this.byId = new Map(articles.map((a) => [a.id, a]));
  }
  list(): readonly StoredArticle[] {
    return this.articles;
  }
  get(id: string): StoredArticle | undefined {
    return this.byId.get(id);
  }
  skipped(): readonly SkippedFile[] {
    return [];
  }
  onChange(): () => void {
    return () => {};
  }
}

export async function baseArticles(limit: number): Promise<{ id: string; briefing: Briefing }[]> {
  if (hasEvalData()) {
    const lines = readFileSync(evalPath('bbc-dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.slice(0, limit).map((line) => {
      const row = JSON.parse(line) as { id: string; text: string };
      return { id: row.id.replace(/[^a-z0-9]+/gi, '-'), briefing: analyzeText(row.text, 'text') };
    });
  }
  const dir = resolve(import.meta.dirname, '..', '..', 'articles');
  const names = readdirSync(dir).filter(isArticleFile);
  return Promise.all(names.map(async (name) => ({ id: articleIdOf(name), briefing: await analyzeFile(join(dir, name)) })));
}

function variants(bases: { id: string; briefing: Briefing }[], count: number): StoredArticle[] {
  const out: StoredArticle[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const round = Math.floor(i / bases.length);
    const title = round === 0 ? base.briefing.title : `${base.briefing.title ?? base.id} (${round + 1})`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    out.push({
      id: round === 0 ? base.id : `${base.id}-${round + 1}`,
      file: `/bench/${i}.txt`,
      briefing: { ...base.briefing, title, date: `20${10 + (i % 10)}-${month}-${day}` },
    });
  }
  return out.sort((a, b) => (b.briefing.date ?? '').localeCompare(a.briefing.date ?? ''));
}

/**
 * What members type while picking: one or two title words, the last one partly typed, some with a
 * typo (a dropped letter). Varied, so no query cache could flatter the figures.
 */
export function autocompleteQueries(articles: readonly StoredArticle[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const title = articles[(i * 7907) % articles.length]!.briefing.title ?? '';
    const words = title.split(/\s+/).filter((w) => w.length >= 4);
    if (words.length === 0) continue;
    const first = words[i % words.length]!;
    const second = words[(i + 1) % words.length]!;
    let typed = i % 2 === 0 ? first : `${first} ${second}`;
    typed = typed.slice(0, Math.max(3, typed.length - (i % 4)));
    if (i % 5 === 0 && typed.length > 5) typed = typed.slice(0, 2) + typed.slice(3);
    out.push(typed.toLowerCase());
  }
  return out;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Garbage-collection pause time, so a slow phase can be told apart from a slow handler. */
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});

/** How far the event loop lags behind its timers (a sign of CPU starvation on a shared machine). */
export async function loopLag(samples: number): Promise<number> {
  let worst = 0;
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await sleep(10);
    worst = Math.max(worst, performance.now() - start - 10);
  }
  return worst;
}

export interface PhaseResult {
  readonly gcMs: number;
  readonly name: string;
  readonly sent: number;
  readonly answered: number;
  readonly missed: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Fires `fire` at `rate` per second for `seconds`, then waits for every first response. */
export async function phase(name: string, rate: number, seconds: number, fire: (i: number) => InteractionHandle): Promise<PhaseResult> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let missed = 0;
  gcObserver.observe({ entryTypes: ['gc'] }); // each phase, whichever bench runs it
  const gcBefore = gcMs;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const sentAt = performance.now();
    const handle = fire(i);
    pending.push(
      handle.response(10_000).then(
        () => {
          const latency = performance.now() - sentAt;
          if (handle.late || latency > 3000) missed++;
          latencies.push(latency);
        },
        () => {
          missed++;
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  await sleep(0); // the observer's last entries arrive on a later turn
  gcObserver.disconnect();
  latencies.sort((a, b) => a - b);
  return {
    gcMs: gcMs - gcBefore,
    name,
    sent: total,
    answered: latencies.length,
    missed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

export function report(r: PhaseResult, target: string): void {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `  ${r.name.padEnd(22)} ${r.answered}/${r.sent} answered, ${f(r.perSecond)}/s; dispatch→first response p50 ${f(r.p50)} ms, p99 ${f(r.p99)} ms, max ${f(r.max)} ms; missed 3 s deadlines: ${r.missed}; GC ${f(r.gcMs)} ms   (${target})`,
  );
}

export async function runDiscordBench(): Promise<void> {
  const rate = Number(process.env['BENCH_RATE'] ?? 200);
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const count = Number(process.env['BENCH_ARTICLES'] ?? 10_000);
  console.log(`discord: real discord.js Client against the loopback emulator, ${count} articles, ${rate} interactions/s for ${seconds} s per phase`);

  console.log(`  idle event-loop lag before starting: ${(await loopLag(20)).toFixed(1)} ms worst of 20 (machine load)`);
  let t = performance.now();
  const bases = await baseArticles(Number(process.env['BENCH_BASE_ARTICLES'] ?? 556));
  const articles = variants(bases, count);
  console.log(`  prepared ${articles.length} articles from ${bases.length} analysed ${hasEvalData() ? 'BBC dev' : 'seed'} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const emulator = await startEmulator({ heartbeatIntervalMs: 5000, waitTimeoutMs: 10_000 });
  // Log every interaction as in production (JSON lines), to /dev/null, so logging cost is counted.
  const logger = pino({ level: 'info', redact: ['token'] }, pino.destination('/dev/null'));
  t = performance.now();
  const bot = await startBot(
    { token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, articlesDir: '/nonexistent', apiUrl: emulator.apiUrl },
    { source: new MemorySource(articles), logger, store: await Store.open({ kind: 'sqlite', file: ':memory:' }) },
  );
  console.log(
    `  bot ready (index of ${articles.length} articles built, ${(await bot.context.scopes.forGuild(null)).index.pendingFullText} awaiting full-text, connected, commands registered) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const queries = autocompleteQueries(articles, 1000);
  try {
    // Warm-up, reported but not counted: JIT, the HTTP connection pool, and the garbage collector
    // settling the heap that building a 10,000-article index leaves behind (seconds of GC right after start).
    const warm = await phase('warm-up (after start)', rate / 2, 4, (i) =>
      i % 2 === 0 ? emulator.sendCommand('brief', { article: articles[(i * 31) % articles.length]!.id }) : emulator.sendAutocomplete('brief', 'article', queries[i % queries.length]!),
    );
    report(warm, 'not counted');
    await sleep(2000);
    const brief = await phase('/brief', rate, seconds, (i) => emulator.sendCommand('brief', { article: articles[(i * 7919) % articles.length]!.id }));
    const auto = await phase('autocomplete', rate, seconds, (i) => {
      return emulator.sendAutocomplete('brief', 'article', queries[i % queries.length]!);
    });
    const mixed = await phase('mixed (brief/ac/button)', rate, seconds, (i) => {
      const article = articles[(i * 104729) % articles.length]!;
      if (i % 3 === 0) return emulator.sendAutocomplete('brief', 'article', queries[i % queries.length]!);
      if (i % 3 === 1) return emulator.sendCommand('brief', { article: article.id, length: 'detailed' });
      return emulator.sendCommand('quotes', { article: article.id });
    });
    report(brief, 'target p99 < 50 ms, none missed');
    report(auto, 'target p99 < 20 ms');
    report(mixed, 'no target; /brief detailed re-ranks the summary');
    const violations = emulator.violations.filter((v) => v.kind !== 'late-response');
    if (violations.length > 0) console.log(`  emulator found ${violations.length} rule violations (first: ${violations[0]!.kind} ${violations[0]!.path})`);
  } finally {
    await bot.stop();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runDiscordBench();
