/** PostgreSQL dropping every connection mid-run: the bot keeps answering and reconnects by itself. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_FIELDS, TEXT_MODAL_ID } from '../../commands/ingest.js';
import { ADMIN_PERMISSIONS, embedText, startBotAgainstEmulator, type EmulatedBot } from '../discord/harness.js';
import { BLINKEN_ID, makeArticlesDir } from '../bot/e2e-setup.js';
import { freshPostgres, PG_ADMIN_URL, postgresAvailable, type TestDatabase } from './databases.js';

const pgUp = await postgresAvailable();
const editor = { permissions: ADMIN_PERMISSIONS };
const TEXT = [
  'The city library in Tarnow will open on Sundays from next month after a vote by the council on Wednesday.',
  'The change costs 85,000 zloty a year and adds 40 opening hours a month, librarian Ewa Kaczmarek said.',
  '"Families asked us for this for years," said deputy mayor Pawel Nowicki.',
].join('\n\n');

async function dropConnections(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    const result = await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

describe.skipIf(!pgUp)('PostgreSQL dropping connections mid-run', () => {
  let database: TestDatabase;
  let env: EmulatedBot;
  let articles: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    database = await freshPostgres();
    articles = await makeArticlesDir();
    env = await startBotAgainstEmulator({ articlesDir: articles.dir, store: database.location });
  });
  afterAll(async () => {
    await env?.stop();
    await database?.drop();
    await articles?.cleanup();
  });

  it('keeps answering, and stores again once reconnected', async () => {
    await env.emulator.sendCommand('ingest text', {}, editor).response();
    const added = await env.emulator.sendModalSubmit(TEXT_MODAL_ID, { [TEXT_FIELDS.title]: 'Library opens on Sundays', [TEXT_FIELDS.text]: TEXT, [TEXT_FIELDS.url]: '' }, editor).final();
    expect(added.content).toContain('Added **Library opens on Sundays**');
    const name = new URL((database.location as { url: string }).url).pathname.slice(1);
    expect(await dropConnections(name)).toBeGreaterThan(0);

    // Every answer still comes: the shared folder's and the server's own (from what is loaded, or re-read).
    expect(embedText(await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final())).toContain('Antony Blinken');
    const own = await env.emulator.sendCommand('brief', { article: 'library-opens-on-sundays' }).final();
    expect(embedText(own)).toContain('Ewa Kaczmarek');
    // The pool replaces the dropped connections: a new ingest is stored.
    await env.emulator.sendCommand('ingest text', {}, editor).response();
    const again = await env.emulator.sendModalSubmit(TEXT_MODAL_ID, { [TEXT_FIELDS.title]: 'Sunday opening approved', [TEXT_FIELDS.text]: TEXT.replace('Wednesday', 'Thursday'), [TEXT_FIELDS.url]: '' }, editor).final();
    expect(again.content).toContain('Added **Sunday opening approved**');
    expect(env.emulator.violations).toEqual([]);
  });
});
