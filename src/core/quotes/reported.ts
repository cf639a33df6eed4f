/**
 * Reported speech: "X said (that) Y", "Y, X said", "Y, said X", "According to X, Y", "Y, according
 * to X", and a second statement joined by ", adding (that) Z". The content is what was said; the
 * source words are kept for the speaker stage. One bounded pass over each sentence's tokens.
 */
import type { Sentence } from '../types.js';
import { plausibleSource, sourceBefore } from './attribution.js';
import { cueLemma, isSpeechLemma, isStanceForm, NEEDS_THAT, PARTICIPLE_CUES } from './cues.js';
import type { Found } from './found.js';
import { isPronoun } from './speaker.js';
import { isUpperStart, tokensIn, type Token } from './tokens.js';

/** Cue lemmas that take a person as object before the content ("told reporters", "urged Congress"). */
const OBJECT_CUES = new Set(['tell', 'ask', 'urge', 'remind', 'inform', 'assure', 'warn']);
const OBJECT_WORDS = new Set(['me', 'us', 'him', 'her', 'them', 'reporters', 'journalists', 'lawmakers', 'supporters',
  'voters', 'listeners', 'viewers', 'colleagues', 'members', 'officials', 'students', 'attendees', 'congress']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday',
  'today', 'tonight', 'recently', 'earlier', 'later', 'previously', 'again', 'also', 'publicly', 'privately']);
const MIN_CONTENT_WORDS = 3;
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);
/** Words that may open a sentence before "according to X, Y". */
const OPENERS = new Set(['but', 'and', 'yet', 'so', 'however', 'still', 'now', 'also', 'meanwhile', 'indeed']);
const NOT_CONTENT_START = new Set(['by', 'in', 'on', 'at', 'during', 'after', 'before', 'from', 'with', 'via', 'through']);
/** Lower-case words inside a source written after its cue: "Hanoi's Party chief Vuong Dinh Hue", "Secretary of State". */
const LOWER_IN_SOURCE = new Set(['of', 'chief', 'secretary', 'minister', 'president', 'spokesman', 'spokeswoman',
  'spokesperson', 'director', 'leader', 'chairman', 'head', 'for', 'and', 'the', 'de', 'van', 'von', 'al', 'bin']);
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'the', 'a', 'an', 'its', 'our', 'my']);
/** Punctuation a source may contain: "Sen. Chuck Grassley (R-Iowa)", "Hanoi’s". */
const SOURCE_PUNCT = new Set(['’', "'", '(', ')', '-', '.']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);
const ADVERBS = new Set(['also', 'later', 'then', 'again', 'still', 'has', 'have', 'had', 'once', 'now', 'often', 'repeatedly',
  'previously', 'recently', 'reportedly', 'publicly', 'privately', 'later', 'just', 'never', 'always', 'would', 'will']);
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'while', 'although', 'though', 'whereas', 'yet']);

/**
 * The source of "Y, said X": a name or a noun phrase that ends the clause ("said Kritenbrink at a meeting",
 * "said the State Department."). Empty when words go on after it ("…, said Carson’s campaign was failing").
 */
function invertedSourceAfter(tokens: readonly Token[], from: number, end: number): Token[] {
  const out: Token[] = [];
  let i = from;
  for (; i < end && out.length < 10; i++) {
    const t = tokens[i]!;
    if (!t.word) {
      if (t.text === '’' || t.text === "'" || t.text === '(' || t.text === ')' || t.text === '-') continue;
      break;
    }
    if (out.length > 0 && AFTER_CUE.has(t.lower)) break;
    const capitalised = isUpperStart(t.text);
    // "said Democratic strategist Hank Sheinkopf": role words in lower case may stand before the name.
    const beforeName = out.length > 0 && nameFollows(tokens, i + 1, end);
    const lowerOk = out.length === 0 ? POSSESSIVES.has(t.lower) : LOWER_IN_SOURCE.has(t.lower) || !out.some((x) => isUpperStart(x.text)) || beforeName;
    if (!capitalised && !lowerOk) return [];
    out.push(t);
  }
  const next = tokens[i];
  if (next !== undefined && i < end && next.word && !AFTER_CUE.has(next.lower)) return [];
  // "…, said the results were …" is a clause, not a source.
  if (out.some((x) => AUXILIARIES.has(x.lower))) return [];
  return out;
}

/** Whether a capitalised word comes within the next two words, with only lower-case role words before it. */
function nameFollows(tokens: readonly Token[], from: number, end: number): boolean {
  for (let i = from; i < end && i < from + 2; i++) {
    const t = tokens[i]!;
    if (!t.word || AFTER_CUE.has(t.lower) || AUXILIARIES.has(t.lower)) return false;
    if (isUpperStart(t.text)) return true;
  }
  return false;
}

