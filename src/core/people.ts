import type { Person, Sentence } from './types.js';

/** Placeholder until people extraction lands. */
export function findPeople(_body: string, _sentences: readonly Sentence[]): Person[] {
  return [];
}
