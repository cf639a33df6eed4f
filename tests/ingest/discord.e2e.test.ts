/**
 * /ingest and /remove end to end: the real bot (startBot) against the loopback Discord emulator, with a
 * real articles folder and a local HTTP server serving a news page the test wrote.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEXT_FIELDS, TEXT_MODAL_ID } from '../../commands/ingest.js';
import { LiveArticleLibrary } from '../../src/library/live.js';
import SQLite from 'better-sqlite3';
import type { StoreLocation } from '../../src/store/index.js';
import { ADMIN_PERMISSIONS, buttonsOf, embedText, expectNoViolations, startBotAgainstEmulator, type EmulatedBot, type InteractionHandle, type RecordedMessage } from '../discord/harness.js';
import { STORY_A, STORY_B, STORY_C, tempDir, waitFor } from '../library/helpers.js';
import { ARTICLE_SENTENCES, CANONICAL, newsPage } from './news-page.js';

const editor = { permissions: ADMIN_PERMISSIONS };

let server: Server;
let pageUrl: string;
let hits: string[] = [];
let dir: string;
let cleanup: () => Promise<void>;
let running: EmulatedBot | null = null;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/news/rail') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage());
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/rail`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('briefbot-e2e-lib-'));
  await writeFile(join(dir, 'bridge.txt'), STORY_A);
  await writeFile(join(dir, 'library.txt'), STORY_B);
  hits = [];
});

afterEach(async () => {
  if (running) expectNoViolations(running.emulator);
  await running?.stop();
  running = null;
  await cleanup();
});

/** The private outcome (the edited "thinking…") and, when something was added, the public brief. */
async function outcomeOf(handle: InteractionHandle, published: boolean): Promise<{ note: RecordedMessage; brief?: RecordedMessage }> {
  const note = await handle.final();
  if (!published) return { note };
  const [brief] = await handle.waitForFollowUps(1);
  return { note, brief: brief as RecordedMessage };
}

async function start(options: { source?: LiveArticleLibrary; allowPrivate?: boolean; store?: StoreLocation; scope?: 'guild' | 'global' } = {}): Promise<EmulatedBot> {
  running = await startBotAgainstEmulator({
    articlesDir: dir,
    ...(options.scope ? { scope: options.scope } : {}),
    config: { allowPrivate: options.allowPrivate ?? true },
    ...(options.store ? { store: options.store } : {}),
    ...(options.source ? { deps: { source: options.source } } : {}),
  });
  return running;
}

/** What the server of the emulator's world stored, read straight from the database the bot uses. */
async function storedContent(bot: EmulatedBot, id: string): Promise<string | undefined> {
  const scope = await bot.bot.context.scopes.forGuild(bot.emulator.guildId);
  const [row] = (await scope.store?.load([id])) ?? [];
  return row?.content;
}

