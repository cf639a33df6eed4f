/** One contract for the store, run on SQLite and on a real PostgreSQL server. */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Store, StoreError, type NewBriefing, type StoreLocation } from '../../src/store/index.js';
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from './databases.js';

const pgUp = await postgresAvailable();

function briefing(overrides: Partial<NewBriefing> = {}): NewBriefing {
  return {
    baseId: 'blinken-visits-hanoi',
    title: 'Blinken visits Hanoi',
    source: 'UPI',
    url: 'https://example.com/blinken',
    urlKey: 'example.com/blinken',
    textKey: 'blinken met trong in hanoi',
    date: '2023-04-15',
    origin: 'ingest',
    addedAt: 1_700_000_000_000,
    addedBy: 'ana (Discord 1)',
    content: '---\ntitle: Blinken visits Hanoi\n---\n\nBlinken met Trong in Hanoi. <@123> `code` $2 < $4\n',
    analysis: '{"x":1}',
    engineVersion: '4',
    ...overrides,
  };
}

const dialects: { name: string; make: () => Promise<TestDatabase>; enabled: boolean }[] = [
  { name: 'SQLite', make: () => Promise.resolve(freshSqlite()), enabled: true },
  { name: 'PostgreSQL', make: freshPostgres, enabled: pgUp },
];

