/** The bot as an operator runs it: `npm start` (dist/bot.js) and `npm run deploy` (dist/deploy.js) as child processes. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { botEnv, startEmulator, type Emulator } from '../discord/harness.js';
import { makeArticlesDir } from './e2e-setup.js';
import { distEntry, NODE } from '../dist.js';


let emulator: Emulator;
let articles: { dir: string; cleanup: () => Promise<void> };
let cwd: string;

beforeAll(async () => {
  emulator = await startEmulator({ heartbeatIntervalMs: 1000 });
  articles = await makeArticlesDir();
  cwd = await mkdtemp(join(tmpdir(), 'briefbot-cwd-')); // no .env here
});
afterAll(async () => {
  await emulator?.close();
  await articles?.cleanup();
  await rm(cwd, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: 'bot' | 'deploy', env: Record<string, string>, args: string[] = [], untilStdout?: RegExp, signal?: NodeJS.Signals): Promise<Run> {
  return new Promise((done, fail) => {
    const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'ARTICLES_DIR'));
    const child = spawn(NODE, [distEntry(script), ...args], { cwd, env: { ...cleanEnv, NODE_ENV: 'production', ...env } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (untilStdout && signal && !signalled && untilStdout.test(stdout)) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

test('npm start without a token says what to set, mentions the offline CLI, exits 1, no stack trace', async () => {
  const result = await run('bot', {});
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('DISCORD_TOKEN is not set');
  expect(result.stderr).toContain('npm run cli -- brief');
  expect(result.stderr).not.toMatch(/\n\s+at /);
}, 60_000);

test('npm start connects, registers the commands, logs JSON lines without the token, and stops cleanly on SIGTERM', async () => {
  const env = botEnv(emulator, { ARTICLES_DIR: articles.dir, LOG_LEVEL: 'info' });
  const result = await run('bot', env, [], /"msg":"commands (registered|already up to date)"/, 'SIGTERM');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('"msg":"stopped"');
  expect(result.stdout).not.toContain(emulator.token);
  expect(emulator.commands.list(emulator.guildId).map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['brief', 'search']));
}, 60_000);

test('npm run deploy registers explicitly; --check then reports them up to date', async () => {
  const env = botEnv(emulator);
  const deployed = await run('deploy', env);
  expect(deployed.code).toBe(0);
  expect(deployed.stderr).toMatch(/Registered \d+ commands for server/);
  const checked = await run('deploy', env, ['--check']);
  expect(checked.stderr).toContain('up to date');
  expect(checked.code).toBe(0);
}, 60_000);
