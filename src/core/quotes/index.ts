/**
 * Key quotes: direct quotes and reported statements with their speakers, best first.
 */
import type { Person, Quote, Sentence } from '../types.js';
import { findDirect } from './direct.js';
import type { Found } from './found.js';
import { quoteScore } from './rank.js';
import { findReported } from './reported.js';
import { givenNameGender, type Gender } from '../people/gender.js';
import { isSubject, Salience, type Referent } from './salience.js';
import { tokenize, tokensIn, type Token } from './tokens.js';
import { buildNameIndex, isOrgName, resolveSource, subjectMentions, type NameIndex } from './speaker.js';

/** Whether `item` overlaps (or, with `inside`, lies within) one of `sorted`, which are disjoint and in text order. */
function makeProbe(sorted: readonly Found[]): (item: Found, inside: boolean) => boolean {
  let k = 0;
  // Callers probe in text order, so the pointer only moves forward: linear overall.
  return (item, inside) => {
    while (k < sorted.length && sorted[k]!.end <= item.start) k++;
    for (let j = k; j < sorted.length && sorted[j]!.start < item.end; j++) {
      const s = sorted[j]!;
      if (!inside || (s.start <= item.start && item.end <= s.end)) return true;
    }
    return false;
  };
}

const MAX_SCAN_CHARS = 120_000;

/** A zero-width item at `pos`, to ask a probe whether a position lies inside one of its items. */
function point(pos: number): Found {
  return { kind: 'reported', start: pos, end: pos + 1, text: '', source: null, cue: null, cueStart: -1, at: pos };
}

/** Keeps one item per statement: a direct quote's own attribution wins over the same words read as reported. */
function merge(direct: readonly Found[], reported: readonly Found[]): Found[] {
  const byStart = (a: Found, b: Found) => a.start - b.start;
  const overlapsAttributed = makeProbe(direct.filter((d) => d.cueStart >= 0).sort(byStart));
  // A cue inside quoted words ("“… you’ll say that …,” he said") is part of the quote, not a new statement.
  const insideDirect = makeProbe([...direct].sort(byStart));
  const quotedCues = new Set(
    [...reported]
      .filter((r) => r.cueStart >= 0)
      .sort((a, b) => a.cueStart - b.cueStart)
      .filter((r) => insideDirect(point(r.cueStart), true)),
  );
  const keptReported = [...reported].sort(byStart).filter((r) => !quotedCues.has(r) && !overlapsAttributed(r, false));
  // A quoted fragment with no attribution of its own inside a reported statement is part of it.
  const insideReported = makeProbe(keptReported);
  const keptDirect = [...direct].sort(byStart).filter((d) => d.cueStart >= 0 || !insideReported(d, true));
  return [...keptDirect, ...keptReported].sort((a, b) => a.at - b.at || a.start - b.start);
}

interface Resolved {
  readonly found: Found;
  readonly speaker: string | null;
}

const PRONOUN_GENDER: Readonly<Record<string, Gender>> = { he: 'male', him: 'male', she: 'female', her: 'female' };

/** A person mention, or a sentence whose subject is "he"/"she" (resolved when it is reached). */
type Event = { readonly kind: 'mention'; readonly mention: Referent } | { readonly kind: 'pronoun'; readonly at: number; readonly gender: Gender; readonly sentence: number };

