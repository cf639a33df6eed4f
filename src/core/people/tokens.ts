/**
 * A linear tokenizer for name finding: words (letters and digits, with inner apostrophes and
 * hyphens: "O'Gorman", "Jae-in"), initials and dotted acronyms kept with their periods ("J.", "U.S."),
 * and single punctuation characters. Each token keeps its character range in the body.
 */
import { HONORIFICS } from './lexicon.js';

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Letters or digits (false for punctuation). */
  readonly word: boolean;
  /** The word without a possessive ending ("Blinken's" → "Blinken"), lower-cased. */
  readonly lower: string;
  /** The word without a possessive ending, as written. */
  readonly bare: string;
  readonly possessive: boolean;
  /** First letter is upper case. */
  readonly capitalised: boolean;
  /** How many letters the word has. */
  readonly letters: number;
  /** Two or more letters, all upper case ("NATO", "SIMMONS"). */
  readonly allCaps: boolean;
  /** A single capital with a period ("J.") or a dotted acronym ("U.S."). */
  readonly initial: boolean;
  /** A line break (or the body start) lies between this token and the previous one. */
  readonly lineStart: boolean;
}

const NON_ASCII_LETTER = /\p{L}/u;

// Character tests on code units with an ASCII fast path: the tokenizer touches every character, so it
// reads codes (no one-character strings) and asks a regular expression only beyond ASCII.
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_LETTER.test(text[i]!);
}
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_LETTER.test(text[i]!);
}

/** Period-kept abbreviations that end a word ("Mr.", "Jr.", "St."). */
const DOTTED = new Set([...HONORIFICS, 'jr', 'sr', 'st', 'mt', 'ft']);

const NEWLINE = 10;
const PERIOD = 46;
const HYPHEN = 45;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let sawBreak = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      sawBreak = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    const start = i;
    if (!isWordCharAt(text, i)) {
      i++;
      tokens.push(makeToken(text, start, i, false, false, sawBreak));
      sawBreak = false;
      continue;
    }
    // A word: word characters, with single inner apostrophes or hyphens between them.
    while (i < n) {
      if (isWordCharAt(text, i)) {
        i++;
        continue;
      }
      const d = text.charCodeAt(i);
      if ((d === APOSTROPHE || d === RIGHT_QUOTE || d === HYPHEN) && i + 1 < n && isWordCharAt(text, i + 1)) i++;
      else break;
    }
    let initial = false;
    if (text.charCodeAt(i) === PERIOD) {
      if (i - start === 1 && isUpperAt(text, start)) {
        // "J." or a dotted acronym "U.S." / "U.S.A.": letter-period pairs.
        i++;
        while (i + 1 < n && isLetterAt(text, i) && text.charCodeAt(i + 1) === PERIOD) i += 2;
        initial = true;
      } else if (DOTTED.has(text.slice(start, i).toLowerCase())) {
        i++;
      }
    }
    tokens.push(makeToken(text, start, i, true, initial, sawBreak));
    sawBreak = false;
  }
  return tokens;
}

function makeToken(text: string, start: number, end: number, word: boolean, initial: boolean, lineStart: boolean): Token {
  const raw = text.slice(start, end);
  let bare = raw;
  let possessive = false;
  let letters = 0;
  let upper = 0;
  if (word) {
    const len = raw.length;
    if (len > 2) {
      const s = raw.charCodeAt(len - 1);
      const q = raw.charCodeAt(len - 2);
      if ((s === 115 || s === 83) && (q === APOSTROPHE || q === RIGHT_QUOTE)) {
        bare = raw.slice(0, -2);
        possessive = true;
      }
    }
    for (let k = 0; k < bare.length; k++) {
      if (isLetterAt(bare, k)) {
        letters++;
        if (isUpperAt(bare, k)) upper++;
      }
    }
  }
  return {
    text: raw,
    start,
    end,
    word,
    lower: (bare.charCodeAt(bare.length - 1) === PERIOD ? bare.slice(0, -1) : bare).toLowerCase(),
    letters,
    bare,
    possessive,
    capitalised: word && isUpperAt(raw, 0),
    allCaps: word && letters >= 2 && upper === letters,
    initial,
    lineStart,
  };
}
