/**
 * Chooses the digest's points: every candidate sentence scored by how much of the set's story it
 * carries (centroid terms, weighted by how many briefings share them), its place in its article, and
 * — with a focus — how much of the request it answers; then picked greedily, best first, skipping what
 * the points already say (near-duplicates from other briefings become extra sources of that point).
 */
import { contentTerms, cosine, termCounts, type TermVector } from '../../text/terms.js';
import { isBoilerplate, isFragment, looksLikeCaption, wordsOf } from '../../core/summary/boilerplate.js';
import type { DigestPoint, SentenceRef, SourceBriefing } from '../types.js';
import { aboutTerms, termStats, type TermStats } from './terms.js';

export interface SelectWeights {
  /** Exponent of the sentence length in the score's denominator (0: long sentences win, 1: an average). */
  readonly lengthExponent: number;
  /** How fast the position bonus decays: 1 / (1 + index / positionScale). */
  readonly positionScale: number;
  /** Share of the score that the position bonus makes. */
  readonly positionWeight: number;
  /** Exponent of a term's briefing spread (df / documents). */
  readonly spreadExponent: number;
  /** Penalty for what the chosen points already say (MMR λ). */
  readonly redundancy: number;
  /** Similarity at which two sentences tell the same fact (one point, both sources). */
  readonly duplicate: number;
  /** Share of a focused score that relevance to the request makes. */
  readonly focusWeight: number;
}

export const DEFAULT_WEIGHTS: SelectWeights = {
  lengthExponent: 0.6,
  positionScale: 3,
  positionWeight: 0.35,
  spreadExponent: 1,
  redundancy: 0.7,
  duplicate: 0.55,
  focusWeight: 0.6,
};

/** Sentences shorter than this (in words) say too little to be a point; longer ones are run-ons. */
const MIN_WORDS = 6;
const MAX_WORDS = 70;
/** Candidates per briefing: the rest of a long article is rarely digest material. */
const MAX_SENTENCES_PER_BRIEFING = 80;

interface Candidate {
  readonly ref: SentenceRef;
  readonly briefing: number;
  readonly words: number;
  readonly vector: TermVector;
  score: number;
}

export interface Selection {
  readonly points: DigestPoint[];
  readonly stats: TermStats;
}

export interface SelectOptions {
  readonly about?: string;
  readonly words?: number;
  readonly points?: number;
  readonly weights?: SelectWeights;
}

function candidateSentences(sources: readonly SourceBriefing[]): { candidates: Candidate[]; terms: string[][][] } {
  const candidates: Candidate[] = [];
  const terms: string[][][] = [];
  sources.forEach((s, briefing) => {
    const perSentence: string[][] = [];
    for (const sentence of s.briefing.sentences.slice(0, MAX_SENTENCES_PER_BRIEFING)) {
      const t = contentTerms(sentence.text);
      perSentence.push(t);
      const words = wordsOf(sentence.text);
      if (words.length < MIN_WORDS || words.length > MAX_WORDS) continue;
      if (isFragment(sentence.text, words) || isBoilerplate(sentence.text, words) || looksLikeCaption(sentence.text)) continue;
      if (t.length === 0) continue;
      candidates.push({
        ref: { source: s.id, text: sentence.text, index: sentence.index, start: sentence.start, end: sentence.end },
        briefing,
        words: words.length,
        vector: termCounts(t),
        score: 0,
      });
    }
    terms.push(perSentence);
  });
  return { candidates, terms };
}

/** Importance of each term to the set: spread over briefings × log frequency. */
function termWeights(stats: TermStats, w: SelectWeights): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [t, tf] of stats.tf) {
    const spread = (stats.df.get(t) ?? 0) / stats.documents;
    weights.set(t, Math.pow(spread, w.spreadExponent) * Math.log(1 + tf));
  }
  return weights;
}

/**
 * Rarity of a term among the candidate sentences: similarity between two sentences ("the same fact")
 * rests on their rare words, not on the story's words that every sentence shares.
 */