describe('/ingest', () => {
  it('registers /ingest and /remove for Manage Server by default', async () => {
    const { emulator } = await start();
    const registered = emulator.commands.list(emulator.guildId);
    for (const name of ['ingest', 'remove']) {
      const command = registered.find((c) => c.name === name);
      expect(command?.default_member_permissions).toBe('32');
    }
    const ingest = registered.find((c) => c.name === 'ingest');
    expect(ingest?.options?.map((o) => o.name)).toEqual(['url', 'file', 'text']);
  });

  it('ingests a news page by URL and answers with its brief and id; a second time says it exists', async () => {
    const { emulator, bot } = await start();
    const { note, brief } = await outcomeOf(emulator.sendCommand('ingest url', { url: pageUrl }, editor), true);
    const id = 'coastal-rail-line-reopens-after-landslide-repairs';
    expect(note.ephemeral).toBe(true);
    expect(note.content).toBe(`Added **Coastal rail line reopens after landslide repairs** as \`${id}\`.`);
    expect(brief?.ephemeral).toBe(false);
    expect(brief?.content).toContain(`New briefing \`${id}\``);
    expect(embedText(brief as RecordedMessage)).toContain('Coastal rail line reopens after landslide repairs');
    expect(embedText(brief as RecordedMessage)).toContain('Helen Marsh');
    expect(embedText(brief as RecordedMessage)).not.toContain('Related stories');
    const stored = await storedContent(running!, id);
    expect(stored).toContain(`url: ${CANONICAL}`);
    expect(stored).toContain(ARTICLE_SENTENCES[1]);
    // Stored in the server's database, not in the shared folder.
    expect((await readdir(dir)).filter((n) => n.endsWith('.md'))).toEqual([]);
    expect((await bot.context.scopes.forGuild(emulator.guildId)).source.get(id)).toBeDefined();

    const again = await emulator.sendCommand('ingest url', { url: CANONICAL }, editor).final();
    expect(again.ephemeral).toBe(true);
    expect(again.content).toContain(`already stored as \`${id}\``);
    expect(await (await bot.context.scopes.forGuild(emulator.guildId)).store?.count()).toBe(1);
  });

  it('refuses a private address without INGEST_ALLOW_PRIVATE, ephemerally, without fetching', async () => {
    const { emulator } = await start({ allowPrivate: false });
    const message = await emulator.sendCommand('ingest url', { url: pageUrl }, editor).final();
    expect(message.ephemeral).toBe(true);
    expect(message.content).toMatch(/^I could not fetch that page: 127\.0\.0\.1 points to a loopback address/);
    expect(message.content).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(hits).toEqual([]);
  });

  it('refuses a member without Manage Server', async () => {
    const { emulator } = await start();
    const message = await emulator.sendCommand('ingest url', { url: pageUrl }).final();
    expect(message.ephemeral).toBe(true);
    expect(message.content).toContain('You need the Manage Server permission');
    expect(hits).toEqual([]);
  });

  it('ingests an attachment', async () => {
    const { emulator } = await start();
    const content = `---\ntitle: Orchard festival draws record crowd\nsource: Pellow Post\n---\n\n${STORY_C.split('\n\n').slice(1).join('\n\n')}\n`;
    const { note, brief } = await outcomeOf(emulator.sendCommand('ingest file', { file: { attachment: { filename: 'orchard.md', content } } }, editor), true);
    expect(note.content).toBe('Added **Orchard festival draws record crowd** as `orchard-festival-draws-record-crowd`.');
    expect(embedText(brief as RecordedMessage)).toContain('Pellow');
  });

  it('ingests pasted text through the modal', async () => {
    const { emulator } = await start();
    const shown = await emulator.sendCommand('ingest text', {}, editor).response();
    expect(shown.type).toBe(9);
    expect((shown.data as { custom_id?: string }).custom_id).toBe(TEXT_MODAL_ID);
    const submitted = emulator.sendModalSubmit(
      TEXT_MODAL_ID,
      { [TEXT_FIELDS.title]: 'Rail line back after slip', [TEXT_FIELDS.text]: ARTICLE_SENTENCES.join('\n\n'), [TEXT_FIELDS.url]: '' },
      editor,
    );
    const { note, brief } = await outcomeOf(submitted, true);
    expect(note.content).toBe('Added **Rail line back after slip** as `rail-line-back-after-slip`.');
    expect(embedText(brief as RecordedMessage)).toContain('Larkport');
  });

  it('says the disk is full when it is, stores nothing half, and stores once there is room again', async () => {
    const { emulator, bot } = await start({});
    const db = bot.context.scopes.store!.db;
    await sql`create table filler (x blob)`.execute(db);
    const { page_count: pages } = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]!;
    await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(db); // the file may not grow: a full disk
    // A pasted article longer than a database page: storing it needs new pages.
    const text = Array.from({ length: 40 }, (_, i) => `The harbour board met on day ${i + 1} of the review and heard from the pilots again.`).join('\n');
    const fields = { [TEXT_FIELDS.title]: 'Harbour review, day by day', [TEXT_FIELDS.text]: text, [TEXT_FIELDS.url]: '' };
    await emulator.sendCommand('ingest text', {}, editor).response();
    const refused = await emulator.sendModalSubmit(TEXT_MODAL_ID, fields, editor).final();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('The disk holding the database is full.');
    expect(refused.content).toContain('Nothing was changed');
    expect(await (await bot.context.scopes.forGuild(emulator.guildId)).store?.count()).toBe(0);
    await sql.raw('PRAGMA max_page_count = 1073741823').execute(db); // room again
    await emulator.sendCommand('ingest text', {}, editor).response();
    const { note } = await outcomeOf(emulator.sendModalSubmit(TEXT_MODAL_ID, fields, editor), true);
    expect(note.content).toBe('Added **Harbour review, day by day** as `harbour-review-day-by-day`.');
  });

  it('says it could not store when the database is locked, and stores nothing half', async () => {
    const data = await tempDir('briefbot-e2e-db-');
    const file = join(data.dir, 'briefbot.sqlite');
    const { emulator, bot } = await start({ store: { kind: 'sqlite', file, busyTimeoutMs: 100 } });
    // Another process holds the database's write lock for the whole ingest.
    const other = new SQLite(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const message = await emulator.sendCommand('ingest url', { url: pageUrl }, editor).final();
      expect(message.ephemeral).toBe(true);
      expect(message.content).toContain('could not be stored');
      expect(message.content).toContain('Nothing was changed');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await (await bot.context.scopes.forGuild(emulator.guildId)).store?.count()).toBe(0);
    // The bot keeps answering, and the same ingest works once the lock is gone.
    const list = await emulator.sendCommand('articles').final();
    expect(embedText(list)).toContain('Harbour bridge reopens');
    const { note } = await outcomeOf(emulator.sendCommand('ingest url', { url: pageUrl }, editor), true);
    expect(note.content).toContain('Added **Coastal rail line reopens after landslide repairs**');
    await running?.stop();
    running = null;
    await data.cleanup();
  });

});

