/**
 * Orders quotes by how much they are worth showing: direct words with a named speaker first, then
 * substantive (longer) ones, then those early in the story.
 */
import type { QuoteKind } from '../types.js';
import { cueLemma, isSpeechLemma } from './cues.js';
import { countWords } from './tokens.js';

/** Speech ("said", "according to") is worth more than a stance ("wants", "endorsed"). */
function cueWeight(cue: string | null): number {
  if (cue === null || cue === 'according to' || cue === ':') return 1;
  const lemma = cueLemma(cue.toLowerCase());
  return lemma !== undefined && isSpeechLemma(lemma) ? 1 : 0.5;
}

export function quoteScore(
  kind: QuoteKind,
  speaker: string | null,
  text: string,
  cue: string | null,
  start: number,
  bodyLength: number,
): number {
  const words = countWords(text);
  const kindScore = kind === 'direct' ? 2 : cueWeight(cue);
  const speakerScore = speaker === null ? 0 : 1.5;
  // Substance grows with length up to a long sentence; very short quotes are worth little.
  const lengthScore = Math.min(words, 40) / 40;
  const earlyScore = bodyLength === 0 ? 0 : 1 - start / bodyLength;
  return Math.round((kindScore + speakerScore + lengthScore + 0.5 * earlyScore) * 1000) / 1000;
}
