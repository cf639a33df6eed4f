import type { NumberKind } from '../types.js';

/**
 * Importance of a number for a ten-second read: money, percentages and large counts first; trivia
 * (years in passing, "one of", "first", list numbering, times of day) last.
 * Split in two so a caller can rank many candidates cheaply: `baseScore` needs no context and is an
 * upper bound of the full score, because every context rule only takes points away.
 */

export interface BaseRankInput {
  readonly kind: NumberKind;
  readonly value: number | null;
  readonly unit: string | null;
  /** Zero-based sentence index (earlier sentences carry the news). */
  readonly sentenceIndex: number;
  /** Written with number words only ("one", "first"). */
  readonly spelled: boolean;
}

export interface RankInput extends BaseRankInput {
  readonly text: string;
  readonly context: string;
}

const KIND_BASE: Record<NumberKind, number> = {
  money: 80, percent: 70, count: 45, quantity: 45, duration: 35, number: 20, ordinal: 15, date: 15,
};

const NAME_DASH_DIGIT = /\p{Lu}[\p{L}]*-\d/u;
const LIST_MARKER_BEFORE = /\b(page|p\.|pp\.|no\.|chapter|article|section|paragraph)\s*$/i;

/**
 * A cheap test that `LIST_MARKER_BEFORE` can match: the text, less its trailing white space, ends with
 * the last character of one of its words (only ASCII letters match them, case-insensitively).
 */
function mayEndListMarker(before: string): boolean {
  const trimmed = before.trimEnd();
  const last = trimmed.charCodeAt(trimmed.length - 1) | 0x20;
  return last === 0x65 /* e */ || last === 0x2e /* . */ || last === 0x72 /* r */ || last === 0x6e /* n */ || last === 0x68 /* h */;
}

/** The score from the number alone (no context); never below `scoreNumber` for the same number. */
export function baseScore(n: BaseRankInput): number {
  let score = KIND_BASE[n.kind];
  const v = n.value === null ? 0 : Math.abs(n.value);
  if (n.kind === 'money' || n.kind === 'count') score += Math.min(15, Math.log10(v + 1) * 1.5);
  if (n.kind === 'count' && v >= 1000) score += 10;
  // "61st birthday", "25th anniversary": a written-out ordinal in digits marks an occasion, not a rank in a list.
  if (n.kind === 'ordinal' && !n.spelled && v >= 2) score += 20;
  if (n.kind === 'date' && n.unit === 'time') score -= 10;
  if (n.kind === 'date' && n.unit === 'year') score -= 5;
  if (n.spelled && v <= 1) score -= 12; // "one of", "first", "half"
  score -= Math.min(10, n.sentenceIndex * 0.2);
  return score;
}

/** Points taken away for what stands around the number; zero or negative. */
function contextPenalty(n: RankInput): number {
  let penalty = 0;
  const at = n.context.indexOf(n.text);
  const v = n.value === null ? 0 : Math.abs(n.value);
  if (n.spelled && n.kind === 'count' && v <= 12) penalty -= /\bthe\s+$/i.test(n.context.slice(Math.max(0, at - 5), at)) ? 25 : 10;
  if (n.kind === 'number' && NAME_DASH_DIGIT.test(n.context)) penalty -= 10;
  if (/^one\b/i.test(n.text) && /\bone of\b/i.test(n.context)) penalty -= 10;
  const before = n.context.slice(Math.max(0, at - 12), Math.max(0, at));
  if (mayEndListMarker(before) && LIST_MARKER_BEFORE.test(before)) penalty -= 15;
  return penalty;
}

export function scoreNumber(n: RankInput): number {
  return Math.round((baseScore(n) + contextPenalty(n)) * 100) / 100;
}
