/**
 * Cheap features of a summary candidate, for the learned sentence scorer (scorer.ts). Each is a number
 * the ranker already has (rank, centrality, title similarity, caption and dateline marks) or one pass over
 * the sentence's characters counts. The order of SUMMARY_FEATURE_NAMES is the order of the model's weights.
 */
export const SUMMARY_FEATURE_NAMES = [
  'position',
  'lead',
  'firstThree',
  'relativePosition',
  'logRank',
  'logWords',
  'centrality',
  'title',
  'centralityLead',
  'leadLength',
  'entities',
  'capitals',
  'digits',
  'quoteStart',
  'quoted',
  'said',
  'personal',
  'question',
  'short',
  'long',
  'caption',
  'beforeDateline',
] as const;

export type SummaryFeatureName = (typeof SUMMARY_FEATURE_NAMES)[number];

/** What the ranker knows of one candidate. */
export interface SummaryFeatureInput {
  readonly text: string;
  readonly words: readonly string[];
  /** Zero-based rank among the candidates, and how many there are. */
  readonly rank: number;
  readonly candidates: number;
  /** Cosine (isf-weighted) with the whole article and with the headline, in [0, 1]. */
  readonly centrality: number;
  readonly title: number;
  /** Share of names and numbers, in [0, 1] (rank.ts entityScore). */
  readonly entities: number;
  readonly caption: boolean;
  readonly beforeDateline: boolean;
}

const PERSONAL = new Set(['i', 'me', 'my', 'we', 'our', 'us', 'you', 'your']);
const SAID = new Set(['said', 'say', 'says', 'told', 'added', 'according']);
/** Lower-case first letters of the PERSONAL and SAID words. */
const MARKED_INITIALS = new Set([...PERSONAL, ...SAID].map((w) => w.charCodeAt(0)));

function isLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
}

/** A word's ASCII letters, lower-cased ("We're" → "were" is no pronoun; "said," → "said"). */
function lettersOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length && out.length <= 9; i++) {
    const c = word.charCodeAt(i);
    if (isLetter(c)) out += String.fromCharCode(c | 32);
  }
  return out;
}

/** One candidate's features, in SUMMARY_FEATURE_NAMES order. */
export function summaryFeatures(s: SummaryFeatureInput): number[] {
  let capitals = 0;
  let personal = 0;
  let said = 0;
  for (let i = 0; i < s.words.length; i++) {
    const word = s.words[i]!;
    const first = word.charCodeAt(0);
    if (i > 0 && first >= 65 && first <= 90) capitals++;
    // Only words that can be one of the marked ones are lower-cased letter by letter ('"We' starts at 'W').
    if (word.length > 9 || !MARKED_INITIALS.has((isLetter(first) ? first : word.charCodeAt(1)) | 32)) continue;
    const letters = lettersOf(word);
    if (personal === 0 && PERSONAL.has(letters)) personal = 1;
    if (said === 0 && SAID.has(letters)) said = 1;
  }
  let digits = 0;
  let quoted = 0;
  for (let i = 0; i < s.text.length; i++) {
    const c = s.text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = 1;
    if (c === 34 || c === 0x201c || c === 0x201d) quoted = 1;
  }
  const first = s.text.charCodeAt(0);
  const quoteStart = first === 34 || first === 0x201c || first === 0x2018 || first === 39 || first === 0xab ? 1 : 0;
  const last = s.text.trimEnd().slice(-1);
  const position = 1 / (1 + s.rank);
  const words = s.words.length;
  return [
    position,
    s.rank === 0 ? 1 : 0,
    s.rank < 3 ? 1 : 0,
    s.candidates > 1 ? s.rank / (s.candidates - 1) : 0,
    Math.log(1 + s.rank),
    Math.log(1 + words),
    s.centrality,
    s.title,
    s.centrality * position,
    s.rank === 0 ? Math.log(1 + words) : 0,
    s.entities,
    words > 1 ? capitals / (words - 1) : 0,
    digits,
    quoteStart,
    quoted,
    said,
    personal,
    last === '?' ? 1 : 0,
    words < 8 ? 1 : 0,
    words > 45 ? 1 : 0,
    s.caption ? 1 : 0,
    s.beforeDateline ? 1 : 0,
  ];
}