/** "Under the proposals - which the paper said": the source is what follows the last dash or "which". */
function afterRelative(words: readonly Token[]): Token[] {
  for (let i = words.length - 1; i > 0; i--) {
    const t = words[i]!;
    if ((!t.word && '-—–'.includes(t.text)) || (t.word && (t.lower === 'which' || t.lower === 'whom'))) {
      const rest = words.slice(i + 1);
      return rest.some((x) => x.word) ? rest : words.slice();
    }
  }
  return words.slice();
}

/** "Officials who spoke with the paper said …": the source is the noun phrase before "who" and its verb. */
function withoutRelativeClause(words: Token[]): Token[] {
  const who = words.findIndex((t, i) => i > 0 && t.word && t.lower === 'who');
  const verb = words[who + 1];
  if (who < 0 || verb === undefined || !verb.word || verb.text !== verb.lower || isPronoun(verb.lower)) return words;
  return words.slice(0, who);
}

/** A source this long is a noun phrase with what qualifies it ("A U.S. law enforcement official familiar with the investigation"). */
const MAX_SOURCE_WORDS = 12;
/** Up to this many words any plausible source counts; a longer one must read as a noun phrase and go with a speech verb. */
const SHORT_SOURCE_WORDS = 8;
const NOT_IN_NOUN_PHRASE = new Set(['not', 'that', 'which', 'when', 'while', 'if', 'because', 'than', 'there', 'it', 'he', 'she', 'they', 'we', 'i']);

/** Whether long source words read as one noun phrase: no verb, no clause word; a past form only before a preposition ("seen by Reuters"). */
function isNounPhrase(words: readonly Token[]): boolean {
  return words.every((t, j) => {
    if (!t.word) return t.text === '(';
    if (t.text !== t.lower) return true;
    if (FINITE.has(t.lower) || NOT_IN_NOUN_PHRASE.has(t.lower)) return false;
    if (t.lower === 'to') return words[j - 1]?.lower === 'close';
    if (j > 0 && /[a-z]ed$/u.test(t.text) && !NP_LEADS.has(words[j - 1]!.lower)) return ['by', 'in', 'on', 'with', 'to', 'about', 'for'].includes(words[j + 1]?.lower ?? '');
    return cueLemma(t.lower) === undefined && !isStanceForm(t.lower);
  });
}
const CLAUSE_JOINS = new Set(['and', 'but', 'while', 'although', 'though', 'because', 'since', 'when', 'after', 'before', 'as', 'if', 'whereas']);
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'did', 'does', 'do', 'can', 'may', 'might']);

/**
 * "Although his agency declined to comment and Senate aides later said …": when the words before the cue
 * hold a clause of their own and then a conjunction, the source is what follows the conjunction.
 * "Cyber experts and U.S. officials said" has no verb before "and", so it stays whole.
 */
function lastClause(words: Token[]): Token[] {
  for (let j = words.length - 2; j > 0; j--) {
    const t = words[j]!;
    if (!t.word || !CLAUSE_JOINS.has(t.lower)) continue;
    const before = words.slice(0, j);
    const verb = before.some((x) => x.word && x.text === x.lower && (FINITE.has(x.lower) || /[a-z]ed$/u.test(x.text) || cueLemma(x.lower) !== undefined || isStanceForm(x.lower)));
    const rest = words.slice(j + 1);
    if (verb && rest.some((x) => x.word)) return rest;
  }
  return words;
}

const NP_LEADS = new Set(['the', 'a', 'an', 'one', 'some', 'many', 'most', 'two', 'three', 'his', 'her', 'their', 'its', 'our', 'well', 'newly', 'recently']);

/** The subject noun phrase of a clause: the words before its first verb ("a judge sided with …" → "a judge"). */
function subjectOf(words: Token[]): Token[] {
  for (let j = 1; j < words.length; j++) {
    const t = words[j]!;
    if (!t.word || t.text !== t.lower || NP_LEADS.has(words[j - 1]!.lower)) continue;
    if (FINITE.has(t.lower) || /[a-z]ed$/u.test(t.text) || cueLemma(t.lower) !== undefined || isStanceForm(t.lower)) return words.slice(0, j);
  }
  return words;
}

/** The capitalised words right before `end` ("Cruz" in "Cruz, who …"). */
function capitalRunBefore(tokens: readonly Token[], end: number): Token[] {
  let i = end;
  while (i > 0 && end - i < 5 && tokens[i - 1]!.word && isUpperStart(tokens[i - 1]!.text)) i--;
  return tokens.slice(i, end);
}

