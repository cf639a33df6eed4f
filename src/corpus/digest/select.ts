/**
 * Chooses the digest's points: every candidate sentence scored by how much of the set's story it
 * carries (centroid terms, weighted by how many briefings share them), its place in its article, and
 * — with a focus — how much of the request it answers; then picked greedily, best first, skipping what
 * the points already say (near-duplicates from other briefings become extra sources of that point).
 */
import { contentTerms, cosine, termCounts, type TermVector } from '../../text/terms.js';
import { isBoilerplate, isFragment, looksLikeCaption, wordsOf } from '../../core/summary/boilerplate.js';
import type { DigestPoint, SentenceRef, SourceBriefing } from '../types.js';
import { aboutTerms, expandFocus, termStats, type TermStats } from './terms.js';
import { sentenceFeatures } from './features.js';
import { isPageFurniture } from './furniture.js';
import { DEFAULT_SCORER, scoreFeatures, type LinearModel } from './scorer.js';

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
  /** Similarity to a chosen point at which a sentence adds too little to be chosen. */
  readonly duplicate: number;
  /** Similarity at which two briefings' sentences tell the same fact (one point, both sources). */
  readonly sameFact: number;
  /** Share of a focused score that relevance to the request makes. */
  readonly focusWeight: number;
  /** Share of the value that covering new concepts makes, beside the sentence's own score. */
  readonly coverage: number;
  /** Weight of a focus's expansion terms beside its own words (an expansion term counts at most this). */
  readonly expansion: number;
  /** Share of the score that the learned scorer (scorer.ts) makes, beside centroid and position. */
  readonly learned: number;
}

/** Tuned on the even Multi-News dev clusters (npm run eval -- across reports the odd ones apart). */
export const DEFAULT_WEIGHTS: SelectWeights = {
  lengthExponent: 1,
  positionScale: 3,
  positionWeight: 0.35,
  spreadExponent: 1,
  redundancy: 1,
  duplicate: 0.3,
  sameFact: 0.55,
  focusWeight: 0.6,
  coverage: 0.5,
  expansion: 0.5,
  learned: 1,
};


/** Sentences shorter than this (in words) say too little to be a point; longer ones are run-ons. */
const MIN_WORDS = 6;
const MAX_WORDS = 70;
/**
 * Sentences read per briefing: the rest of a long article is rarely digest material, and over a large
 * set (a server's whole library) the leads carry the stories. About 4,000 sentences in all.
 */
const SENTENCE_BUDGET = 4000;
const MAX_SENTENCES_PER_BRIEFING = 80;
const MIN_SENTENCES_PER_BRIEFING = 10;
/** Candidates that compete in the greedy choice (by score). */
const MAX_POOL = 400;
/** A point's rarest words, one of which a sentence telling the same fact must hold. */
const RARE_TERMS = 4;

interface Candidate {
  readonly ref: SentenceRef;
  readonly briefing: number;
  readonly words: number;
  readonly vector: TermVector;
  /** Sentences of its article (for its relative position). */
  readonly articleSentences: number;
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
  /** The learned scorer's model; the shipped one unless a training run tries another. */
  readonly scorer?: LinearModel;
}

