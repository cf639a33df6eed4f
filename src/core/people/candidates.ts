/**
 * Name candidates: runs of capitalised words, trimmed of the titles, places and function words at
 * their edges, then judged by what they are made of (known given names and surnames, initials,
 * organisation or place words) and by the words around them (titles, speech verbs).
 */
import { layoutEvidence } from './context.js';
import { isCommonWord, isKnownName } from './gazetteer.js';
import {
  CALENDAR as CALENDAR_WORDS,
  CALENDAR_ABBREVIATIONS,
  EPONYMOUS_ORGS,
  LEADING_ARTICLES,
  FUNCTION_WORDS,
  HONORIFICS,
  ORG_WORDS,
  PLACES,
  ROLE_MODIFIERS,
  ROLE_WORDS,
  SPEECH_VERBS,
  TEAM_WORDS,
} from './lexicon.js';
import type { Token } from './tokens.js';

/** Months and days; "Jan" and "Sat" only when they are not names in the gazetteer. */
const CALENDAR = {
  has(lower: string): boolean {
    return CALENDAR_WORDS.has(lower) || (CALENDAR_ABBREVIATIONS.has(lower) && !isKnownName(lower));
  },
};

/** Lower-case particles inside names ("Ludwig van Beethoven", "Osama bin Laden"). */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'del', 'dos', 'das', 'ter', 'ten', 'y']);

export interface Candidate {
  /** Index of the first and one past the last token of the name. */
  readonly first: number;
  readonly last: number;
  /** A title, honorific or role word stood right before the name (inside its run or just before it). */
  readonly titled: boolean;
  /** How strongly the words themselves look like a person's name. */
  readonly evidence: number;
}

/** "al-Abidine", "bin-Laden": a lower-case particle joined to a capitalised name part. */
function isJoinedParticle(t: Token): boolean {
  const dash = t.text.indexOf('-');
  if (dash <= 0 || dash + 1 >= t.text.length) return false;
  const head = t.text.slice(0, dash);
  const tail = t.text[dash + 1]!;
  return PARTICLES.has(head) && tail !== tail.toLowerCase();
}

function startsWithDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isContraction(lower: string): boolean {
  return CONTRACTIONS.some((c) => lower.endsWith(c));
}

function isNameWord(t: Token): boolean {
  return t.word && (t.capitalised || t.initial || isJoinedParticle(t)) && !startsWithDigit(t.text) && !isContraction(t.lower);
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
      } else if (t.word && PARTICLES.has(t.text)) {
        // One or two particles, then a name word: "van der Westhuizen", "de la Hoya".
        let k = end + 1;
        if (k < tokens.length && tokens[k]!.word && PARTICLES.has(tokens[k]!.text)) k++;
        if (k < tokens.length && isNameWord(tokens[k]!) && !tokens[k]!.lineStart) end = k + 1;
        else break;
      } else {
        break;
      }
    }
    runs.push([start, end]);
    i = end;
  }
  return runs;
}

/** Endings of plural common nouns ("Voters", "Services"). */
const PLURAL_ENDINGS = ['ers', 'ors', 'ies', 'ments', 'tions', 'ces', 'nts', 'ists'];
/** Organisation words that are also common surnames ("Jerry Hall", "Margaret Court", "Harrison Ford"). */
const ORG_SURNAMES = new Set(['hall', 'court', 'church', 'ford']);
const CLEAR_HONORIFICS = new Set(['sir', 'dame', 'mr', 'mrs', 'ms', 'dr', 'lord', 'lady']);
/** "London-based", "Brazilian-born", "state-owned": compounds that describe, never name. */
const COMPOUND_TAILS = new Set(['based', 'born', 'owned', 'run', 'led', 'backed', 'controlled', 'made', 'style', 'era', 'bred', 'raised', 'trained', 'educated', 'listed', 'registered', 'speaking', 'funded', 'linked', 'held', 'dominated', 'sponsored', 'appointed', 'elect', 'designate', 'turned', 'like', 'related', 'bound', 'wide', 'area']);
/** Contractions ("I've", "We'll", "Don't") are never names. */
const CONTRACTIONS = ["'ve", "'ll", "'re", "'d", "'m", "n't", '’ve', '’ll', '’re', '’d', '’m', 'n’t'];
/** Place words that are never given names, even after a title. */
const PLACES_ONLY = new Set(['us', 'u.s', 'uk', 'eu', 'un', 'new', 'west', 'east', 'north', 'south', 'central', 'old', 'san', 'santa', 'st', 'saint']);
const KNOWN_COMMON = 0.5;
const COMMON_PENALTY = 1;
const ROMAN = /^[IVX]{1,5}$/;

/** "premiers", "co-premier", "vice-chairman": a role word under a plural or a hyphenated prefix. */
function isTitleWord(lower: string): boolean {
  if (HONORIFICS.has(lower) || ROLE_WORDS.has(lower)) return true;
  const dash = lower.lastIndexOf('-');
  const tail = dash >= 0 ? lower.slice(dash + 1) : lower;
  return ROLE_WORDS.has(tail) || (tail.endsWith('s') && ROLE_WORDS.has(tail.slice(0, -1)));
}

