/**
 * Sentence ranking for the summary: a strong position prior (news puts the point first) combined
 * with centrality (similarity to the whole document and to the title), small penalties for
 * questions, bare quotes and very short or very long sentences, and a bonus for names and numbers.
 * Selection is greedy with an MMR-style redundancy penalty; near-duplicates are never both chosen.
 */
import type { Sentence } from '../types.js';
import { isBoilerplate, isFragment, looksLikeCaption, looksLikeHeadline, startsWithPhotoCredit, wordsOf } from './boilerplate.js';
import { contentTerms, termCounts, type TermVector } from '../../text/terms.js';

export interface RankWeights {
  readonly position: number;
  /** Position prior = 1 / (1 + rank)^positionDecay over the candidate rank. */
  readonly positionDecay: number;
  readonly centrality: number;
  readonly title: number;
  readonly entities: number;
  readonly question: number;
  readonly quoteOnly: number;
  readonly short: number;
  readonly long: number;
  /** Per-word cost (words / 40, capped at 1.5): shorter sentences make a tighter summary. */
  readonly length: number;
  readonly beforeDateline: number;
  /** Photo captions: label-colon lines, "(pictured)" pointers, the line right before a photo credit. */
  readonly caption: number;
  readonly redundancy: number;
  /** Unweighted cosine above which two sentences say the same thing. */
  readonly duplicate: number;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  position: 2,
  positionDecay: 1,
  centrality: 0.5,
  title: 0.3,
  entities: 0.05,
  question: 0.3,
  quoteOnly: 0.1,
  short: 0.2,
  long: 0.1,
  length: 0,
  beforeDateline: 0.5,
  caption: 0.3,
  redundancy: 0,
  duplicate: 0.5,
};

/** Only this many leading sentences are scored; later ones almost never make a news summary. */
export const MAX_SCORED_SENTENCES = 200;

interface Candidate {
  readonly sentence: Sentence;
  readonly rank: number;
  readonly terms: TermVector;
  readonly words: readonly string[];
  readonly unitNorm: number;
}

const OPENING_QUOTES = new Set(['"', '“', '‘', "'", '«']);

/** "(CNN) --", "NEW YORK --", "MADRID (AP) –", "WASHINGTON —": the agency dateline where the story proper begins. */
export function startsWithDateline(text: string): boolean {
  const head = text.slice(0, 60);
  if (/^\((?:cnn|ap|reuters|afp|upi|bloomberg|ians|pti|xinhua)\)/i.test(head)) return true;
  return /^[A-Z][A-Z .,'-]{1,40}(?:\([A-Za-z]{2,12}\)\s*)?(?:--|—|–)/.test(head);
}

/** The headline: the cleaner's title, or a lone short unpunctuated first paragraph (plain-text articles). */
function titleSentence(title: string | null, sentences: readonly Sentence[]): { text: string | null; index: number } {
  const first = sentences[0];
  if (first === undefined) return { text: title, index: -1 };
  const firstIsAlone = sentences[1] === undefined || sentences[1].paragraph !== first.paragraph;
  if (title !== null && first.text.trim() === title.trim()) return { text: title, index: 0 };
  if (firstIsAlone && sentences.length > 1 && looksLikeHeadline(first.text, wordsOf(first.text)) && wordsOf(first.text).length <= 20) {
    return { text: title ?? first.text, index: 0 };
  }
  return { text: title, index: -1 };
}

function entityScore(text: string, words: readonly string[]): number {
  let hits = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (/^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w)) hits++;
  }
  if (/\d/.test(text)) hits++;
  return Math.min(1, hits / 6);
}

/** Sentences longer than this are run-ons or unsplit page text, never summary material. */
const MAX_SENTENCE_CHARS = 3000;

/** Σ (count · weight)², the squared norm of a weighted count vector. */
function squaredNorm(v: TermVector, weight: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [t, c] of v) {
    const w = c * (weight.get(t) ?? 1);
    sum += w * w;
  }
  return sum;
}

/** Σ a·b·weight² over shared terms. */
function dot(a: TermVector, b: TermVector, weight: ReadonlyMap<string, number> | null): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [t, c] of small) {
    const other = large.get(t);
    if (other === undefined) continue;
    const w = weight === null ? 1 : (weight.get(t) ?? 1);
    sum += c * other * w * w;
  }
  return sum;
}

