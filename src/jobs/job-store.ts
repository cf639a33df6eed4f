/**
 * The jobs table: enqueue, claim due rows under a lease, heartbeat, finish, fail. A claim is one
 * statement that takes due, unleased rows and writes this runner's lease on them: on PostgreSQL the
 * rows are picked `FOR UPDATE SKIP LOCKED` (two runners never wait on or take the same row); on SQLite
 * the single UPDATE … RETURNING runs under the database's one write lock, so it is atomic too.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Dialect } from '../store/connect.js';
import { storeErrorOf } from '../store/errors.js';
import type { Database, JobsTable } from '../store/schema.js';

export interface NewJob {
  /** One pending run per id: `poll-feed:<feed>`, `digest:<schedule>`. */
  readonly id: string;
  readonly name: string;
  readonly guildId: string | null;
  readonly payload: unknown;
  readonly runAt: number;
}

export interface Job<P = unknown> {
  readonly id: string;
  readonly name: string;
  readonly guildId: string | null;
  readonly payload: P;
  /** The due time this run was claimed for (the key of "exactly once per due time"). */
  readonly runAt: number;
  /** Claims so far, this one included. */
  readonly attempts: number;
  readonly lastError: string | null;
  readonly leaseUntil: number;
}

export interface JobRow {
  readonly id: string;
  readonly name: string;
  readonly guildId: string | null;
  readonly payload: unknown;
  readonly runAt: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly failedAt: number | null;
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function rowOf(r: Selectable<JobsTable>): JobRow {
  return {
    id: r.id,
    name: r.name,
    guildId: r.guild_id,
    payload: parsePayload(r.payload),
    runAt: Number(r.run_at),
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until === null ? null : Number(r.lease_until),
    attempts: Number(r.attempts),
    lastError: r.last_error,
    failedAt: r.failed_at === null ? null : Number(r.failed_at),
  };
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

/** Longest error text kept on a job row. */
const MAX_ERROR = 1000;

export class JobStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Adds a job. `keep` leaves an existing job of that id as it is (safe to call at every start);
   * `replace` moves its due time and payload (only while no runner holds it).
   */
  enqueue(job: NewJob, now: number, mode: 'keep' | 'replace' = 'keep'): Promise<void> {
    return run(async () => {
      const values = { id: job.id, name: job.name, guild_id: job.guildId, payload: JSON.stringify(job.payload ?? null), run_at: job.runAt, lease_owner: null, lease_until: null, attempts: 0, last_error: null, failed_at: null, created_at: now };
      await this.db
        .insertInto('jobs')
        .values(values)
        .onConflict((oc) => {
          const target = oc.column('id');
          if (mode === 'keep') return target.doNothing();
          return target
            .doUpdateSet({ run_at: job.runAt, payload: values.payload, attempts: 0, last_error: null, failed_at: null })
            .where((eb) => eb.or([eb('jobs.lease_until', 'is', null), eb('jobs.lease_until', '<=', now)]));
        })
        .execute();
    });
  }

  /** Makes the given jobs due now (those not running). Returns how many moved. */
  runNow(ids: readonly string[], now: number): Promise<number> {
    return run(async () => {
      if (ids.length === 0) return 0;
      const result = await this.db
        .updateTable('jobs')
        .set({ run_at: now })
        .where('id', 'in', [...ids])
        .where('failed_at', 'is', null)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
  }

  cancel(id: string): Promise<boolean> {
    return run(async () => Number((await this.db.deleteFrom('jobs').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0);
  }

  get(id: string): Promise<JobRow | null> {
    return run(async () => {
      const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowOf(row) : null;
    });
  }

  list(filter: { guildId?: string; name?: string } = {}): Promise<JobRow[]> {
    return run(async () => {
      let query = this.db.selectFrom('jobs').selectAll();
      if (filter.guildId !== undefined) query = query.where('guild_id', '=', filter.guildId);
      if (filter.name !== undefined) query = query.where('name', '=', filter.name);
      return (await query.orderBy('run_at').execute()).map(rowOf);
    });
  }

  /** Takes up to `limit` due jobs for `owner` until `now + leaseMs`; each claim counts as an attempt. */
  claim(owner: string, now: number, leaseMs: number, limit: number, names?: readonly string[]): Promise<Job[]> {
    return run(async () => {
      if (limit <= 0) return [];
      const until = now + leaseMs;
      const rows = await this.db
        .updateTable('jobs')
        .set((eb) => ({ lease_owner: owner, lease_until: until, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) => {
          let pick = eb
            .selectFrom('jobs')
            .select('id')
            .where('failed_at', 'is', null)
            .where('run_at', '<=', now)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<=', now)]));
          if (names) pick = pick.where('name', 'in', [...names]);
          pick = pick.orderBy('run_at').limit(limit);
          return this.dialect === 'postgres' ? pick.forUpdate().skipLocked() : pick;
        })
        // Checked again on the row itself: a row another runner leased meanwhile is not taken.
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<=', now)]))
        .returningAll()
        .execute();
      // RETURNING keeps no order: oldest due first, as picked.
      return rows.map(rowOf).sort((a, b) => a.runAt - b.runAt || a.id.localeCompare(b.id)).map((row) => {
        return { id: row.id, name: row.name, guildId: row.guildId, payload: row.payload, runAt: row.runAt, attempts: row.attempts, lastError: row.lastError, leaseUntil: until };
      });
    });
  }

  /** Extends the lease while the run goes on; false when the job is no longer this owner's. */
  heartbeat(id: string, owner: string, until: number): Promise<boolean> {
    return run(async () => {
      const result = await this.db.updateTable('jobs').set({ lease_until: until }).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    });
  }

  /**
   * Finishes a run held by `owner`: removes the job, or moves it to its next run (attempts reset).
   * False when the lease was lost (another runner took the job): nothing is changed.
   */
  finish(id: string, owner: string, next: { runAt: number; payload?: unknown } | null): Promise<boolean> {
    return run(async () => {
      if (!next) {
        const result = await this.db.deleteFrom('jobs').where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      }
      const set: Partial<JobsTable> = { run_at: next.runAt, lease_owner: null, lease_until: null, attempts: 0, last_error: null };
      if (next.payload !== undefined) set.payload = JSON.stringify(next.payload);
      const result = await this.db.updateTable('jobs').set(set).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    });
  }

  /** A failed run: retry at `retryAt`, or (null) give up and keep the row for the operator. */
  fail(id: string, owner: string, error: string, retryAt: number | null, now: number): Promise<boolean> {
    return run(async () => {
      const text = error.slice(0, MAX_ERROR);
      const set: Partial<JobsTable> = retryAt === null ? { lease_owner: null, lease_until: null, last_error: text, failed_at: now } : { lease_owner: null, lease_until: null, last_error: text, run_at: retryAt };
      const result = await this.db.updateTable('jobs').set(set).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    });
  }

  /** Gives the lease back without counting the run (the runner is stopping). */
  release(id: string, owner: string): Promise<void> {
    return run(async () => {
      await this.db
        .updateTable('jobs')
        .set((eb) => ({ lease_owner: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    });
  }
}
