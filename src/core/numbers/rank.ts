import type { NumberKind } from '../types.js';

/**
 * Importance of a number for a ten-second read: money, percentages and large counts first; trivia
 * (years in passing, "one of", "first", list numbering, times of day) last.
 */

export interface RankInput {
  readonly kind: NumberKind;
  readonly value: number | null;
  readonly unit: string | null;
  readonly text: string;
  readonly context: string;
  /** Zero-based sentence index (earlier sentences carry the news). */
  readonly sentenceIndex: number;
  /** Written with number words only ("one", "first"). */
  readonly spelled: boolean;
}

const KIND_BASE: Record<NumberKind, number> = {
  money: 80, percent: 70, count: 45, quantity: 45, duration: 35, number: 20, ordinal: 15, date: 15,
};

export function scoreNumber(n: RankInput): number {
  let score = KIND_BASE[n.kind];
  const v = n.value === null ? 0 : Math.abs(n.value);
  if (n.kind === 'money' || n.kind === 'count') score += Math.min(15, Math.log10(v + 1) * 1.5);
  if (n.kind === 'count' && v >= 1000) score += 10;
  if (n.kind === 'date' && n.unit === 'time') score -= 10;
  if (n.kind === 'date' && n.unit === 'year') score -= 5;
  if (n.spelled && v <= 1) score -= 12; // "one of", "first", "half"
  if (n.spelled && n.kind === 'count' && v <= 12) score -= /\bthe\s+$/i.test(n.context.slice(Math.max(0, n.context.indexOf(n.text) - 5), n.context.indexOf(n.text))) ? 25 : 10;
  if (n.kind === 'number' && /\p{Lu}[\p{L}]*-\d/u.test(n.context)) score -= 10;
  if (/^one\b/i.test(n.text) && /\bone of\b/i.test(n.context)) score -= 10;
  const before = n.context.slice(Math.max(0, n.context.indexOf(n.text) - 12), Math.max(0, n.context.indexOf(n.text)));
  if (/\b(page|p\.|pp\.|no\.|chapter|article|section|paragraph)\s*$/i.test(before)) score -= 15;
  score -= Math.min(10, n.sentenceIndex * 0.2);
  return Math.round(score * 100) / 100;
}