describe('every server its own briefings', () => {
  const OTHER_GUILD = '998877665544332211';

  it('never shows what one server ingested in another server or in DMs, by command, autocomplete, search or crafted button', async () => {
    const { emulator } = await start({ scope: 'global' }); // global commands: usable in DMs too
    const { brief: published } = await outcomeOf(emulator.sendCommand('ingest url', { url: pageUrl }, editor), true);
    const id = 'coastal-rail-line-reopens-after-landslide-repairs';
    const openButton = buttonsOf(published as RecordedMessage)[1]?.custom_id as string; // "Quotes": its custom_id names the briefing
    expect(openButton).toContain(id);

    // Its own server finds it every way.
    expect(embedText(await emulator.sendCommand('brief', { article: id }).final())).toContain('Helen Marsh');
    expect((await emulator.sendAutocomplete('brief', 'article', 'coastal').choices()).map((c) => c.value)).toContain(id);
    expect(embedText(await emulator.sendCommand('search', { query: 'landslide' }).final())).toContain('Coastal rail line');

    for (const context of [{ guildId: OTHER_GUILD }, { inGuild: false }, { userInstallOnly: true }]) {
      const brief = await emulator.sendCommand('brief', { article: id }, context).final();
      expect(brief.ephemeral).toBe(true);
      expect(brief.content).not.toContain('Coastal');
      expect(embedText(brief)).not.toContain('Coastal');
      const choices = await emulator.sendAutocomplete('brief', 'article', 'coastal rail', {}, context).choices();
      expect(choices.map((c) => c.name).join(' ')).not.toContain('Coastal');
      const search = await emulator.sendCommand('search', { query: 'landslide repairs' }, context).final();
      expect(`${search.content} ${embedText(search)}`).not.toContain('Coastal');
      const list = await emulator.sendCommand('articles', {}, context).final();
      expect(embedText(list)).not.toContain('Coastal');
      expect(embedText(list)).toContain('Harbour bridge reopens'); // the shared folder is everyone's
      // A button of the first server's message, replayed elsewhere, is refused like an unknown article.
      const clicked = await emulator.sendButton(openButton, published as RecordedMessage, context).final();
      expect(`${clicked.content} ${embedText(clicked)}`).not.toContain('Coastal');
      expect(clicked.content).toContain('no longer stored');
    }
  });

  it('lets each server ingest the same article for itself, and /remove removes only its own', async () => {
    const { emulator } = await start();
    const other = { ...editor, guildId: OTHER_GUILD };
    await outcomeOf(emulator.sendCommand('ingest url', { url: pageUrl }, editor), true);
    const { note } = await outcomeOf(emulator.sendCommand('ingest url', { url: pageUrl }, other), true);
    expect(note.content).toContain('Added **Coastal rail line reopens after landslide repairs**');
    const id = 'coastal-rail-line-reopens-after-landslide-repairs';
    const asked = await emulator.sendCommand('remove', { article: id }, other).final();
    await emulator.sendButton(buttonsOf(asked)[0]?.custom_id as string, asked, other).final();
    expect(embedText(await emulator.sendCommand('brief', { article: id }).final())).toContain('Helen Marsh');
    expect((await emulator.sendCommand('brief', { article: id }, { guildId: OTHER_GUILD }).final()).ephemeral).toBe(true);
  });
});

