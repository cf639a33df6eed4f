/**
 * Speaker accuracy on PolNeAR dev, as close as the dev annotation allows to the held-out metric
 * (../shared/eval/README.md, "Quotes"): a predicted speaker, name-normalised, must equal the gold
 * speaker's canonical name, or its last token, or share its first and last token.
 *
 * PolNeAR's `source` is the span of text that names the source ("White House press secretary Josh
 * Earnest", "he", "a spokeswoman for the ministry"). Its canonical name is derived here, independently
 * of the engine:
 * - a person: the name run of the span without titles, a single surname widened to the fullest name
 *   the document gives for it ("Mr. Khan" -> the "X Khan" of the story); a name run never starts with a
 *   sentence opener ("Although Khan said") and ends at a possessive ("the Courier's Dana Reyes");
 * - a common-noun phrase with a person's name in apposition ("her campaign manager, Tomas Berg,"): that
 *   person, since the held-out gold is the full name wherever the speaker is a named person;
 * - he / she: the nearest earlier gold source that is a named person (PolNeAR has no coreference, so
 *   this is an approximation; such items are counted apart as well);
 * - anything else: the noun phrase as written, without an apposition after a comma;
 * - they / it / we / you / who / which: not scored (no name to check against).
 */
import { normalizeName } from './tasks/people.js';

export type GoldKind = 'person' | 'phrase' | 'pronoun';

export interface GoldSpeaker {
  readonly kind: GoldKind;
  /** Name-normalised canonical form. */
  readonly canonical: string;
  /** Offset of the source span in the document. */
  readonly at: number;
}

/** Title and role words that come before a name and are not part of it (eval-side list). */
const TITLE = new Set(
  (
    'president vice prime minister secretary press spokesman spokeswoman spokesperson director chairman chairwoman ' +
    'chair chief senator sen rep representative governor gov mayor ambassador judge justice attorney general former ' +
    'state us u.s. republican democratic democrat candidate nominee presidential gop house senate speaker leader ' +
    'majority minority whip campaign manager adviser advisor strategist analyst professor prof dr mr mrs ms miss ' +
    'sir lord lady rev reverend pastor pope king queen prince commissioner officer executive ceo founder host anchor ' +
    'correspondent reporter columnist editor author economist lawyer counsel coach actor actress singer star ' +
    'congressman congresswoman sheriff deputy acting national security defense foreign interior finance fbi cia ' +
    'admiral rear general gen colonel col captain capt lieutenant lt sergeant sgt major maj commander cmdr corporal ' +
    'rabbi bishop archbishop cardinal imam sheikh detective inspector'
  ).split(' '),
);

/** Words that end the name of an organisation or a group rather than a person. */
const ORG_END = new Set(
  (
    'department ministry agency office council committee party association union news times post journal press ' +
    'inc corp company group university institute bank government embassy commission court house senate congress ' +
    'parliament administration police army navy foundation center centre organization organisation network bureau ' +
    'service board federation league club fund campaign team report poll survey study statement website magazine ' +
    'republicans democrats americans cnn reuters'
  ).split(' '),
);

const PRONOUN_PERSON = new Set(['he', 'she', 'him', 'her']);
const UNSCORED = new Set(['they', 'them', 'it', 'we', 'us', 'you', 'who', 'whom', 'which', 'that', 'i', 'me', 'one']);
const CONNECTORS = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'del', 'bin', 'al', 'la', 'le', 'du', 'di']);
const POST_MODIFIER = new Set(['of', 'at', 'for', 'from', 'with', 'who', 'in', 'on', 'and']);
const LEAD_WORDS = new Set(['the', 'a', 'an', 'and', 'but', 'as', 'in', 'for']);

/**
 * Words that open a sentence or a clause and are never part of a name ("Although Rubio said", "Despite
 * Clinton's lead"): a run of capitalised words does not start with one.
 */
const OPENERS = new Set(
  (
    'although though despite before after while since when whenever if unless because neither either both by like ' +
    'maybe perhaps unlike until as at in on for with from to of about even only also but and or so yet then now ' +
    'instead still meanwhile however whether where what why how once'
  ).split(' '),
);

interface Word {
  readonly text: string;
  readonly lower: string;
  /** Written with a possessive 's: the name of one entity ends here ("The Blaze's Matt Walsh"). */
  readonly possessive: boolean;
}

