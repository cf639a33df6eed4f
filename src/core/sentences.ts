import type { Sentence } from './types.js';

/**
 * Sentence splitter for news English. A single left-to-right scan (no backtracking regular
 * expressions), so its time is linear in the input. Paragraph breaks (a blank line) always end a
 * sentence; inside a paragraph a `.`, `!`, `?` or `…` ends one when what follows looks like the start
 * of a new sentence and the word before it is not an abbreviation, an initial or a dotted acronym.
 */

/** Titles before a name: a period after them never ends a sentence ("Mr. Smith", "Gen. Lee"). */
const NAME_TITLES = new Set(
  [
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'ste', 'mt', 'gen', 'col', 'lt', 'maj', 'capt', 'cpt', 'sgt', 'cpl',
    'adm', 'cmdr', 'cdr', 'sen', 'rep', 'gov', 'pres', 'supt', 'insp', 'det', 'rev', 'hon', 'fr', 'messrs', 'mme', 'mlle',
    'atty', 'lieut', 'brig', 'pvt', 'amb', 'sec', 'treas', 'gov',
  ],
);

/**
 * Other abbreviations that usually go on ("Jan. 5", "No. 1", "Calif. officials") but may also close a
 * sentence ("… Warner Bros. But …"): they end one only when a typical sentence opener follows.
 */
const ABBREVIATIONS = new Set(
  [
    'sr', 'jr', 'ft', 'dept', 'univ', 'assn', 'bros', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vs', 'v', 'etc', 'al',
    'approx', 'est', 'fig', 'figs', 'vol', 'ed', 'eds', 'op', 'cf', 'p', 'pp', 'ca',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la', 'md',
    'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn', 'tex', 'va', 'vt',
    'wash', 'wis', 'wyo',
  ],
);

/** Words that, after an abbreviation such as "U.S." or "Bros.", show that a new sentence has started. */
const SENTENCE_STARTERS = new Set(
  [
    'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
    'this', 'that', 'these', 'those', 'there', 'here', 'but', 'and', 'so', 'yet', 'or', 'in', 'on', 'at', 'for', 'as',
    'if', 'when', 'while', 'after', 'before', 'since', 'although', 'though', 'however', 'meanwhile', 'still', 'also',
    'some', 'many', 'most', 'more', 'all', 'both', 'each', 'several', 'other', 'one', 'two', 'three', 'what', 'who',
    'why', 'how', 'where', 'then', 'now', 'today', 'yesterday', 'instead', 'later', 'earlier', 'despite', 'during',
    'officials', 'analysts', 'police',
  ],
);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '¿', '¡']);

// ASCII fast paths: these run on every character of the body.
function isUpper(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\u2009' || ch === '\u202f';
}
function isLetter(ch: string): boolean {
  return isUpper(ch) || isLower(ch);
}

/** The word (letters and inner periods) that ends right before `pos` (exclusive), e.g. "U.S" or "Mr". */
function wordBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0) {
    const ch = text[i - 1] ?? '';
    if (isLetter(ch) || ch === '.') i--;
    else break;
  }
  return text.slice(i, pos);
}

/** The next word starting at or after `pos`, skipping opening punctuation. */
function wordAfter(text: string, pos: number, limit: number): string {
  let i = pos;
  while (i < limit && OPENERS.has(text[i] ?? '')) i++;
  const start = i;
  while (i < limit && isLetter(text[i] ?? '')) i++;
  return text.slice(start, i);
}

/**
 * True when the text has (almost) no capitalised word inside a sentence — lower-cased text such as
 * some news datasets, where a sentence may even start in lower case. One linear pass.
 */
/** Share of inner capitalised words below which text counts as lower-cased (real news: over 1%). */
const LOWER_CASED_RATIO = 0.005;
export function looksLowerCased(text: string): boolean {
  let words = 0;
  let innerCapitals = 0;
  // Whether the last non-space character was a letter, a digit or a comma (the start counts as after a stop).
  let afterWord = false;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ascii = code < 128;
    const letter = ascii ? (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : isLetter(text[i]!);
    if (letter && !inWord) {
      words++;
      // A capital after a word or a comma (not after a stop or an opening quote), other than "I".
      if (afterWord && (ascii ? code <= 90 : isUpper(text[i]!)) && isLetterAt(text, i + 1)) {
        innerCapitals++;
        // The rest of the text holds at most one word start per two characters: once the share cannot
        // fall below the ratio any more, the answer is known (real news gets here within a few lines).
        if (innerCapitals / (words + (text.length - i) / 2 + 1) >= LOWER_CASED_RATIO) return false;
      }
    }
    inWord = letter;
    if (!isSpaceCode(code)) afterWord = letter || (code >= 48 && code <= 57) || code === 44;
  }
  return words >= 40 && innerCapitals / words < LOWER_CASED_RATIO;
}

function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isLetter(text[i]!);
}

