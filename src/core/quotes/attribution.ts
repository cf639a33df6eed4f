/**
 * Finds who a quote is attributed to from the words around it: "…,” Blinken said", "…,” said the
 * State Department", "Hue stressed: “…”". Works on token windows; every search is bounded.
 */
import { cueLemma, isSpeechLemma } from './cues.js';
import { isCommonWord, isKnownName } from '../people/gazetteer.js';
import { isPronoun } from './speaker.js';
import { isUpperStart, type Token } from './tokens.js';

export interface Cue {
  readonly source: readonly Token[];
  readonly cue: string;
  /** Offset of the cue word, to recognise the same attribution found twice. */
  readonly cueStart: number;
  /** Offset where the attribution words end. */
  readonly end: number;
}

const ADVERBS = new Set(['also', 'later', 'then', 'again', 'further', 'once', 'previously', 'recently', 'earlier',
  'repeatedly', 'often', 'still', 'reportedly', 'has', 'have', 'had', 'was', 'is', 'would', 'will', 'did', 'does',
  'just', 'never', 'always', 'once', 'separately', 'privately', 'publicly', 'flatly', 'simply', 'only', 'are', 'were',
  'been', 'be', 'might', 'may', 'could', 'should', 'must', 'can', 'already', 'long', 'first']);

/** Words that end a source phrase written after its cue ("said Kritenbrink at a meeting"). */
export const SOURCE_STOP = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'when', 'while', 'to', 'about', 'as', 'last',
  'this', 'who', 'which', 'that', 'adding', 'saying', 'noting', 'yesterday', 'today', 'tonight', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'earlier', 'later', 'recently', 'from', 'with', 'via', 'of']);

/** "that night", "that day": a time, not a complement clause. */
const TIME_NOUNS = new Set(['night', 'day', 'morning', 'evening', 'afternoon', 'week', 'weekend', 'month', 'year', 'time']);

const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my']);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'another', 'some', 'many',
  'several', 'two', 'three', 'both', 'most', 'other', 'this', 'that', 'these', 'those', 'no', 'an']);

function isPunct(t: Token, chars: string): boolean {
  return !t.word && chars.includes(t.text);
}

/**
 * Verbs of voice that attribute a quote ("the judge exclaimed “…”", "“…,” he quipped") but are kept out of
 * the reported-speech cues: "shouted at the crowd" and the like take no statement there.
 */
const VOICE_FORMS = new Set(['exclaimed', 'exclaims', 'shouted', 'shouts', 'yelled', 'yells', 'quipped', 'quips',
  'retorted', 'retorts', 'whispered', 'whispers', 'muttered', 'mutters']);

function speechCue(t: Token): string | undefined {
  // A capitalised form ("State", "Says") is a name or a headline word here, not the verb.
  if (!t.word || t.text !== t.lower) return undefined;
  if (VOICE_FORMS.has(t.lower)) return t.text;
  const lemma = cueLemma(t.lower);
  return lemma !== undefined && isSpeechLemma(lemma) ? t.text : undefined;
}

/** Whether `words` can be a noun phrase naming someone: a name, a pronoun, or a determiner phrase. */
/** Capitalised sentence openers that are not names ("But", "In", "A"). */
const NOT_NAMES = new Set(['but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'as', 'if', 'when', 'while', 'after',
  'before', 'since', 'although', 'though', 'because', 'then', 'now', 'still', 'also', 'however', 'meanwhile', 'here',
  'there', 'this', 'that', 'these', 'those', 'what', 'which', 'where', 'why', 'how', 'all', 'some', 'many', 'most',
  'a', 'an', 'the', 'for', 'with', 'from', 'by', 'to', 'of', 'not', 'no', 'yes', 'it', 'its', 'such', 'other', 'each']);