/** Nationalities and places, plurals included ("Iraqis", "North Africans", "Zairean"). */
function isPlaceWord(lower: string): boolean {
  if (PLACES.has(lower)) return true;
  if (lower.endsWith('s') && PLACES.has(lower.slice(0, -1))) return true;
  return false;
}

/** A word with a lower-case part after a hyphen ("Brazilian-born", "York-based", "Ex-Yankee" aside). */
function isHyphenatedCommon(t: Token): boolean {
  const dash = t.text.indexOf('-');
  if (dash <= 0 || isJoinedParticle(t)) return false;
  const after = t.text[dash + 1] ?? '';
  if (COMPOUND_TAILS.has(t.lower.slice(t.lower.lastIndexOf('-') + 1))) return true;
  // A lower-case syllable after a known name is a Korean given name ("Jae-in", "Ki-moon").
  if (after === after.toLowerCase()) return !isKnownName(t.text.slice(0, dash));
  return t.lower.startsWith('ex-') || t.lower.startsWith('pro-') || t.lower.startsWith('anti-');
}

/** A demonym-looking word that is not a name ("Zairean", "Sudanese", "Kuwaiti"). */
function looksLikeDemonym(lower: string): boolean {
  return !isKnownName(lower) && (lower.endsWith('ean') || lower.endsWith('ian') || lower.endsWith('ese') || lower.endsWith('ish'));
}

/** "Elizabeth I", "Charles VI": a Roman numeral ending a run after a known name. */
function isRegnalNumber(tokens: readonly Token[], first: number, last: number): boolean {
  const prev = tokens[last - 2]!;
  return last - first >= 2 && ROMAN.test(tokens[last - 1]!.text) && prev.capitalised && !isCommonWord(prev.lower) && !FUNCTION_WORDS.has(prev.lower);
}

/** A common English word that is no known name and no initial, numeral or particle. */
function isPlainWord(t: Token): boolean {
  return !t.initial && !ROMAN.test(t.text) && !PARTICLES.has(t.text) && isCommonWord(t.lower) && !isKnownName(t.lower);
}

/** A word that may open a run but is not part of a name. */
function isLeadingNoise(t: Token): boolean {
  const lower = t.lower;
  // "A. Dale": a one-letter initial is never the article "a".
  if (t.initial && t.text.length === 2) return false;
  return (
    isTitleWord(lower) ||
    LEADING_ARTICLES.has(lower) ||
    ROLE_MODIFIERS.has(lower) ||
    FUNCTION_WORDS.has(lower) ||
    isPlaceWord(lower) ||
    CALENDAR.has(lower) ||
    ORG_WORDS.has(lower) ||
    isHyphenatedCommon(t) ||
    looksLikeDemonym(lower) ||
    // A sentence-opening adverb or verb that is no name ("Reluctantly Romney", "Asked Smith").
    ((lower.endsWith('ly') || lower.endsWith('ing') || lower.endsWith('ed')) && isCommonWord(lower) && !isKnownName(lower))
  );
}

function isTrailingNoise(t: Token): boolean {
  const lower = t.lower;
  // A trailing honorific only when abbreviated ("Carolina Gov."): "Hun Sen" keeps its "Sen".
  return CALENDAR.has(lower) || FUNCTION_WORDS.has(lower) || isPlaceWord(lower) || (HONORIFICS.has(lower) && t.text.endsWith('.')) || isHyphenatedCommon(t);
}

/** "Cleveland Indians", "Bradford Bulls": a team nickname or another plural common noun ends the run. */
function isTeamOrPlural(t: Token, lowerSeen: ReadonlySet<string>, givenFirst: boolean): boolean {
  const lower = t.lower;
  if (TEAM_WORDS.has(lower)) return true;
  if (!lower.endsWith('s') || isKnownName(lower)) return false;
  const stem = lower.slice(0, -1);
  if (PLURAL_ENDINGS.some((e) => lower.endsWith(e)) && !givenFirst) return true;
  return lowerSeen.has(stem) || lowerSeen.has(lower) || isPlaceWord(stem);
}

