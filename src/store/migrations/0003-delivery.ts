/** Feeds and the items seen in them, announcement channels and their queue, digest schedules, notices for admins. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('title', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('body_hash', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('paused_at', 'bigint')
    .addColumn('paused_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_polled_at', 'bigint')
    .addColumn('items_stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('feeds_guild_url', ['guild_id', 'url'])
    .execute();
  await db.schema
    .createTable('feed_items')
    .addColumn('feed_id', 'text', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    // `g:<guid>`, `u:<canonical link>` or `t:<hash of the words>`: an item is seen when any of its keys is.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pk', ['feed_id', 'key'])
    .execute();
  await db.schema
    .createTable('announce_targets')
    .addColumn('guild_id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('paused_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('announce_queue')
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('briefing_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('announce_queue_pk', ['guild_id', 'briefing_id'])
    .execute();
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('every', 'text', (c) => c.notNull())
    .addColumn('at_minute', 'integer', (c) => c.notNull())
    .addColumn('weekday', 'integer')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('since', 'bigint', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('paused_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_guild').on('schedules').columns(['guild_id']).execute();
  await db.schema
    .createTable('guild_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guild_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guild_notices_guild').on('guild_notices').columns(['guild_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['guild_notices', 'schedules', 'announce_queue', 'announce_targets', 'feed_items', 'feeds']) await db.schema.dropTable(table).execute();
}
