/**
 * Brings the schema up to date at start. Kysely's migrator takes a lock in the database while it runs
 * (a row lock on PostgreSQL), so shards starting together migrate once. A database that has run a
 * migration this code does not know was made by a newer briefbot: refuse to start rather than guess.
 */
import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { StoreError, storeErrorOf } from './errors.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return result.rows.map((r) => r.name);
  } catch {
    return []; // no migration table yet: a new database
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<{ applied: string[] }> {
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = (await appliedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new StoreError(
      'newer-schema',
      `The database was updated by a newer version of briefbot (it has migration ${unknown.sort().at(-1)}, which this version does not know). Run the newer version, or point DATA_DIR / DATABASE_URL at another database.`,
    );
  }
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw storeErrorOf(error);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