export function plausibleSource(words: readonly Token[]): boolean {
  const w = words.filter((t) => t.word);
  // A determiner or an opener alone ("A", "But") names nobody.
  if (w.length === 1 && NOT_NAMES.has(w[0]!.lower)) return false;
  if (w.length === 0 || w.length > 12) return false;
  const first = w[0]!;
  // "his friend Mahamat Saleh Oumar": a possessive opens a noun phrase; "he", "she" stand alone.
  if (isPronoun(first.lower) && !(POSSESSIVES.has(first.lower) && w.length >= 2)) return w.length <= 2 && first.lower !== 'it' && first.lower !== 'who';
  // "Making the rounds on the Sunday shows, …": a clause opened by a participle names nobody.
  // ("Leading Democrats", "Playing Field Promotions" are names: a capitalised word follows.)
  const second = w[1];
  if (/^\p{Lu}\p{Ll}+ing$/u.test(first.text) && (second === undefined || second.text === second.lower) && isCommonWord(first.lower) && !isKnownName(first.lower)) return false;
  if (isUpperStart(first.text) || /^\d/u.test(first.text)) return true;
  // "political scientist Christopher Wlezien", "former Education Secretary Arne Duncan".
  if (hasFullName(w)) return true;
  // "exit polls", "federal prosecutors": a short plural noun phrase in lower case names a group.
  const last = w[w.length - 1]!;
  const plural = w.length <= 3 && /\p{Ll}s$/u.test(last.text) && w.every((t) => t.text === t.lower && !NOT_NAMES.has(t.lower));
  return DETERMINERS.has(first.lower) || (/s$/u.test(first.lower) && w.length <= 3) || plural;
}

const TIME_AFTER_SOURCE = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday',
  'today', 'tonight', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night']);
const TIME_LEADS = new Set(['on', 'last', 'this', 'that', 'early', 'late', 'earlier', 'later']);

/** Source words with trailing adverbs/auxiliaries removed ("he also" → "he"). */
function trimSource(words: readonly Token[]): Token[] {
  const out = words.slice();
  // A lower-case "-ly" word is an adverb ("he previously said"); a capitalised one is a name ("Kelly said").
  const isAdverb = (t: Token) => ADVERBS.has(t.lower) || (/ly$/u.test(t.text) && t.text === t.lower);
  for (;;) {
    const n = out.length;
    while (out.length > 0 && isAdverb(out[out.length - 1]!)) out.pop();
    // "GOP rival Ted Cruz on Wednesday announced": a time after the source is not part of it.
    if (out.length > 1 && TIME_AFTER_SOURCE.has(out[out.length - 1]!.lower)) {
      out.pop();
      if (out.length > 1 && TIME_LEADS.has(out[out.length - 1]!.lower)) out.pop();
    }
    while (out.length > 0 && !out[out.length - 1]!.word) out.pop();
    if (out.length === n) return out;
  }
}

/** Source before a cue: drop an apposition ("Smith, the mayor,") and a leading adverbial ("In a statement,"). */
export function sourceBefore(words: readonly Token[]): Token[] {
  const commas = words.map((t, i) => (isPunct(t, ',') ? i : -1)).filter((i) => i >= 0);
  if (commas.length === 0) return trimSource(words);
  // "…, but officials said": a conjunction after the comma joins a new clause and is no part of its subject.
  let afterComma = commas[commas.length - 1]! + 1;
  while (afterComma < words.length && words[afterComma]!.word && JOINS.has(words[afterComma]!.lower)) afterComma++;
  const after = trimSource(words.slice(afterComma));
  if (after.some((t) => t.word) && plausibleSource(after)) return after;
  // "another Twitter user, Johanna Bayer, said": of the comma-separated parts, the one with a full name;
  // "Paradis, who volunteered for Bill Clinton, says": a name that opens the phrase keeps it, and a
  // relative clause never names the source.
  const segments: Token[][] = [];
  let from = 0;
  for (const c of commas) {
    segments.push(trimSource(words.slice(from, c)));
    from = c + 1;
  }
  const first = segments[0] ?? [];
  if (isBareName(first)) return first;
  // "the White House spokesman, Josh Earnest,": a name standing alone in apposition is the speaker.
  const bare = segments.find((seg) => isBareName(seg) && hasFullName(seg));
  if (bare !== undefined) return bare;
  const named = segments.find((seg) => hasFullName(seg) && !RELATIVES.has(seg.find((t) => t.word)?.lower ?? ''));
  return named ?? first;
}

/** Determiners that open a subject noun phrase ("the owner", "his wife"). */
const SUBJECT_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our']);

const JOINS = new Set(['and', 'but', 'while', 'whereas', 'yet', 'although', 'though']);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'that', 'where', 'when']);