function sentenceIdf(candidates: readonly Candidate[]): (term: string) => number {
  const sf = new Map<string, number>();
  for (const c of candidates) for (const t of c.vector.keys()) sf.set(t, (sf.get(t) ?? 0) + 1);
  const n = candidates.length;
  const idf = new Map<string, number>();
  for (const [t, f] of sf) idf.set(t, Math.log((n + 1) / (f + 0.5)));
  return (t) => idf.get(t) ?? 0;
}

function scoreCandidates(candidates: Candidate[], weights: Map<string, number>, focus: readonly string[], w: SelectWeights): void {
  let maxContent = 0;
  let maxFocus = 0;
  const content: number[] = [];
  const relevance: number[] = [];
  const focusSet = new Set(focus);
  for (const c of candidates) {
    let sum = 0;
    let hit = 0;
    for (const t of c.vector.keys()) {
      sum += weights.get(t) ?? 0;
      if (focusSet.has(t)) hit += 1 + (weights.get(t) ?? 0);
    }
    const value = sum / Math.pow(c.vector.size, w.lengthExponent);
    content.push(value);
    relevance.push(hit);
    maxContent = Math.max(maxContent, value);
    maxFocus = Math.max(maxFocus, hit);
  }
  candidates.forEach((c, i) => {
    const centroid = maxContent > 0 ? content[i]! / maxContent : 0;
    const position = 1 / (1 + c.ref.index / w.positionScale);
    let score = (1 - w.positionWeight) * centroid + w.positionWeight * position;
    if (focus.length > 0) score = (1 - w.focusWeight) * score + w.focusWeight * (maxFocus > 0 ? relevance[i]! / maxFocus : 0);
    c.score = score;
  });
}

export function selectPoints(sources: readonly SourceBriefing[], options: SelectOptions = {}): Selection {
  const w = options.weights ?? DEFAULT_WEIGHTS;
  const { candidates, terms } = candidateSentences(sources);
  const stats = termStats(terms);
  if (candidates.length === 0) return { points: [], stats };
  const weights = termWeights(stats, w);
  const weightOf = sentenceIdf(candidates);
  scoreCandidates(candidates, weights, options.about ? aboutTerms(options.about) : [], w);
  const pool = [...candidates].sort((a, b) => b.score - a.score);

  const wordLimit = options.words ?? Infinity;
  const pointLimit = options.points ?? (options.words === undefined ? 10 : Infinity);
  const chosen: { lead: Candidate; same: Candidate[] }[] = [];
  const used = new Set<Candidate>();
  let words = 0;
  while (chosen.length < pointLimit && words < wordLimit) {
    let best: Candidate | undefined;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (used.has(c)) continue;
      // Scores fall along the pool: once the raw score cannot beat the best penalised value, stop looking.
      if (c.score <= bestValue) break;
      let overlap = 0;
      for (const p of chosen) overlap = Math.max(overlap, cosine(c.vector, p.lead.vector, weightOf));
      if (overlap >= w.duplicate) continue;
      const value = c.score - w.redundancy * overlap;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    used.add(best);
    chosen.push({ lead: best, same: [] });
    words += best.words;
  }
  // Every other briefing's sentence that tells a chosen point's fact becomes a source of that point.
  for (const c of candidates) {
    if (used.has(c)) continue;
    let bestPoint: (typeof chosen)[number] | undefined;
    let bestSim = w.duplicate;
    for (const p of chosen) {
      if (p.lead.briefing === c.briefing || p.same.some((x) => x.briefing === c.briefing)) continue;
      const sim = cosine(c.vector, p.lead.vector, weightOf);
      if (sim >= bestSim) {
        bestSim = sim;
        bestPoint = p;
      }
    }
    bestPoint?.same.push(c);
  }
  const points: DigestPoint[] = chosen.map(({ lead, same }) => {
    const all = [lead, ...same.sort((a, b) => a.briefing - b.briefing)];
    return { text: lead.ref.text, sources: all.map((c) => c.ref.source), sentences: all.map((c) => c.ref), score: lead.score };
  });
  return { points, stats };
}
