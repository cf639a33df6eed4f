/**
 * Word tokens with character offsets, made by one linear scan. Words keep inner apostrophes,
 * hyphens and periods ("don't", "al-Assad", "U.S."); every other non-space character is a token
 * of its own, so commas, colons and quote marks can be seen by the pattern code.
 */

export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** True for a run of letters/digits, false for a punctuation mark. */
  readonly word: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isLetterOrDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(ch);
}

export function isUpperStart(word: string): boolean {
  const ch = word[0] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isSpaceChar(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u2009' || ch === '\u202f';
}

const INNER = new Set(["'", '’', '-', '.', '‐']);

const NAME_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'st',
  'jr', 'sr', 'prof', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'adm', 'maj', 'cmdr', 'atty', 'amb', 'messrs']);

/** "Mr", "Sen" or a single capital initial: the period after it belongs to the word, not the sentence. */
function isNameAbbreviation(word: string): boolean {
  if (word.length === 1) return word >= 'A' && word <= 'Z';
  return NAME_ABBREVIATIONS.has(word.toLowerCase());
}

/** Tokens of `text.slice(start, end)`, offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i] ?? '';
    if (isSpaceChar(ch)) {
      i++;
      continue;
    }
    if (isLetterOrDigit(ch)) {
      let j = i + 1;
      while (j < end) {
        const c = text[j] ?? '';
        if (isLetterOrDigit(c)) j++;
        else if (INNER.has(c) && j + 1 < end && isLetterOrDigit(text[j + 1] ?? '')) j += 2;
        else break;
      }
      // "U.S." keeps its final period when the word is a dotted acronym; so do "Mr." and an initial ("M.").
      if (text[j] === '.' && j < end && (text[j - 2] === '.' || isNameAbbreviation(text.slice(i, j)))) j++;
      const t = text.slice(i, j);
      out.push({ text: t, lower: t.toLowerCase(), start: i, end: j, word: true });
      i = j;
      continue;
    }
    out.push({ text: ch, lower: ch, start: i, end: i + 1, word: false });
    i++;
  }
  return out;
}

/** The tokens of `tokens` (all of one text, in order) that lie inside `[start, end)`; binary search, then a slice. */
export function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < tokens.length && tokens[e]!.end <= end) e++;
  return tokens.slice(lo, e);
}

/** Number of word tokens in a string. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    const w = isLetterOrDigit(ch);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
