/**
 * A person's role as the text gives it: the title phrase right before the name ("US Ambassador to
 * Vietnam Daniel Kritenbrink", "Hanoi's Party chief Vuong Dinh Hue") or an apposition right after it
 * ("Nguyen Phu Trong, general secretary of Vietnamese Communist Party,").
 */
import { isKnownName } from './gazetteer.js';
import { FUNCTION_WORDS, HONORIFICS, ROLE_MODIFIERS, ROLE_WORDS } from './lexicon.js';
import type { Token } from './tokens.js';

/** Small words that may sit inside a title ("Secretary of State", "Ambassador to Vietnam"). */
const CONNECTORS = new Set(['of', 'to', 'for', 'the', 'in', 'at', 'on', '&']);
const ARTICLES = new Set(['a', 'an', 'the']);
const MAX_ROLE_TOKENS = 9;
/** Words that open a clause, not an apposition (", who said", ", said"). */
const CLAUSE_OPENERS = new Set(['who', 'which', 'that', 'said', 'says', 'told', 'added', 'and', 'but', 'he', 'she', 'it', 'they', 'when', 'while', 'as', 'after', 'before', 'because', 'although', 'if', 'in', 'on', 'at',
  'along', 'with', 'including', 'from', 'to', 'for', 'by', 'of', 'during', 'like', 'such', 'not', 'or', 'then', 'now']);

/** Abbreviated offices and ranks: a role as the text gives it ("Democratic Sen.", "Gov."). */
const OFFICE_ABBREVIATIONS = new Set(['sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'cpl', 'adm', 'maj', 'cmdr', 'supt', 'insp', 'det', 'pres']);

function isOffice(t: Token): boolean {
  return OFFICE_ABBREVIATIONS.has(t.lower) && t.text.endsWith('.');
}

/** Words that end an apposition: a coordination or a relative clause ("editor who wrote ..."). */
const APPOSITION_STOPS = new Set(['and', 'or', 'who', 'whom', 'whose', 'which', 'that', 'where', 'when']);

function isRoleWord(t: Token): boolean {
  return (ROLE_WORDS.has(t.lower) && !HONORIFICS.has(t.lower)) || isOffice(t);
}

function phrase(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** Drops connectors and articles from both ends of [from, to). */
function trimEdges(tokens: readonly Token[], from: number, to: number): [number, number] {
  let a = from;
  let b = to;
  // "US" in capitals is the country, not the pronoun.
  const dropped = (t: Token): boolean => HONORIFICS.has(t.lower) && !isOffice(t);
  // Function words go only when capitalised ("During", "Then"): a lower-case noun such as
  // "magazine" belongs to the role.
  const opener = (t: Token): boolean => ARTICLES.has(t.lower) || (t.capitalised && FUNCTION_WORDS.has(t.lower));
  while (a < b && !tokens[a]!.allCaps && !isRoleWord(tokens[a]!) && (CONNECTORS.has(tokens[a]!.lower) || opener(tokens[a]!) || dropped(tokens[a]!))) a++;
  while (b > a && (CONNECTORS.has(tokens[b - 1]!.lower) || dropped(tokens[b - 1]!))) b--;
  return [a, b];
}

function roleBefore(text: string, tokens: readonly Token[], first: number): string | null {
  // "Trump's spokesman, Steven Cheung": a title set off by one comma.
  if (tokens[first - 1]?.text === ',' && tokens[first - 2] && isRoleWord(tokens[first - 2]!)) first -= 1;
  let k = first;
  while (k > 0 && first - k < MAX_ROLE_TOKENS) {
    const t = tokens[k - 1]!;
    if (!t.word) break;
    const fits = t.capitalised || t.initial || CONNECTORS.has(t.lower) || ROLE_WORDS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || t.text.includes('-');
    if (!fits) break;
    k--;
    if (t.lineStart) break;
  }
  const [a, b] = trimEdges(tokens, k, first);
  if (b <= a) return null;
  let hasRole = false;
  for (let i = a; i < b; i++) if (isRoleWord(tokens[i]!)) hasRole = true;
  // "Premier Jason Kenney of Alberta": a title phrase that names someone is that person's, not this name's.
  return hasRole && !namesSomeone(tokens, a, b) ? phrase(text, tokens, a, b) : null;
}

/** Two capitalised known names side by side in [a, b) ("Jason Kenney"), neither a role word. */
function namesSomeone(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i + 1 < b; i++) {
    const x = tokens[i]!;
    const y = tokens[i + 1]!;
    if (x.capitalised && y.capitalised && isKnownName(x.lower) && isKnownName(y.lower) && !isRoleWord(x) && !isRoleWord(y)) return true;
  }
  return false;
}

function roleAfter(text: string, tokens: readonly Token[], last: number): string | null {
  if (tokens[last]?.text !== ',') return null;
  let k = last + 1;
  if (k < tokens.length && ARTICLES.has(tokens[k]!.lower)) k++;
  const from = k;
  if (from >= tokens.length || CLAUSE_OPENERS.has(tokens[from]!.lower) || tokens[from]!.lineStart) return null;
  // ", providing a boost to ...": a participle opens a clause, not a title.
  if (tokens[from]!.lower.endsWith('ing') && !tokens[from]!.capitalised) return null;
  let hasRole = false;
  while (k < tokens.length && k - from < MAX_ROLE_TOKENS) {
    const t = tokens[k]!;
    if (!t.word || t.lineStart || /^\d/.test(t.text) || APPOSITION_STOPS.has(t.lower)) break;
    if (isRoleWord(t)) hasRole = true;
    k++;
  }
  const end = tokens[k];
  // The apposition must close at punctuation, or it is the start of a clause.
  if (!hasRole || (end !== undefined && end.word && !end.lineStart && !APPOSITION_STOPS.has(end.lower))) return null;
  const [a, b] = trimEdges(tokens, from, k);
  // "..., starring Jessica Lange": a phrase that names someone else is no apposition.
  if (namesSomeone(tokens, a, b)) return null;
  return b > a ? phrase(text, tokens, a, b) : null;
}

/** The role given right around the name at tokens [first, last), or null. */
export function findRole(text: string, tokens: readonly Token[], first: number, last: number): string | null {
  return roleBefore(text, tokens, first) ?? roleAfter(text, tokens, last);
}
