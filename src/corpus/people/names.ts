/**
 * Name forms for matching one person across briefings: folded words without honorifics, possessives,
 * periods or hyphens ("Mr. Kim Jong-un's" → kim jong un), and the relations between two names that
 * say "maybe the same person" (nicknames, initials, a middle name given or left out).
 */
import { HONORIFICS } from '../../core/people/lexicon.js';
import { foldTerm } from '../../text/fold.js';

/** Generational suffixes, folded ("Jr", "Sr", "III"): left out when names are compared. */
export const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** The folded words of a name; [] when only honorifics are left. */
export function nameWords(name: string): string[] {
  const s = foldTerm(name)
    .replace(/['’]s\b/g, '')
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const words = s === '' ? [] : s.split(' ');
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  if (words.length === 1 && HONORIFICS.has(words[0]!)) return [];
  return words;
}

/**
 * Usual short forms of English given names. Only pairs that news writes for the same person
 * ("Joe"/"Joseph Biden", "Bill"/"William Clinton"); each row is one name.
 */
const NICKNAME_ROWS = [
  'joseph joe', 'william bill will billy', 'robert bob rob bobby', 'richard dick rick rich', 'james jim jimmy jamie',
  'thomas tom tommy', 'michael mike mick', 'anthony tony antony', 'christopher chris', 'david dave', 'steven steve stephen',
  'edward ed ted teddy', 'charles charlie chuck', 'daniel dan danny', 'benjamin ben', 'samuel sam', 'alexander alex',
  'andrew andy', 'maurice mo', 'nicholas nick', 'matthew matt', 'jonathan jon', 'john jack johnny', 'kenneth ken', 'lawrence larry',
  'ronald ron', 'donald don', 'gerald gerry jerry', 'patrick pat', 'peter pete', 'timothy tim', 'frederick fred',
  'elizabeth liz beth betty', 'katherine kathryn catherine kate katie kathy cathy', 'margaret maggie peggy', 'jennifer jen jenny',
  'rebecca becky', 'susan sue', 'deborah debbie', 'patricia pat patty', 'barbara barb', 'victoria vicky', 'hillary hilary',
];
const NICKNAMES = new Map<string, Set<string>>();
for (const row of NICKNAME_ROWS) {
  const names = row.split(' ');
  for (const n of names) {
    const set = NICKNAMES.get(n) ?? new Set<string>();
    for (const m of names) set.add(m);
    NICKNAMES.set(n, set);
  }
}

/** Two given-name words that can name the same person: equal, an initial of the other, or nicknames. */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1) return b.startsWith(a);
  if (b.length === 1) return a.startsWith(b);
  return NICKNAMES.get(a)?.has(b) ?? false;
}

/**
 * Can `short` be another writing of `long` (at least as many words)? Same last word, same (or
 * compatible) first word, and every other word of `short` found in `long`: "George Bush" ~ "George W
 * Bush", "Joe Biden" ~ "Joseph R Biden"; never "Hunter Biden" ~ "Joe Biden", "Kim Yo Jong" ~ "Kim Jong Un".
 */
export function compatibleNames(short: readonly string[], long: readonly string[]): boolean {
  if (short.length < 2 || long.length < short.length) return false;
  // A leading initial the shorter writing leaves out: "W. Mark Felt" ~ "Mark Felt".
  if (long[0]!.length === 1 && short[0]!.length > 1 && long.length > short.length && compatibleNames(short, long.slice(1))) return true;
  if (short[short.length - 1] !== long[long.length - 1]) return false;
  if (!sameGivenName(short[0]!, long[0]!)) return false;
  let at = 1;
  for (let i = 1; i < short.length - 1; i++) {
    while (at < long.length - 1 && !sameGivenName(short[i]!, long[at]!)) at++;
    if (at >= long.length - 1) return false;
    at++;
  }
  return true;
}

/** One letter inserted, removed or changed. */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Two spellings of one name in different articles: the same surname and a given name one letter apart
 * inside the word ("Jermayne"/"Jerymayne"; a change at the end makes another name: "Daniel"/"Daniela").
 * Surnames spelt two ways are left apart: the surname is what readers (and the harness) match on.
 */
export function variantSpelling(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  const [fa, la, fb, lb] = [a[0]!, a[a.length - 1]!, b[0]!, b[b.length - 1]!];
  return la === lb && fa.length >= 5 && fb.length >= 5 && fa[0] === fb[0] && fa.slice(-2) === fb.slice(-2) && oneEdit(fa, fb);
}
