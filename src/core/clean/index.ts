import type { CleanDocument, InputFormat } from '../types.js';
import { cleanHtml } from './html.js';
import { cleanMarkdown } from './markdown.js';
import { normalizeText } from './normalize.js';
import { cleanPlainText } from './plaintext.js';

/** Joins paragraphs with exactly one blank line, dropping empty ones. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Turns raw text of a given format into the cleaned article: title, metadata and body paragraphs. */
export function cleanDocument(text: string, format: InputFormat): CleanDocument {
  const normalized = normalizeText(text);
  if (format === 'html') return cleanHtml(normalized);
  if (format === 'markdown') return cleanMarkdown(normalized);
  const article = cleanPlainText(normalized);
  return {
    title: article.title,
    standfirst: article.paragraphs[0] ?? null,
    source: article.source,
    date: article.date,
    author: article.author,
    url: null,
    tags: [],
    body: joinParagraphs(article.paragraphs),
  };
}
