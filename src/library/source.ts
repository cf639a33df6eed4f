import { loadArticles, type SkippedFile, type StoredArticle } from './store.js';

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
}

/** A fixed snapshot of a folder: loads once, never changes. */
export class StaticArticleSource implements ArticleSource {
  private constructor(
    private readonly articles: readonly StoredArticle[],
    private readonly skippedFiles: readonly SkippedFile[],
  ) {}

  static async load(dir: string): Promise<StaticArticleSource> {
    const { articles, skipped } = await loadArticles(dir);
    const newestFirst = [...articles].sort((a, b) => (b.briefing.date ?? '').localeCompare(a.briefing.date ?? ''));
    return new StaticArticleSource(newestFirst, skipped);
  }

  list(): readonly StoredArticle[] {
    return this.articles;
  }
  get(id: string): StoredArticle | undefined {
    return this.articles.find((a) => a.id === id);
  }
  skipped(): readonly SkippedFile[] {
    return this.skippedFiles;
  }
  onChange(_listener: () => void): () => void {
    return () => {};
  }
}