/** Only capitalised words (a connector or an initial inside): a name standing alone ("Christopher Knittel"). */
function isBareName(words: readonly Token[]): boolean {
  const w = words.filter((t) => t.word);
  return w.length >= 1 && w.length <= 4 && !NOT_NAMES.has(w[0]!.lower) && w.every((t) => isUpperStart(t.text) || ['de', 'van', 'von', 'al', 'bin', 'da', 'del', 'la', 'le'].includes(t.lower));
}

/** Two or more capitalised words in a row ("Johanna Bayer"), ignoring a capitalised first word such as "The". */
function hasFullName(words: readonly Token[]): boolean {
  let run = 0;
  for (const t of words) {
    if (t.word && isUpperStart(t.text) && !NOT_NAMES.has(t.lower)) {
      run++;
      if (run >= 2) return true;
    } else run = 0;
  }
  return false;
}

/** Source after a cue ("said the State Department", "said Kritenbrink at a meeting"). */
export function sourceAfter(tokens: readonly Token[], from: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < tokens.length && out.length < 10; i++) {
    const t = tokens[i]!;
    if (!t.word) {
      if (t.text === '’' || t.text === "'") continue;
      break;
    }
    if (out.length > 0 && SOURCE_STOP.has(t.lower)) break;
    out.push(t);
  }
  return out;
}

/**
 * The attribution that follows a quote: tokens start right after the closing mark and stop at the
 * end of the sentence. Accepts "[,] SOURCE [adverb] CUE" and "[,] CUE SOURCE".
 */
export function attributionAfter(tokens: readonly Token[]): Cue | null {
  let i = 0;
  while (i < tokens.length && isPunct(tokens[i]!, ',—–-')) i++;
  // "…,” according to Mr. Rhodes."
  if (tokens[i]?.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    const source = sourceAfter(tokens, i + 2);
    if (source.length > 0 && plausibleSource(source)) return { source, cue: 'according to', cueStart: tokens[i]!.start, end: source[source.length - 1]!.end };
  }
  let limit = Math.min(tokens.length, i + 14);
  for (let k = i; k < limit; k++) {
    const t = tokens[k]!;
    if (!t.word) {
      // "Jason Chaffetz (R-Utah) said": a bracketed tag after the name is passed over.
      if (isPunct(t, '(')) {
        let close = k + 1;
        while (close < limit && close - k <= 8 && !isPunct(tokens[close]!, ')')) close++;
        if (close < limit && isPunct(tokens[close]!, ')')) {
          k = close;
          continue;
        }
        break;
      }
      // "Jeff Weaver, Sanders’ campaign manager, said": a possessive apostrophe stands alone after an s;
      // "…, retired in Salem, Ore., said": the period of an abbreviation before a comma ends no sentence.
      if (isPunct(t, ",’'") || (isPunct(t, '.') && tokens[k + 1] !== undefined && isPunct(tokens[k + 1]!, ','))) {
        // "X, who served as …, told": an apposition or relative clause after a name may run longer.
        if (t.text === ',' && k > i && isUpperStart(tokens[k - 1]!.text) && tokens[k - 1]!.word) limit = Math.min(tokens.length, Math.max(limit, k + 24));
        continue;
      }
      break;
    }
    const cue = speechCue(t);
    if (cue === undefined) continue;
    if (k === i) {
      // "…,'' adding that Valeant …" starts a new statement; it does not name who said the quote.
      if (t.lower.endsWith('ing') || tokens[k + 1]?.lower === 'that') return null;
      const source = sourceAfter(tokens, k + 1);
      if (source.length === 0 || !plausibleSource(source)) return null;
      return { source, cue, cueStart: t.start, end: source[source.length - 1]!.end };
    }
    const between = tokens.slice(i, k);
    // "“…” yet in the glass ceiling for women, she said": words that are no source stand between the
    // quote and its attribution, so the quote is a fragment of a longer statement, not attributed here.
    const firstComma = between.findIndex((x) => isPunct(x, ','));
    if (firstComma > 0 && !plausibleSource(trimSource(between.slice(0, firstComma)))) return null;
    const source = sourceBefore(between);
    if (!plausibleSource(source)) return null;
    // "“…,” the spokeswoman told POLITICO that Gore …": the cue introduces other content.
    for (let j = k + 1; j < tokens.length && j <= k + 4 && tokens[j]!.word; j++) {
      if (tokens[j]!.lower === 'that' && !TIME_NOUNS.has(tokens[j + 1]?.lower ?? '')) return null;
    }
    return { source, cue, cueStart: t.start, end: t.end };
  }
  return anyVerbAfter(tokens, i);
}

