/**
 * Sentence ranking for the summary: a strong position prior (news puts the point first) combined
 * with centrality (similarity to the whole document and to the title), small penalties for
 * questions, bare quotes and very short or very long sentences, and a bonus for names and numbers;
 * plus the learned scorer (scorer.ts), a linear model over the same numbers fitted on human-referenced
 * dev articles. Selection is greedy; near-duplicates are never both chosen.
 */
import type { Sentence } from '../types.js';
import { isBoilerplate, isFragment, looksLikeCaption, looksLikeHeadline, startsWithPhotoCredit, wordsOf } from './boilerplate.js';
import { contentTerms, termCounts, type TermVector } from '../../text/terms.js';
import type { LinearModel } from '../../text/linear-model.js';
import { summaryFeatures } from './features.js';
import { DEFAULT_SUMMARY_SCORER, scoreSummaryFeatures } from './scorer.js';

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
  /**
   * Weight of the learned scorer (scorer.ts), its values rescaled to [0, 1] per article; 0 = off. At 4 it
   * outweighs the position prior (2 for the first candidate, 1 for the second, 0.67 …): the model leads, and
   * its own position features keep the choice near the top of the article.
   */
  readonly learned: number;
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
  learned: 4,
};

/** Only this many leading sentences are scored; later ones almost never make a news summary. */
export const MAX_SCORED_SENTENCES = 200;


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

const CAPITAL_OR_DIGIT_START = /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u;

function entityScore(text: string, words: readonly string[]): number {
  let hits = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    // Most words start with an ASCII letter or digit, which decides the pattern without running it.
    const c = w.charCodeAt(0);
    if (c >= 0x61 && c <= 0x7a) continue;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || CAPITAL_OR_DIGIT_START.test(w)) hits++;
  }
  if (/\d/.test(text)) hits++;
  return Math.min(1, hits / 6);
}

/** Sentences longer than this are run-ons or unsplit page text, never summary material. */
const MAX_SENTENCE_CHARS = 3000;

/** Σ (count · weight)² over a Map of counts (terms unknown to the candidates weigh 1). */
function squaredNorm(v: TermVector, ids: ReadonlyMap<string, number>, weight: readonly number[]): number {
  let sum = 0;
  for (const [t, c] of v) {
    const id = ids.get(t);
    const w = c * (id === undefined ? 1 : weight[id]!);
    sum += w * w;
  }
  return sum;
}

export interface Candidate {
  readonly sentence: Sentence;
  readonly rank: number;
  readonly terms: TermVector;
  /** The terms as ids (see `ids` in rankSummary), in the order of `terms`, with their counts. */
  readonly termIds: readonly number[];
  readonly counts: readonly number[];
  readonly words: readonly string[];
  readonly unitNorm: number;
}

/** Every candidate of an article with its hand-set score and, when asked for, its learned-scorer features. */
export interface ScoredCandidates {
  readonly candidates: readonly Candidate[];
  readonly scores: readonly number[];
  /** summaryFeatures per candidate (features.ts), or null when not computed. */
  readonly features: readonly (readonly number[])[] | null;
  readonly termCount: number;
}

/**
 * The article's candidate sentences scored: the hand-set score of `weights` (position, centrality, title,
 * marks) and, with `withFeatures`, the learned scorer's features, computed from the same numbers.
 */
