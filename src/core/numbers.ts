import type { NumberMention, Sentence } from './types.js';

/** Placeholder until number extraction lands. */
export function findNumbers(_body: string, _sentences: readonly Sentence[]): NumberMention[] {
  return [];
}