/** Index of the sentence holding `pos` (the last one starting at or before it). */
function sentenceIndex(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

function resolveAll(
  body: string,
  items: readonly Found[],
  index: NameIndex,
  events: readonly Event[],
  sentences: readonly Sentence[],
  narration: (pos: number) => number,
  genderOf: (name: string) => Gender | undefined,
): Resolved[] {
  const out: Resolved[] = [];
  const salience = new Salience(genderOf);
  // The person each sentence is about (its first subject), by sentence index: who a quote embedded in it is by.
  const subjects = new Map<number, string>();
  const noteSubject = (at: number, name: string) => {
    const i = sentenceIndex(sentences, at);
    if (!subjects.has(i)) subjects.set(i, name);
  };
  let lastOrg: string | null = null;
  let lastSpeaker: string | null = null;
  // The last attributed item: its speaker, the paragraph it stands in and where it ends.
  let lastAttributed: { speaker: string; paragraph: number; end: number } | null = null;
  let e = 0;
  for (const found of items) {
    for (; e < events.length && eventAt(events[e]!) < found.at; e++) {
      const ev = events[e]!;
      if (ev.kind === 'mention') {
        salience.add(ev.mention);
        if (ev.mention.role === 'subject') noteSubject(ev.mention.at, ev.mention.name);
      } else {
        // "He has made calls …": the sentence is about whoever "he" is, which keeps that person salient.
        const name = salience.resolve(ev.gender, ev.sentence);
        if (name !== null) {
          salience.add({ at: ev.at, name, sentence: ev.sentence, role: 'subject' });
          noteSubject(ev.at, name);
        }
      }
    }
    const sentence = narration(found.at);
    let speaker: string | null = null;
    let person = false;
    if (found.source !== null) {
      const r = resolveSource(found.source, index);
      if (r.kind === 'name') [speaker, person] = [r.name, r.person];
      else if (r.kind === 'pronoun') {
        const gender = PRONOUN_GENDER[r.pronoun];
        if (gender !== undefined) {
          speaker = salience.resolve(gender, sentence);
          person = speaker !== null;
        } else if (r.pronoun === 'they' || r.pronoun === 'it') speaker = lastOrg;
      }
    } else if (found.kind === 'direct' && found.sameAsPrevious) speaker = lastSpeaker;
    else if (found.kind === 'direct') {
      // "Sanders tells reporters that “…”", "Moore thanked him for “…”": a quote inside a sentence, with
      // no attribution of its own, gives the words of the person the sentence is about.
      const i = sentenceIndex(sentences, found.start);
      const opensSentence = sentences[i] !== undefined && !/[\p{L}\p{N}]/u.test(body.slice(sentences[i].start, found.start));
      const subject = opensSentence ? undefined : subjects.get(i);
      if (subject !== undefined) [speaker, person] = [subject, true];
      // "Obama “felt bound to act,” Axelrod said. “This is core stuff for him.”": a quote opening a sentence
      // of the paragraph whose earlier sentence attributed a statement goes on with that speaker.
      else if (opensSentence && lastAttributed !== null && lastAttributed.end <= found.start && lastAttributed.paragraph === sentences[i]!.paragraph) {
        speaker = lastAttributed.speaker;
      }
    }
    // "When you think of X, …" read with "When" as its subject: a conjunction names nobody.
    if (speaker !== null && NOT_A_SOURCE.has(speaker.toLowerCase())) speaker = null;
    if (speaker !== null) {
      if (isOrgName(speaker)) lastOrg = speaker;
      else if (person) salience.add({ at: found.at, name: speaker, sentence, role: 'speaker' });
    }
    // A paragraph of quotation that follows "Kerry said that …" continues Kerry, whether that was direct or reported.
    if (found.kind === 'direct' || speaker !== null) lastSpeaker = speaker;
    if (speaker !== null) lastAttributed = { speaker, paragraph: sentences[sentenceIndex(sentences, found.start)]?.paragraph ?? -1, end: found.end };
    out.push({ found, speaker });
  }
  return out;
}

function eventAt(ev: Event): number {
  return ev.kind === 'mention' ? ev.mention.at : ev.at;
}

/** Offsets inside quoted words: a name or a "he" there is the speaker's, never a referent of the narration. */
function quotedProbe(direct: readonly Found[]): (pos: number) => boolean {
  const ranges = direct.filter((d) => d.kind === 'direct').map((d) => [d.start, d.end] as const).sort((a, b) => a[0] - b[0]);
  return (pos) => {
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranges[mid]![0] <= pos) lo = mid + 1;
      else hi = mid;
    }
    const r = ranges[lo - 1];
    return r !== undefined && pos < r[1];
  };
}

/**
 * Where each position stands in the narration: the index of its sentence counting only sentences that
 * do not start inside a quote (a long quote does not push its speaker out of reach).
 */
function narrationIndex(sentences: readonly Sentence[], quoted: (pos: number) => boolean): (pos: number) => number {
  const counts: number[] = [];
  let n = 0;
  for (const s of sentences) {
    if (!quoted(s.start)) n++;
    counts.push(n);
  }
  return (pos) => counts[sentenceIndex(sentences, pos)] ?? 0;
}

/** Every mention of a person of the people stage outside quotes, marked when it is the subject of its sentence. */
function personMentions(body: string, tokens: readonly Token[], people: readonly Person[], sentences: readonly Sentence[], quoted: (pos: number) => boolean, narration: (pos: number) => number): Referent[] {
  const spans = people
    .flatMap((p) => p.spans.map((s) => ({ start: s.start, end: s.end, name: p.name })))
    .filter((s) => !quoted(s.start))
    .sort((a, b) => a.start - b.start);
  return spans.map((s) => {
    const sentence = sentences[sentenceIndex(sentences, s.start)] ?? { start: 0, end: body.length };
    return { at: s.start, name: s.name, sentence: narration(s.start), role: isSubject(body, tokens, sentence, s.start, s.end) ? 'subject' : 'other' };
  });
}

const PRONOUN_OPENERS = new Set(['and', 'but', 'so', 'yet', 'still', 'then', 'now', 'later']);