/** Whether a speech verb follows within a few words with only a plausible source (or nothing) before it. */
function secondStatement(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to && j <= from + 6; j++) {
    const t = tokens[j]!;
    if (!t.word) return false;
    const lemma = t.text === t.lower ? cueLemma(t.lower) : undefined;
    if (lemma !== undefined && isSpeechLemma(lemma) && !t.lower.endsWith('ing')) {
      const source = tokens.slice(from, j);
      return source.length === 0 || plausibleSource(source);
    }
  }
  return false;
}

const SUBORDINATORS = new Set(['while', 'when', 'whenever', 'although', 'though', 'if', 'because', 'since', 'after',
  'before', 'once', 'as', 'until', 'whereas']);

/**
 * "While Ortiz said that marinas cannot survive on fees, she …": a statement inside a clause that opens the
 * sentence with a subordinator ends at that clause's comma.
 */
function subordinateEnd(tokens: readonly Token[], cue: number, from: number, to: number): number {
  let i = 0;
  while (i < cue && tokens[i]!.word && OPENERS.has(tokens[i]!.lower)) i++;
  if (!tokens[i]?.word || !SUBORDINATORS.has(tokens[i]!.lower)) return to;
  for (let j = i + 1; j < cue; j++) if (isComma(tokens[j])) return to;
  for (let j = from; j < to; j++) if (isComma(tokens[j]) && wordCount(tokens, from, j) >= MIN_CONTENT_WORDS) return j;
  return to;
}

/** Where the reported clause ends: at a semicolon, or at ", and he …" where a new clause with its own subject starts. */
function clauseEnd(tokens: readonly Token[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.word) {
      // "…, but officials said Z", "… and said Z": a second statement starts inside the first.
      if (i > from + 2 && CLAUSE_CONJUNCTIONS.has(t.lower) && secondStatement(tokens, i + 1, to)) return isComma(tokens[i - 1]) ? i - 1 : i;
      continue;
    }
    if (t.text === ';') return i;
    if (t.text !== ',') continue;
    // "asked Lutz if the bill was paid, she said the city owed nothing": the answer is a statement of its own.
    if (i > from + 2 && secondStatement(tokens, i + 1, to)) return i;
    // "Cruz, who says Y, said Z": a comma and a cue end the inner statement.
    const after = tokens[i + 1];
    if (after !== undefined && after.word && after.text === after.lower && cueLemma(after.lower) !== undefined && !PARTICIPLE_CUES.has(after.lower)) return i;
    const conj = tokens[i + 1];
    const subj = tokens[i + 2];
    if (conj === undefined || subj === undefined || !conj.word || !CLAUSE_CONJUNCTIONS.has(conj.lower)) continue;
    if (subj.word && (SUBJECT_PRONOUNS.has(subj.lower) || subj.lower === 'the' || isUpperStart(subj.text))) return i;
  }
  return to;
}
/** Words that may follow the cue of "Y, X said …" without starting new content. */
const AFTER_CUE = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'when', 'while', 'as', 'last', 'this',
  'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'earlier', 'later', 'recently', 'via', 'from', 'adding', 'saying', 'noting', 'according', 'shortly', 'late', 'early',
  'told', 'with', 'by', 'following', 'outside', 'inside', 'afterwards', 'afterward', 'repeatedly', 'again', 'too']);
/** Cues that do not report speech when they follow what was said ("…, experts found" is fine, "…, it showed" is not). */
const NOT_INVERTED = new Set(['show', 'find', 'point', 'indicate', 'charge', 'mention', 'estimate', 'expect', 'remind',
  'assume', 'ask', 'urge', 'know', 'feel', 'agree', 'continue', 'hope', 'fear', 'worry']);
const MAX_CUE_INDEX = 60;
const MAX_SENTENCE_CHARS = 2000;
const MAX_COLON_CHARS = 800;

function isWord(t: Token | undefined, lower: string): boolean {
  return t !== undefined && t.word && t.lower === lower;
}

function isComma(t: Token | undefined): boolean {
  return t !== undefined && !t.word && t.text === ',';
}

function wordCount(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i]!.word) n++;
  return n;
}

/** Index after trailing sentence punctuation is dropped (keeps closing quote marks). */
function contentEnd(tokens: readonly Token[]): number {
  let e = tokens.length;
  while (e > 0 && !tokens[e - 1]!.word && '.,;:!?'.includes(tokens[e - 1]!.text)) e--;
  return e;
}