/** A lower-case past form ("beamed", "smiled"): in the attribution after a quote, how the speaker spoke. */
function isPastForm(t: Token | undefined): t is Token {
  return t !== undefined && t.word && t.text === t.lower && /[a-z]ed$/u.test(t.lower);
}

/** Whether the attribution ends at `k` (sentence punctuation or the end of the window). */
function endsAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return t === undefined || isPunct(t, '.!?;');
}

/**
 * "“…,” Trump barked" / "“…,” she quipped" / "“…,” the owner beamed": a name, pronoun or short
 * determiner phrase and then any past-tense verb. (Verb first, "“…,” beamed the owner", was tried: no
 * gain on either dev part, a loss of precision.)
 */
function anyVerbAfter(tokens: readonly Token[], i: number): Cue | null {
  const first = tokens[i];
  // A determiner phrase ("the owner", "his wife") and then the verb, closing the sentence.
  if (first !== undefined && first.word && SUBJECT_DETERMINERS.has(first.lower)) {
    for (let k = i + 1; k < tokens.length && k - i <= 4; k++) {
      const t = tokens[k]!;
      if (!t.word || t.text !== t.lower) break;
      if (k > i + 1 && isPastForm(t) && endsAt(tokens, k + 1)) return { source: tokens.slice(i, k), cue: t.text, cueStart: t.start, end: t.end };
    }
    return null;
  }
  let k = i;
  while (k < tokens.length && k - i < 4 && tokens[k]!.word && isUpperStart(tokens[k]!.text)) k++;
  if (k === i && tokens[k] !== undefined && tokens[k]!.word && ['he', 'she', 'they'].includes(tokens[k]!.lower)) k++;
  const verb = tokens[k];
  if (k === i || verb === undefined || !verb.word || verb.text !== verb.lower || !/[a-z]ed$/u.test(verb.lower)) return null;
  const source = tokens.slice(i, k);
  if (!plausibleSource(source)) return null;
  return { source, cue: verb.text, cueStart: verb.start, end: verb.end };
}

/**
 * The attribution that introduces a quote: tokens run from the sentence start to the opening mark.
 * Accepts "SOURCE CUE[,:]", "SOURCE CUE in a statement:", "CUE SOURCE:".
 */
export function attributionBefore(tokens: readonly Token[]): Cue | null {
  let end = tokens.length;
  while (end > 0 && isPunct(tokens[end - 1]!, ',:—–-')) end--;
  if (end === tokens.length && end > 0) {
    // No introducing punctuation: only "X said “…”" (a verb form right before the mark) counts;
    // a bare form that is also a noun ("the report “…”") counts only after a pronoun ("they say").
    const last = tokens[end - 1]!;
    if (speechCue(last) === undefined) return null;
    const prev = tokens[end - 2];
    if (cueLemma(last.lower) === last.lower && !(prev !== undefined && isPronoun(prev.lower))) return null;
  }
  for (let k = end - 1; k >= 0 && k >= end - 8; k--) {
    const t = tokens[k]!;
    if (isPunct(t, '.;!?')) return null;
    // "Said Reyna, “…”": a sentence-initial "Said"/"Says" before its source is the verb, not a name.
    if (k === 0 && end < tokens.length && t.word && t.text !== t.lower && cueLemma(t.lower) === 'say') {
      const after = sourceAfter(tokens.slice(0, end), 1);
      if (after.length > 0 && after[after.length - 1] === tokens[end - 1] && plausibleSource(after)) return { source: after, cue: t.text, cueStart: t.start, end: t.end };
    }
    const cue = speechCue(t);
    if (cue === undefined) continue;
    const left = tokens.slice(0, k);
    const source = sourceBefore(left);
    if (source.length > 0 && plausibleSource(source)) return { source, cue, cueStart: t.start, end: t.end };
    const after = sourceAfter(tokens.slice(0, end), k + 1);
    if (after.length > 0 && plausibleSource(after)) return { source: after, cue, cueStart: t.start, end: t.end };
    return null;
  }
  return null;
}
