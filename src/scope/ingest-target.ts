/**
 * Ingest into one server: the draft is analysed off the thread that answers Discord, stored in the
 * server's GuildStore (the database decides duplicates and the id), put into the loaded catalogue
 * and announced to whoever listens. A database failure becomes "could not store", with nothing half-written.
 */
import { ENGINE_VERSION } from '../core/analyze.js';
import { IngestError, type BriefingDraft, type IngestResult, type IngestTarget } from '../ingest/ingest.js';
import { canonicalUrlKey, textKey } from '../library/dedupe.js';
import type { StoredArticle } from '../library/store.js';
import { StoreError, type GuildStore } from '../store/index.js';
import { encodeAnalysis, type Analyze, type GuildArticle, type GuildCatalogue } from './guild-catalogue.js';
import type { Scopes } from './scopes.js';

export interface GuildTargetParts {
  readonly store: GuildStore;
  readonly catalogue: GuildCatalogue;
  readonly scopes: Scopes;
  readonly analyze: Analyze;
  readonly origin: 'ingest' | 'feed';
}

function notStored(error: unknown): never {
  if (error instanceof StoreError) {
    throw new IngestError('write-failed', `The briefing could not be stored: ${error.message} Nothing was changed; please try again later.`, { cause: error });
  }
  throw error;
}

export function guildIngestTarget(parts: GuildTargetParts): IngestTarget {
  const { store, catalogue, scopes, analyze, origin } = parts;
  const lookup = async (id: string): Promise<StoredArticle | undefined> => {
    if (!catalogue.get(id)) await catalogue.refresh().catch(() => undefined);
    return catalogue.get(id);
  };
  return {
    async findDuplicate(candidate) {
      // What the shared folder already holds is visible here too: storing it again would only repeat it.
      const shared = scopes.shared?.findDuplicate?.(candidate);
      if (shared) return shared;
      const urlKey = canonicalUrlKey(candidate.url);
      const key = candidate.body ? textKey(candidate.body) : null;
      if (!urlKey && !key) return undefined;
      const id = await store.findDuplicate({ urlKey, textKey: key }).catch(notStored);
      return id ? lookup(id) : undefined;
    },
    async save(draft: BriefingDraft): Promise<IngestResult> {
      const briefing = await analyze(Buffer.from(draft.content, 'utf8'), `${draft.baseId}.md`);
      const addedAt = draft.at.getTime();
      const outcome = await store
        .add(
          {
            baseId: draft.baseId,
            title: draft.title,
            source: draft.source,
            url: draft.url,
            urlKey: canonicalUrlKey(draft.url),
            textKey: textKey(briefing.body),
            date: briefing.date ?? draft.date,
            origin,
            addedAt,
            addedBy: draft.by,
            content: draft.content,
            analysis: encodeAnalysis(briefing),
            engineVersion: ENGINE_VERSION,
          },
          // A shared-folder id stays the folder's: a server's briefing never hides it under the same name.
          (id) => scopes.shared?.get(id) !== undefined,
        )
        .catch(notStored);
      if (!outcome.added) {
        const existing = await lookup(outcome.duplicateOf);
        if (!existing) throw new IngestError('unreadable', 'This article is already stored here, but it could not be read back just now.');
        return { created: false, reason: 'duplicate', id: existing.id, article: existing };
      }
      const article: GuildArticle = { id: outcome.id, file: `${outcome.id}.md`, briefing, origin, addedAt, addedBy: draft.by, rev: outcome.rev };
      catalogue.put(article);
      scopes.notifyAdded(store.guildId, article);
      return { created: true, id: article.id, article };
    },
  };
}