/** Where the content starts after a cue at `k`: skips an object, a time phrase and "that". */
function contentStart(tokens: readonly Token[], k: number, lemma: string): number {
  let i = k + 1;
  // "said in a statement (that)", "said on Monday that": jump to a near "that" with no punctuation before it.
  const reach = OBJECT_CUES.has(lemma) ? 14 : 8;
  for (let j = i; j < tokens.length && j <= i + reach; j++) {
    const t = tokens[j]!;
    // Quote marks around a show's name ("told MSNBC's “Morning Joe” that …") do not end the search.
    if (!t.word && !QUOTE_MARKS.has(t.text)) break;
    if (t.lower === 'that') return j + 1;
  }
  if (OBJECT_CUES.has(lemma)) {
    const t = tokens[i];
    if (t !== undefined && t.word && (OBJECT_WORDS.has(t.lower) || isUpperStart(t.text))) {
      i++;
      while (i < tokens.length && tokens[i]!.word && isUpperStart(tokens[i]!.text)) i++;
    }
  }
  if (isWord(tokens[i], 'on') && tokens[i + 1] !== undefined && TIME_WORDS.has(tokens[i + 1]!.lower)) i += 2;
  while (i < tokens.length && tokens[i]!.word && TIME_WORDS.has(tokens[i]!.lower)) i++;
  if (isWord(tokens[i], 'in') && isWord(tokens[i + 1], 'a') && isWord(tokens[i + 2], 'statement')) i += 3;
  while (i < tokens.length && !tokens[i]!.word && ',:'.includes(tokens[i]!.text)) i++;
  if (isWord(tokens[i], 'that')) i++;
  return i;
}

interface Piece {
  readonly from: number;
  readonly to: number;
  readonly source: readonly Token[];
  readonly cue: Token;
  readonly cueText: string;
  /** A character range inside the content that is the attribution itself, left out of the text. */
  readonly skip?: readonly [number, number];
}

/** ", adding (that) Z" after an attribution: Z is a second statement by the same source. */
function participle(tokens: readonly Token[], from: number, source: readonly Token[]): Piece | null {
  for (let i = from; i < tokens.length - 1; i++) {
    if (!isComma(tokens[i])) continue;
    const t = tokens[i + 1]!;
    if (!t.word || !PARTICIPLE_CUES.has(t.lower)) continue;
    const lemma = cueLemma(t.lower) ?? t.lower;
    const start = contentStart(tokens, i + 1, lemma);
    const end = contentEnd(tokens);
    if (wordCount(tokens, start, end) < MIN_CONTENT_WORDS) return null;
    return { from: start, to: end, source, cue: t, cueText: t.text };
  }
  return null;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as']);

/** A headline: (nearly) every word capitalised ("Trump Says He Never Pledged …"). */
function isTitleCase(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.word && !SMALL_WORDS.has(t.lower));
  if (words.length < 4) return false;
  return words.filter((t) => isUpperStart(t.text) || /^\d/u.test(t.text)).length / words.length >= 0.8;
}

/** "Milbank: Republicans …", "JAKE TAPPER: …": a short name, a colon, then what they said. */
function colonLead(tokens: readonly Token[]): Piece | null {
  let i = 0;
  while (i < tokens.length && i < 5 && tokens[i]!.word && isUpperStart(tokens[i]!.text)) i++;
  const colon = tokens[i];
  if (i === 0 || colon === undefined || colon.word || colon.text !== ':') return null;
  const source = tokens.slice(0, i);
  const end = contentEnd(tokens);
  if (!plausibleSource(source) || wordCount(tokens, i + 1, end) < MIN_CONTENT_WORDS) return null;
  return { from: i + 1, to: end, source, cue: colon, cueText: ':' };
}

const ASIDE_STOP = new Set(['and', 'but', 'or', 'while', 'although', 'though', 'because', 'as', 'who', 'which', 'when',
  'if', 'so', 'yet', 'whereas', 'then', 'noting', 'adding', 'saying']);

/** Whether the cue at `k` is followed by a comma and then a lower-case continuation of the statement. */
function midSentenceAside(tokens: readonly Token[], k: number, end: number): boolean {
  if (!isComma(tokens[k + 1])) return false;
  let j = k + 2;
  while (j < end && !tokens[j]!.word && QUOTE_MARKS.has(tokens[j]!.text)) j++;
  const next = tokens[j];
  if (next === undefined || !next.word || next.text !== next.lower || ASIDE_STOP.has(next.lower) || PARTICIPLE_CUES.has(next.lower)) return false;
  return wordCount(tokens, j, end) >= 2;
}

