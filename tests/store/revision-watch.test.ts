/**
 * On PostgreSQL a process learns of another's changes by notification: a hot server is re-read after
 * one, and not asked about otherwise; while the notifications are down it is checked every time.
 * Real PostgreSQL, two Store instances standing for two bot processes.
 */
import pg from 'pg';
import pino from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/core/analyze.js';
import { ingestText } from '../../src/ingest/index.js';
import { Scopes } from '../../src/scope/index.js';
import { REVISION_CHANNEL, Store } from '../../src/store/index.js';
import { freshPostgres, postgresAvailable, type TestDatabase } from './databases.js';

const pgUp = await postgresAvailable();
const GUILD = '222222222222222222';
const TEXT = [
  'The lighthouse on Skerry Point was switched back on on Friday after two years of repairs, the harbour trust said.',
  'Keeper Maren Holt said the new lamp can be seen 30 kilometres out to sea.',
].join('\n');

const newScopes = (store: Store) => new Scopes({ store, shared: null, analyze: (bytes, name) => Promise.resolve(analyzeBytes(bytes, name)), logger: pino({ level: 'silent' }) });
const ownIds = async (scopes: Scopes) => ((await scopes.forGuild(GUILD)).own?.list() ?? []).map((a) => a.id);

/** Asks until `done` holds: a notification is a real message on a socket, so it arrives a little later. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return true;
    await sleep(25);
  }
  return false;
}

describe.skipIf(!pgUp)('change notifications on PostgreSQL', () => {
  let database: TestDatabase;
  let a: Store;
  let b: Store;
  let scopesA: Scopes;
  let scopesB: Scopes;
  let raw: pg.Client;

  beforeEach(async () => {
    database = await freshPostgres();
    [a, b] = await Promise.all([Store.open(database.location), Store.open(database.location)]);
    scopesA = newScopes(a);
    scopesB = newScopes(b);
    await Promise.all([scopesA.watchReady(), scopesB.watchReady()]);
    raw = new pg.Client({ connectionString: (database.location as { url: string }).url });
    await raw.connect();
  });
  afterEach(async () => {
    scopesA.close();
    scopesB.close();
    await raw.end();
    await Promise.all([a.close(), b.close()]);
    await database.drop();
  });

  it('shows another process’s ingest after its notification, and trusts a server nobody notified about', async () => {
    expect(scopesA.notified).toBe(true);
    expect(await ownIds(scopesA)).toEqual([]); // hot in A from now on
    const target = scopesB.ingestTarget(await scopesB.forGuild(GUILD))!;
    const added = await ingestText(target, { title: 'Skerry Point light is back', text: TEXT });
    expect(added.created).toBe(true);
    expect(await eventually(async () => (await ownIds(scopesA)).includes(added.id))).toBe(true);

    // A change made behind the bot's back (no revision notification) is not seen: A did not ask the database…
    await raw.query('delete from guild_briefings where guild_id = $1', [GUILD]);
    await raw.query('update guilds set revision = revision + 1 where guild_id = $1', [GUILD]);
    expect(await ownIds(scopesA)).toEqual([added.id]);
    // …until a notification names the server.
    await raw.query('select pg_notify($1, $2)', [REVISION_CHANNEL, GUILD]);
    expect(await eventually(async () => (await ownIds(scopesA)).length === 0)).toBe(true);
  });

  it('checks on every interaction while the notifications are down, and re-reads everything when they resume', async () => {
    const target = scopesB.ingestTarget(await scopesB.forGuild(GUILD))!;
    const first = await ingestText(target, { title: 'Skerry Point light is back', text: TEXT });
    expect(await eventually(async () => (await ownIds(scopesA)).includes(first.id))).toBe(true);

    // The database drops A's listening connection (a restart, a failover, an idle-session killer).
    await raw.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`);
    expect(await eventually(async () => !scopesA.notified)).toBe(true);
    await raw.query('delete from guild_briefings where guild_id = $1', [GUILD]);
    await raw.query('update guilds set revision = revision + 1 where guild_id = $1', [GUILD]);
    expect(await ownIds(scopesA)).toEqual([]); // seen at once: checked, not trusted
    // It reconnects by itself (every 2 s).
    expect(await eventually(async () => scopesA.notified)).toBe(true);
  }, 20_000);
});
