import type { Person, Quote, Sentence } from './types.js';

/** Placeholder until quote extraction lands. */
export function findQuotes(_body: string, _sentences: readonly Sentence[], _people: readonly Person[]): Quote[] {
  return [];
}