/** "Y, X said" / "Y, said X" with the cue at `k`: the statement is everything before the comma. */
function inverted(tokens: readonly Token[], k: number, end: number, lemma: string): Piece[] | null {
  const t = tokens[k]!;
  let c = k - 1;
  while (c >= 0 && !isComma(tokens[c]) && k - c <= 9) c--;
  if (c > 0 && isComma(tokens[c]) && wordCount(tokens, 0, c) >= MIN_CONTENT_WORDS && !NOT_INVERTED.has(lemma)) {
    let source: Token[] = tokens.slice(c + 1, k).filter((x) => x.word || x.text === '(');
    // "Y, said X" — but not "Y, saying X": a participle there starts a clause, not a source.
    if (source.length === 0 && !t.lower.endsWith('ing')) {
      // "…, said the mayor" / "…, said Kritenbrink": a name or a determiner phrase, never "said he's …".
      const after = invertedSourceAfter(tokens, k + 1, end);
      const head = after[0];
      if (head !== undefined && (isUpperStart(head.text) || POSSESSIVES.has(head.lower))) source = after;
    }
    // "Y, X said." ends the statement at the cue (or a time or place): "…, X stated that Z" is not inverted.
    const next = tokens[k + 1];
    const endsAtCue =
      next === undefined ||
      !next.word ||
      AFTER_CUE.has(next.lower) ||
      (OBJECT_CUES.has(lemma) && (OBJECT_WORDS.has(next.lower) || POSSESSIVES.has(next.lower) || isUpperStart(next.text)));
    const sourceIsBefore = wordCount(tokens, c + 1, k) > 0;
    // "…, Mrs. Clinton said on Saturday that Y": the statement follows the cue, so this is not inverted.
    const forward = contentStart(tokens, k, lemma);
    const statementFollows = sourceIsBefore && isWord(tokens[forward - 1], 'that');
    if (
      !statementFollows &&
      (!sourceIsBefore || endsAtCue) &&
      source.length > 0 &&
      (plausibleSource(source) || (sourceIsBefore && endsAtCue && source.length <= 4)) &&
      !tokens.slice(c + 1, k).some((x) => !x.word && !SOURCE_PUNCT.has(x.text))
    ) {
      // "The editorial, sources said, nailed the narrative": an aside inside the statement, which runs on
      // after it; the statement is the sentence without the aside.
      const aside = sourceIsBefore && midSentenceAside(tokens, k, end);
      if (aside) return [{ from: 0, to: end, source, cue: t, cueText: t.text, skip: [tokens[c]!.start, tokens[k + 1]!.end] }];
      const pieces: Piece[] = [{ from: 0, to: c, source, cue: t, cueText: t.text }];
      const more = participle(tokens, k + 1, source);
      if (more) pieces.push(more);
      return pieces;
    }
  }
  return null;
}

const QUESTION_WORDS = new Set(['if', 'whether', 'why', 'what', 'who', 'whom', 'how', 'where', 'when', 'which']);
const ASKED_OPENERS = new Set(['when', 'but', 'and', 'after', 'once', 'later']);

/**
 * "Asked if the plan would pass, Ryan said …", "When asked about the emails, she …": the question put is
 * reported speech too, by whoever asked it ("Asked by Stephanopoulos whether …"), and it runs to the comma.
 */
function askedFrame(tokens: readonly Token[], end: number): Piece | null {
  let k = 0;
  while (k < 2 && tokens[k]?.word && ASKED_OPENERS.has(tokens[k]!.lower)) k++;
  const cue = tokens[k];
  if (cue === undefined || !cue.word || cue.lower !== 'asked') return null;
  let from = -1;
  let source: Token[] = [];
  for (let j = k + 1; j < end && j <= k + 8; j++) {
    const t = tokens[j]!;
    if (!t.word) return null;
    if (QUESTION_WORDS.has(t.lower) || t.lower === 'about' || (t.lower === 'to' && j === k + 1)) {
      from = t.lower === 'about' ? j + 1 : j;
      break;
    }
    if (t.lower === 'by') {
      // "Asked by a reporter whether …": the asker runs to the question word.
      const asker = askerAfter(tokens, j + 1, end);
      if (asker !== null) {
        source = asker.source;
        j = asker.next - 1;
      }
    }
  }
  if (from < 0) return null;
  let to = from;
  while (to < end && !isComma(tokens[to])) to++;
  // The question ends at a comma before the answer's clause; without one this is no "Asked …, X said" frame.
  if (to >= end || wordCount(tokens, from, to) < 2) return null;
  return { from, to, source, cue, cueText: cue.text };
}

const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'gets', 'get']);

/**
 * The asker of "asked by X whether …" / "was asked by a caller why …": the noun phrase after "by" up to the
 * question word, "about" or a comma, and where it ends; null when that is no plausible source.
 */
function askerAfter(tokens: readonly Token[], from: number, end: number): { source: Token[]; next: number } | null {
  let i = from;
  while (i < end && i - from < 10 && tokens[i]!.word && !QUESTION_WORDS.has(tokens[i]!.lower) && tokens[i]!.lower !== 'about' && tokens[i]!.lower !== 'to') i++;
  const source = tokens.slice(from, i);
  return source.length > 0 && plausibleSource(source) ? { source, next: i } : null;
}

