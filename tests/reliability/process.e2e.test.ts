/**
 * The bot as an operator runs it, hostile to its output and its timing: dist/bot.js (what `npm start` runs) as a child process
 * against the loopback Discord, stopped by real signals.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { botEnv, startEmulator, type Emulator } from '../discord/harness.js';
import { STORY_A, STORY_B } from '../library/helpers.js';
import { distEntry, NODE } from '../dist.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let emulator: Emulator;
let work: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
  work = await mkdtemp(join(tmpdir(), 'briefbot-proc-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await emulator?.close();
  await rm(work, { recursive: true, force: true });
});

interface Bot {
  readonly child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  until(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

async function articlesDir(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  await rm(dir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

function startBotProcess(env: Record<string, string>): Bot {
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'ARTICLES_DIR' && k !== 'BRIEFBOT_CACHE_DIR'));
  const child = spawn(NODE, [distEntry('bot')], { cwd: work, env: { ...cleanEnv, NODE_ENV: 'production', ...botEnv(emulator, { LOG_LEVEL: 'info', ...env }) } });
  children.push(child);
  const bot: Bot = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((done) => child.on('exit', (code, signal) => done({ code, signal }))),
    until: (pattern, timeoutMs = 30_000) =>
      new Promise((done, fail) => {
        if (pattern.test(bot.stdout)) return done();
        const timer = setTimeout(() => fail(new Error(`no ${pattern} in stdout within ${timeoutMs} ms:\n${bot.stdout}\n${bot.stderr}`)), timeoutMs);
        const check = () => {
          if (!pattern.test(bot.stdout)) return;
          clearTimeout(timer);
          child.stdout.off('data', check);
          done();
        };
        child.stdout.on('data', check);
      }),
  };
  child.stdout.on('data', (chunk: Buffer) => (bot.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (bot.stderr += chunk.toString()));
  return bot;
}

/** Resolves with the exit, or with 'alive' when the process is still running after `ms`. */
function exitWithin(bot: Bot, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'alive'> {
  return Promise.race([bot.exited, new Promise<'alive'>((done) => setTimeout(() => done('alive'), ms))]);
}

const READY = /"msg":"commands (registered|already up to date)"/;

it('a logger whose stdout reader has gone away (EPIPE) never keeps the process alive or busy', async () => {
  const child = spawn(TSX, [join(ROOT, 'tests/reliability/fixtures/log-burst.ts')], { cwd: work });
  children.push(child);
  child.stdout.destroy(); // the reader goes first: every write of the burst fails with EPIPE
  const exit = await Promise.race([
    new Promise<number | null>((done) => child.on('exit', (code) => done(code))),
    new Promise<'alive'>((done) => setTimeout(() => done('alive'), 15_000)),
  ]);
  expect(exit).toBe(0);
}, 30_000);

it('exits on SIGTERM when the reader of its stdout and stderr has gone away', async () => {
  const dir = await articlesDir('epipe', { 'bridge.txt': STORY_A });
  const bot = startBotProcess({ ARTICLES_DIR: dir });
  await bot.until(READY);
  bot.child.stdout.destroy();
  bot.child.stderr.destroy();
  bot.child.kill('SIGTERM');
  expect(await exitWithin(bot, 15_000)).toEqual({ code: 0, signal: null });
}, 60_000);

it('a second signal exits at once, without waiting for the first stop', async () => {
  const dir = await articlesDir('twice', { 'bridge.txt': STORY_A });
  const bot = startBotProcess({ ARTICLES_DIR: dir });
  await bot.until(READY);
  // Stopped, it receives both signals at once when continued: the second arrives while the first is stopping.
  bot.child.kill('SIGSTOP');
  bot.child.kill('SIGTERM');
  bot.child.kill('SIGINT');
  bot.child.kill('SIGCONT');
  const exit = await exitWithin(bot, 10_000);
  expect(exit).not.toBe('alive');
  expect([130, 143]).toContain((exit as { code: number }).code); // not 0: it did not wait for the clean stop
}, 60_000);

it('handles SIGTERM from the first moment: during start-up it still logs "shutting down" and exits 0', async () => {
  const dir = await articlesDir('early', { 'bridge.txt': STORY_A, 'library.txt': STORY_B });
  const bot = startBotProcess({ ARTICLES_DIR: dir });
  await bot.until(/"msg":"starting"/);
  bot.child.kill('SIGTERM');
  expect(await exitWithin(bot, 20_000)).toEqual({ code: 0, signal: null });
  expect(bot.stdout).toContain('"msg":"shutting down"');
}, 60_000);

it('a signal while Discord does not answer stops at once and cleanly, without waiting for the connection', async () => {
  // A Discord that accepts connections and never answers: the login hangs.
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  try {
    const dir = await articlesDir('silent', { 'bridge.txt': STORY_A });
    const bot = startBotProcess({ ARTICLES_DIR: dir, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    await bot.until(/"msg":"starting"/);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // connecting by now
    bot.child.kill('SIGTERM');
    expect(await exitWithin(bot, 6_000)).toEqual({ code: 0, signal: null }); // not the forced exit (10 s, code 1)
    expect(bot.stdout).toContain('"msg":"shutting down"');
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
}, 60_000);

it('stopped as soon as it is connected during a cold start, it saves what was analysed and the next start reuses it', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++) files[`story-${String(i).padStart(3, '0')}.txt`] = `${STORY_A}\n\nThis is report number ${i} of the series.`;
  const dir = await articlesDir('cold', files);
  const cacheDir = join(work, 'cold-cache');
  const bot = startBotProcess({ ARTICLES_DIR: dir, BRIEFBOT_CACHE_DIR: cacheDir });
  await bot.until(/"msg":"commands (registered|already up to date)"/);
  // Online before its folder is analysed: once the first article answers, stop it in the middle of the load.
  let first = await emulator.sendCommand('brief', { article: 'story-000' }).final(20_000);
  while (first.ephemeral) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    first = await emulator.sendCommand('brief', { article: 'story-000' }).final(20_000);
  }
  bot.child.kill('SIGTERM');
  expect(await exitWithin(bot, 20_000)).toEqual({ code: 0, signal: null });
  expect(bot.stdout).toContain('"msg":"shutting down"');
  expect(bot.stdout).toContain('"msg":"stopped"');
  expect((await readdir(cacheDir)).filter((f) => f.endsWith('.json'))).toContain('files.json');
  const again = startBotProcess({ ARTICLES_DIR: dir, BRIEFBOT_CACHE_DIR: cacheDir });
  await again.until(/"msg":"articles ready"/);
  const ready = JSON.parse(again.stdout.split('\n').find((line) => line.includes('"msg":"articles ready"')) ?? '{}') as { cached?: number; articles?: number };
  expect(ready.articles).toBe(400);
  expect(ready.cached).toBeGreaterThan(0);
  again.child.kill('SIGTERM');
  await again.exited;
}, 90_000);