function words(text: string): Word[] {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).map((t) => {
    const possessive = /['’]s?$/u.test(t);
    const clean = t.replace(/['’]s$/u, '').replace(/['’]$/u, '').replace(/\.$/u, '');
    return { text: clean, lower: clean.toLowerCase(), possessive };
  });
}

function isCap(w: Word): boolean {
  const c = w.text[0] ?? '';
  // An all-capital acronym ("FBI") is an organisation; a single initial ("B.") is part of a name.
  return c !== c.toLowerCase() && (w.text.length === 1 || w.text !== w.text.toUpperCase());
}

/** Runs of capitalised words (connectors allowed inside); all-capital acronyms end a run. */
function capRuns(ws: readonly Word[]): Word[][] {
  const runs: Word[][] = [];
  let cur: Word[] = [];
  for (const w of ws) {
    // An opener before a name is no part of it; a possessive ends the name it belongs to ("Post's Chris Cillizza").
    if (isCap(w) && !(cur.length === 0 && OPENERS.has(w.lower))) cur.push(w);
    else if (cur.length > 0 && CONNECTORS.has(w.lower)) cur.push(w);
    else {
      if (cur.length > 0) runs.push(cur);
      cur = [];
      continue;
    }
    if (w.possessive) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) runs.push(cur);
  return runs.map((r) => {
    const out = r.slice();
    while (out.length > 0 && CONNECTORS.has(out[out.length - 1]!.lower)) out.pop();
    return out;
  }).filter((r) => r.length > 0);
}

/** The person name in a run ("FBI Director James Comey" -> James Comey), or null for an organisation. */
function personInRun(run: readonly Word[]): Word[] | null {
  if (ORG_END.has(run[run.length - 1]!.lower)) return null;
  let i = 0;
  for (let k = run.length - 2; k >= 0; k--) {
    if (TITLE.has(run[k]!.lower) || (run[k]!.text.length > 1 && LEAD_WORDS.has(run[k]!.lower))) {
      i = k + 1;
      break;
    }
  }
  let name = run.slice(i);
  // "Campaign Chairman Of Paul Manafort" in a title-case line: an opener after the title is no part of the name.
  while (name.length > 1 && OPENERS.has(name[0]!.lower)) name = name.slice(1);
  if (name.length === 1 && (TITLE.has(name[0]!.lower) || LEAD_WORDS.has(name[0]!.lower))) return null;
  return name;
}

/** Every person name of two to four words the document gives, with where it stands. */
export interface NameMention {
  readonly at: number;
  /** Name-normalised form. */
  readonly form: string;
}

