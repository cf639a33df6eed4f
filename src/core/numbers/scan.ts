import { readDigitLiteral, isDigit, type DigitLiteral } from './digits.js';
import { VULGAR_FRACTIONS } from './lexicon.js';
import { gluesToAmount } from './money.js';

/**
 * Splits one sentence into tokens for the number grammar: numbers written with digits, words
 * (dotted abbreviations such as "U.S." kept whole) and single symbols. One forward scan.
 */
export type Token =
  | { readonly type: 'num'; readonly start: number; readonly end: number; readonly text: string; readonly space: boolean; readonly lit: DigitLiteral; readonly glued: boolean }
  | { readonly type: 'word' | 'sym'; readonly start: number; readonly end: number; readonly text: string; readonly space: boolean; readonly lower: string };

export type NumToken = Extract<Token, { type: 'num' }>;
export type TextToken = Exclude<Token, { type: 'num' }>;

const LETTER = /\p{L}/u;
const SPACE = /\s/u;
/** ASCII answered without a regular expression: this runs once per character. */
function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}
/** `isLetter(s[i])` without making a one-character string for ASCII. */
function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(s[i]!);
}
/** `s[i]` is white space, given its code `c`. */
function isSpaceAt(s: string, i: number, c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(s[i]!);
}

function wholeDigits(s: string, i: number): DigitLiteral {
  let j = i;
  while (isDigit(s[j])) j++;
  return { value: Number(s.slice(i, j)), end: j, isInteger: true, intDigits: j - i, dotThousands: null, ordinal: false };
}

export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let space = true;
  while (i < s.length) {
    // Codes first: most characters are ASCII letters or spaces, decided without a one-character string.
    const c = s.charCodeAt(i);
    if (isSpaceAt(s, i, c)) {
      space = true;
      i++;
      continue;
    }
    if (c < 128 && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) && !(i + 1 < s.length && s.charCodeAt(i + 1) === 46)) {
      // A plain word (no "U.S."-style dot after its first letter): letters up to the next non-letter.
      let j = i + 1;
      while (j < s.length && isLetterAt(s, j)) j++;
      const text = s.slice(i, j);
      tokens.push({ type: 'word', start: i, end: j, text, space, lower: text.toLowerCase() });
      i = j;
      space = false;
      continue;
    }
    const ch = s[i]!;
    const prev = i > 0 ? s[i - 1] : undefined;
    if (isDigit(ch) || (ch === '.' && isDigit(s[i + 1]) && !isDigit(prev) && prev !== '.' && !isLetter(prev))) {
      // inside a dotted sequence ("10.0.0.1", "1.2.3"): whole parts only
      const dotted = prev === '.' && isDigit(s[i - 2]);
      const lit = dotted ? wholeDigits(s, i) : readDigitLiteral(s, i);
      if (lit && lit.end > i) {
        let end = lit.end;
        let value = lit.value;
        // "2½": a vulgar fraction glued to an integer
        const vulgar = VULGAR_FRACTIONS.get(s[end] ?? '');
        if (vulgar !== undefined && lit.isInteger) {
          value += vulgar;
          end++;
        }
        const finalLit = value === lit.value ? lit : { ...lit, value, isInteger: false, end };
        // digits glued to letters are part of a name ("F16", "A4"), except after a currency ("EUR40", "Rs500")
        const before = tokens[tokens.length - 1];
        const currencyGlue = before !== undefined && before.type === 'word' && before.end === i && gluesToAmount(before.text);
        tokens.push({ type: 'num', start: i, end, text: s.slice(i, end), space, lit: finalLit, glued: isLetter(prev) && !currencyGlue });
        i = end;
        space = false;
        continue;
      }
    }
    // vulgar fractions sit at U+00BC-U+00BE and U+2150-U+215E: ASCII never needs the lookup
    const vulgar = ch.charCodeAt(0) >= 0xbc ? VULGAR_FRACTIONS.get(ch) : undefined;
    if (vulgar !== undefined) {
      const lit: DigitLiteral = { value: vulgar, end: i + 1, isInteger: false, intDigits: 0, dotThousands: null, ordinal: false };
      tokens.push({ type: 'num', start: i, end: i + 1, text: ch, space, lit, glued: false });
      i++;
      space = false;
      continue;
    }
    if (isLetter(ch)) {
      let j = i + 1;
      while (j < s.length && isLetterAt(s, j)) j++;
      // U.S., a.m., p.m.: single letters joined by dots
      if (j === i + 1 && s[j] === '.' && isLetter(s[j + 1]) && !isLetter(s[j + 2])) {
        let k = j;
        while (s[k] === '.' && isLetter(s[k + 1]) && !isLetter(s[k + 2])) k += 2;
        if (s[k] === '.') k++;
        j = k;
      }
      const text = s.slice(i, j);
      tokens.push({ type: 'word', start: i, end: j, text, space, lower: text.toLowerCase() });
      i = j;
      space = false;
      continue;
    }
    tokens.push({ type: 'sym', start: i, end: i + 1, text: ch, space, lower: ch });
    i++;
    space = false;
  }
  return tokens;
}
