import type { CleanDocument, InputFormat } from '../types.js';
import { cleanHtml } from './html.js';
import { cleanMarkdown } from './markdown.js';
import { normalizeText } from './normalize.js';
import { cleanPlainText, plainDocument } from './plaintext.js';

/** Turns raw text of a given format into the cleaned article: title, metadata and body paragraphs. */
export function cleanDocument(text: string, format: InputFormat): CleanDocument {
  const normalized = normalizeText(text);
  if (format === 'html') return cleanHtml(normalized);
  if (format === 'markdown') return cleanMarkdown(normalized);
  return plainDocument(cleanPlainText(normalized));
}