export function fullNames(docText: string): NameMention[] {
  const out: NameMention[] = [];
  // A capitalised sentence opener ("Although Weiner said") is a word the story also writes in lower case.
  const lowerWords = new Set(docText.match(/(?<![\p{L}'’])\p{Ll}+/gu) ?? []);
  // Runs never cross punctuation: a chunk is a stretch of words and spaces only.
  for (const chunk of docText.matchAll(/[\p{L}\p{N}'’.-]+(?:[ \t\u00a0]+[\p{L}\p{N}'’.-]+)*/gu)) {
    // A sentence's full stop ends a run too ("… in Iowa. Sanders said"); an abbreviation's does not.
    const pieces = chunk[0].split(/(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|Jr|[A-Z]))\.(?=\s)/u);
    for (const piece of pieces) {
      const ws = words(piece);
      const runs = capRuns(ws);
      const opener = ws[0];
      if (opener !== undefined && runs[0]?.[0] === opener && lowerWords.has(opener.lower)) runs[0] = runs[0].slice(1);
      for (const run of runs) {
        const name = run.length === 0 ? null : personInRun(run);
        if (name === null || name.length < 2 || name.length > 4) continue;
        const form = normalizeName(name.map((w) => w.text).join(' '));
        if (form.split(' ').length >= 2) out.push({ at: chunk.index, form });
      }
    }
  }
  return out;
}

/** The fullest name ending in `surname`: the nearest before `at`, else the first after it. */
function widen(surname: string, at: number, names: readonly NameMention[]): string | undefined {
  let before: NameMention | undefined;
  let after: NameMention | undefined;
  for (const n of names) {
    if (!n.form.endsWith(` ${surname}`)) continue;
    if (n.at <= at) before = n;
    else if (after === undefined) after = n;
  }
  return (before ?? after)?.form;
}

/** The canonical gold speaker of one source span, or null when it cannot be scored. */
export function goldSpeaker(source: string, at: number, names: readonly NameMention[]): GoldSpeaker | null {
  // The apposition after the first comma ("Tom Fitton, the president of …") and a bracketed tag go.
  const segments = source.split(/[,(]/u);
  const head = segments[0]!.trim();
  const gold = headSpeaker(head, at, names);
  // "His campaign manager, Jeff Weaver,": a common-noun phrase with the person's name in apposition is that person.
  if (gold?.kind === 'phrase' && segments.length > 1 && source[head.length] === ',') {
    const named = appositionName(segments[1]!);
    if (named !== null) return { kind: 'person', canonical: named, at };
  }
  return gold;
}

/** The name of a person that an apposition consists of ("Jeff Weaver", "Agriculture Secretary Tom Vilsack"), else null. */
function appositionName(segment: string): string | null {
  const ws = words(segment);
  // "Ann Lee and Bo Park": two people are no one speaker's name.
  if (ws.some((w) => w.lower === 'and')) return null;
  const cut = ws.findIndex((w, i) => i > 0 && POST_MODIFIER.has(w.lower));
  const core = cut > 0 ? ws.slice(0, cut) : ws;
  if (core.length === 0 || !core.every(isCap)) return null;
  const runs = capRuns(core);
  if (runs.length !== 1 || runs[0]!.length !== core.length) return null;
  const name = personInRun(runs[0]!);
  if (name === null || name.length < 2 || name.length > 4) return null;
  return normalizeName(name.map((w) => w.text).join(' '));
}

function headSpeaker(head: string, at: number, names: readonly NameMention[]): GoldSpeaker | null {
  const ws = words(head);
  if (ws.length === 0) return null;
  if (ws.length === 1 && PRONOUN_PERSON.has(ws[0]!.lower)) return { kind: 'pronoun', canonical: '', at };
  if (ws.length <= 2 && UNSCORED.has(ws[0]!.lower)) return null;
  // The name of a person ends the noun phrase before any post-modifier ("Sen. Tom Carper of Delaware");
  // lower-case words before it are a role ("Trump campaign spokeswoman Hope Hicks"), after it the head
  // noun ("the Cruz campaign", "Verizon executives") makes the source a phrase.
  const cut = ws.findIndex((w, i) => i > 0 && POST_MODIFIER.has(w.lower));
  // "Secretary of State John Kerry": the words after "of" hold the name when those before do not.
  for (const core of cut > 0 ? [ws.slice(0, cut), ws] : [ws]) {
    const runs = capRuns(core);
    const lastRun = runs[runs.length - 1];
    if (lastRun === undefined || lastRun[lastRun.length - 1] !== core[core.length - 1]) continue;
    const name = personInRun(lastRun);
    let form = name === null ? '' : normalizeName(name.map((w) => w.text).join(' '));
    if (form !== '' && !form.includes(' ')) form = widen(form, at, names) ?? '';
    // "De Blasio", "Wasserman Schultz": a two-word surname widens to the full name the story gives for it.
    else if (form.split(' ').length === 2) form = widen(form, at, names.filter((n) => n.form.split(' ').length > 2)) ?? form;
    // A lone capitalised word with no fuller name in the story is a group or a place ("Republicans").
    if (form !== '') return { kind: 'person', canonical: form, at };
  }
  const phrase = normalizeName(head);
  return phrase === '' ? null : { kind: 'phrase', canonical: phrase, at };
}

/** The README's speaker match: equal, or the gold's last token, or the same first and last token. */
export function speakerMatches(predicted: string | null, canonical: string): boolean {
  if (predicted === null) return false;
  const p = normalizeName(predicted);
  if (p === '' || canonical === '') return false;
  if (p === canonical) return true;
  const g = canonical.split(' ');
  const q = p.split(' ');
  if (p === g[g.length - 1]) return true;
  return q.length > 1 && g.length > 1 && q[0] === g[0] && q[q.length - 1] === g[g.length - 1];
}

/** Resolves pronoun golds to the nearest earlier named person among the document's gold speakers. */
export function resolvePronouns(golds: readonly (GoldSpeaker | null)[]): (GoldSpeaker | null)[] {
  const order = golds
    .map((g, i) => ({ g, i }))
    .filter((x): x is { g: GoldSpeaker; i: number } => x.g !== null)
    .sort((a, b) => a.g.at - b.g.at);
  const out = golds.slice();
  let last: string | null = null;
  for (const { g, i } of order) {
    if (g.kind === 'person') last = g.canonical;
    else if (g.kind === 'pronoun') out[i] = last === null ? null : { ...g, canonical: last };
  }
  return out;
}
