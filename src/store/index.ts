export { Store, type StoreLocation } from './store.js';
export { GuildStore, type AddOutcome, type BriefingEntry, type GuildSettings, type NewBriefing, type StoredAnalysisRow, type StoredBriefingRow } from './guild-store.js';
export { StoreError, isStoreFailure, type StoreErrorCode } from './errors.js';
export type { Database } from './schema.js';
export { RevisionWatch, REVISION_CHANNEL, type RevisionWatchEvents } from './revision-watch.js';
