/**
 * Start-up bench (`npm run bench -- start`): what the compiled build (dist/, plain node) costs from a
 * cold process, against the same code under tsx and against compromise in the same run. The dev data is
 * read at run time from ../shared/eval and written only to a temp folder.
 *   - one-file `analyze`: wall time of `node dist/cli.js analyze --jsonl FILE` (median of 7)   [≤ 0.2 s]
 *   - the evaluation's way: every BBC dev article through one CLI call, per article incl. start-up,
 *     and compromise doing its part (sentences, people, quotations, money/percent/numbers) the same way
 *   - in-process throughput on one core, the engine and compromise                                  [≥ 1,000/s]
 *   - bot warm start with 10,000 articles: process start → first correct /brief over the emulator   [< 1.5 s]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasEvalData, readJsonl } from '../eval/lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const thisFile = fileURLToPath(import.meta.url);
const fmt = (n: number, digits = 0) => n.toFixed(digits);

interface Timed {
  readonly ms: number;
  /** User + system CPU of the process and its threads (from /usr/bin/time), or NaN when unavailable. */
  readonly cpuMs: number;
  readonly code: number | null;
}

const TIME = '/usr/bin/time';

/** Wall and CPU time of a whole process: on a shared machine the CPU time is the steadier figure. */
function timeProcess(command: string, args: string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const report = join(tmpdir(), `briefbot-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const timed = existsSync(TIME);
    const started = performance.now();
    const child = timed
      ? spawn(TIME, ['-f', '%U %S', '-o', report, command, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] })
      : spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', async (code) => {
      const ms = performance.now() - started;
      let cpuMs = Number.NaN;
      if (timed) {
        const { readFile, rm: remove } = await import('node:fs/promises');
        const [user = 'NaN', system = 'NaN'] = (await readFile(report, 'utf8').catch(() => '')).trim().split(/\s+/).slice(-2);
        cpuMs = (Number(user) + Number(system)) * 1000;
        await remove(report, { force: true });
      }
      resolve({ ms, cpuMs, code });
    });
  });
}

async function median(runs: number, run: () => Promise<Timed>): Promise<{ median: number; cpu: number; all: number[] }> {
  const all: Timed[] = [];
  for (let i = 0; i < runs; i++) all.push(await run());
  const byWall = [...all].sort((a, b) => a.ms - b.ms);
  const byCpu = [...all].sort((a, b) => a.cpuMs - b.cpuMs);
  const mid = Math.floor(all.length / 2);
  return { median: byWall[mid]?.ms ?? 0, cpu: byCpu[mid]?.cpuMs ?? 0, all: all.map((t) => t.ms) };
}

/** CPU time so far of a running process (all its threads), from /proc: Linux only, else NaN. */
async function cpuOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000; // utime + stime, in clock ticks of 10 ms
}

/** compromise's share of the job, the way the evaluation's baseline runs it (see ../shared/eval/README.md). */
async function compromiseChild(files: string[]): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const nlp = (await import('compromise')).default;
  for (const file of files) {
    const doc = nlp(readFileSync(file, 'utf8'));
    const out = { sentences: doc.sentences().out('array'), people: doc.people().out('array'), quotes: doc.quotations().out('array'), money: doc.money().out('array'), percent: doc.percentages().out('array'), numbers: doc.numbers().out('array') };
    process.stdout.write(`${JSON.stringify({ file, n: out.sentences.length })}\n`);
  }
}

async function inProcess(texts: string[]): Promise<void> {
  const { analyzeText } = await import('../../src/core/analyze.js');
  const nlp = (await import('compromise')).default;
  const rate = (fn: (t: string) => unknown) => {
    for (const t of texts.slice(0, 20)) fn(t); // warm the JIT
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const t of texts) fn(t);
    const cpu = process.cpuUsage(c0);
    return { wall: texts.length / ((performance.now() - t0) / 1000), cpu: texts.length / ((cpu.user + cpu.system) / 1e6) };
  };
  const engine = rate((t) => analyzeText(t, 'text'));
  const compromise = rate((t) => {
    const doc = nlp(t);
    return [doc.sentences().out('array'), doc.people().out('array'), doc.quotations().out('array'), doc.money().out('array'), doc.percentages().out('array'), doc.numbers().out('array')];
  });
  console.log(
    `start: in-process on one core, ${texts.length} BBC dev articles: engine ${fmt(engine.wall)} articles/s by wall, ${fmt(engine.cpu)} per CPU second; compromise ${fmt(compromise.wall)} / ${fmt(compromise.cpu)} (${fmt(engine.cpu / compromise.cpu, 1)}x by CPU)   [target ≥ 1,000/s]`,
  );
}

async function botWarmStart(count: number): Promise<void> {
  const { startEmulator } = await import('../../tests/discord/emulator/index.js');
  const { generate } = await import('./library.js');
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-bench-start-'));
  const cacheDir = join(dir, '.cache', 'briefbot');
  const emulator = await startEmulator({ heartbeatIntervalMs: 30_000 });
  try {
    await generate(dir, count);
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_'))),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: emulator.token,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_GUILD_ID: emulator.guildId,
      DISCORD_API_URL: emulator.apiUrl,
      ARTICLES_DIR: dir,
      BRIEFBOT_CACHE_DIR: cacheDir,
      DATA_DIR: join(dir, '.data'),
    };
    const firstId = (await import('node:fs/promises')).readdir(dir).then((names) => names.filter((n) => n.endsWith('.txt')).sort()[count - 1]!.replace(/\.txt$/, ''));
    const id = await firstId;
    const run = async (label: string): Promise<{ wall: number; cpu: number }> => {
      const started = performance.now();
      const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', 'bot.js')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const connected = new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => ((out += c.toString()), /"msg":"commands /.test(out) && resolve())));
      await connected;
      let answeredMs = 0;
      let answeredCpu = Number.NaN;
      while (!answeredMs) {
        const reply = await emulator.sendCommand('brief', { article: id }).final(20_000);
        if (!reply.ephemeral && (reply.embeds?.[0]?.description ?? '').length > 0) {
          answeredMs = performance.now() - started;
          answeredCpu = await cpuOf(child.pid ?? 0);
        }
        else await new Promise((r) => setTimeout(r, 20));
      }
      const ready = new Promise<void>((resolve) => (/"msg":"articles ready"/.test(out) ? resolve() : child.stdout.on('data', () => /"msg":"articles ready"/.test(out) && resolve())));
      await ready;
      const readyLine = out.split('\n').find((l) => l.includes('"msg":"articles ready"')) ?? '{}';
      child.kill('SIGTERM');
      await new Promise((r) => child.on('close', r));
      const stats = JSON.parse(readyLine) as { analysed?: number; cached?: number };
      console.log(`start:   ${label}: first correct /brief ${fmt(answeredMs / 1000, 2)} s after process start, ${fmt(answeredCpu / 1000, 2)} s CPU (${stats.cached ?? '?'} from cache, ${stats.analysed ?? '?'} analysed; load ${fmt(loadavg()[0] ?? 0, 1)})`);
      return { wall: answeredMs, cpu: answeredCpu };
    };
    await run('cold (no cache; the last article answers once the whole folder is in)');
    const warm: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 3; i++) warm.push(await run(`warm ${i + 1}`));
    const mid = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    console.log(`start: bot warm start with ${count} articles: first correct /brief ${fmt(mid(warm.map((w) => w.wall)) / 1000, 2)} s wall, ${fmt(mid(warm.map((w) => w.cpu)) / 1000, 2)} s CPU (medians of 3)   [target < 1.5 s]`);
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runStartBench(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    console.log('start: dist/ missing; run `npm run build` (npm ci does it)');
    return;
  }
  if (!hasEvalData()) {
    console.log('start: skipped (no ../shared/eval data)');
    return;
  }
  const items = readJsonl<{ text: string }>('bbc-dev.jsonl');
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-bench-files-'));
  try {
    const files: string[] = [];
    await mkdir(dir, { recursive: true });
    for (const [i, item] of items.entries()) {
      const file = join(dir, `bbc-${i}.txt`);
      await writeFile(file, item.text);
      files.push(file);
    }
    const node = process.execPath;
    const one = await median(7, () => timeProcess(node, [join(root, 'dist', 'cli.js'), 'analyze', '--jsonl', files[0]!]));
    const viaTsx = await median(3, () => timeProcess(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli', 'main.ts'), 'analyze', '--jsonl', files[0]!]));
    console.log(`start: one-file analyze ${fmt(one.median / 1000, 3)} s wall, ${fmt(one.cpu / 1000, 3)} s CPU (medians of ${one.all.length}: ${one.all.map((t) => fmt(t / 1000, 2)).join(', ')} s); under tsx from source ${fmt(viaTsx.median / 1000, 2)} s wall, ${fmt(viaTsx.cpu / 1000, 2)} s CPU; load ${fmt(loadavg()[0] ?? 0, 1)}   [target ≤ 0.2 s]`);
    const ours = await timeProcess(node, [join(root, 'dist', 'cli.js'), 'analyze', '--jsonl', ...files]);
    if (ours.code !== 0) console.log(`start: the CLI exited with ${ours.code}`);
    const theirs = await timeProcess(process.execPath, [...process.execArgv, thisFile, '--compromise', ...files]);
    const perOurs = ours.ms / files.length;
    const perTheirs = theirs.ms / files.length;
    console.log(`start: ${files.length} BBC dev articles in one call, per article incl. start-up: briefbot ${fmt(perOurs, 2)} ms wall / ${fmt(ours.cpuMs / files.length, 2)} ms CPU, compromise ${fmt(perTheirs, 2)} ms wall / ${fmt(theirs.cpuMs / files.length, 2)} ms CPU (${fmt(perTheirs / perOurs, 1)}x faster by wall, ${fmt(theirs.cpuMs / ours.cpuMs, 1)}x by CPU)   [target ≤ 4 ms, ≥ 6x]`);
    await inProcess(items.map((i) => i.text));
    await botWarmStart(Number(process.env['BENCH_START_ARTICLES'] ?? 10_000));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--compromise') {
  await compromiseChild(process.argv.slice(3));
} else if (process.argv[1] === thisFile) {
  await runStartBench();
}
