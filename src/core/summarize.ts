import { rankSummary } from './summary/rank.js';
import type { CleanDocument, Sentence } from './types.js';

/**
 * The `n` most informative sentences, presented in article order, each an article sentence unchanged.
 * See summary/rank.ts for how they are chosen.
 */
export function summarize(doc: CleanDocument, sentences: readonly Sentence[], n: number): Sentence[] {
  return rankSummary(doc.title, sentences, n);
}