/** Trims a run to the name inside it and judges it; null when it is not a person's name. */
export function judgeRun(tokens: readonly Token[], run: [number, number], lowerSeen: ReadonlySet<string>): Candidate | null {
  let [first, last] = run;
  // A plural title before a single name is a team or a group ("champions Bath").
  const before = first > 0 ? tokens[first - 1]! : undefined;
  let titled = before !== undefined && before.word && isTitleWord(before.lower) && !(before.lower.endsWith('s') && !ROLE_WORDS.has(before.lower) && !HONORIFICS.has(before.lower));
  // "Boxing Association President Ramon Manzanares": the name follows the last title in the run,
  // unless a known name precedes that word ("Martin Luther King").
  for (let k = last - 2; k > first; k--) {
    const prev = tokens[k - 1]!.lower;
    const prevIsName = isKnownName(prev) && !isPlaceWord(prev) && !ROLE_MODIFIERS.has(prev) && !ORG_WORDS.has(prev);
    const title = tokens[k]!;
    // Honorifics split only when abbreviated or unmistakable ("Democratic Sen. Joe Manchin"), so "Hun Sen" stays whole.
    const honorificOk = !HONORIFICS.has(title.lower) || title.text.endsWith('.') || CLEAR_HONORIFICS.has(title.lower);
    if (isTitleWord(title.lower) && !prevIsName && honorificOk) {
      first = k + 1;
      titled = true;
      break;
    }
  }
  // Leading titles, places and function words: "President", "Australian", "During".
  const titledBefore = titled;
  while (last > first) {
    const t = tokens[first]!;
    if (!isLeadingNoise(t)) break;
    // "actor Dallas Roberts", "coach Jordan Smith": after a title a known name is a given name.
    if (titledBefore && last - first >= 2 && isKnownName(t.lower) && isPlaceWord(t.lower) && !PLACES_ONLY.has(t.lower)) break;
    if (isTitleWord(t.lower)) titled = true;
    if (t.possessive) return null;
    first++;
  }
  while (last - first > 1 && isTrailingNoise(tokens[last - 1]!) && !isRegnalNumber(tokens, first, last) && !(last - first === 2 && isKnownName(tokens[first]!.lower) && isKnownName(tokens[last - 1]!.lower))) last--;
  // Generational suffixes are not part of the name as CoNLL and most style guides count it.
  while (last - first > 2 && (tokens[last - 1]!.lower === 'jr' || tokens[last - 1]!.lower === 'sr')) last--;
  // A common word that is no name ends the name inside a run ("Donald Trump Praises Breitbart",
  // "Sean Hannity Show"), and one opening a long run is not part of it ("Despite Ted Cruz").
  while (last - first >= 3 && isPlainWord(tokens[first]!)) first++;
  for (let k = first + 1; k < last; k++) {
    if (isPlainWord(tokens[k]!)) {
      last = k;
      break;
    }
  }
  // Never end on a particle ("Santiago de" once "Cuba" is cut off).
  while (last - first > 1 && PARTICLES.has(tokens[last - 1]!.text)) last--;
  if (last <= first) return null;
  const parts = tokens.slice(first, last);
  if (parts.length > 1 && EPONYMOUS_ORGS.has(parts.map((t) => (t.initial ? t.lower.replaceAll('.', '') : t.lower)).join(' '))) return null;
  let known = 0;
  let initials = 0;
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i]!;
    const lower = t.lower;
    if (t.initial) {
      initials++;
      continue;
    }
    if (i === parts.length - 1 && isRegnalNumber(tokens, first, last)) continue;
    const endsAfterGivenName = i === parts.length - 1 && i > 0 && isKnownName(parts[0]!.lower) && !isPlaceWord(parts[0]!.lower);
    // An organisation word ends a name only as a known surname after a given name ("Jerry Hall").
    if (ORG_WORDS.has(lower) && !(endsAfterGivenName && ORG_SURNAMES.has(lower) && parts.length === 2)) return null;
    if ((CALENDAR.has(lower) || FUNCTION_WORDS.has(lower)) && !(endsAfterGivenName && isKnownName(lower))) return null;
    // A place word ends a person's name only after a known given name ("Denzel Washington").
    if (isPlaceWord(lower) && !endsAfterGivenName) return null;
    if (t.allCaps && parts.length > 1 && !ROMAN.test(t.text)) return null;
    if (isHyphenatedCommon(t)) return null;
    // A known name counts less when it is also a common word ("Rose", "Bush"), and a common word
    // that is no name, or that the text also writes in lower case, counts against.
    if (isKnownName(lower)) known += isCommonWord(lower) ? KNOWN_COMMON : 1;
    else if (lowerSeen.has(lower)) known -= 1;
    else if (isCommonWord(lower)) known -= COMMON_PENALTY;
  }
  if (parts.length > 1 && isTeamOrPlural(parts[parts.length - 1]!, lowerSeen, isKnownName(parts[0]!.lower))) return null;
  if (initials === parts.length) return null;
  // Every word common English and one of them no name at all: a title or a phrase ("Cloud Atlas").
  if (parts.length > 1 && parts.every((t) => !t.initial && isCommonWord(t.lower)) && parts.some((t) => !isKnownName(t.lower)) && !titled) return null;
  // "W D L G" table headers: bare capitals without periods.
  const regnal = isRegnalNumber(tokens, first, last) ? 1 : 0;
  if ((parts.filter((t) => t.letters === 1 && !t.initial).length - regnal) * 2 >= parts.length) return null;
  if (parts.length === 1 && parts[0]!.allCaps) return null;
  let evidence = known + initials * 0.75;
  if (parts.length >= 2 && (parts[0]!.initial || isKnownName(parts[0]!.lower))) evidence += parts[0]!.initial || !isCommonWord(parts[0]!.lower) ? 1 : KNOWN_COMMON;
  if (titled) evidence += 1.5;
  evidence += layoutEvidence(tokens, first, last);
  const after = tokens[last];
  if (after?.word && SPEECH_VERBS.has(after.lower)) evidence += 1;
  return { first, last, titled, evidence };
}
