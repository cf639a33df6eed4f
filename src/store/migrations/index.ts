/**
 * Every migration, in order. A new one is a new module added at the end of this list: names sort in
 * the order they run, and a released migration is never edited.
 */
import type { Migration } from 'kysely';
import * as guildBriefings from './0001-guild-briefings.js';
import * as jobs from './0002-jobs.js';
import * as delivery from './0003-delivery.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-guild-briefings': guildBriefings,
  '0002-jobs': jobs,
  '0003-delivery': delivery,
};
