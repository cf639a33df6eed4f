/**
 * Cheap features of a digest candidate, for the learned sentence scorer (scorer.ts). Every feature is a
 * number the digest already has or counts in one pass over the sentence: where it sits in its article,
 * how long it is, how much of the set's story its words carry, how rare they are, how its article
 * relates to the rest of the set. The order of FEATURE_NAMES is the order of the model's weights.
 */
import type { TermStats } from './terms.js';

export const FEATURE_NAMES = [
  'centroid',
  'position',
  'lead',
  'relativePosition',
  'logWords',
  'meanSpread',
  'sharedShare',
  'rarity',
  'mass',
  'digits',
  'quote',
  'personal',
  'question',
  'capitals',
  'articleTopicality',
  'centroidLead',
  'pairsShared',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** What a candidate sentence brings to its features. */
export interface FeatureInput {
  readonly text: string;
  /** Zero-based index of the sentence in its article, and the article's sentence count. */
  readonly index: number;
  readonly articleSentences: number;
  readonly words: number;
  /** Its distinct content terms. */
  readonly terms: Iterable<string>;
  /** Its centroid score (terms' story weight over its length), over the set's best, in [0, 1]. */
  readonly centroid: number;
  /** Its terms' story weight summed (not over length), over the set's best, in [0, 1]. */
  readonly mass: number;
  /** Similarity of its article to the rest of the set, in [0, 1]. */
  readonly articleTopicality: number;
  /** Share of its adjacent content-word pairs that another briefing of the set also writes, in [0, 1]. */
  readonly pairsShared: number;
}

/** What the whole set brings: term spread and the sentence-level rarity of terms. */
export interface FeatureContext {
  readonly stats: TermStats;
  /** Sentence-level idf of a term over the candidates, and its largest possible value. */
  readonly idf: (term: string) => number;
  readonly maxIdf: number;
}

const PERSONAL = new Set(['i', 'me', 'my', 'we', 'our', 'us', 'you', 'your']);

/** A short word's ASCII letters, lower-cased ("We're" → "were" is no pronoun; "us," → "us"). */
function lettersOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) out += String.fromCharCode(c);
  }
  return out;
}

/** One sentence's features, in FEATURE_NAMES order. */
export function sentenceFeatures(s: FeatureInput, ctx: FeatureContext): number[] {
  let n = 0;
  let spread = 0;
  let shared = 0;
  let rarity = 0;
  for (const t of s.terms) {
    n++;
    const df = ctx.stats.df.get(t) ?? 0;
    spread += df / ctx.stats.documents;
    if (df >= 2) shared++;
    rarity += ctx.maxIdf > 0 ? ctx.idf(t) / ctx.maxIdf : 0;
  }
  let digits = 0;
  let quote = 0;
  let capitals = 0;
  let personal = 0;
  let wordCount = 0;
  for (const word of s.text.split(' ')) {
    if (word === '') continue;
    wordCount++;
    const first = word.charCodeAt(0);
    if (wordCount > 1 && first >= 65 && first <= 90) capitals++;
    if (personal === 0 && word.length <= 6 && PERSONAL.has(lettersOf(word))) personal = 1;
  }
  for (let i = 0; i < s.text.length; i++) {
    const c = s.text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = 1;
    // " “ ” and a quote after a space or before one (not an apostrophe inside a word)
    if (c === 34 || c === 0x201c || c === 0x201d) quote = 1;
  }
  const position = 1 / (1 + s.index / 3);
  const last = s.text.trimEnd().slice(-1);
  return [
    s.centroid,
    position,
    s.index === 0 ? 1 : 0,
    s.articleSentences > 1 ? s.index / (s.articleSentences - 1) : 0,
    Math.log(s.words),
    n > 0 ? spread / n : 0,
    n > 0 ? shared / n : 0,
    n > 0 ? rarity / n : 0,
    s.mass,
    digits,
    quote,
    personal,
    last === '?' || last === '!' ? 1 : 0,
    wordCount > 1 ? capitals / (wordCount - 1) : 0,
    s.articleTopicality,
    s.centroid * position,
    s.pairsShared,
  ];
}
