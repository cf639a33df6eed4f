/**
 * The databases the store contract runs on: a SQLite file in a temporary folder, always, and a real
 * PostgreSQL server when one answers (BRIEFBOT_TEST_PG_URL, default the local server `.ci/run` starts).
 * Each PostgreSQL use gets a database of its own, dropped afterwards. Without a server the PostgreSQL
 * runs are skipped with a loud notice, unless BRIEFBOT_REQUIRE_PG=1 (CI), where a missing server fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreLocation } from '../../src/store/index.js';

export const PG_ADMIN_URL = process.env['BRIEFBOT_TEST_PG_URL'] ?? 'postgres://briefbot:briefbot@127.0.0.1:5432/postgres';

let available: Promise<boolean> | null = null;

/** Whether a PostgreSQL server answers; asked once per test file. */
export function postgresAvailable(): Promise<boolean> {
  available ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env['BRIEFBOT_REQUIRE_PG'] === '1') throw new Error(`BRIEFBOT_REQUIRE_PG=1 but PostgreSQL at ${PG_ADMIN_URL} does not answer: ${(error as Error).message}`, { cause: error });
      console.warn(`\n*** PostgreSQL is not reachable at ${PG_ADMIN_URL}: the PostgreSQL store tests are SKIPPED. Run .ci/run (it installs and starts one) to include them. ***\n`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return available;
}

export interface TestDatabase {
  readonly location: StoreLocation;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgres(): Promise<TestDatabase> {
  const name = `briefbot_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    location: { kind: 'postgres', url: url.href, poolSize: 4 },
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export function freshSqlite(): TestDatabase & { readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
  return {
    dir,
    location: { kind: 'sqlite', file: join(dir, 'briefbot.sqlite') },
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
