/**
 * People: the figures of the story, each once under their full name, with the role the text gives
 * them and how often they are mentioned by any form of their name. No model: capitalised runs,
 * a name gazetteer, word lists and context cues (see candidates.ts), then in-document coreference.
 */
import type { Person, Sentence } from '../types.js';
import { findRuns, judgeRun, type Candidate } from './candidates.js';
import { listGroups } from './context.js';
import { groupMentions, type Entity, type Mention } from './coreference.js';
import { isCredit } from './credits.js';
import { SPEECH_VERBS } from './lexicon.js';
import { findRole } from './roles.js';
import { tokenize, type Token } from './tokens.js';

/** Evidence a multi-word name needs to stand as a person; a single word needs more. */
const MULTI_WORD_EVIDENCE = 0;
const SINGLE_WORD_EVIDENCE = 1.5;
/** Evidence a name needs when it stands in a list with a person. */
const LISTED_EVIDENCE = 0;
/** How many names make a line-up. */
const LINE_UP_SIZE = 3;

/** Small words that only a title-case headline capitalises ("Biden Meets Xi In Bali"). */
const HEADLINE_SMALL_WORDS = new Set(['the', 'to', 'of', 'in', 'and', 'for', 'with', 'on', 'at', 'as', 'a', 'an', 'is', 'are', 'by', 'from', 'after', 'over']);

/**
 * Marks tokens on lines written in capitals (headlines, datelines) or in title case with its small
 * words capitalised: capitals say nothing there.
 */
function shoutingLines(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (i > lineStart && tokens[i]!.lineStart)) {
      let words = 0;
      let caps = 0;
      let titleCase = 0;
      let smallCapitalised = 0;
      let listy = false;
      for (let k = lineStart; k < i; k++) {
        const t = tokens[k]!;
        // Commas and brackets belong to line-ups and results, not to headlines.
        if (t.text === ',' || t.text === '(' || t.text === ';') listy = true;
        if (!t.word || t.letters === 0 || t.initial) continue;
        words++;
        if (t.allCaps) caps++;
        if (t.capitalised) titleCase++;
        if (t.capitalised && k > lineStart && HEADLINE_SMALL_WORDS.has(t.lower)) smallCapitalised++;
      }
      const shouting = (words >= 2 && caps / words > 0.6) || (!listy && words >= 4 && words <= 20 && titleCase / words >= 0.8 && smallCapitalised > 0);
      for (let k = lineStart; k < i; k++) out[k] = shouting;
      lineStart = i;
    }
  }
  return out;
}

function isSpeaker(tokens: readonly Token[], c: Candidate): boolean {
  const after = tokens[c.last];
  const before = tokens[c.first - 1];
  // "Premier Jason Kenney of Alberta said", "a friend of Smith said": the speaker is the head before "of".
  const ofBefore = before?.lower === 'of' || (before !== undefined && ARTICLES_BEFORE_NAMES.has(before.lower) && tokens[c.first - 2]?.lower === 'of');
  return (after?.word === true && SPEECH_VERBS.has(after.lower) && !ofBefore) || (before?.word === true && SPEECH_VERBS.has(before.lower));
}

const ARTICLES_BEFORE_NAMES = new Set(['the']);

function toMention(body: string, tokens: readonly Token[], c: Candidate): Mention {
  const lastToken = tokens[c.last - 1]!;
  const text = body.slice(tokens[c.first]!.start, lastToken.start) + lastToken.bare;
  const parts: string[] = [];
  for (let i = c.first; i < c.last; i++) parts.push(tokens[i]!.lower);
  const speaker = isSpeaker(tokens, c);
  const evidence = c.evidence + (speaker && c.last - c.first === 1 ? 1 : 0);
  const needed = parts.length > 1 ? MULTI_WORD_EVIDENCE : SINGLE_WORD_EVIDENCE;
  return {
    text,
    parts,
    span: { start: tokens[c.first]!.start, end: lastToken.start + lastToken.bare.length },
    role: findRole(body, tokens, c.first, c.last),
    speaker,
    canFound: evidence >= needed,
  };
}

/**
 * Headlines and other capitalised lines give no names of their own, but a word there that is a
 * known person's surname or given name ("BLINKEN", "Xi") still counts as a mention of them.
 */
function countHeadlineMentions(tokens: readonly Token[], shouting: readonly boolean[], entities: Entity[]): void {
  const byWord = new Map<string, Entity | null>();
  for (const e of entities) {
    const words = e.parts.length > 1 ? [e.parts[0]!, e.parts[e.parts.length - 1]!] : [e.parts[0]!];
    for (const w of words) byWord.set(w, byWord.has(w) && byWord.get(w) !== e ? null : e);
  }
  const touched = new Set<Entity>();
  tokens.forEach((t, i) => {
    if (!shouting[i] || !t.word || t.letters < 2 || t.initial) return;
    const e = byWord.get(t.lower);
    if (!e) return;
    e.spans.push({ start: t.start, end: t.start + t.bare.length });
    touched.add(e);
  });
  for (const e of touched) e.spans.sort((a, b) => a.start - b.start);
}

/** Most important first: often mentioned, named early, given a role, speaking. */
function importance(e: Entity, bodyLength: number): number {
  const first = e.spans[0]?.start ?? bodyLength;
  return e.spans.length + (e.role ? 1.5 : 0) + (e.speaker ? 1 : 0) + 2 * (1 - first / Math.max(1, bodyLength));
}

export function findPeople(body: string, _sentences: readonly Sentence[]): Person[] {
  const tokens = tokenize(body);
  const shouting = shoutingLines(tokens);
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (t.word && !t.capitalised) lowerSeen.add(t.lower);
  const candidates: Candidate[] = [];
  for (const run of findRuns(tokens, shouting)) {
    const c = judgeRun(tokens, run, lowerSeen);
    if (c !== null && !isCredit(tokens, c.first, c.last)) candidates.push(c);
  }
  const mentions = candidates.map((c) => toMention(body, tokens, c));
  // A name in a line-up beside people is a person too ("Given, Breen, Staunton, ... Quinn, O'Neill").
  const groups = listGroups(tokens, candidates);
  // Who is a person before line-ups count: founders, and single words that name a founder.
  const founderWords = new Set<string>();
  for (const m of mentions) {
    if (!m.canFound) continue;
    founderWords.add(m.parts[0]!);
    founderWords.add(m.parts[m.parts.length - 1]!);
  }
  const isPerson = (m: Mention): boolean => m.canFound || (m.parts.length === 1 && founderWords.has(m.parts[0]!));
  const size = new Map<number, number>();
  const people = new Map<number, number>();
  mentions.forEach((m, i) => {
    const g = groups[i]!;
    size.set(g, (size.get(g) ?? 0) + 1);
    if (isPerson(m)) people.set(g, (people.get(g) ?? 0) + 1);
  });
  const listed = mentions.map((m, i) => {
    const g = groups[i]!;
    const inLineUp = (size.get(g) ?? 0) >= LINE_UP_SIZE && (people.get(g) ?? 0) > 0;
    return !m.canFound && inLineUp && candidates[i]!.evidence >= LISTED_EVIDENCE ? { ...m, canFound: true } : m;
  });
  const entities = groupMentions(listed);
  countHeadlineMentions(tokens, shouting, entities);
  return entities
    .map((e, order) => ({ e, order, score: importance(e, body.length) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ e }) => ({
      name: e.name,
      role: e.role,
      mentions: e.spans.length,
      aliases: [...e.aliases],
      spans: e.spans,
    }));
}