for (const dialect of dialects) {
  describe.skipIf(!dialect.enabled)(`store contract on ${dialect.name}`, () => {
    let database: TestDatabase;
    let store: Store;

    beforeEach(async () => {
      database = await dialect.make();
      store = await Store.open(database.location);
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    it('keeps what one server stores out of every other server', async () => {
      const a = store.guild('111111111111111111');
      const b = store.guild('222222222222222222');
      const added = await a.add(briefing());
      expect(added).toEqual({ added: true, id: 'blinken-visits-hanoi', rev: 1 });
      expect((await a.entries()).map((e) => e.id)).toEqual(['blinken-visits-hanoi']);
      expect(await b.entries()).toEqual([]);
      expect(await b.load(['blinken-visits-hanoi'])).toEqual([]);
      expect(await b.findDuplicate({ textKey: 'blinken met trong in hanoi' })).toBeNull();
      expect(await b.remove('blinken-visits-hanoi')).toBe(false);
      expect(await a.count()).toBe(1);
      // The same article may be stored by another server: duplicates are per server.
      expect(await b.add(briefing())).toMatchObject({ added: true, id: 'blinken-visits-hanoi' });
    });

    // NUL and other C0 controls never reach the store: input decoding refuses them as binary.
    it('reads the content back exactly as it was given', async () => {
      const g = store.guild('111111111111111111');
      const content = '---\ntitle: "Quotes: \\"x\\""\n---\n\n<@123> `code` ```fence``` <b>tag</b> $2 < $4 é 😀\r\n\tend';
      await g.add(briefing({ content }));
      const [row] = await g.load();
      expect(row?.content).toBe(content);
      expect(row?.title).toBe('Blinken visits Hanoi');
      expect(row?.addedAt).toBe(1_700_000_000_000);
    });

    it('refuses a duplicate by canonical URL or by the same words, and names the stored one', async () => {
      const g = store.guild('111111111111111111');
      await g.add(briefing());
      expect(await g.add(briefing({ baseId: 'other', textKey: 'different words' }))).toEqual({ added: false, duplicateOf: 'blinken-visits-hanoi' });
      expect(await g.add(briefing({ baseId: 'other', url: null, urlKey: null }))).toEqual({ added: false, duplicateOf: 'blinken-visits-hanoi' });
      expect(await g.count()).toBe(1);
    });

    it('stores two articles with the same title under two ids, skipping ids reserved elsewhere', async () => {
      const g = store.guild('111111111111111111');
      await g.add(briefing());
      const second = await g.add(briefing({ textKey: 'another text', urlKey: null }), (id) => id === 'blinken-visits-hanoi-2');
      expect(second).toMatchObject({ added: true, id: 'blinken-visits-hanoi-3' });
    });

    it('stores one copy when the same article is ingested twice at once', async () => {
      const g = store.guild('111111111111111111');
      const outcomes = await Promise.all([g.add(briefing()), g.add(briefing({ baseId: 'copy' }))]);
      expect(outcomes.filter((o) => o.added)).toHaveLength(1);
      expect(await g.count()).toBe(1);
    });

    it('moves the revision on every add and remove, and lists what changed', async () => {
      const g = store.guild('111111111111111111');
      expect(await g.revision()).toBe(0);
      await g.add(briefing());
      await g.add(briefing({ baseId: 'second', textKey: 'second text', urlKey: null }));
      expect(await g.revision()).toBe(2);
      expect(await g.remove('blinken-visits-hanoi')).toBe(true);
      expect(await g.revision()).toBe(3);
      await g.updateSettings({ defaultLength: 'short' });
      expect(await g.revision()).toBe(4);
      expect((await g.entries()).map((e) => [e.id, e.rev])).toEqual([['second', 2]]);
    });

    it('keeps per-server settings and purges a server whole', async () => {
      const g = store.guild('111111111111111111');
      expect(await g.settings()).toEqual({ ingestRoleId: null, defaultLength: null, leftAt: null });
      await g.updateSettings({ ingestRoleId: '333333333333333333', defaultLength: 'short' });
      await g.add(briefing());
      await g.updateSettings({ leftAt: 1000 });
      expect(await g.settings()).toEqual({ ingestRoleId: '333333333333333333', defaultLength: 'short', leftAt: 1000 });
      expect(await store.guildsLeftBefore(2000)).toEqual(['111111111111111111']);
      expect(await store.guildsLeftBefore(500)).toEqual([]);
      await g.purge();
      expect(await g.count()).toBe(0);
      expect(await g.settings()).toEqual({ ingestRoleId: null, defaultLength: null, leftAt: null });
    });

    it('purges what delivery keeps for a server too, and nothing of another server', async () => {
      const now = 1000;
      for (const guild of ['111111111111111111', '222222222222222222']) {
        await store.guild(guild).add(briefing());
        await store.db.insertInto('feeds').values({ id: `feed-${guild}`, guild_id: guild, url: 'https://example.com/feed', failures: 0, created_at: now, items_stored: 0 } as never).execute();
        await store.db.insertInto('feed_items').values({ feed_id: `feed-${guild}`, key: 'g:1', seen_at: now }).execute();
        await store.db.insertInto('announce_targets').values({ guild_id: guild, channel_id: '1', created_at: now } as never).execute();
        await store.db.insertInto('jobs').values({ id: `job-${guild}`, name: 'poll-feed', guild_id: guild, payload: '{}', run_at: now, attempts: 0, created_at: now } as never).execute();
      }
      await store.guild('111111111111111111').purge();
      const left = async (table: 'feeds' | 'announce_targets' | 'jobs' | 'guild_briefings') =>
        (await store.db.selectFrom(table).select('guild_id').execute()).map((r) => r.guild_id);
      for (const table of ['feeds', 'announce_targets', 'jobs', 'guild_briefings'] as const) expect(await left(table)).toEqual(['222222222222222222']);
      expect((await store.db.selectFrom('feed_items').select('feed_id').execute()).map((r) => r.feed_id)).toEqual(['feed-222222222222222222']);
    });

    it('updates an analysis after an engine change without moving the revision', async () => {
      const g = store.guild('111111111111111111');
      await g.add(briefing());
      await g.updateAnalysis('blinken-visits-hanoi', '{"x":2}', '5');
      const [row] = await g.load(['blinken-visits-hanoi']);
      expect(row).toMatchObject({ analysis: '{"x":2}', engineVersion: '5', rev: 1 });
      expect(await g.revision()).toBe(1);
    });

    it('migrates once when two processes open a new database together, and reopens without change', async () => {
      const second = await Store.open(database.location);
      const third = await Store.open(database.location);
      await second.close();
      await third.close();
      await store.guild('111111111111111111').add(briefing());
      const again = await Store.open(database.location);
      expect(await again.guild('111111111111111111').count()).toBe(1);
      await again.close();
    });

    it('refuses to start on a database made by a newer briefbot', async () => {
      await store.db.insertInto('kysely_migration' as never).values({ name: '9999-from-the-future', timestamp: new Date().toISOString() } as never).execute();
      await expect(Store.open(database.location)).rejects.toMatchObject({ code: 'newer-schema' });
      await expect(Store.open(database.location)).rejects.toThrow(/newer version of briefbot/);
    });

    // SQLite pragmas stand for a full disk and a read-only file (as root here, neither can be made for real).
    it.skipIf(dialect.name !== 'SQLite')('says the disk is full, stores nothing half, and stores again once there is room', async () => {
      const g = store.guild('111111111111111111');
      await g.add(briefing());
      // The file may not grow by a page more: what a full disk does to SQLite (SQLITE_FULL).
      const { page_count: pages } = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(store.db)).rows[0]!;
      await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(store.db);
      const big = briefing({ baseId: 'long-read', url: null, urlKey: null, textKey: 'a long read', content: `---\ntitle: A long read\n---\n\n${'Harbour words and more harbour words. '.repeat(20_000)}` });
      const failure = await g.add(big).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StoreError);
      expect((failure as StoreError).code).toBe('full');
      expect((failure as StoreError).message).toBe('The disk holding the database is full.');
      expect((await g.entries()).map((e) => e.id)).toEqual(['blinken-visits-hanoi']);
      expect(await g.revision()).toBe(1); // the revision bump was rolled back with the row
      await sql.raw('PRAGMA max_page_count = 1073741823').execute(store.db);
      expect(await g.add(big)).toMatchObject({ added: true, id: 'long-read' });
    });

    it.skipIf(dialect.name !== 'SQLite')('says the database is read-only, keeps answering reads, and changes nothing', async () => {
      const g = store.guild('111111111111111111');
      await g.add(briefing());
      await sql.raw('PRAGMA query_only = ON').execute(store.db); // writes refused as on a read-only file (SQLITE_READONLY)
      const failures = await Promise.all([
        g.add(briefing({ baseId: 'second', url: null, urlKey: null, textKey: 'another text' })).catch((error: unknown) => error),
        g.remove('blinken-visits-hanoi').catch((error: unknown) => error),
        g.updateSettings({ defaultLength: 'short' }, Date.now()).catch((error: unknown) => error),
      ]);
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(StoreError);
        expect((failure as StoreError).code).toBe('read-only');
      }
      expect((await g.load()).map((r) => r.id)).toEqual(['blinken-visits-hanoi']);
      expect((await g.settings()).defaultLength).toBeNull();
    });
  });
}

describe('store faults (SQLite)', () => {
  let database: ReturnType<typeof freshSqlite>;
  beforeAll(() => {
    database = freshSqlite();
  });
  afterAll(() => database.drop());

  it('says the database is locked or read-only instead of storing half', async () => {
    const store = await Store.open({ ...database.location, busyTimeoutMs: 50 } as StoreLocation);
    const g = store.guild('111111111111111111');
    // Another connection holds the write lock: the add fails as "busy" and nothing is stored.
    const { default: SQLite } = await import('better-sqlite3');
    const other = new SQLite((database.location as { file: string }).file, { timeout: 1 });
    other.exec('BEGIN IMMEDIATE');
    const failure = await g.add(briefing()).catch((error: unknown) => error);
    other.exec('ROLLBACK');
    other.close();
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).code).toBe('busy');
    expect(await g.count()).toBe(0);
    await store.close();
  });
});

describe.skipIf(!pgUp)('store faults (PostgreSQL)', () => {
  it('fails to open with a clear error when the server does not answer', async () => {
    const failure = await Store.open({ kind: 'postgres', url: 'postgres://briefbot:briefbot@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).code).toBe('unavailable');
  });
});
