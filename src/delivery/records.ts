/**
 * Delivery records: a row is written (pending) before a message is posted and marked sent or failed
 * after, under a key that names what is delivered (`digest:<schedule>:<due time>`). The key is unique,
 * so a second process or a restarted one finds the record and does not post the same thing again;
 * "exactly once" is then a count of sent rows.
 */
import type { Kysely, Selectable } from 'kysely';
import { storeErrorOf } from '../store/errors.js';
import type { DeliveriesTable, Database } from '../store/schema.js';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface NewDelivery {
  readonly key: string;
  readonly guildId: string;
  readonly channelId: string;
  /** 'announce' | 'digest' | 'notice'. */
  readonly kind: string;
  readonly payload: unknown;
}

export interface DeliveryRecord {
  readonly key: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly messageId: string | null;
  readonly error: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

function statusOf(text: string): DeliveryStatus {
  return text === 'sent' || text === 'failed' ? text : 'pending';
}

function recordOf(r: Selectable<DeliveriesTable>): DeliveryRecord {
  let payload: unknown;
  try {
    payload = JSON.parse(r.payload);
  } catch {
    payload = null;
  }
  return {
    key: r.key,
    guildId: r.guild_id,
    channelId: r.channel_id,
    kind: r.kind,
    payload,
    status: statusOf(r.status),
    attempts: Number(r.attempts),
    messageId: r.message_id,
    error: r.error,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

export class DeliveryLog {
  constructor(private readonly db: Kysely<Database>) {}

  /** Writes the pending record; false when a record with this key already exists (nothing written). */
  begin(delivery: NewDelivery, now: number): Promise<boolean> {
    return run(async () => {
      const result = await this.db
        .insertInto('deliveries')
        .values({ key: delivery.key, guild_id: delivery.guildId, channel_id: delivery.channelId, kind: delivery.kind, payload: JSON.stringify(delivery.payload), status: 'pending', attempts: 0, message_id: null, error: null, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return result !== undefined;
    });
  }

  get(key: string): Promise<DeliveryRecord | null> {
    return run(async () => {
      const row = await this.db.selectFrom('deliveries').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? recordOf(row) : null;
    });
  }

  /** Counts a try at posting (before the request goes out). */
  attempt(key: string, now: number): Promise<void> {
    return run(async () => {
      await this.db.updateTable('deliveries').set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now })).where('key', '=', key).where('status', '=', 'pending').execute();
    });
  }

  markSent(key: string, messageId: string, now: number): Promise<void> {
    return run(async () => {
      await this.db.updateTable('deliveries').set({ status: 'sent', message_id: messageId, error: null, updated_at: now }).where('key', '=', key).execute();
    });
  }

  markFailed(key: string, error: string, now: number): Promise<void> {
    return run(async () => {
      await this.db.updateTable('deliveries').set({ status: 'failed', error: error.slice(0, 1000), updated_at: now }).where('key', '=', key).where('status', '=', 'pending').execute();
    });
  }

  list(filter: { guildId?: string; kind?: string; status?: DeliveryStatus } = {}): Promise<DeliveryRecord[]> {
    return run(async () => {
      let query = this.db.selectFrom('deliveries').selectAll();
      if (filter.guildId !== undefined) query = query.where('guild_id', '=', filter.guildId);
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return (await query.orderBy('created_at').orderBy('key').execute()).map(recordOf);
    });
  }

  /** Old records go (the keys of due times long past are not needed to refuse a repeat). */
  prune(before: number): Promise<number> {
    return run(async () => Number((await this.db.deleteFrom('deliveries').where('status', '!=', 'pending').where('updated_at', '<', before).executeTakeFirst()).numDeletedRows));
  }
}