function candidateSentences(sources: readonly SourceBriefing[]): { candidates: Candidate[]; terms: string[][][] } {
  const candidates: Candidate[] = [];
  const terms: string[][][] = [];
  const perBriefing = Math.max(MIN_SENTENCES_PER_BRIEFING, Math.min(MAX_SENTENCES_PER_BRIEFING, Math.floor(SENTENCE_BUDGET / Math.max(1, sources.length))));
  sources.forEach((s, briefing) => {
    const perSentence: string[][] = [];
    for (const sentence of s.briefing.sentences.slice(0, perBriefing)) {
      const t = contentTerms(sentence.text);
      perSentence.push(t);
      const words = wordsOf(sentence.text);
      if (words.length < MIN_WORDS || words.length > MAX_WORDS) continue;
      if (isFragment(sentence.text, words) || isBoilerplate(sentence.text, words) || looksLikeCaption(sentence.text)) continue;
      if (isPageFurniture(sentence.text)) continue;
      if (t.length === 0) continue;
      candidates.push({
        ref: { source: s.id, text: sentence.text, index: sentence.index, start: sentence.start, end: sentence.end },
        briefing,
        words: words.length,
        vector: termCounts(t),
        articleSentences: s.briefing.sentences.length,
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

/**
 * Similarity of each briefing's words to the rest of the set's (its share of the story), in [0, 1]:
 * cosine of its term counts with the set's minus its own, from dot products with the set's counts so
 * that a briefing costs its own vocabulary, not the set's.
 */
function topicality(terms: readonly string[][][], stats: TermStats): number[] {
  let total = 0;
  for (const tf of stats.tf.values()) total += tf * tf;
  return terms.map((sentences) => {
    const own = termCounts(sentences.flat());
    let dot = 0;
    let self = 0;
    for (const [t, c] of own) {
      dot += c * (stats.tf.get(t) ?? 0);
      self += c * c;
    }
    const restDot = dot - self;
    const rest = total - 2 * dot + self;
    return rest > 0 && self > 0 && restDot > 0 ? restDot / Math.sqrt(rest * self) : 0;
  });
}

/** In how many briefings each adjacent pair of content terms is written. */
function pairSpread(terms: readonly string[][][]): Map<string, number> {
  const spread = new Map<string, number>();
  for (const sentences of terms) {
    const seen = new Set<string>();
    for (const t of sentences) for (let i = 0; i + 1 < t.length; i++) seen.add(`${t[i]} ${t[i + 1]}`);
    for (const p of seen) spread.set(p, (spread.get(p) ?? 0) + 1);
  }
  return spread;
}

/** Share of a sentence's adjacent term pairs that at least one other briefing writes too. */
function pairsShared(t: readonly string[], spread: ReadonlyMap<string, number>): number {
  if (t.length < 2) return 0;
  let shared = 0;
  for (let i = 0; i + 1 < t.length; i++) if ((spread.get(`${t[i]} ${t[i + 1]}`) ?? 0) >= 2) shared++;
  return shared / (t.length - 1);
}

/** Each candidate's features (features.ts), as the learned scorer reads them. */
function featureRows(
  candidates: readonly Candidate[],
  terms: readonly string[][][],
  stats: TermStats,
  weights: ReadonlyMap<string, number>,
  idf: (term: string) => number,
  w: SelectWeights,
): number[][] {
  const sums = candidates.map((c) => {
    let sum = 0;
    for (const t of c.vector.keys()) sum += weights.get(t) ?? 0;
    return sum;
  });
  const centroids = candidates.map((c, i) => sums[i]! / Math.pow(c.vector.size, w.lengthExponent));
  const maxSum = Math.max(0, ...sums);
  const maxCentroid = Math.max(0, ...centroids);
  const articles = topicality(terms, stats);
  const maxIdf = Math.log(candidates.length + 1) - Math.log(1.5);
  const ctx = { stats, idf, maxIdf };
  const pairs = pairSpread(terms);
  return candidates.map((c, i) =>
    sentenceFeatures(
      {
        text: c.ref.text,
        index: c.ref.index,
        articleSentences: c.articleSentences,
        words: c.words,
        terms: c.vector.keys(),
        centroid: maxCentroid > 0 ? centroids[i]! / maxCentroid : 0,
        mass: maxSum > 0 ? sums[i]! / maxSum : 0,
        articleTopicality: articles[c.briefing]!,
        pairsShared: pairsShared(terms[c.briefing]![c.ref.index] ?? [], pairs),
      },
      ctx,
    ),
  );
}

/** The learned scorer's values over the candidates, rescaled to [0, 1] (best 1, worst 0). */
function learnedScores(rows: readonly number[][], model: LinearModel): number[] {
  const raw = rows.map((f) => scoreFeatures(f, model));
  const lo = Math.min(...raw);
  const hi = Math.max(...raw);
  return raw.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 1));
}

/** For training the scorer: every candidate of a set with its features, as the digest computes them. */
export function candidateFeatures(sources: readonly SourceBriefing[], w: SelectWeights = DEFAULT_WEIGHTS): { ref: SentenceRef; words: number; features: number[] }[] {
  const { candidates, terms } = candidateSentences(sources);
  if (candidates.length === 0) return [];
  const stats = termStats(terms);
  const rows = featureRows(candidates, terms, stats, termWeights(stats, w), sentenceIdf(candidates), w);
  return candidates.map((c, i) => ({ ref: c.ref, words: c.words, features: rows[i]! }));
}

/**
 * Scores each candidate; returns each one's relevance to the focus in [0, 1] (all 1 without a focus).
 * A focus word the sentence holds counts 1 + its story weight; a word the set writes beside the focus
 * (expandFocus) counts its expansion weight, so a sentence on the topic that does not repeat the
 * request's words still answers it.
 */
function scoreCandidates(candidates: Candidate[], weights: Map<string, number>, focus: readonly string[], w: SelectWeights, learned: readonly number[] | null): number[] {
  let maxContent = 0;
  let maxFocus = 0;
  const content: number[] = [];
  const relevance: number[] = [];
  const focusSet = new Set(focus);
  const expansion =
    focus.length > 0 && w.expansion > 0
      ? expandFocus(focus, candidates.map((c) => new Set(c.vector.keys())), (t) => weights.get(t) ?? 0)
      : new Map<string, number>();
  for (const c of candidates) {
    let sum = 0;
    let hit = 0;
    for (const t of c.vector.keys()) {
      sum += weights.get(t) ?? 0;
      if (focusSet.has(t)) hit += 1 + (weights.get(t) ?? 0);
      else hit += w.expansion * (expansion.get(t) ?? 0) * (1 + (weights.get(t) ?? 0));
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
    if (learned) score = (1 - w.learned) * score + w.learned * learned[i]!;
    const relevant = maxFocus > 0 ? relevance[i]! / maxFocus : 0;
    if (focus.length > 0) score = (1 - w.focusWeight) * score + w.focusWeight * relevant;
    relevance[i] = focus.length > 0 ? relevant : 1;
    c.score = score;
  });
  return relevance;
}

export function selectPoints(sources: readonly SourceBriefing[], options: SelectOptions = {}): Selection {
  const w = options.weights ?? DEFAULT_WEIGHTS;
  const { candidates, terms } = candidateSentences(sources);
  const stats = termStats(terms);
  if (candidates.length === 0) return { points: [], stats };
  const weights = termWeights(stats, w);
  const weightOf = sentenceIdf(candidates);
  const learned = w.learned > 0 ? learnedScores(featureRows(candidates, terms, stats, weights, weightOf, w), options.scorer ?? DEFAULT_SCORER) : null;
  const relevance = scoreCandidates(candidates, weights, options.about ? aboutTerms(options.about) : [], w, learned);
  const relevanceOf = new Map(candidates.map((c, i) => [c, relevance[i]!]));
  // Only the best-scored candidates compete for a place: a digest is tens of points, a server's
  // library tens of thousands of sentences.
  const pool = [...candidates].sort((a, b) => b.score - a.score).slice(0, MAX_POOL);

  // Coverage: what a sentence adds is the weight of the story's words that no chosen point has yet.
  const covered = new Set<string>();
  // With a focus, only what answers it counts as new.
  const conceptGain = (c: Candidate): number => {
    let gain = 0;
    for (const t of c.vector.keys()) if (!covered.has(t)) gain += weights.get(t) ?? 0;
    return (relevanceOf.get(c)! * gain) / Math.pow(c.vector.size, w.lengthExponent);
  };
  let maxGain = 0;
  if (w.coverage > 0) for (const c of candidates) maxGain = Math.max(maxGain, conceptGain(c));

  const wordLimit = options.words ?? Infinity;
  const pointLimit = options.points ?? (options.words === undefined ? 10 : Infinity);
  const chosen: { lead: Candidate; value: number; same: Candidate[] }[] = [];
  const used = new Set<Candidate>();
  let words = 0;
  while (chosen.length < pointLimit && words < wordLimit) {
    let best: Candidate | undefined;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (used.has(c)) continue;
      // Scores fall along the pool and a gain is at most 1: once the best a candidate could reach cannot
      // beat the best value found, none after it can.
      if ((1 - w.coverage) * c.score + w.coverage <= bestValue) break;
      let overlap = 0;
      for (const p of chosen) overlap = Math.max(overlap, cosine(c.vector, p.lead.vector, weightOf));
      if (overlap >= w.duplicate) continue;
      const gain = w.coverage > 0 && maxGain > 0 ? conceptGain(c) / maxGain : 0;
      const value = (1 - w.coverage) * c.score + w.coverage * gain - w.redundancy * overlap;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    used.add(best);
    for (const t of best.vector.keys()) covered.add(t);
    chosen.push({ lead: best, value: bestValue, same: [] });
    words += best.words;
  }
  // Every other briefing's sentence that tells a chosen point's fact becomes a source of that point.
  // Such a sentence shares the point's rarest words, so only candidates holding one of them are compared.
  const byTerm = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (used.has(c)) continue;
    for (const t of c.vector.keys()) (byTerm.get(t) ?? byTerm.set(t, []).get(t)!).push(c);
  }
  const bestOf = new Map<Candidate, { point: (typeof chosen)[number]; sim: number }>();
  for (const p of chosen) {
    const rare = [...p.lead.vector.keys()].sort((a, b) => weightOf(b) - weightOf(a)).slice(0, RARE_TERMS);
    const seen = new Set<Candidate>();
    for (const t of rare) {
      for (const c of byTerm.get(t) ?? []) {
        if (seen.has(c) || c.briefing === p.lead.briefing) continue;
        seen.add(c);
        const sim = cosine(c.vector, p.lead.vector, weightOf);
        const had = bestOf.get(c);
        if (sim >= w.sameFact && (!had || sim > had.sim)) bestOf.set(c, { point: p, sim });
      }
    }
  }
  for (const [c, { point }] of bestOf) {
    // One sentence per briefing and point: the most similar.
    const rival = point.same.find((x) => x.briefing === c.briefing);
    if (!rival) point.same.push(c);
    else if (bestOf.get(rival)!.sim < bestOf.get(c)!.sim) point.same.splice(point.same.indexOf(rival), 1, c);
  }
  const points: DigestPoint[] = chosen.map(({ lead, value, same }) => {
    const all = [lead, ...same.sort((a, b) => a.briefing - b.briefing)];
    return { text: lead.ref.text, sources: all.map((c) => c.ref.source), sentences: all.map((c) => c.ref), score: value };
  });
  return { points, stats };
}
