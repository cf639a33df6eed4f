/**
 * Cross-briefing bench: `digest()` (src/corpus) over sets of already-analysed briefings built from the
 * dev data (read at run time, never stored): 25 and 200 Multi-News articles, 25 articles of about 800
 * words, and 1,000 mixed articles (what /digest over a full server's library does). Engine time only:
 * the per-article analyses are made once beforehand, as the bot has them cached. Each set runs several
 * times; p50/p99 of the wall time and the heap the result and its indexes take. Then the bot itself
 * (real discord.js Client, loopback emulator) answering /digest over the 1,000 while /help keeps coming.
 *   npm run bench -- across
 */
import { analyzeText } from '../../src/core/analyze.js';
import { digest } from '../../src/corpus/index.js';
import type { SourceBriefing } from '../../src/corpus/types.js';
import { hasEvalData, readJsonl } from '../eval/lib.js';
import { startBot } from '../../src/bot/app.js';
import type { StoredArticle } from '../../src/library/store.js';
import { MemorySource } from './discord.js';
import { Store } from '../../src/store/index.js';
import { startEmulator } from '../../tests/discord/emulator/index.js';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;

function multinewsTexts(): string[] {
  return readJsonl<{ articles: { text: string }[] }>('multinews-dev.jsonl').flatMap((c) => c.articles.map((a) => a.text));
}

function longTexts(): string[] {
  const all = ['realsumm-dev.jsonl', 'newsroom-dev.jsonl', 'bbc-dev.jsonl'].flatMap((f) => readJsonl<{ text: string }>(f).map((r) => r.text));
  return all.filter((t) => words(t) >= 650 && words(t) <= 1000);
}

function analyse(texts: readonly string[], prefix: string): SourceBriefing[] {
  return texts.map((t, i) => ({ id: `${prefix}-${i}`, briefing: analyzeText(t, 'text') }));
}

function measure(label: string, sources: readonly SourceBriefing[], runs: number): void {
  for (let i = 0; i < 2; i++) digest(sources, { words: 250 }); // warm up
  const times: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = 0;
  const cpuBefore = process.cpuUsage(); // CPU time per run: steadier than the wall clock on a shared machine
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const d = digest(sources, { words: 250 });
    times.push(performance.now() - t0);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    if (d.points.length === 0) throw new Error(`${label}: empty digest`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / runs;
  times.sort((a, b) => a - b);
  const meanWords = Math.round(sources.reduce((n, s) => n + s.briefing.wordCount, 0) / sources.length);
  console.log(
    `  ${label.padEnd(34)} ${String(sources.length).padStart(5)} briefings, ~${String(meanWords).padStart(4)} words each: ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, CPU ${cpuPerRun.toFixed(1)} ms a run (${runs} runs), heap +${(heapPeak / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );
}

export async function runAcrossBench(): Promise<void> {
  console.log('across (digest engine time; per-article analyses made beforehand):');
  if (!hasEvalData()) {
    console.log('  skipped: no evaluation data');
    return;
  }
  const news = multinewsTexts();
  const long = longTexts();
  measure('digest of 25 (Multi-News)', analyse(news.slice(0, 25), 'mn'), 30);
  measure('digest of 25 (~800-word articles)', analyse(long.slice(0, 25), 'long'), 30);
  measure('digest of 200 (Multi-News)', analyse(news.slice(0, 200), 'mn'), 15);
  const mixed = analyse([...news, ...long, ...readJsonl<{ text: string }>('bbc-dev.jsonl').map((r) => r.text)].slice(0, 1000), 'mix');
  measure('digest of 1,000 (mixed dev articles)', mixed, 5);
  if (process.env['BENCH_SKIP_BOT'] !== '1') await runAcrossBotBench(mixed);
}


/**
 * The bot over 1,000 stored briefings: `/digest` (defer, then the edit with the digest) timed from
 * dispatch to the final message, while `/help` is fired at 20/s and timed to its response.
 */
export async function runAcrossBotBench(sources: readonly SourceBriefing[]): Promise<void> {
  const articles: StoredArticle[] = sources.map((s) => ({ id: s.id, file: `/bench/${s.id}.txt`, briefing: s.briefing }));
  const emulator = await startEmulator({ heartbeatIntervalMs: 5000, waitTimeoutMs: 20_000 });
  const bot = await startBot(
    { token: emulator.token, clientId: emulator.applicationId, guildId: emulator.guildId, articlesDir: '/nonexistent', apiUrl: emulator.apiUrl, logLevel: 'silent' },
    { source: new MemorySource(articles), store: await Store.open({ kind: 'sqlite', file: ':memory:' }) },
  );
  try {
    const digests: number[] = [];
    const helps: number[] = [];
    const pending: Promise<void>[] = [];
    let unanswered = 0;
    for (let round = 0; round < 6; round++) {
      const started = performance.now();
      const digest = emulator.sendCommand('digest', { length: 'detailed' });
      const ticker = setInterval(() => {
        const help = emulator.sendCommand('help');
        pending.push(
          help.response().then(
            (r) => void helps.push(r.latencyMs),
            () => void unanswered++,
          ),
        );
      }, 50);
      await digest.final();
      clearInterval(ticker);
      if (round > 0) digests.push(performance.now() - started); // the first round warms the worker up
    }
    await Promise.all(pending);
    digests.sort((a, b) => a - b);
    helps.sort((a, b) => a - b);
    console.log(
      `  bot /digest over ${articles.length} briefings: dispatch→final message p50 ${percentile(digests, 50).toFixed(0)} ms, max ${digests.at(-1)!.toFixed(0)} ms (5 runs); ` +
        `/help meanwhile (${helps.length} at 20/s) p50 ${percentile(helps, 50).toFixed(1)} ms, p99 ${percentile(helps, 99).toFixed(1)} ms, unanswered ${unanswered}`,
    );
  } finally {
    await bot.stop();
    await emulator.close();
  }
}
