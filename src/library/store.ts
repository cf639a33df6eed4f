import { extname, basename } from 'node:path';
import type { Briefing } from '../core/types.js';

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

function tokens(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
}

/** Finds an article by exact id, else by the share of the query's words found in its id and title. */
export function findArticle(articles: readonly StoredArticle[], query: string): StoredArticle | undefined {
  const exact = articles.find((a) => a.id === query.trim());
  if (exact) return exact;
  const wanted = tokens(query);
  if (wanted.length === 0) return undefined;
  let best: StoredArticle | undefined;
  let bestScore = 0;
  for (const article of articles) {
    const have = new Set([...tokens(article.id), ...tokens(article.briefing.title ?? '')]);
    const score = wanted.filter((w) => have.has(w)).length / wanted.length;
    if (score > bestScore) {
      best = article;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}
