import type { SkippedFile, StoredArticle } from './store.js';

/**
 * What the bot needs from the stored briefings. The bot and search index depend on this interface
 * only; the live, cached, watched library implements it too.
 */
export interface ArticleSource {
  /** All loaded articles, newest first. */
  list(): readonly StoredArticle[];
  get(id: string): StoredArticle | undefined;
  /** Files that could not be read or parsed, with the reason. */
  skipped(): readonly SkippedFile[];
  /** Called after the set of articles changes (added, edited, removed). Returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** While the first load is under way: how many articles are ready of how many (null or absent once done). */
  loading?(): { readonly ready: number; readonly total: number } | null;
}