/** Indices (into `sentences`) of the chosen summary, in article order. */
export function rankSummary(
  title: string | null,
  sentences: readonly Sentence[],
  n: number,
  weights: RankWeights = DEFAULT_WEIGHTS,
): Sentence[] {
  if (n <= 0 || sentences.length === 0) return [];
  const scored = sentences.slice(0, MAX_SCORED_SENTENCES).filter((s) => s.text.length <= MAX_SENTENCE_CHARS);
  if (scored.length === 0) return [];
  const head = titleSentence(title, scored);
  // The line right before a photo credit is that photo's caption.
  const captionIndices = new Set<number>();
  for (const s of scored) if (s.index > 0 && startsWithPhotoCredit(s.text)) captionIndices.add(s.index - 1);
  const usable = scored
    .filter((s) => s.index !== head.index)
    .map((sentence) => ({ sentence, words: wordsOf(sentence.text) }))
    .filter((s) => !isBoilerplate(s.sentence.text, s.words));
  let pool = usable.filter((s) => !isFragment(s.sentence.text, s.words));
  if (pool.length === 0) pool = usable;
  if (pool.length === 0) return [];

  const candidates: Candidate[] = pool.map(({ sentence, words }, rank) => {
    const terms = termCounts(contentTerms(sentence.text));
    let unitNorm = 0;
    for (const c of terms.values()) unitNorm += c * c;
    return { sentence, rank, terms, words, unitNorm: Math.sqrt(unitNorm) };
  });

  // Inverse sentence frequency over the candidates: a term in every sentence says little.
  const sentenceFrequency = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms.keys()) sentenceFrequency.set(t, (sentenceFrequency.get(t) ?? 0) + 1);
  const isf = new Map<string, number>();
  for (const [t, f] of sentenceFrequency) isf.set(t, Math.log((candidates.length + 1) / f));
  const documentTerms: TermVector = new Map();
  for (const c of candidates) for (const [t, k] of c.terms) documentTerms.set(t, (documentTerms.get(t) ?? 0) + k);
  const documentNorm = Math.sqrt(squaredNorm(documentTerms, isf));
  const titleTerms = head.text === null ? null : termCounts(contentTerms(head.text));
  const titleNorm = titleTerms === null ? 0 : Math.sqrt(squaredNorm(titleTerms, isf));

  const datelineRank = candidates.slice(0, 8).findIndex((c) => startsWithDateline(c.sentence.text));

  const scores = candidates.map((c) => {
    const text = c.sentence.text;
    const words = c.words.length;
    const norm = Math.sqrt(squaredNorm(c.terms, isf));
    let score = weights.position / Math.pow(1 + c.rank, weights.positionDecay);
    if (norm > 0 && documentNorm > 0) score += (weights.centrality * dot(c.terms, documentTerms, isf)) / (norm * documentNorm);
    if (titleTerms !== null && norm > 0 && titleNorm > 0) score += (weights.title * dot(c.terms, titleTerms, isf)) / (norm * titleNorm);
    score += weights.entities * entityScore(text, c.words);
    if (/\?["'”’)]*$/.test(text)) score -= weights.question;
    if (OPENING_QUOTES.has(text[0] ?? '')) score -= weights.quoteOnly;
    if (words < 8) score -= weights.short;
    if (words > 45) score -= weights.long;
    score -= weights.length * Math.min(1.5, words / 40);
    if (captionIndices.has(c.sentence.index) || looksLikeCaption(text)) score -= weights.caption;
    if (datelineRank > 0 && c.rank < datelineRank) score -= weights.beforeDateline;
    return score;
  });

  /** Plain cosine of two candidates' term counts: how much they say the same thing. */
  const similarity = (a: Candidate, b: Candidate): number =>
    a.unitNorm === 0 || b.unitNorm === 0 ? 0 : dot(a.terms, b.terms, null) / (a.unitNorm * b.unitNorm);

  const chosen: Candidate[] = [];
  const taken = new Set<number>();
  while (chosen.length < n) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      if (taken.has(i)) continue;
      const c = candidates[i]!;
      let maxSimilarity = 0;
      for (const other of chosen) maxSimilarity = Math.max(maxSimilarity, similarity(c, other));
      if (maxSimilarity >= weights.duplicate) continue;
      const value = scores[i]! - weights.redundancy * maxSimilarity;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    taken.add(best);
    chosen.push(candidates[best]!);
  }
  return chosen.map((c) => c.sentence).sort((a, b) => a.index - b.index);
}