/** `isSpace` on a character code. */
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/** A plain word before a period (not an abbreviation, an initial or a dotted acronym). */
function isPlainWordBefore(text: string, termStart: number): boolean {
  const word = wordBefore(text, termStart);
  if (word.length < 2 || word.includes('.')) return false;
  const bare = word.toLowerCase();
  return !NAME_TITLES.has(bare) && !ABBREVIATIONS.has(bare);
}

/** Decides whether the terminator run that ends at `end` (exclusive, closers included) ends a sentence. */
function isBoundary(
  text: string,
  termStart: number,
  end: number,
  next: number,
  limit: number,
  terminator: string,
  lowerCased: boolean,
): boolean {
  if (next >= limit) return true;
  const nextCh = text[next] ?? '';
  // A lower-case continuation ("Mr. smith", "... and then") does not start a new sentence, except in
  // lower-cased text after a plain word ("… at old trafford. with plenty …").
  if (isLower(nextCh)) return lowerCased && terminator !== '…' && isPlainWordBefore(text, termStart);
  if (terminator !== '.') return true;
  // Closing quote or bracket after the period: "… ." ” Next — treat as a boundary.
  if (end - termStart > 1 && text[termStart + 1] !== '.') return true;
  const word = wordBefore(text, termStart);
  if (word.length === 0) return true;
  const bare = word.replace(/\./g, '').toLowerCase();
  if (word.includes('.')) {
    // Dotted acronym ("U.S.", "a.m."): a new sentence only when a typical sentence opener follows.
    return SENTENCE_STARTERS.has(wordAfter(text, next, limit).toLowerCase());
  }
  if (word.length === 1 && isUpper(word)) {
    // A lone initial ("J. Smith") — unless it is the pronoun "I" or the end of a list "Plan B." before a starter.
    return word === 'I' || SENTENCE_STARTERS.has(wordAfter(text, next, limit).toLowerCase());
  }
  if (NAME_TITLES.has(bare)) return false;
  if (ABBREVIATIONS.has(bare)) {
    // "No. 1" and "Jan. 5" go on; before a clear opener the abbreviation also ends the sentence.
    if (isDigit(nextCh)) return false;
    return SENTENCE_STARTERS.has(wordAfter(text, next, limit).toLowerCase());
  }
  return true;
}

interface ParagraphRange {
  readonly start: number;
  readonly end: number;
}

/** Paragraphs are separated by lines that are blank (only white space). */
export function paragraphRanges(text: string): ParagraphRange[] {
  const ranges: ParagraphRange[] = [];
  let start = -1;
  let lineStart = 0;
  let lastContentEnd = -1;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || text.charCodeAt(i) === 10) {
      const line = text.slice(lineStart, i);
      if (line.trim().length === 0) {
        if (start >= 0) {
          ranges.push({ start, end: lastContentEnd });
          start = -1;
        }
      } else {
        if (start < 0) start = lineStart + (line.length - line.trimStart().length);
        lastContentEnd = lineStart + line.trimEnd().length;
      }
      lineStart = i + 1;
    }
  }
  if (start >= 0) ranges.push({ start, end: lastContentEnd });
  return ranges;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number, paragraph: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s] ?? '')) s++;
  while (e > s && isSpace(text[e - 1] ?? '')) e--;
  if (e <= s) return;
  const slice = text.slice(s, e);
  // A run of punctuation alone ("...", "—") is not a sentence; attach nothing and drop it.
  if (!/[\p{L}\p{N}]/u.test(slice)) return;
  out.push({ text: slice, start: s, end: e, paragraph, index: out.length });
}

/** Splits `text` into sentences with their character ranges. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = paragraphRanges(text);
  const lowerCased = looksLowerCased(text);
  paragraphs.forEach((para, paragraphIndex) => {
    let sentenceStart = para.start;
    let i = para.start;
    while (i < para.end) {
      // A code test first: this runs on every character, and few are terminators.
      const c = text.charCodeAt(i);
      if (c === 46 || c === 33 || c === 63 || c === 0x2026) {
        const ch = text[i]!;
        const termStart = i;
        let j = i + 1;
        // Runs such as "?!", "..." and the closers after them belong to this sentence.
        while (j < para.end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
        // A decimal or a dotted number ("17.8", "192.168") is not a terminator.
        if (ch === '.' && j === i + 1 && isDigit(text[j] ?? '') && isDigit(text[i - 1] ?? '')) {
          i = j;
          continue;
        }
        while (j < para.end && CLOSERS.has(text[j] ?? '')) j++;
        const termEnd = j;
        let k = j;
        if (k < para.end && !isSpace(text[k] ?? '')) {
          i = j;
          continue;
        }
        while (k < para.end && isSpace(text[k] ?? '')) k++;
        const terminator = j - termStart > 1 && text[termStart + 1] === '.' ? '…' : ch;
        if (isBoundary(text, termStart, termEnd, k, para.end, terminator, lowerCased)) {
          pushTrimmed(out, text, sentenceStart, termEnd, paragraphIndex);
          sentenceStart = k;
        }
        i = Math.max(k, i + 1);
        continue;
      }
      i++;
    }
    pushTrimmed(out, text, sentenceStart, para.end, paragraphIndex);
  });
  return out;
}
