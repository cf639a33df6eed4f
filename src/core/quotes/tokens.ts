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
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = word[0] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isSpaceChar(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u2009' || ch === '\u202f';
}

const NAME_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'st',
  'jr', 'sr', 'prof', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'adm', 'maj', 'cmdr', 'atty', 'amb', 'messrs']);

/** "Mr", "Sen" or a single capital initial: the period after it belongs to the word, not the sentence. */
function isNameAbbreviation(word: string): boolean {
  if (word.length === 1) return word >= 'A' && word <= 'Z';
  return NAME_ABBREVIATIONS.has(word.toLowerCase());
}

/** `text[i]` is a letter or digit, read as a code (ASCII without a regular expression). */
function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(text[i]!);
}

/** The codes of `isSpaceChar`. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** The codes of INNER: ' ’ - . ‐ */
function isInnerCode(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 46 || c === 0x2010;
}

/** Tokens of `text.slice(start, end)`, offsets into `text`. One scan over character codes (it reads every character). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isLetterOrDigitAt(text, i)) {
      let j = i + 1;
      while (j < end) {
        if (isLetterOrDigitAt(text, j)) j++;
        else if (isInnerCode(text.charCodeAt(j)) && j + 1 < end && isLetterOrDigitAt(text, j + 1)) j += 2;
        else break;
      }
      // "U.S." keeps its final period when the word is a dotted acronym; so do "Mr." and an initial ("M.").
      if (text.charCodeAt(j) === 46 && j < end && (text.charCodeAt(j - 2) === 46 || isNameAbbreviation(text.slice(i, j)))) j++;
      const t = text.slice(i, j);
      out.push({ text: t, lower: t.toLowerCase(), start: i, end: j, word: true });
      i = j;
      continue;
    }
    const ch = text[i]!;
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