/**
 * "Rubio was asked by the moderator whether …": the question is the asker's, not the subject's. Returns the
 * asker's piece, or 'none' for a passive "was asked" whose asker is not named (the subject asked nothing).
 */
function passiveAsked(tokens: readonly Token[], k: number, end: number): Piece | 'none' | null {
  let j = k - 1;
  while (j > 0 && tokens[j]!.word && ADVERBS.has(tokens[j]!.lower) && !PASSIVE_AUXILIARIES.has(tokens[j]!.lower)) j--;
  if (!PASSIVE_AUXILIARIES.has(tokens[j]?.lower ?? '') || !tokens[j]!.word) return null;
  if (!isWord(tokens[k + 1], 'by')) return 'none';
  const asker = askerAfter(tokens, k + 2, end);
  if (asker === null) return 'none';
  const from = isWord(tokens[asker.next], 'about') ? asker.next + 1 : asker.next;
  const to = clauseEnd(tokens, from, end);
  if (wordCount(tokens, from, to) < MIN_CONTENT_WORDS) return 'none';
  return { from, to, source: asker.source, cue: tokens[k]!, cueText: tokens[k]!.text };
}

/** Attributions in one sentence, as token ranges. */
function piecesOf(tokens: readonly Token[]): Piece[] {
  const end = contentEnd(tokens);
  // Whether the sentence is a headline matters only for a capitalised cue word (rare): computed on first use.
  let headline: boolean | undefined;
  // "According to X, Y" and "Y, according to X".
  for (let k = 0; k + 1 < end; k++) {
    if (!isWord(tokens[k], 'according') || !isWord(tokens[k + 1], 'to')) continue;
    let s = k + 2;
    let e = s;
    while (e < end && !(isComma(tokens[e]) || (!tokens[e]!.word && ':;'.includes(tokens[e]!.text)))) e++;
    const source = tokens.slice(s, e);
    const cue = tokens[k]!;
    let lead = 0;
    while (lead < k && tokens[lead]!.word && OPENERS.has(tokens[lead]!.lower)) lead++;
    if (wordCount(tokens, lead, k) === 0) {
      s = e + 1;
      if (wordCount(tokens, s, end) >= MIN_CONTENT_WORDS) return [{ from: s, to: end, source, cue, cueText: 'according to' }];
    } else if (isComma(tokens[k - 1]) && isComma(tokens[e]) && e + 1 < end && wordCount(tokens, e + 1, end) >= 2) {
      // "Fundraising, according to the campaign, has surged": the statement runs around the aside.
      return [{ from: 0, to: end, source, cue, cueText: 'according to', skip: [tokens[k - 1]!.start, tokens[e]!.end] }];
    } else if (isComma(tokens[k - 1]) && wordCount(tokens, 0, k - 1) >= MIN_CONTENT_WORDS) {
      return [{ from: 0, to: k - 1, source, cue, cueText: 'according to' }];
    }
    return [];
  }
  const asked = askedFrame(tokens, end);
  const found: Piece[] = asked === null ? [] : [asked];
  // A sentence that ends with ", X said." is one statement, whatever verbs come before the comma.
  for (let k = Math.max(1, end - 8); k < end; k++) {
    const t = tokens[k]!;
    const lemma = t.word && t.text === t.lower ? cueLemma(t.lower) : undefined;
    if (lemma === undefined) continue;
    const inv = inverted(tokens, k, end, lemma);
    // "Asked if X, Ryan said.": the question is the asker's, not a statement of Ryan's.
    if (inv !== null) return asked === null ? inv : [asked];
  }
  // A source starts a sentence, so only its first words are searched for the cue (keeps the scan linear).
  for (let k = 0; k < Math.min(end, MAX_CUE_INDEX); k++) {
    const t = tokens[k]!;
    // In running text a capitalised "Says" is a name or a title; in a headline it is the verb.
    if (!t.word) continue;
    const cueForm = cueLemma(t.lower);
    const stance = cueForm === undefined && isStanceForm(t.lower);
    const lemma = cueForm ?? (stance ? t.lower : undefined);
    if (lemma === undefined) continue;
    if (t.text !== t.lower) {
      if (k === 0) continue;
      headline ??= isTitleCase(tokens);
      if (!headline) continue;
    }
    if (!stance) {
      const inv = inverted(tokens, k, end, lemma);
      if (inv !== null) return [...found, ...inv];
    }
    if (lemma === 'ask') {
      const passive = passiveAsked(tokens, k, end);
      if (passive === 'none') {
        // The question stands, by an asker the sentence does not name.
        const from = contentStart(tokens, k, lemma);
        const to = clauseEnd(tokens, from, end);
        const short = wordCount(tokens, from, to) <= 6;
        if (wordCount(tokens, from, to) >= MIN_CONTENT_WORDS && !(short && ['about', ...NOT_CONTENT_START].includes(tokens[from]?.lower ?? ''))) {
          found.push({ from, to, source: [], cue: t, cueText: t.text });
          k = to - 1;
        }
        continue;
      }
      if (passive !== null) {
        found.push(passive);
        k = passive.to - 1;
        continue;
      }
    }
    // Forward: "X said (that) Y", with X at the start of the sentence or after an opening phrase.
    // A bracketed tag stays as a mark so that the speaker stage can cut it off ("Sen. Bernie Sanders (I-Vt.)").
    let source = lastClause(withoutRelativeClause(afterRelative(sourceBefore(tokens.slice(Math.max(0, k - 30), k))).filter((x) => x.word || x.text === '(')));
    // "…, but officials said": the conjunction that joins the second statement is not part of its source.
    while (source.length > 0 && CLAUSE_CONJUNCTIONS.has(source[0]!.lower)) source = source.slice(1);
    // "X said Y and said Z": the second statement is by the same source.
    const previous = found[found.length - 1];
    if (source.length === 0 && previous !== undefined && CLAUSE_CONJUNCTIONS.has(tokens[k - 1]?.lower ?? '')) source = previous.source.slice();
    // "Texas Sen. Ted Cruz is making a pitch to New York voters, saying …": before a participle the words
    // are a whole clause, and its subject is the source.
    if (t.lower.endsWith('ing')) source = subjectOf(source);
    const longOk = source.length <= SHORT_SOURCE_WORDS || (source.length <= MAX_SOURCE_WORDS && !stance && isSpeechLemma(lemma) && isNounPhrase(source));
    if (source.length === 0 || !longOk || !plausibleSource(source)) {
      // "…, in which he says Y": the pronoun right before the cue is the source.
      let j = k - 1;
      while (j > 0 && tokens[j]!.word && ADVERBS.has(tokens[j]!.lower)) j--;
      const p = tokens[j];
      if (p === undefined || !p.word || !SUBJECT_PRONOUNS.has(p.lower)) continue;
      source = [p];
    }
    if (source.length === 1 && source[0]!.lower === 'who') {
      // "Cruz, who says Y": the relative pronoun stands for the name before the comma.
      const w = source[0]!;
      const idx = tokens.indexOf(w);
      const named = idx >= 2 && isComma(tokens[idx - 1]) ? capitalRunBefore(tokens, idx - 1) : [];
      if (named.length === 0) continue;
      source = named;
    }
    if (source.length <= 2 && isPronoun(source[0]!.lower) && ['it', 'who'].includes(source[0]!.lower)) continue;
    const start = contentStart(tokens, k, lemma);
    if (NEEDS_THAT.has(lemma) && !isWord(tokens[start - 1], 'that')) continue;
    const to = subordinateEnd(tokens, k, start, clauseEnd(tokens, start, end));
    if (wordCount(tokens, start, to) < MIN_CONTENT_WORDS) continue;
    // "said by telephone this week": a short phrase of place or time after the cue is not what was said.
    if (NOT_CONTENT_START.has(tokens[start]?.lower ?? '') && wordCount(tokens, start, to) <= 6) continue;
    found.push({ from: start, to, source, cue: t, cueText: t.text });
    // A sentence can hold a second statement after the first one's clause ends ("…, and Jones said …").
    k = to - 1;
  }
  return found;
}

