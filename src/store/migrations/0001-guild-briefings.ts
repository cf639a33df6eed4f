/** Every server its own briefings and settings. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guilds')
    .addColumn('guild_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ingest_role_id', 'text')
    .addColumn('default_length', 'text')
    .addColumn('left_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('guild_briefings')
    .addColumn('guild_id', 'text', (c) => c.notNull().references('guilds.guild_id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('url', 'text')
    .addColumn('url_key', 'text')
    .addColumn('text_key', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('rev', 'bigint', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guild_briefings_pk', ['guild_id', 'id'])
    .execute();
  // Duplicates are refused by the database itself, so two processes cannot both store one article.
  await db.schema.createIndex('guild_briefings_text_key').unique().on('guild_briefings').columns(['guild_id', 'text_key']).execute();
  await db.schema
    .createIndex('guild_briefings_url_key')
    .unique()
    .on('guild_briefings')
    .columns(['guild_id', 'url_key'])
    .where(sql.ref('url_key'), 'is not', null)
    .execute();
  await db.schema.createIndex('guild_briefings_rev').on('guild_briefings').columns(['guild_id', 'rev']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guild_briefings').execute();
  await db.schema.dropTable('guilds').execute();
}
