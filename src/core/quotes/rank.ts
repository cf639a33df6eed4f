/**
 * Orders quotes by how much they are worth showing: direct words with a named speaker first, then
 * substantive (longer) ones, then those early in the story.
 */
import type { QuoteKind } from '../types.js';
import { countWords } from './tokens.js';

export function quoteScore(kind: QuoteKind, speaker: string | null, text: string, start: number, bodyLength: number): number {
  const words = countWords(text);
  const kindScore = kind === 'direct' ? 2 : 1;
  const speakerScore = speaker === null ? 0 : 1.5;
  // Substance grows with length up to a long sentence; very short quotes are worth little.
  const lengthScore = Math.min(words, 40) / 40;
  const earlyScore = bodyLength === 0 ? 0 : 1 - start / bodyLength;
  return Math.round((kindScore + speakerScore + lengthScore + 0.5 * earlyScore) * 1000) / 1000;
}