export function scoreCandidates(
  title: string | null,
  sentences: readonly Sentence[],
  weights: RankWeights = DEFAULT_WEIGHTS,
  withFeatures = false,
): ScoredCandidates | null {
  if (sentences.length === 0) return null;
  const scored = sentences.slice(0, MAX_SCORED_SENTENCES).filter((s) => s.text.length <= MAX_SENTENCE_CHARS);
  if (scored.length === 0) return null;
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
  if (pool.length === 0) return null;

  // Each term gets a dense id in the order it first appears, so the per-term tables below are arrays and
  // every sum runs over the terms in the same order as before (the scores stay bit-for-bit the same).
  const ids = new Map<string, number>();
  const candidates: Candidate[] = pool.map(({ sentence, words }, rank) => {
    const terms = termCounts(contentTerms(sentence.text));
    // Plain arrays: small typed arrays cost more to allocate than they save here.
    const termIds: number[] = [];
    const counts: number[] = [];
    let unitNorm = 0;
    for (const [t, c] of terms) {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      termIds.push(id);
      counts.push(c);
      unitNorm += c * c;
    }
    return { sentence, rank, terms, termIds, counts, words, unitNorm: Math.sqrt(unitNorm) };
  });

  // Inverse sentence frequency over the candidates: a term in every sentence says little.
  const termCount = ids.size;
  const sentenceFrequency = new Array<number>(termCount).fill(0);
  const documentTerms = new Array<number>(termCount).fill(0);
  for (const c of candidates) {
    for (let k = 0; k < c.termIds.length; k++) {
      const id = c.termIds[k]!;
      sentenceFrequency[id]!++;
      documentTerms[id]! += c.counts[k]!;
    }
  }
  const isf = new Array<number>(termCount).fill(0);
  let documentSquares = 0;
  for (let id = 0; id < termCount; id++) {
    isf[id] = Math.log((candidates.length + 1) / sentenceFrequency[id]!);
    const w = documentTerms[id]! * isf[id]!;
    documentSquares += w * w;
  }
  const documentNorm = Math.sqrt(documentSquares);
  const titleTerms = head.text === null ? null : termCounts(contentTerms(head.text));
  const titleNorm = titleTerms === null ? 0 : Math.sqrt(squaredNorm(titleTerms, ids, isf));

  const keys = [...ids.keys()];
  const termOf = (c: Candidate, k: number): string => keys[c.termIds[k]!]!;
  /** Σ a·b·isf² over the terms a candidate shares with the title, read in the order of the smaller of the two. */
  const titleDot = (c: Candidate, t: TermVector): number => {
    let sum = 0;
    if (c.terms.size <= t.size) {
      for (let k = 0; k < c.termIds.length; k++) {
        const other = t.get(termOf(c, k));
        if (other === undefined) continue;
        const w = isf[c.termIds[k]!]!;
        sum += c.counts[k]! * other * w * w;
      }
    } else {
      for (const [term, count] of t) {
        const other = c.terms.get(term);
        if (other === undefined) continue;
        const w = isf[ids.get(term)!]!;
        sum += count * other * w * w;
      }
    }
    return sum;
  };

  const datelineRank = candidates.slice(0, 8).findIndex((c) => startsWithDateline(c.sentence.text));

  const features: number[][] | null = withFeatures ? [] : null;
  const scores = candidates.map((c) => {
    const text = c.sentence.text;
    const words = c.words.length;
    let squares = 0;
    let documentDot = 0;
    for (let k = 0; k < c.termIds.length; k++) {
      const id = c.termIds[k]!;
      const count = c.counts[k]!;
      const w = isf[id]!;
      const weighted = count * w;
      squares += weighted * weighted;
      documentDot += count * documentTerms[id]! * w * w;
    }
    const norm = Math.sqrt(squares);
    const centrality = norm > 0 && documentNorm > 0 ? documentDot / (norm * documentNorm) : 0;
    const titleSimilarity = titleTerms !== null && norm > 0 && titleNorm > 0 ? titleDot(c, titleTerms) / (norm * titleNorm) : 0;
    const entities = entityScore(text, c.words);
    const caption = captionIndices.has(c.sentence.index) || looksLikeCaption(text);
    const beforeDateline = datelineRank > 0 && c.rank < datelineRank;
    let score = weights.position / Math.pow(1 + c.rank, weights.positionDecay);
    score += weights.centrality * centrality;
    score += weights.title * titleSimilarity;
    score += weights.entities * entities;
    if (/\?["'”’)]*$/.test(text)) score -= weights.question;
    if (OPENING_QUOTES.has(text[0] ?? '')) score -= weights.quoteOnly;
    if (words < 8) score -= weights.short;
    if (words > 45) score -= weights.long;
    score -= weights.length * Math.min(1.5, words / 40);
    if (caption) score -= weights.caption;
    if (beforeDateline) score -= weights.beforeDateline;
    if (features !== null) {
      features.push(
        summaryFeatures({
          text,
          words: c.words,
          rank: c.rank,
          candidates: candidates.length,
          centrality,
          title: titleSimilarity,
          entities,
          caption,
          beforeDateline,
        }),
      );
    }
    return score;
  });
  return { candidates, scores, features, termCount };
}

/** The learned scorer's values over an article's candidates, rescaled to [0, 1] (best 1, worst 0). */
function learnedScores(rows: readonly (readonly number[])[], model: LinearModel): number[] {
  const raw = rows.map((f) => scoreSummaryFeatures(f, model));
  let low = Infinity;
  let high = -Infinity;
  for (const r of raw) {
    low = Math.min(low, r);
    high = Math.max(high, r);
  }
  return raw.map((r) => (high > low ? (r - low) / (high - low) : 0));
}

/** The chosen summary sentences, in article order. */
export function rankSummary(
  title: string | null,
  sentences: readonly Sentence[],
  n: number,
  weights: RankWeights = DEFAULT_WEIGHTS,
  scorer: LinearModel = DEFAULT_SUMMARY_SCORER,
): Sentence[] {
  if (n <= 0) return [];
  const all = scoreCandidates(title, sentences, weights, weights.learned > 0);
  if (all === null) return [];
  let scores = all.scores;
  if (all.features !== null) {
    const learned = learnedScores(all.features, scorer);
    scores = scores.map((s, i) => s + weights.learned * learned[i]!);
  }
  return selectSummary(all.candidates, scores, all.termCount, n, weights);
}

/** Greedy selection by score, skipping near-duplicates of what is already chosen; in article order. */
function selectSummary(candidates: readonly Candidate[], scores: readonly number[], termCount: number, n: number, weights: RankWeights): Sentence[] {

  // Plain cosine of term counts against each chosen sentence: how much a candidate says the same thing.
  // Counts are whole numbers, so the dot product is exact whatever order it is summed in.
  const maxSimilarity = new Array<number>(candidates.length).fill(0);
  const chosenCounts = new Array<number>(termCount).fill(0);
  const chosen: Candidate[] = [];
  const taken = new Set<number>();
  while (chosen.length < n) {
    const last = chosen.at(-1);
    if (last !== undefined) {
      chosenCounts.fill(0);
      for (let k = 0; k < last.termIds.length; k++) chosenCounts[last.termIds[k]!] = last.counts[k]!;
    }
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      if (taken.has(i)) continue;
      const c = candidates[i]!;
      if (last !== undefined && c.unitNorm !== 0 && last.unitNorm !== 0) {
        let shared = 0;
        for (let k = 0; k < c.termIds.length; k++) shared += c.counts[k]! * chosenCounts[c.termIds[k]!]!;
        maxSimilarity[i] = Math.max(maxSimilarity[i]!, shared / (c.unitNorm * last.unitNorm));
      }
      if (maxSimilarity[i]! >= weights.duplicate) continue;
      const value = scores[i]! - weights.redundancy * maxSimilarity[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    taken.add(best);
    chosen.push(candidates[best]!);
  }
  // Sorted before mapping: \`.map(…).sort(…)\` here sent V8's optimised code back to the interpreter on most calls
  // ("wrong map" at the sort, the mapped array's elements kind varying); indices are distinct, so the order is the same.
  chosen.sort((a, b) => a.sentence.index - b.sentence.index);
  return chosen.map((c) => c.sentence);
}
