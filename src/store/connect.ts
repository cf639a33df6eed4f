/**
 * Opens the database named by the configuration: an embedded SQLite file by default (WAL mode, one
 * file under DATA_DIR), or a PostgreSQL server when DATABASE_URL is set, so several bot processes share
 * one store. Both are queried through the same Kysely builder.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import { StoreError, storeErrorOf } from './errors.js';
import type { Database } from './schema.js';

export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly file: string; readonly busyTimeoutMs?: number }
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number };

export type Dialect = StoreLocation['kind'];

// PostgreSQL returns bigint (int8) as strings; every bigint here is an epoch-ms time or a counter, well inside 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/**
 * SQLite rolls a transaction back by itself on some errors (a full disk, an I/O error); Kysely's own
 * ROLLBACK then fails ("no transaction is active") and that error replaces the one that says why.
 */
class SqliteDriverKeepingTheCause extends SqliteDriver {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.database.inTransaction) await super.rollbackTransaction(connection);
  }
}

class BriefbotSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    return new SqliteDriverKeepingTheCause(this.database);
  }
}

function openSqlite(file: string, busyTimeoutMs: number): Kysely<Database> {
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const database = new SQLite(file, { timeout: busyTimeoutMs });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    return new Kysely<Database>({ dialect: new BriefbotSqliteDialect(database) });
  } catch (error) {
    const wrapped = storeErrorOf(error);
    throw new StoreError(wrapped.code === 'unknown' ? 'unavailable' : wrapped.code, `The database file ${file} cannot be opened: ${(error as Error).message}.`, { cause: error });
  }
}

function openPostgres(url: string, poolSize: number, onError: (error: Error) => void): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // A client losing its connection (server restart, terminated backend) must not crash the process:
  // idle ones report through the pool, and one checked out between queries reports on itself.
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function connect(location: StoreLocation, onError: (error: Error) => void = () => {}): Kysely<Database> {
  return location.kind === 'sqlite' ? openSqlite(location.file, location.busyTimeoutMs ?? 5000) : openPostgres(location.url, location.poolSize ?? 10, onError);
}

/** For logs: where the data is, without a password. */
export function describeLocation(location: StoreLocation): string {
  if (location.kind === 'sqlite') return `SQLite ${location.file}`;
  try {
    const url = new URL(location.url);
    url.password = url.password ? '***' : '';
    return `PostgreSQL ${url.href}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
