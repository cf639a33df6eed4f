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

// Character tests on code units with an ASCII fast path: the tokenizer touches every character.
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return NON_ASCII_LETTER.test(ch);
}
function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}
function isWordChar(ch: string): boolean {
  return isDigit(ch) || isLetter(ch);
}
function isApostrophe(ch: string): boolean {
  return ch === "'" || ch === '’';
}

/** Period-kept abbreviations that end a word ("Mr.", "Jr.", "St."). */
const DOTTED = new Set([...HONORIFICS, 'jr', 'sr', 'st', 'mt', 'ft']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let sawBreak = true;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '\n') {
      sawBreak = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u00a0') {
      i++;
      continue;
    }
    const start = i;
    if (!isWordChar(ch)) {
      i++;
      tokens.push(makeToken(text, start, i, false, false, sawBreak));
      sawBreak = false;
      continue;
    }
    // A word: word characters, with single inner apostrophes or hyphens between them.
    while (i < n) {
      const c = text[i]!;
      if (isWordChar(c)) i++;
      else if ((isApostrophe(c) || c === '-') && i + 1 < n && isWordChar(text[i + 1]!)) i++;
      else break;
    }
    let initial = false;
    if (text[i] === '.') {
      const word = text.slice(start, i);
      if (word.length === 1 && isUpper(word)) {
        // "J." or a dotted acronym "U.S." / "U.S.A.": letter-period pairs.
        i++;
        while (i + 1 < n && isLetter(text[i]!) && text[i + 1] === '.') i += 2;
        initial = true;
      } else if (DOTTED.has(word.toLowerCase())) {
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
  if (word && raw.length > 2 && (raw.endsWith("'s") || raw.endsWith('’s') || raw.endsWith("'S") || raw.endsWith('’S'))) {
    bare = raw.slice(0, -2);
    possessive = true;
  }
  const first = raw[0] ?? '';
  let letters = 0;
  let upper = 0;
  if (word) {
    for (let k = 0; k < bare.length; k++) {
      const c = bare[k]!;
      if (isLetter(c)) {
        letters++;
        if (isUpper(c)) upper++;
      }
    }
  }
  return {
    text: raw,
    start,
    end,
    word,
    lower: (bare.endsWith('.') ? bare.slice(0, -1) : bare).toLowerCase(),
    letters,
    bare,
    possessive,
    capitalised: word && isUpper(first),
    allCaps: word && letters >= 2 && upper === letters,
    initial,
    lineStart,
  };
}
