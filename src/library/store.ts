import { extname, basename } from 'node:path';
import type { Briefing } from '../core/types.js';
import { asciiWords } from '../text/fold.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export interface StoredArticle {
  /** The file name without its extension: stable, readable, unique within the folder. */
  readonly id: string;
  readonly file: string;
  readonly briefing: Briefing;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export function articleIdOf(file: string): string {
  return basename(file, extname(file));
}

export function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase()) && !name.startsWith('.');
}

/** Finds an article by exact id, else by the share of the query's words found in its id and title. */
export function findArticle(articles: readonly StoredArticle[], query: string): StoredArticle | undefined {
  const exact = articles.find((a) => a.id === query.trim());
  if (exact) return exact;
  const wanted = asciiWords(query);
  if (wanted.length === 0) return undefined;
  let best: StoredArticle | undefined;
  let bestScore = 0;
  for (const article of articles) {
    const have = new Set([...asciiWords(article.id), ...asciiWords(article.briefing.title ?? '')]);
    const score = wanted.filter((w) => have.has(w)).length / wanted.length;
    if (score > bestScore) {
      best = article;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}
