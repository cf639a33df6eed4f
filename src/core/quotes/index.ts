/**
 * Key quotes: direct quotes and reported statements with their speakers, best first.
 */
import type { Person, Quote, Sentence } from '../types.js';
import { findDirect } from './direct.js';
import type { Found } from './found.js';
import { quoteScore } from './rank.js';
import { findReported } from './reported.js';
import { tokenize } from './tokens.js';
import { buildNameIndex, isOrgName, resolveSource, subjectMentions, type Mention, type NameIndex } from './speaker.js';

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

type Gender = 'female' | 'male';

const PRONOUN_GENDER: Readonly<Record<string, Gender>> = { he: 'male', him: 'male', she: 'female', her: 'female' };

function resolveAll(items: readonly Found[], index: NameIndex, mentions: readonly Mention[], genders: ReadonlyMap<string, Gender>): Resolved[] {
  const out: Resolved[] = [];
  // Recent named people, newest last: speakers of earlier quotes and the people sentences open with.
  const recent: Mention[] = [];
  const remember = (mention: Mention) => {
    const i = recent.findIndex((c) => c.name === mention.name);
    if (i >= 0) recent.splice(i, 1);
    recent.push(mention);
    if (recent.length > 8) recent.shift();
  };
  let lastOrg: string | null = null;
  let lastSpeaker: string | null = null;
  let m = 0;
  for (const found of items) {
    while (m < mentions.length && mentions[m]!.at < found.at) remember(mentions[m++]!);
    let speaker: string | null = null;
    let person = false;
    if (found.source !== null) {
      const r = resolveSource(found.source, index);
      if (r.kind === 'name') [speaker, person] = [r.name, r.person];
      else if (r.kind === 'pronoun') {
        const gender = PRONOUN_GENDER[r.pronoun];
        if (gender !== undefined) {
          // The latest named person the pronoun can stand for: one known to be of the other gender is skipped.
          for (let i = recent.length - 1; i >= 0; i--) {
            const known = genders.get(recent[i]!.name);
            if (known === undefined || known === gender) {
              speaker = recent[i]!.name;
              person = true;
              break;
            }
          }
        } else if (r.pronoun === 'they' || r.pronoun === 'it') speaker = lastOrg;
      }
    } else if (found.kind === 'direct' && found.sameAsPrevious) speaker = lastSpeaker;
    // "When you think of X, …" read with "When" as its subject: a conjunction names nobody.
    if (speaker !== null && NOT_A_SOURCE.has(speaker.toLowerCase())) speaker = null;
    if (speaker !== null) {
      if (isOrgName(speaker)) lastOrg = speaker;
      else if (person) remember({ at: found.at, name: speaker });
    }
    // A paragraph of quotation that follows "Kerry said that …" continues Kerry, whether that was direct or reported.
    if (found.kind === 'direct' || speaker !== null) lastSpeaker = speaker;
    out.push({ found, speaker });
  }
  return out;
}

/** The first person of the people stage named in each sentence, in text order: what "he" or "she" points back to. */
function personMentions(people: readonly Person[], sentences: readonly Sentence[]): Mention[] {
  const spans = people.flatMap((p) => p.spans.map((s) => ({ at: s.start, name: p.name }))).sort((a, b) => a.at - b.at);
  const out: Mention[] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < spans.length && spans[k]!.at < s.start) k++;
    if (k < spans.length && spans[k]!.at < s.end) out.push(spans[k]!);
  }
  return out;
}

const FEMALE_TITLE = /\b(?:Mrs|Ms|Miss|Mme|Madam|Dame|Lady|Queen|Princess|Sister)\.?\s+$/u;
const MALE_TITLE = /\b(?:Mr|Sir|Lord|King|Prince|Father|Brother)\.?\s+$/u;

/** Genders the text states by a title before a name ("Mrs. Clinton", "Mr. Clinton"); a person called both is left out. */
function statedGenders(body: string, people: readonly Person[]): Map<string, Gender> {
  const out = new Map<string, Gender>();
  for (const p of people) {
    const seen = new Set<Gender>();
    for (const span of p.spans) {
      const before = body.slice(Math.max(0, span.start - 12), span.start);
      if (FEMALE_TITLE.test(before)) seen.add('female');
      else if (MALE_TITLE.test(before)) seen.add('male');
    }
    if (seen.size === 1) out.set(p.name, [...seen][0]!);
  }
  return out;
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
  const mentions = people.length > 0 ? personMentions(people, sentences) : subjectMentions(tokens, sentences, index);
  const resolved = resolveAll(merge(direct, reported), index, mentions, statedGenders(body, people));
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
