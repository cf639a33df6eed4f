/**
 * ROUGE-1/2/L as Google's `rouge-score` computes them with `use_stemmer=True` (see ../shared/eval/README.md):
 * lowercase, every run of characters outside [a-z0-9] becomes a space, split, Porter-stem tokens longer than
 * 3 characters; ROUGE-N = clipped n-gram overlap, ROUGE-L = LCS over the whole token sequence; F1 per
 * document, best reference wins. Also the BBC sentence precision/recall on normalized sentence forms.
 */
import { stemmer } from 'stemmer';

export interface RougeScores {
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
}

const stemCache = new Map<string, string>();

function stem(token: string): string {
  if (token.length <= 3) return token;
  let s = stemCache.get(token);
  if (s === undefined) {
    s = stemmer(token);
    stemCache.set(token, s);
  }
  return s;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((t) => t !== '')
    .map(stem);
}

export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function fscore(overlap: number, predicted: number, reference: number): number {
  if (predicted === 0 || reference === 0) return 0;
  const p = overlap / predicted;
  const r = overlap / reference;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function rougeN(pred: readonly string[], ref: readonly string[], n: number): number {
  const p = ngramCounts(pred, n);
  const r = ngramCounts(ref, n);
  let overlap = 0;
  let pTotal = 0;
  let rTotal = 0;
  for (const c of p.values()) pTotal += c;
  for (const [k, c] of r) {
    rTotal += c;
    overlap += Math.min(c, p.get(k) ?? 0);
  }
  return fscore(overlap, pTotal, rTotal);
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Scores one summary against its references: each metric takes its best reference. */
export function rouge(summary: string, references: readonly string[]): RougeScores {
  const pred = rougeTokens(summary);
  let best = { rouge1: 0, rouge2: 0, rougeL: 0 };
  for (const reference of references) {
    const ref = rougeTokens(reference);
    best = {
      rouge1: Math.max(best.rouge1, rougeN(pred, ref, 1)),
      rouge2: Math.max(best.rouge2, rougeN(pred, ref, 2)),
      rougeL: Math.max(best.rougeL, fscore(lcsLength(pred, ref), pred.length, ref.length)),
    };
  }
  return best;
}

/** Sentence form for exact matching: lowercase, accents folded, `[a-z0-9]+` tokens joined by one space. */
export function normalizeSentence(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** One-to-one matches between predicted and reference sentences on their normalized forms. */
export function sentenceMatches(predicted: readonly string[], reference: readonly string[]): number {
  const pool = new Map<string, number>();
  for (const r of reference) {
    const k = normalizeSentence(r);
    pool.set(k, (pool.get(k) ?? 0) + 1);
  }
  let matched = 0;
  for (const p of predicted) {
    const k = normalizeSentence(p);
    const left = pool.get(k) ?? 0;
    if (left > 0) {
      matched++;
      pool.set(k, left - 1);
    }
  }
  return matched;
}
