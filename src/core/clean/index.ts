import type { CleanDocument, InputFormat } from '../types.js';

/** Turns raw text of a given format into the cleaned article. Placeholder until the cleaning stage lands. */
export function cleanDocument(text: string, _format: InputFormat): CleanDocument {
  return { title: null, standfirst: null, source: null, date: null, author: null, url: null, tags: [], body: text.trim() };
}