describe('/remove', () => {
  async function ingested(emulator: EmulatedBot['emulator']): Promise<string> {
    await outcomeOf(emulator.sendCommand('ingest url', { url: pageUrl }, editor), true);
    return 'coastal-rail-line-reopens-after-landslide-repairs';
  }

  it('asks with Confirm then Cancel, and deletes only on Confirm', async () => {
    const { emulator, bot } = await start();
    const id = await ingested(emulator);
    const asked = await emulator.sendCommand('remove', { article: id }, editor).final();
    expect(asked.ephemeral).toBe(true);
    expect(asked.content).toContain('Remove **');
    expect(buttonsOf(asked).map((b) => b.label)).toEqual(['Confirm', 'Cancel']);
    const [confirm, cancel] = buttonsOf(asked).map((b) => b.custom_id as string);

    const cancelled = emulator.sendButton(cancel as string, asked, editor);
    expect((await cancelled.response()).type).toBe(7);
    expect((await cancelled.final()).content).toBe('Cancelled: nothing was removed.');
    expect(await storedContent(running!, id)).toBeDefined();

    expect(confirm).toBeDefined();
    const askedAgain = await emulator.sendCommand('remove', { article: id }, editor).final();
    const confirmed = emulator.sendButton(buttonsOf(askedAgain)[0]?.custom_id as string, askedAgain, editor);
    expect((await confirmed.final()).content).toMatch(/^Removed \*\*.+\*\* \(`coastal-rail-line-reopens-after-landslide-repairs`\)\.$/);
    expect(await storedContent(running!, id)).toBeUndefined();
    expect((await bot.context.scopes.forGuild(emulator.guildId)).source.get(id)).toBeUndefined();
  });

  it('refuses a shared folder article: it is managed on disk', async () => {
    const { emulator } = await start();
    const refused = await emulator.sendCommand('remove', { article: 'bridge' }, editor).final();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('part of the shared library');
    expect(await readdir(dir)).toContain('bridge.txt');
  });

  it('refuses a member without Manage Server, on the command and on the button', async () => {
    const { emulator } = await start();
    const id = await ingested(emulator);
    const refused = await emulator.sendCommand('remove', { article: id }).final();
    expect(refused.content).toContain('You need the Manage Server permission');
    const asked = await emulator.sendCommand('remove', { article: id }, editor).final();
    const confirm = buttonsOf(asked)[0]?.custom_id as string;
    const clicked = await emulator.sendButton(confirm, asked).final();
    expect(clicked.content).toContain('You need the Manage Server permission');
    expect(await storedContent(running!, id)).toBeDefined();
  });
});

describe('the folder is the truth', () => {
  it('shows a file dropped into the folder in /articles without a restart', async () => {
    const { emulator, bot } = await start();
    await writeFile(join(dir, 'orchard.txt'), STORY_C);
    await waitFor(() => bot.context.scopes.shared?.get('orchard') !== undefined, 'the dropped file');
    const list = await emulator.sendCommand('articles').final();
    expect(embedText(list)).toMatch(/Orchard festival/);
  });

  it('counts a file that cannot be read in /articles, and keeps serving the rest', async () => {
    const { emulator, bot } = await start();
    await writeFile(join(dir, 'broken.txt'), '');
    await waitFor(() => bot.context.scopes.shared?.skipped().length === 1, 'the skipped file');
    const list = await emulator.sendCommand('articles').final();
    expect(embedText(list)).toContain('1 file skipped');
    expect(embedText(list)).toContain('Harbour bridge reopens');
  });

  it('rebuilds a corrupt cache instead of trusting it', async () => {
    const first = await LiveArticleLibrary.open(dir, { warn: () => {} });
    await first.close();
    const cacheDir = join(dir, '.cache', 'briefbot');
    for (const name of await readdir(cacheDir)) {
      const text = await readFile(join(cacheDir, name), 'utf8');
      await writeFile(join(cacheDir, name), text.replaceAll('Kelso', 'Kelsx'));
    }
    const { emulator } = await start();
    const brief = await emulator.sendCommand('brief', { article: 'bridge' }).final();
    expect(embedText(brief)).toContain('Kelso');
    expect(embedText(brief)).not.toContain('Kelsx');
  });
});
