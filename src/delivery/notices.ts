/** What an admin should hear on their next command (a channel gone, a schedule paused), said once. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { storeErrorOf } from '../store/errors.js';
import type { Database } from '../store/schema.js';

const MAX_PER_GUILD = 20;

export class NoticeBoard {
  constructor(private readonly db: Kysely<Database>) {}

  async add(guildId: string, text: string, now: number): Promise<void> {
    try {
      await this.db.insertInto('guild_notices').values({ id: `${now}-${randomBytes(4).toString('hex')}`, guild_id: guildId, text: text.slice(0, 1000), created_at: now }).execute();
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  /**
   * The server's notices, oldest first, removed as they are read (so each is told once). Asked on every
   * admin command, so the usual answer (none) is one indexed read, without a transaction.
   */
  async take(guildId: string): Promise<string[]> {
    try {
      const any = await this.db.selectFrom('guild_notices').select('id').where('guild_id', '=', guildId).limit(1).executeTakeFirst();
      if (!any) return [];
      return await this.db.transaction().execute(async (tx) => {
        const rows = await tx.selectFrom('guild_notices').select(['id', 'text']).where('guild_id', '=', guildId).orderBy('created_at').orderBy('id').execute();
        if (rows.length === 0) return [];
        await tx.deleteFrom('guild_notices').where('guild_id', '=', guildId).execute();
        return rows.slice(-MAX_PER_GUILD).map((r) => r.text);
      });
    } catch (error) {
      throw storeErrorOf(error);
    }
  }
}
