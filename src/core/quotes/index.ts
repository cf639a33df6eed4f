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

function resolveAll(items: readonly Found[], index: NameIndex, mentions: readonly Mention[]): Resolved[] {
  const out: Resolved[] = [];
  let lastPerson: Mention | null = null;
  let lastOrg: string | null = null;
  let lastDirect: string | null = null;
  let m = 0;
  let lastMention: Mention | null = null;
  for (const found of items) {
    while (m < mentions.length && mentions[m]!.at < found.at) lastMention = mentions[m++]!;
    let speaker: string | null = null;
    if (found.source !== null) {
      const r = resolveSource(found.source, index);
      if (r.kind === 'name') speaker = r.name;
      else if (r.kind === 'pronoun') {
        if (r.pronoun === 'he' || r.pronoun === 'she' || r.pronoun === 'him' || r.pronoun === 'her') {
          const candidates: Mention[] = [lastPerson, lastMention].filter((c): c is Mention => c !== null);
          candidates.sort((a, b) => b.at - a.at);
          speaker = candidates[0]?.name ?? null;
        } else if (r.pronoun === 'they' || r.pronoun === 'it') speaker = lastOrg;
      }
    } else if (found.kind === 'direct' && found.sameAsPrevious) speaker = lastDirect;
    // "When you think of X, …" read with "When" as its subject: a conjunction names nobody.
    if (speaker !== null && NOT_A_SOURCE.has(speaker.toLowerCase())) speaker = null;
    if (speaker !== null) {
      if (isOrgName(speaker)) lastOrg = speaker;
      else lastPerson = { at: found.at, name: speaker };
    }
    if (found.kind === 'direct') lastDirect = speaker;
    out.push({ found, speaker });
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
  const resolved = resolveAll(merge(direct, reported), index, subjectMentions(tokens, sentences, index));
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
