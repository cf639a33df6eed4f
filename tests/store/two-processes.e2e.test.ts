/**
 * Two bot processes (`npm start`'s dist/bot.js, as an operator runs them on two machines) on one PostgreSQL
 * database, each connected to its own loopback Discord: a briefing ingested through the first is
 * visible through the second in the same server, and in no other server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_FIELDS, TEXT_MODAL_ID } from '../../commands/ingest.js';
import { ADMIN_PERMISSIONS, botEnv, embedText, startEmulator, type Emulator } from '../discord/harness.js';
import { makeArticlesDir } from '../bot/e2e-setup.js';
import { distEntry, NODE } from '../dist.js';
import { freshPostgres, postgresAvailable, type TestDatabase } from './databases.js';

const pgUp = await postgresAvailable();

const TEXT = [
  'The ferry between Oskarhamn and the island resumed on Monday after a three-week strike, the operator said.',
  'Crews accepted a pay rise of 4 percent, union negotiator Britt Lindqvist told reporters at the harbour.',
  '"We are glad to be sailing again," said captain Jonas Ekdahl, who has run the route for 20 years.',
].join('\n\n');

interface BotProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
}

function startProcess(emulator: Emulator, env: Record<string, string>, cwd: string): Promise<BotProcess> {
  return new Promise((ready, fail) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && k !== 'ARTICLES_DIR' && k !== 'DATABASE_URL'));
    const child = spawn(NODE, [distEntry('bot')], { cwd, env: { ...clean, NODE_ENV: 'production', ...botEnv(emulator, { LOG_LEVEL: 'info', ...env }) } });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`the bot did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/"msg":"commands (registered|already up to date)"/.test(out)) {
        clearTimeout(timer);
        ready({ child, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`the bot exited (${code}):\n${out}`)));
  });
}

async function stopProcess(bot: BotProcess | undefined): Promise<void> {
  if (!bot || bot.child.exitCode !== null) return;
  await new Promise<void>((done) => {
    bot.child.once('exit', () => done());
    bot.child.kill('SIGTERM');
  });
}

describe.skipIf(!pgUp)('two bot processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let first: Emulator;
  let second: Emulator;
  let a: BotProcess | undefined;
  let b: BotProcess | undefined;
  let articles: { dir: string; cleanup: () => Promise<void> };
  let cwd: string;

  beforeAll(async () => {
    database = await freshPostgres();
    articles = await makeArticlesDir();
    cwd = await mkdtemp(join(tmpdir(), 'briefbot-two-'));
    [first, second] = await Promise.all([startEmulator({ heartbeatIntervalMs: 1000, waitTimeoutMs: 15_000 }), startEmulator({ heartbeatIntervalMs: 1000, waitTimeoutMs: 15_000 })]);
    const env = { ARTICLES_DIR: articles.dir, DATABASE_URL: (database.location as { url: string }).url };
    // Both start at once: the migrations run once, under the migrator's lock.
    [a, b] = await Promise.all([startProcess(first, env, cwd), startProcess(second, env, cwd)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stopProcess(a), stopProcess(b)]);
    await Promise.all([first?.close(), second?.close()]);
    await database?.drop();
    await articles?.cleanup();
    await rm(cwd, { recursive: true, force: true });
  });

  it('shows an ingest made through one process to the other, in that server only', async () => {
    const server = first.guildId;
    const editor = { permissions: ADMIN_PERMISSIONS };
    // The second process has this server loaded already: it must learn of the change (a notification), not load it fresh.
    expect((await second.sendAutocomplete('brief', 'article', 'ferry', {}, { guildId: server }).choices()).map((c) => c.value)).not.toContain('island-ferry-sails-again');
    await first.sendCommand('ingest text', {}, editor).response();
    const submitted = first.sendModalSubmit(TEXT_MODAL_ID, { [TEXT_FIELDS.title]: 'Island ferry sails again', [TEXT_FIELDS.text]: TEXT, [TEXT_FIELDS.url]: '' }, editor);
    expect((await submitted.final()).content).toBe('Added **Island ferry sails again** as `island-ferry-sails-again`.');

    // The other process, asked about the same server, finds it: by id, by autocomplete, by search. (The
    // notification is a message on another socket, so the first ask may come just before it.)
    let brief = await second.sendCommand('brief', { article: 'island-ferry-sails-again' }, { guildId: server }).final();
    for (let i = 0; i < 50 && brief.ephemeral; i++) {
      await sleep(100);
      brief = await second.sendCommand('brief', { article: 'island-ferry-sails-again' }, { guildId: server }).final();
    }
    expect(brief.ephemeral).toBe(false);
    expect(embedText(brief)).toContain('Island ferry sails again');
    expect(embedText(brief)).toContain('Britt Lindqvist');
    const choices = await second.sendAutocomplete('brief', 'article', 'ferry', {}, { guildId: server }).choices();
    expect(choices.map((c) => c.value)).toContain('island-ferry-sails-again');

    // In the other process's own server it does not exist.
    const elsewhere = await second.sendCommand('brief', { article: 'island-ferry-sails-again' }).final();
    expect(elsewhere.ephemeral).toBe(true);
    expect(`${elsewhere.content} ${embedText(elsewhere)}`).not.toContain('Island ferry');
    const none = await second.sendAutocomplete('brief', 'article', 'ferry').choices();
    expect(none.map((c) => c.name).join(' ')).not.toContain('Island ferry');
  });

  it('stores one copy when both processes ingest the same text at once', async () => {
    const server = first.guildId;
    const editor = { permissions: ADMIN_PERMISSIONS, guildId: server };
    const text = TEXT.replace('three-week', 'four-week');
    await Promise.all([first.sendCommand('ingest text', {}, editor).response(), second.sendCommand('ingest text', {}, editor).response()]);
    const fields = { [TEXT_FIELDS.title]: 'Ferry strike ends', [TEXT_FIELDS.text]: text, [TEXT_FIELDS.url]: '' };
    const notes = await Promise.all([first.sendModalSubmit(TEXT_MODAL_ID, fields, editor).final(), second.sendModalSubmit(TEXT_MODAL_ID, fields, editor).final()]);
    const contents = notes.map((n) => n.content ?? '');
    expect(contents.filter((c) => c.startsWith('Added'))).toHaveLength(1);
    expect(contents.filter((c) => c.includes('already stored as `ferry-strike-ends`'))).toHaveLength(1);
  });
});
