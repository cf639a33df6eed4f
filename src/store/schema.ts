/**
 * The database's tables as TypeScript types: one description both dialects (SQLite, PostgreSQL) are
 * queried through. Times are epoch milliseconds (bigint on PostgreSQL, read back as numbers).
 */
import type { Generated } from 'kysely';

export interface GuildsTable {
  guild_id: string;
  /** Bumped in the same transaction as every change to the guild's briefings: other processes see it. */
  revision: number;
  ingest_role_id: string | null;
  default_length: string | null;
  /** When the bot was removed from the server (its data is kept until purged); null while it is there. */
  left_at: number | null;
  created_at: number;
}

export interface GuildBriefingsTable {
  guild_id: string;
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  /** Canonical URL key for duplicate detection; unique per guild when present. */
  url_key: string | null;
  /** Normalised body words; unique per guild, so the same article cannot be stored twice. */
  text_key: string;
  date: string | null;
  /** Where it came from: 'ingest' (a member) or 'feed'. */
  origin: string;
  added_at: number;
  added_by: string | null;
  /** The stored Markdown, exactly as written (front matter + body): the truth the analysis is made from. */
  content: string;
  /** The guild revision that last wrote this row (catalogues refresh only what changed). */
  rev: number;
  /** Packed analysis (library codec) as JSON, valid for `engine_version`. */
  analysis: string;
  engine_version: string;
}

/** One pending run of a job (src/jobs/): claimed under a lease, re-inserted for its next run when recurring. */
export interface JobsTable {
  id: string;
  name: string;
  guild_id: string | null;
  /** JSON. */
  payload: string;
  run_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  attempts: number;
  last_error: string | null;
  failed_at: number | null;
  created_at: number;
}

/** A message the bot is to post (or has posted): written pending before the post, then sent or failed. */
export interface DeliveriesTable {
  key: string;
  guild_id: string;
  channel_id: string;
  kind: string;
  /** The message as JSON. */
  payload: string;
  status: string;
  attempts: number;
  message_id: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

export interface FeedsTable {
  id: string;
  guild_id: string;
  url: string;
  /** Where this feed's items are announced (else the server's announcement channel). */
  channel_id: string | null;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  /** sha256 of the last body read: an unchanged feed without validators is not parsed again. */
  body_hash: string | null;
  failures: number;
  last_error: string | null;
  paused_at: number | null;
  paused_reason: string | null;
  created_by: string | null;
  created_at: number;
  last_polled_at: number | null;
  items_stored: number;
}

export interface FeedItemsTable {
  feed_id: string;
  key: string;
  seen_at: number;
}

export interface AnnounceTargetsTable {
  guild_id: string;
  channel_id: string;
  paused_at: number | null;
  paused_reason: string | null;
  created_by: string | null;
  created_at: number;
}

/** New briefings waiting for the next announcement of their server (a burst becomes one message). */
export interface AnnounceQueueTable {
  guild_id: string;
  briefing_id: string;
  /** A feed's own channel, when it has one. */
  channel_id: string | null;
  added_at: number;
}

export interface SchedulesTable {
  id: string;
  guild_id: string;
  channel_id: string;
  every: string;
  /** Local time of day, in minutes after midnight. */
  at_minute: number;
  /** 1 (Monday) … 7 (Sunday) for weekly digests. */
  weekday: number | null;
  timezone: string;
  /** The next digest covers briefings added after this time. */
  since: number;
  paused_at: number | null;
  paused_reason: string | null;
  created_by: string | null;
  created_at: number;
}

/** Something an admin should hear on their next command (a channel gone, a feed paused). */
export interface GuildNoticesTable {
  id: string;
  guild_id: string;
  text: string;
  created_at: number;
}

export interface Database {
  guilds: GuildsTable;
  guild_briefings: GuildBriefingsTable;
  jobs: JobsTable;
  deliveries: DeliveriesTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  announce_targets: AnnounceTargetsTable;
  announce_queue: AnnounceQueueTable;
  schedules: SchedulesTable;
  guild_notices: GuildNoticesTable;
}

export type { Generated };
