import type { NumberMention, Sentence } from '../types.js';
import { contextPhrase } from './context.js';
import { extractMentions, type RawMention } from './extract.js';
import { baseScore, scoreNumber } from './rank.js';

/**
 * Bounds that keep the stage linear and small on any input (a 1 MB run of digits included) while
 * never touching a real article: a long feature has a few hundred numbers in well under 100,000 characters.
 */
/** Characters of sentence text read in all. */
export const MAX_SCANNED_CHARS = 100_000;
/** A longer "sentence" (a table, a list without full stops) is read in windows of about this size. */
export const WINDOW_CHARS = 4_000;
/** Numbers found before the scan stops. */
export const MAX_CANDIDATES = 2_000;
/** Candidates (best by their context-free score) that get a context phrase and a full score. */
const MAX_RANKED = 400;
/** Numbers returned. */
export const MAX_NUMBERS = 200;

interface Candidate {
  readonly raw: RawMention;
  /** Offset of the scanned window in the body. */
  readonly base: number;
  readonly window: string;
  readonly sentenceIndex: number;
  readonly bound: number;
}

/**
 * Where a window starting at `from` ends: at white space near WINDOW_CHARS so no number is cut,
 * or hard at the size when there is none close by.
 */
function windowEnd(text: string, from: number, limit: number): number {
  const hard = Math.min(text.length, from + WINDOW_CHARS, limit);
  if (hard === text.length || hard === limit) return hard;
  for (let i = hard; i > hard - WINDOW_CHARS / 4; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) return i;
  }
  return hard;
}

/**
 * Numbers of a story with their normalised value, unit, kind, the phrase saying what they count,
 * and an importance score; best first. Works sentence by sentence (a number never spans two).
 */
export function findNumbers(body: string, sentences: readonly Sentence[]): NumberMention[] {
  const candidates: Candidate[] = [];
  let budget = MAX_SCANNED_CHARS;
  scan: for (const sentence of sentences) {
    const text = sentence.text;
    for (let from = 0; from < text.length; ) {
      if (budget <= 0 || candidates.length >= MAX_CANDIDATES) break scan;
      const to = text.length <= WINDOW_CHARS && text.length <= budget ? text.length : windowEnd(text, from, from + budget);
      const window = from === 0 && to === text.length ? text : text.slice(from, to);
      budget -= to - from;
      for (const raw of extractMentions(window, MAX_CANDIDATES - candidates.length)) {
        const bound = baseScore({ kind: raw.kind, value: raw.value, unit: raw.unit, sentenceIndex: sentence.index, spelled: raw.spelled });
        candidates.push({ raw, base: sentence.start + from, window, sentenceIndex: sentence.index, bound });
      }
      from = to;
    }
  }
  void body;
  // Only the best candidates by their upper-bound score need the context phrase.
  const ranked = candidates.length > MAX_RANKED ? [...candidates].sort((a, b) => b.bound - a.bound || a.base + a.raw.start - (b.base + b.raw.start)).slice(0, MAX_RANKED) : candidates;
  const found: NumberMention[] = ranked.map(({ raw: m, base, window, sentenceIndex }) => {
    const text = window.slice(m.start, m.end);
    const context = contextPhrase(window, m.start, m.end);
    const score = scoreNumber({ kind: m.kind, value: m.value, unit: m.unit, text, context, sentenceIndex, spelled: m.spelled });
    return { start: base + m.start, end: base + m.end, text, value: m.value, unit: m.unit, kind: m.kind, context, score };
  });
  found.sort((a, b) => b.score - a.score || a.start - b.start);
  return found.length > MAX_NUMBERS ? found.slice(0, MAX_NUMBERS) : found;
}
