/** The job runner's contract, on SQLite and on a real PostgreSQL: claims, leases, backoff, recurrence. */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryLog } from '../../src/delivery/records.js';
import { JobRunner, JobStore, ManualClock, type Job, type JobDefinition } from '../../src/jobs/index.js';
import { Store } from '../../src/store/index.js';
import { freshPostgres, freshSqlite, postgresAvailable, type TestDatabase } from '../store/databases.js';

const pgUp = await postgresAvailable();
const silent = pino({ level: 'silent' });
const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;

const dialects: { name: string; make: () => Promise<TestDatabase>; enabled: boolean }[] = [
  { name: 'SQLite', make: () => Promise.resolve(freshSqlite()), enabled: true },
  { name: 'PostgreSQL', make: freshPostgres, enabled: pgUp },
];

function recorder(name: string, behaviour: (job: Job) => Promise<void> | void = () => {}) {
  const runs: { id: string; runAt: number; attempts: number }[] = [];
  const definition: JobDefinition = {
    name,
    async run(job) {
      runs.push({ id: job.id, runAt: job.runAt, attempts: job.attempts });
      await behaviour(job);
    },
  };
  return { runs, definition };
}

for (const dialect of dialects) {
  describe.skipIf(!dialect.enabled)(`job runner on ${dialect.name}`, () => {
    let database: TestDatabase;
    let store: Store;
    let jobs: JobStore;
    let clock: ManualClock;

    beforeEach(async () => {
      database = await dialect.make();
      store = await Store.open(database.location);
      jobs = new JobStore(store.db, store.dialect);
      clock = new ManualClock(T0);
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    const runnerWith = (definitions: JobDefinition<never>[], owner = 'runner-a', extra: { leaseMs?: number } = {}) =>
      new JobRunner({ store: jobs, clock, logger: silent, definitions, owner, leaseMs: extra.leaseMs ?? 5 * MINUTE, heartbeatMs: 3_600_000 });

    it('runs a job when it is due, not before, and once', async () => {
      const { runs, definition } = recorder('note');
      await jobs.enqueue({ id: 'note:1', name: 'note', guildId: 'g1', payload: { text: 'hi' }, runAt: T0 + 10 * MINUTE }, clock.now());
      const runner = runnerWith([definition]);
      expect(await runner.drain()).toBe(0);
      clock.advance(10 * MINUTE);
      expect(await runner.drain()).toBe(1);
      expect(runs).toEqual([{ id: 'note:1', runAt: T0 + 10 * MINUTE, attempts: 1 }]);
      expect(await jobs.get('note:1')).toBeNull();
      clock.advance(60 * MINUTE);
      expect(await runner.drain()).toBe(0);
    });

    it('keeps the first of two enqueues of one id, and replace moves it', async () => {
      await jobs.enqueue({ id: 'x', name: 'note', guildId: null, payload: 1, runAt: T0 + MINUTE }, T0);
      await jobs.enqueue({ id: 'x', name: 'note', guildId: null, payload: 2, runAt: T0 + 2 * MINUTE }, T0);
      expect(await jobs.get('x')).toMatchObject({ payload: 1, runAt: T0 + MINUTE });
      await jobs.enqueue({ id: 'x', name: 'note', guildId: null, payload: 3, runAt: T0 + 3 * MINUTE }, T0, 'replace');
      expect(await jobs.get('x')).toMatchObject({ payload: 3, runAt: T0 + 3 * MINUTE });
    });

    it('does not hand a leased job to another runner until the lease runs out; heartbeats extend it', async () => {
      await jobs.enqueue({ id: 'j', name: 'slow', guildId: null, payload: null, runAt: T0 }, T0);
      const claimedA = await jobs.claim('a', clock.now(), 5 * MINUTE, 10);
      expect(claimedA.map((j) => j.id)).toEqual(['j']);
      expect(await jobs.claim('b', clock.now(), 5 * MINUTE, 10)).toEqual([]);
      clock.advance(4 * MINUTE);
      expect(await jobs.heartbeat('j', 'a', clock.now() + 5 * MINUTE)).toBe(true);
      clock.advance(4 * MINUTE); // 8 min after the claim, 4 after the heartbeat: still held
      expect(await jobs.claim('b', clock.now(), 5 * MINUTE, 10)).toEqual([]);
      clock.advance(2 * MINUTE); // the heartbeat's lease ran out: a died
      const claimedB = await jobs.claim('b', clock.now(), 5 * MINUTE, 10);
      expect(claimedB).toMatchObject([{ id: 'j', attempts: 2 }]);
      // a comes back late: its heartbeat and its finish change nothing.
      expect(await jobs.heartbeat('j', 'a', clock.now() + 5 * MINUTE)).toBe(false);
      expect(await jobs.finish('j', 'a', null)).toBe(false);
      expect(await jobs.get('j')).toMatchObject({ leaseOwner: 'b' });
      expect(await jobs.finish('j', 'b', null)).toBe(true);
    });

    it('a restart in the middle of a run: the new process runs the job once its old lease has run out', async () => {
      const hang = new Promise<void>(() => {});
      const first = recorder('work', () => hang);
      await jobs.enqueue({ id: 'w', name: 'work', guildId: null, payload: null, runAt: T0 }, T0);
      const crashed = runnerWith([first.definition], 'old-process');
      void crashed.tick(); // never finishes: the process "dies" here
      await expect.poll(() => first.runs.length).toBe(1);
      const second = recorder('work');
      const restarted = runnerWith([second.definition], 'new-process');
      expect(await restarted.drain()).toBe(0);
      clock.advance(5 * MINUTE);
      expect(await restarted.drain()).toBe(1);
      expect(second.runs).toEqual([{ id: 'w', runAt: T0, attempts: 2 }]);
      expect(await jobs.get('w')).toBeNull();
    });

    it('backs off after a failure and gives up after the last attempt, keeping the error', async () => {
      const failing: JobDefinition = {
        name: 'flaky',
        maxAttempts: 3,
        retryDelayMs: (attempts) => attempts * MINUTE,
        run: () => Promise.reject(new Error('the site is down')),
      };
      await jobs.enqueue({ id: 'f', name: 'flaky', guildId: null, payload: null, runAt: T0 }, T0);
      const runner = runnerWith([failing]);
      expect(await runner.drain()).toBe(1);
      expect(await jobs.get('f')).toMatchObject({ attempts: 1, runAt: T0 + MINUTE, lastError: 'Error: the site is down', failedAt: null, leaseOwner: null });
      clock.advance(MINUTE - 1);
      expect(await runner.drain()).toBe(0);
      clock.advance(1);
      expect(await runner.drain()).toBe(1);
      expect(await jobs.get('f')).toMatchObject({ attempts: 2, runAt: T0 + MINUTE + 2 * MINUTE });
      clock.advance(2 * MINUTE);
      expect(await runner.drain()).toBe(1);
      expect(await jobs.get('f')).toMatchObject({ attempts: 3, failedAt: clock.now() });
      clock.advance(24 * 60 * MINUTE);
      expect(await runner.drain()).toBe(0);
    });

    it('moves a recurring job to its next due time after a run; missed periods run once, not once each', async () => {
      const { runs, definition } = recorder('hourly');
      const hourly: JobDefinition = { ...definition, next: (_job, now) => (Math.floor(now / (60 * MINUTE)) + 1) * 60 * MINUTE };
      await jobs.enqueue({ id: 'h', name: 'hourly', guildId: null, payload: null, runAt: T0 }, T0);
      const runner = runnerWith([hourly]);
      expect(await runner.drain()).toBe(1);
      expect(await jobs.get('h')).toMatchObject({ runAt: T0 + 60 * MINUTE, attempts: 0 });
      clock.advance(5 * 60 * MINUTE + 7 * MINUTE); // down for five hours
      expect(await runner.drain()).toBe(1);
      expect(runs.map((r) => r.runAt)).toEqual([T0, T0 + 60 * MINUTE]);
      expect(await jobs.get('h')).toMatchObject({ runAt: T0 + 6 * 60 * MINUTE });
    });

    it('a run may set its own next time (a feed backing off) or end the job', async () => {
      let next: number | null = T0 + 42 * MINUTE;
      const own: JobDefinition = { name: 'own', next: () => T0 + MINUTE, run: () => Promise.resolve({ next: next === null ? null : { runAt: next, payload: { n: 2 } } }) };
      await jobs.enqueue({ id: 'o', name: 'own', guildId: null, payload: { n: 1 }, runAt: T0 }, T0);
      const runner = runnerWith([own]);
      await runner.drain();
      expect(await jobs.get('o')).toMatchObject({ runAt: T0 + 42 * MINUTE, payload: { n: 2 } });
      next = null;
      clock.advance(42 * MINUTE);
      await runner.drain();
      expect(await jobs.get('o')).toBeNull();
    });

    it('claims only the jobs this runner knows, oldest due first, within its concurrency', async () => {
      for (let i = 0; i < 5; i++) await jobs.enqueue({ id: `k${i}`, name: 'known', guildId: null, payload: i, runAt: T0 - i * MINUTE }, T0);
      await jobs.enqueue({ id: 'u', name: 'unknown', guildId: null, payload: null, runAt: T0 - 99 * MINUTE }, T0);
      const claimed = await jobs.claim('a', T0, MINUTE, 3, ['known']);
      expect(claimed.map((j) => j.id)).toEqual(['k4', 'k3', 'k2']);
      expect(await jobs.get('u')).toMatchObject({ leaseOwner: null });
    });

    it('a cancelled job that was running is not put back', async () => {
      const runner = runnerWith([{ name: 'rec', next: (_j, now) => now + MINUTE, run: () => jobs.cancel('r').then(() => undefined) }]);
      await jobs.enqueue({ id: 'r', name: 'rec', guildId: null, payload: null, runAt: T0 }, T0);
      await runner.drain();
      expect(await jobs.get('r')).toBeNull();
    });

    it('a delivery record is written once per key: the second writer is told it exists', async () => {
      const log = new DeliveryLog(store.db);
      const d = { key: 'digest:s1:100', guildId: 'g', channelId: 'c', kind: 'digest', payload: { content: 'x' } };
      expect(await log.begin(d, T0)).toBe(true);
      expect(await log.begin(d, T0 + 1)).toBe(false);
      await log.attempt(d.key, T0 + 2);
      await log.markSent(d.key, 'm1', T0 + 3);
      expect(await log.get(d.key)).toMatchObject({ status: 'sent', messageId: 'm1', attempts: 1, payload: { content: 'x' } });
      await log.markFailed(d.key, 'late', T0 + 4); // a sent record stays sent
      expect(await log.list({ status: 'sent' })).toHaveLength(1);
    });
  });
}

describe.skipIf(!pgUp)('two job runners on one PostgreSQL', () => {
  let database: TestDatabase;
  let stores: Store[];

  beforeEach(async () => {
    database = await freshPostgres();
    stores = [await Store.open(database.location), await Store.open(database.location)];
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await database.drop();
  });

  it('one due job → one run, however the two race', async () => {
    const clock = new ManualClock(T0);
    const runs: string[] = [];
    for (let round = 0; round < 10; round++) {
      const id = `due:${round}`;
      await new JobStore(stores[0]!.db, 'postgres').enqueue({ id, name: 'post', guildId: 'g', payload: null, runAt: T0 }, T0);
      const runners = stores.map(
        (s, i) =>
          new JobRunner({
            store: new JobStore(s.db, 'postgres'),
            clock,
            logger: silent,
            owner: `process-${i}`,
            definitions: [{ name: 'post', run: async (job) => void runs.push(`${job.id}@process`) }],
          }),
      );
      await Promise.all(runners.map((r) => r.tick()));
    }
    expect(runs).toHaveLength(10);
    expect(new Set(runs).size).toBe(10);
  });

  it('two runners share 60 due jobs: each runs exactly once', async () => {
    const clock = new ManualClock(T0);
    const counts = new Map<string, number>();
    const jobStores = stores.map((s) => new JobStore(s.db, 'postgres'));
    for (let i = 0; i < 60; i++) await jobStores[0]!.enqueue({ id: `j${i}`, name: 'post', guildId: 'g', payload: i, runAt: T0 }, T0);
    const runners = jobStores.map(
      (js, i) =>
        new JobRunner({
          store: js,
          clock,
          logger: silent,
          owner: `process-${i}`,
          concurrency: 4,
          definitions: [{ name: 'post', run: async (job) => void counts.set(job.id, (counts.get(job.id) ?? 0) + 1) }],
        }),
    );
    await Promise.all(runners.map((r) => r.drain()));
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
