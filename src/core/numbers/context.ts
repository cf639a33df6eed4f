/**
 * The short phrase that says what a number counts: a few words either side of it inside its own
 * clause ("investment licenses to 229 projects"), never the whole of a long sentence.
 */

const LEFT_WORDS = 3;
const RIGHT_WORDS = 4;
/** Clause marks: the phrase never crosses them. */
const BOUNDARY = new Set([';', ':', '—', '–', '(', ')', '[', ']', '"', '“', '”', '!', '?', '|']);
/** Words that open a new clause: the phrase stops before them. */
const CLAUSE_WORDS = new Set([
  'and', 'but', 'or', 'which', 'that', 'who', 'whom', 'whose', 'when', 'while', 'where', 'because', 'since', 'although',
  'though', 'if', 'as', 'after', 'before', 'worth', 'said', 'says', 'saying', 'according', 'including', 'than', 'whereas',
]);
/** Function words trimmed off either end of the phrase. */
const EDGE_STOP = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'is', 'are', 'was', 'were', 'be', 'its', 'their', 'his', 'her']);

const WORD_CHAR = /[\p{L}\p{N}'’$€£¥%.,&-]/u;
/** `s[i]` is a word character; ASCII answered from the code without making a one-character string. */
function isWordCharAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 36 || c === 37 || c === 46 || c === 44 || c === 38 || c === 45;
  }
  return WORD_CHAR.test(s[i]!);
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** The first `max` words between `from` and `to` in `s`, in order. */
function firstWords(s: string, from: number, to: number, max: number): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to && out.length < max) {
    while (i < to && !isWordCharAt(s, i)) i++;
    const start = i;
    while (i < to && isWordCharAt(s, i)) i++;
    if (i > start) out.push({ start, end: i, text: s.slice(start, i) });
  }
  return out;
}

/** The last `max` words between `from` and `to` in `s`, in order (the same words a forward scan finds). */
function lastWords(s: string, from: number, to: number, max: number): Word[] {
  const out: Word[] = [];
  let i = to;
  while (i > from && out.length < max) {
    while (i > from && !isWordCharAt(s, i - 1)) i--;
    const end = i;
    while (i > from && isWordCharAt(s, i - 1)) i--;
    if (i < end) out.push({ start: i, end, text: s.slice(i, end) });
  }
  return out.reverse();
}

/** How far (in characters) the phrase may reach either side: keeps the work per number bounded. */
const REACH = 160;

/** `s[i]` is one of BOUNDARY; letters and digits (most characters) are answered without the set. */
function isBoundaryAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x20) return false;
  return BOUNDARY.has(s[i]!);
}

/** A comma or full stop at `i` followed by white space or the end: it closes a clause. */
function isClauseStopAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c === 0x2c || c === 0x2e) && (i + 1 >= s.length || /\s/.test(s[i + 1]!));
}

function clauseStart(s: string, at: number): number {
  const limit = Math.max(0, at - REACH);
  for (let i = at - 1; i >= limit; i--) {
    if (isBoundaryAt(s, i)) return i + 1;
    if (isClauseStopAt(s, i)) return i + 1;
  }
  return limit;
}

function clauseEnd(s: string, at: number): number {
  const limit = Math.min(s.length, at + REACH);
  for (let i = at; i < limit; i++) {
    if (isBoundaryAt(s, i)) return i;
    if (isClauseStopAt(s, i)) return i;
  }
  return limit;
}

/** `start`/`end`: the number's range inside `sentence`. */
export function contextPhrase(sentence: string, start: number, end: number): string {
  // Only the words nearest the number can enter the phrase.
  const left = lastWords(sentence, clauseStart(sentence, start), start, LEFT_WORDS);
  const right = firstWords(sentence, end, clauseEnd(sentence, end), RIGHT_WORDS);
  let l = left.length;
  while (l > 0 && left.length - l < LEFT_WORDS && !CLAUSE_WORDS.has(left[l - 1]!.text.toLowerCase())) l--;
  while (l < left.length && EDGE_STOP.has(left[l]!.text.toLowerCase())) l++;
  let r = 0;
  while (r < right.length && r < RIGHT_WORDS && !CLAUSE_WORDS.has(right[r]!.text.toLowerCase())) r++;
  while (r > 0 && EDGE_STOP.has(right[r - 1]!.text.toLowerCase())) r--;
  const from = l < left.length ? left[l]!.start : start;
  const to = r > 0 ? right[r - 1]!.end : end;
  return sentence.slice(from, to).replace(/\s+/g, ' ').trim();
}
