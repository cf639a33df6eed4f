/**
 * Finds quoted stretches of text by pairing quote marks inside each paragraph, in linear time.
 * Double marks (“…” and "…") are paired first; single marks (‘…’ and '…') only outside them and only
 * when they clearly open and close a quote, since ’ and ' are also apostrophes ("don’t", "players’").
 * A quote never crosses a paragraph: an opener left unclosed at a paragraph end counts only when it
 * opened the paragraph (the news style for a quote that runs over several paragraphs).
 */
import { paragraphRanges } from '../sentences.js';
import { isLetterOrDigit, isSpaceChar } from './tokens.js';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or the paragraph end when the quote runs on. */
  readonly close: number;
  /** Content range (inside the marks). */
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** True when the quote has no closing mark and runs on into the next paragraph. */
  readonly runsOn: boolean;
}

/** Characters after which a mark opens a quote. */
function opensAfter(prev: string): boolean {
  return prev === '' || isSpaceChar(prev) || '([{—–-:;,/'.includes(prev);
}

function closesBefore(next: string): boolean {
  return next === '' || isSpaceChar(next) || !isLetterOrDigit(next);
}

function pushSpan(out: QuoteSpan[], text: string, open: number, close: number, paragraph: number, runsOn: boolean): void {
  // Two apostrophes ('') stand for a double mark in some newswire text.
  let s = text[open] === "'" && text[open + 1] === "'" ? open + 2 : open + 1;
  let e = close;
  while (s < e && isSpaceChar(text[s] ?? '')) s++;
  while (e > s && isSpaceChar(text[e - 1] ?? '')) e--;
  // The closing mark's last character, so that the words after it start right after `close`.
  const closeEnd = text[close] === "'" && text[close + 1] === "'" ? close + 1 : close;
  if (e > s) out.push({ open, close: closeEnd, start: s, end: e, paragraph, runsOn });
}

function doubleQuotes(text: string, start: number, end: number, paragraph: number, out: QuoteSpan[]): void {
  let open = -1;
  let curly = false;
  for (let i = start; i < end; i++) {
    // Only “ „ ” " and ' matter; the code test skips every other character without a string.
    const c = text.charCodeAt(i);
    if (c !== 0x201c && c !== 0x201e && c !== 0x201d && c !== 0x22 && c !== 0x27) continue;
    const ch = text[i];
    if (ch === '“' && open >= 0 && curly && !isSpaceChar(text[i - 1] ?? ' ') && closesBefore(text[i + 1] ?? '')) {
      // A typo'd closer (“It's unusual,“ said …): an opening mark that ends a word closes the quote.
      pushSpan(out, text, open, i, paragraph, false);
      open = -1;
    } else if (ch === '“' || ch === '„') {
      // A second opener while one is open abandons the first (unbalanced marks).
      open = i;
      curly = true;
    } else if (ch === '”') {
      if (open >= 0 && curly) {
        pushSpan(out, text, open, i, paragraph, false);
        open = -1;
      } else if (open >= 0) {
        // Mixed styles: "… ” closes a straight opener too.
        pushSpan(out, text, open, i, paragraph, false);
        open = -1;
      }
    } else if (ch === '"' || (ch === "'" && text[i + 1] === "'")) {
      const pair = ch === "'";
      if (pair && open >= 0 && text[open] !== "'") continue;
      if (open >= 0) {
        pushSpan(out, text, open, i, paragraph, false);
        open = -1;
      } else if (opensAfter(i > start ? (text[i - 1] ?? '') : '') && !isSpaceChar(text[i + 1] ?? ' ')) {
        open = i;
        curly = false;
      }
      if (pair) i++;
    }
  }
  if (open >= 0 && open === start) pushSpan(out, text, open, end, paragraph, true);
}

/** `spans` are sorted and disjoint, and `from` is the first whose close is at or after `pos`. */
function insideAny(pos: number, spans: readonly QuoteSpan[], from: number): boolean {
  const s = spans[from];
  return s !== undefined && s.open <= pos && pos <= s.close;
}

function singleQuotes(text: string, start: number, end: number, paragraph: number, doubles: readonly QuoteSpan[], out: QuoteSpan[]): void {
  let open = -1;
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2018 && c !== 0x2019 && c !== 0x27) continue;
    const ch = text[i];
    while (k < doubles.length && doubles[k]!.close < i) k++;
    if (open < 0 && insideAny(i, doubles, k)) continue;
    const prev = i > start ? (text[i - 1] ?? '') : '';
    const next = text[i + 1] ?? '';
    if (open < 0) {
      if ((ch === '‘' || ch === "'") && opensAfter(prev) && isLetterOrDigit(next) && !/[0-9]/u.test(next)) open = i;
      continue;
    }
    if (ch === '‘') {
      open = i;
      continue;
    }
    // A closing mark follows punctuation or precedes punctuation; "players’ union" is an apostrophe.
    const afterPunct = /[.,!?;:—–-]/u.test(prev);
    const beforePunct = /[.,!?;:)\]—–]/u.test(next) || next === '';
    if (closesBefore(next) && (afterPunct || beforePunct) && !isSpaceChar(prev)) {
      pushSpan(out, text, open, i, paragraph, false);
      open = -1;
    }
  }
  if (open >= 0 && open === start) pushSpan(out, text, open, end, paragraph, true);
}

/** All quoted spans in the body, in text order. */
export function findQuoteSpans(body: string): QuoteSpan[] {
  const all: QuoteSpan[] = [];
  paragraphRanges(body).forEach((para, index) => {
    const doubles: QuoteSpan[] = [];
    doubleQuotes(body, para.start, para.end, index, doubles);
    const singles: QuoteSpan[] = [];
    singleQuotes(body, para.start, para.end, index, doubles, singles);
    // A double-quoted stretch inside a single-quoted one is nested: keep the outer one only.
    let j = 0;
    const kept = doubles.filter((d) => {
      while (j < singles.length && singles[j]!.close < d.open) j++;
      const s = singles[j];
      return !(s !== undefined && s.open < d.open && d.close < s.close);
    });
    // Pushed one by one: spreading a huge list into push() overflows the call stack.
    for (const q of kept) all.push(q);
    for (const q of singles) all.push(q);
  });
  return all.sort((a, b) => a.open - b.open);
}
