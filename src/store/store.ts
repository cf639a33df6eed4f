/**
 * The bot's database: per-server briefings and settings (GuildStore), and the raw Kysely handle for
 * other capabilities' own tables (delivery jobs). Opening it runs the migrations.
 */
import type { Kysely } from 'kysely';
import { connect, describeLocation, type Dialect, type StoreLocation } from './connect.js';
import { storeErrorOf } from './errors.js';
import { GuildStore } from './guild-store.js';
import { migrateToLatest } from './migrate.js';
import { RevisionWatch, type RevisionWatchEvents } from './revision-watch.js';
import type { Database } from './schema.js';

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    private readonly location: StoreLocation,
    readonly description: string,
  ) {}

  get dialect(): Dialect {
    return this.location.kind;
  }

  static async open(location: StoreLocation, options: { onError?: (error: Error) => void } = {}): Promise<Store> {
    const db = connect(location, options.onError);
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw storeErrorOf(error);
    }
    return new Store(db, location, describeLocation(location));
  }

  /** The store of one server, with its id bound into every query. */
  guild(guildId: string): GuildStore {
    return new GuildStore(this.db, guildId, this.dialect); // three fields: cheaper to make than to cache
  }

  /**
   * Change notifications across processes, where the database sends them (PostgreSQL); null for SQLite,
   * whose revision check is an in-process read of a few microseconds.
   */
  watchRevisions(events: RevisionWatchEvents): Promise<RevisionWatch> | null {
    return this.location.kind === 'postgres' ? RevisionWatch.start(this.location.url, events) : null;
  }

  /** Servers the bot left before `cutoff` (epoch ms): their data is due to be purged. */
  async guildsLeftBefore(cutoff: number): Promise<string[]> {
    try {
      const rows = await this.db.selectFrom('guilds').select('guild_id').where('left_at', 'is not', null).where('left_at', '<', cutoff).execute();
      return rows.map((r) => r.guild_id);
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

export type { StoreLocation } from './connect.js';