/** Sentences whose subject is "he" or "she": the first word, or the first after a short opener. */
function pronounSubjects(tokens: readonly Token[], sentences: readonly Sentence[], quoted: (pos: number) => boolean, narration: (pos: number) => number): Event[] {
  const out: Event[] = [];
  sentences.forEach((s) => {
    if (quoted(s.start)) return;
    const words = tokensIn(tokens, s.start, Math.min(s.end, s.start + 40)).filter((t) => t.word);
    const first = words[0] !== undefined && PRONOUN_OPENERS.has(words[0].lower) ? words[1] : words[0];
    const gender = first === undefined ? undefined : first.lower === 'he' ? 'male' : first.lower === 'she' ? 'female' : undefined;
    if (first !== undefined && gender !== undefined) out.push({ kind: 'pronoun', at: first.start, gender, sentence: narration(first.start) });
  });
  return out;
}

const FEMALE_TITLE = /\b(?:Mrs|Ms|Miss|Mme|Madam|Dame|Lady|Queen|Princess|Sister)\.?\s+$/u;
const MALE_TITLE = /\b(?:Mr|Sir|Lord|King|Prince|Father|Brother)\.?\s+$/u;

/** Genders the text states by a title before a name ("Mrs. Clinton", "Mr. Clinton"); a person called both is left out. */
function statedGenders(body: string, people: readonly Person[]): Map<string, Gender | null> {
  const out = new Map<string, Gender | null>();
  for (const p of people) {
    const seen = new Set<Gender>();
    for (const span of p.spans) {
      const before = body.slice(Math.max(0, span.start - 12), span.start);
      if (FEMALE_TITLE.test(before)) seen.add('female');
      else if (MALE_TITLE.test(before)) seen.add('male');
    }
    if (seen.size === 1) out.set(p.name, [...seen][0]!);
    else if (seen.size > 1) out.set(p.name, null);
  }
  return out;
}

/** A person's gender: as a title states it, else as their given name usually goes ("Hillary Clinton"). */
function genderLookup(stated: ReadonlyMap<string, Gender | null>): (name: string) => Gender | undefined {
  const cache = new Map<string, Gender | undefined>();
  return (name) => {
    const s = stated.get(name);
    if (s !== undefined) return s ?? undefined;
    if (cache.has(name)) return cache.get(name);
    const words = name.split(/\s+/u);
    const g = words.length >= 2 ? givenNameGender(words[0]!) : undefined;
    cache.set(name, g);
    return g;
  };
}

/** Sentence-opening words that a capitalised-subject reading can mistake for a source. */
const NOT_A_SOURCE = new Set([
  'when', 'whenever', 'if', 'while', 'as', 'although', 'though', 'because', 'since', 'after', 'before', 'where',
  'what', 'why', 'how', 'once', 'unless', 'whether', 'then', 'so', 'but', 'and', 'or', 'now', 'here', 'there',
  'this', 'that', 'these', 'those', 'yes', 'no', 'perhaps', 'maybe',
]);

/** Quotes of the body, best first. `people` (from the people stage) names speakers when it has them. */
export function findQuotes(fullBody: string, allSentences: readonly Sentence[], people: readonly Person[]): Quote[] {
  // A news story's quotes lie well within this; beyond it the input is not an article, and capping
  // keeps the time bounded for any input. Offsets stay those of the full body (the cut is a prefix).
  const body = fullBody.length > MAX_SCAN_CHARS ? fullBody.slice(0, MAX_SCAN_CHARS) : fullBody;
  const sentences = body === fullBody ? allSentences : allSentences.filter((s) => s.end <= body.length);
  // One tokenisation of the body, shared by every stage (windows are taken by binary search).
  const tokens = tokenize(body);
  const direct = findDirect(body, tokens, sentences);
  const directCues = new Map(direct.filter((d) => d.cueStart >= 0).map((d) => [d.cueStart, d.source ?? []] as const));
  const reported = findReported(body, tokens, sentences, directCues);
  const index = buildNameIndex(tokens, people);
  // Without the people stage (the text alone), the capitalised subjects of sentences stand in for it.
  const quoted = quotedProbe(direct);
  const narration = narrationIndex(sentences, quoted);
  const mentions: Referent[] =
    people.length > 0
      ? personMentions(body, tokens, people, sentences, quoted, narration)
      : subjectMentions(tokens, sentences, index).map((m) => ({ ...m, sentence: narration(m.at), role: 'subject' as const }));
  const events: Event[] = [...mentions.map((mention) => ({ kind: 'mention' as const, mention })), ...pronounSubjects(tokens, sentences, quoted, narration)].sort(
    (a, b) => eventAt(a) - eventAt(b),
  );
  const resolved = resolveAll(body, merge(direct, reported), index, events, sentences, narration, genderLookup(statedGenders(body, people)));
  return resolved
    .map(({ found, speaker }) => ({
      start: found.start,
      end: found.end,
      text: found.text,
      speaker,
      kind: found.kind,
      cue: found.cue,
      score: quoteScore(found.kind, speaker, found.text, found.cue, found.start, fullBody.length),
    }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}