const NAMING = new Set(['called', 'calls', 'calling', 'described', 'describes', 'describing', 'dubbed', 'labeled',
  'labelled', 'branded', 'termed', 'deemed', 'dismissed', 'characterized', 'characterised', 'hailed', 'heralded',
  'touted', 'mocked', 'slammed', 'blasted', 'denounced', 'praised', 'criticized', 'criticised', 'referred', 'blamed',
  'accused', 'applauded', 'lauded', 'ridiculed', 'attacked', 'condemned', 'decried', 'likened', 'compared', 'promised',
  'vowed', 'pledged', 'wants', 'wanted']);
const OPEN_MARKS = new Set(['“', '"', '‘']);
const CLOSE_MARKS = new Set(['”', '"', '’']);

/** "X called Y “Z”", "X described Y as “Z”": a quoted word or phrase that someone applied to something. */
function naming(tokens: readonly Token[]): Piece | null {
  for (let k = 1; k < Math.min(tokens.length, MAX_CUE_INDEX); k++) {
    const t = tokens[k]!;
    if (!t.word || !NAMING.has(t.text)) continue;
    let open = -1;
    for (let j = k + 1; j < tokens.length && j <= k + 20; j++) {
      if (!tokens[j]!.word && OPEN_MARKS.has(tokens[j]!.text)) {
        open = j;
        break;
      }
      // The thing named is one phrase: a comma or a stop before the quote means the quote is elsewhere.
      if (!tokens[j]!.word && '.;:,'.includes(tokens[j]!.text)) break;
    }
    if (open < 0) continue;
    let close = -1;
    for (let j = open + 1; j < tokens.length && j <= open + 25; j++) {
      if (!tokens[j]!.word && CLOSE_MARKS.has(tokens[j]!.text) && tokens[j]!.text !== '’') {
        close = j;
        break;
      }
    }
    if (close < 0) continue;
    const left = tokens.slice(0, k);
    let from = 0;
    for (let j = left.length - 1; j >= 0; j--) {
      if (isComma(left[j])) {
        from = j + 1;
        break;
      }
    }
    const source = left.slice(from).filter((x) => x.word);
    if (source.length === 0 || source.length > 12 || !plausibleSource(source)) continue;
    return { from: k + 1, to: close + 1, source, cue: t, cueText: t.text };
  }
  return null;
}

