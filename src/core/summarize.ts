import type { CleanDocument, Sentence } from './types.js';

/** Placeholder (Lead-N) until the ranking lands. Returns sentences in article order. */
export function summarize(_doc: CleanDocument, sentences: readonly Sentence[], n: number): Sentence[] {
  return sentences.slice(0, n);
}
