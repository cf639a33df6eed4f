/**
 * Name candidates: runs of capitalised words, trimmed of the titles, places and function words at
 * their edges, then judged by what they are made of (known given names and surnames, initials,
 * organisation or place words) and by the words around them (titles, speech verbs).
 */
import { isKnownName } from './gazetteer.js';
import {
  CALENDAR,
  FUNCTION_WORDS,
  HONORIFICS,
  ORG_WORDS,
  PLACES,
  ROLE_MODIFIERS,
  ROLE_WORDS,
  SPEECH_VERBS,
} from './lexicon.js';
import type { Token } from './tokens.js';

/** Lower-case particles inside names ("Ludwig van Beethoven", "Osama bin Laden"). */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'del', 'dos', 'das', 'ter', 'ten', 'y']);
/** Generational suffixes kept in the name. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export interface Candidate {
  /** Index of the first and one past the last token of the name. */
  readonly first: number;
  readonly last: number;
  /** A title, honorific or role word stood right before the name (inside its run or just before it). */
  readonly titled: boolean;
  /** How strongly the words themselves look like a person's name. */
  readonly evidence: number;
}

function isNameWord(t: Token): boolean {
  return t.word && (t.capitalised || t.initial) && !/^\d/.test(t.text);
}

/** Token index ranges of capitalised runs, split at punctuation, line breaks and possessives. */
export function findRuns(tokens: readonly Token[], shouting: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!) || shouting[i]) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < tokens.length && !tokens[end - 1]!.possessive && !tokens[end]!.lineStart && !shouting[end]) {
      const t = tokens[end]!;
      if (isNameWord(t)) {
        end++;
      } else if (t.word && PARTICLES.has(t.text) && end + 1 < tokens.length && isNameWord(tokens[end + 1]!) && !tokens[end + 1]!.lineStart) {
        end += 2;
      } else {
        break;
      }
    }
    runs.push([start, end]);
    i = end;
  }
  return runs;
}

function isTitleWord(lower: string): boolean {
  return HONORIFICS.has(lower) || ROLE_WORDS.has(lower);
}

/** A word that may open a run but is not part of a name. */
function isLeadingNoise(lower: string): boolean {
  return (
    isTitleWord(lower) ||
    ROLE_MODIFIERS.has(lower) ||
    FUNCTION_WORDS.has(lower) ||
    PLACES.has(lower) ||
    CALENDAR.has(lower) ||
    ORG_WORDS.has(lower)
  );
}

function isTrailingNoise(lower: string): boolean {
  return CALENDAR.has(lower) || FUNCTION_WORDS.has(lower) || PLACES.has(lower);
}

/** Trims a run to the name inside it and judges it; null when it is not a person's name. */
export function judgeRun(tokens: readonly Token[], run: [number, number], lowerSeen: ReadonlySet<string>): Candidate | null {
  let [first, last] = run;
  let titled = first > 0 && isTitleWord(tokens[first - 1]!.lower) && tokens[first - 1]!.word;
  // Leading titles, places and function words: "President", "Australian", "During". A known name
  // is kept when only one word would be left ("Will Smith", "Jordan Henderson").
  while (last - first > 0) {
    const t = tokens[first]!;
    if (!isLeadingNoise(t.lower)) break;
    if (isTitleWord(t.lower)) titled = true;
    else if (last - first === 2 && isKnownName(t.lower) && !isTitleWord(t.lower) && !ROLE_MODIFIERS.has(t.lower)) break;
    if (t.possessive) return null;
    first++;
  }
  while (last - first > 1 && isTrailingNoise(tokens[last - 1]!.lower) && !isKnownName(tokens[last - 1]!.lower)) last--;
  while (last - first > 0 && !isNameWord(tokens[last - 1]!)) last--;
  if (last <= first) return null;
  const parts = tokens.slice(first, last);
  let known = 0;
  let initials = 0;
  for (const t of parts) {
    const lower = t.lower;
    if (t.initial) {
      initials++;
      continue;
    }
    if (ORG_WORDS.has(lower)) return null;
    if ((PLACES.has(lower) || CALENDAR.has(lower) || FUNCTION_WORDS.has(lower)) && !isKnownName(lower)) return null;
    if (t.allCaps && parts.length > 1 && !SUFFIXES.has(lower)) return null;
    if (isKnownName(lower)) known++;
    // A word the text also writes in lower case is a common word, not a name ("Such" is the exception CoNLL loves).
    else if (lowerSeen.has(lower)) known -= 1;
  }
  if (initials === parts.length) return null;
  let evidence = known + initials * 0.75;
  if (parts.length >= 2 && (isKnownName(parts[0]!.lower) || parts[0]!.initial)) evidence += 1;
  if (titled) evidence += 1.5;
  const after = tokens[last];
  if (after?.word && SPEECH_VERBS.has(after.lower)) evidence += 1;
  if (parts.length === 1 && parts[0]!.allCaps) return null;
  return { first, last, titled, evidence };
}