/** The subject that opens a sentence ("He", "Sanders", "The mayor") when it is short and plausible. */
function openingSubject(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (!t.word) break;
    // An all-capitals dateline ("WASHINGTON") is a place, not the subject.
    if (out.length === 0 && t.text.length > 1 && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text)) break;
    if (out.length > 0 && !isUpperStart(t.text)) break;
    out.push(t);
    if (out.length === 1 && isPronoun(t.lower)) break;
    if (out.length >= 4) break;
  }
  return out.length > 0 && plausibleSource(out) ? out : [];
}

/** Reported statements of the body, in text order. `directCues` maps the cue offsets of direct quotes to their source words. */
export function findReported(
  body: string,
  all: readonly Token[],
  sentences: readonly Sentence[],
  directCues: ReadonlyMap<number, readonly Token[]>,
): Found[] {
  const out: Found[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si]!;
    // A "sentence" longer than this is a run-on list or markup, not reported speech.
    if (sentence.end - sentence.start > MAX_SENTENCE_CHARS) continue;
    const tokens = tokensIn(all, sentence.start, sentence.end);
    if (tokens.length < 5) continue;
    // A cue that already attributes a direct quote is not read again as reported speech.
    const opensParagraph = si === 0 || sentences[si - 1]!.paragraph !== sentence.paragraph;
    const lead = opensParagraph ? colonLead(tokens) : null;
    if (lead !== null) {
      // What follows the colon runs to the end of a short paragraph (an interview answer, a quoted column).
      let last = si;
      while (last + 1 < sentences.length && sentences[last + 1]!.paragraph === sentence.paragraph) last++;
      const first = tokens[lead.from]!;
      let endAt = tokens[lead.to - 1]!.end;
      if (sentences[last]!.end - sentence.start <= MAX_COLON_CHARS) endAt = sentences[last]!.end;
      out.push({
        kind: 'reported',
        start: first.start,
        end: endAt,
        text: body.slice(first.start, endAt),
        source: lead.source,
        cue: ':',
        cueStart: lead.cue.start,
        at: lead.source[0]!.start,
      });
      continue;
    }
    let pieces = piecesOf(tokens).filter((p) => !directCues.has(p.cue.start));
    if (pieces.length === 0) {
      // ", saying (that) Y" after a direct quote's attribution or after the sentence's subject.
      let source: readonly Token[] = [];
      for (const t of tokens) {
        const s = directCues.get(t.start);
        if (s !== undefined) source = s;
      }
      if (source.length === 0) source = openingSubject(tokens);
      const more = source.length > 0 ? participle(tokens, 0, source) : null;
      const named = naming(tokens);
      pieces = [more, named].filter((p): p is Piece => p !== null);
    }
    for (const piece of pieces) {
      const first = tokens[piece.from];
      const last = tokens[piece.to - 1];
      if (first === undefined || last === undefined || piece.to <= piece.from) continue;
      out.push({
        kind: 'reported',
        start: first.start,
        end: last.end,
        text: piece.skip
          ? `${body.slice(first.start, piece.skip[0])}${body.slice(piece.skip[1], last.end)}`
          : body.slice(first.start, last.end),
        source: piece.source,
        cue: piece.cueText,
        cueStart: piece.cue.start,
        at: piece.source[0]?.start ?? piece.cue.start,
      });
    }
  }
  return out;
}
