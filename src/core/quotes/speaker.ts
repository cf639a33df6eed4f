/**
 * Turns the words that name a source ("he", "Blinken", "Hanoi's Party chief Vuong Dinh Hue",
 * "the State Department") into a speaker: a full name or an organisation, never a pronoun.
 * Names come from the people stage when it has run, and otherwise from the capitalised word runs of
 * the text itself, so that a surname resolves to the fullest name the story gives for it.
 */
import { isCommonWord, isKnownName } from '../people/gazetteer.js';
import type { Person } from '../types.js';
import { isUpperStart, tokensIn, type Token } from './tokens.js';

/** Words of a title or role that precede a name ("Secretary of State Antony Blinken"). */
const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'ambassador', 'chairman', 'chairwoman', 'chair', 'chief',
  'general', 'senator', 'sen', 'sen.', 'rep', 'rep.', 'representative', 'governor', 'gov', 'gov.', 'mayor', 'director',
  'spokesman', 'spokeswoman', 'spokesperson', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice',
  'commissioner', 'chancellor', 'premier', 'leader', 'deputy', 'party', 'committee', 'state', 'foreign', 'defense',
  'defence', 'interior', 'finance', 'attorney', 'officer', 'ceo', 'executive', 'founder', 'professor', 'prof', 'dr',
  'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'coach', 'manager', 'captain', 'lord', 'lady', 'sir', 'dame',
  'former', 'acting', 'republican', 'democrat', 'democratic', 'u.s.', 'us', 'uk', 'u.k.', 'un', 'eu', 'national',
  'security', 'adviser', 'advisor', 'council', 'inspector', 'commander', 'lt', 'col', 'gen', 'gen.', 'sgt', 'analyst',
  'economist', 'house', 'speaker', 'candidate', 'nominee', 'presidential', 'senate', 'congressman', 'congresswoman',
  'sheriff', 'lawyer', 'counsel', 'head', 'officials', 'official', 'rev', 'rev.', 'father', 'bishop', 'archbishop',
  'cardinal', 'rabbi', 'imam', 'sheikh', 'gop', 'white', 'majority', 'minority', 'whip', 'campaign', 'manager',
  'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'delegate', 'envoy', 'consul', 'diplomat',
  'president-elect', 'md', 'phd', 'superintendent', 'chief', 'marshal', 'admiral', 'colonel', 'major', 'lieutenant',
  'sergeant', 'corporal', 'private', 'officer', 'detective', 'constable', 'trooper', 'agent', 'producer', 'editor',
  'reporter', 'correspondent', 'columnist', 'author', 'writer', 'host', 'anchor', 'actress', 'actor', 'singer', 'star',
]);

/** Sentence-opening words that a capitalised run may start with but that are never part of a name. */
const LEADERS = new Set([
  'the', 'a', 'an', 'but', 'and', 'in', 'on', 'at', 'as', 'when', 'while', 'after', 'then', 'meanwhile', 'also',
  'if', 'so', 'yet', 'still', 'according', 'during', 'since', 'for', 'with', 'by', 'this', 'that', 'these', 'those',
]);

/** Words that make a capitalised run an organisation rather than a person. */
const ORG_WORDS = new Set([
  'department', 'ministry', 'agency', 'office', 'council', 'committee', 'party', 'association', 'union', 'news',
  'times', 'post', 'journal', 'press', 'inc', 'corp', 'company', 'group', 'university', 'institute', 'bank',
  'government', 'embassy', 'commission', 'court', 'house', 'senate', 'congress', 'parliament', 'administration',
  'police', 'army', 'navy', 'foundation', 'center', 'centre', 'organization', 'organisation', 'network', 'bureau',
  'service', 'board', 'federation', 'league', 'club', 'fund', 'daily', 'herald', 'tribune', 'telegraph', 'guardian',
  'reuters', 'cnn', 'bbc', 'msnbc', 'fox', 'nbc', 'abc', 'cbs', 'npr', 'pentagon', 'kremlin', 'campaign', 'team',
  'reports', 'report', 'poll', 'survey', 'study', 'statement', 'website', 'magazine', 'tv', 'radio', 'media',
]);

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'it', 'i', 'we', 'you', 'his', 'hers', 'who']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);
const POSSESSIVE = new Set(['his', 'her', 'their', 'its', 'our', 'my']);
const CONNECTORS = new Set(['de', 'van', 'von', 'der', 'da', 'del', 'bin', 'al', 'la', 'le', 'du', 'dos', 'di']);

export function isPronoun(lower: string): boolean {
  return PRONOUNS.has(lower);
}

function bare(word: string): string {
  // Only a word ending in s, ' or ’ can lose anything (most do not: no pattern run for them).
  const last = word.charCodeAt(word.length - 1);
  if (last !== 0x73 && last !== 0x27 && last !== 0x2019) return word;
  return word.replace(/['’]s$/u, '').replace(/[’']$/u, '');
}

/** An initial ("M.") inside a name is kept in the name but never used alone as a key. */
function isInitial(word: string): boolean {
  return /^\p{Lu}\.$/u.test(word);
}

/** A capitalised word that can be part of a name ("Hanoi’s" counts as "Hanoi"). */
function isNameWord(t: Token): boolean {
  return t.word && isUpperStart(t.text) && !/^\d/u.test(t.text);
}

/** Maximal runs of capitalised words (connectors like "de" allowed inside), as arrays of words. */
export function capitalisedRuns(tokens: readonly Token[]): { words: string[]; start: number; end: number }[] {
  const runs: { words: string[]; start: number; end: number }[] = [];
  let cur: Token[] = [];
  const flush = () => {
    while (cur.length > 0 && !isNameWord(cur[cur.length - 1]!)) cur.pop();
    if (cur.length === 0) return; // most tokens end no run: no new array for them
    runs.push({ words: cur.map((t) => t.text), start: cur[0]!.start, end: cur[cur.length - 1]!.end });
    cur = [];
  };
  for (const t of tokens) {
    if (isNameWord(t)) {
      cur.push(t);
      // A possessive closes the name: "Hanoi’s Party chief" is not one name.
      if (/['’]s$/u.test(t.text)) flush();
    } else if (cur.length > 0 && t.word && CONNECTORS.has(t.lower)) cur.push(t);
    else flush();
  }
  flush();
  return runs;
}

export interface NameIndex {
  /** Best full form for a single name word, keyed by the lower-cased word (surname or given name). */
  readonly byToken: Map<string, string>;
  /** Capitalised words followed by what: used to tell a place before a name from a given name. */
  readonly follows: Map<string, Set<string>>;
  readonly people: readonly Person[];
}

/** Drops leading title words, and a leading place-like word ("Vietnam Daniel Kritenbrink"). */
function stripRun(words: readonly string[], follows: Map<string, Set<string>>): string[] {
  const out = words.map(bare);
  while (out.length > 1 && LEADERS.has(out[0]!.toLowerCase())) out.shift();
  // An organisation ends with its kind ("State Department", "Daily News"); "Party Chief Vuong Dinh Hue" does not.
  if (ORG_WORDS.has(out[out.length - 1]!.toLowerCase())) return out;
  // Cut after the last title word: "Health Minister Sara Kim" → "Sara Kim".
  for (let i = out.length - 2; i >= 0; i--) {
    if (TITLE_WORDS.has(out[i]!.toLowerCase())) {
      out.splice(0, i + 1);
      break;
    }
  }
  while (out.length > 2) {
    const seenAfter = follows.get(out[0]!);
    // A word that elsewhere stands before other words (or alone) is a place or title, not a given name.
    if (seenAfter !== undefined && [...seenAfter].some((w) => w !== out[1])) out.shift();
    else break;
  }
  return out;
}

export function isOrgName(name: string): boolean {
  return name.split(/\s+/u).some((w) => ORG_WORDS.has(w.toLowerCase()));
}

export function buildNameIndex(tokens: readonly Token[], people: readonly Person[]): NameIndex {
  const follows = new Map<string, Set<string>>();
  const runs = capitalisedRuns(tokens);
  for (const run of runs) {
    for (let i = 0; i < run.words.length; i++) {
      const w = bare(run.words[i]!);
      const next = i + 1 < run.words.length ? bare(run.words[i + 1]!) : '';
      let set = follows.get(w);
      if (set === undefined) follows.set(w, (set = new Set()));
      set.add(next);
    }
  }
  const byToken = new Map<string, string>();
  const consider = (key: string, full: string) => {
    const prev = byToken.get(key);
    if (prev === undefined || full.split(' ').length > prev.split(' ').length) byToken.set(key, full);
  };
  for (const run of runs) {
    const words = stripRun(run.words, follows);
    if (words.length < 2 || isOrgName(words.join(' '))) continue;
    const full = words.join(' ');
    consider(words[words.length - 1]!.toLowerCase(), full);
    if (!isInitial(words[0]!)) consider(words[0]!.toLowerCase(), full);
  }
  // People of the people stage override the text's runs; of two sharing a surname, the more mentioned wins.
  const mentions = new Map<string, number>();
  const claim = (key: string, p: Person) => {
    if ((mentions.get(key) ?? -1) >= p.mentions) return;
    mentions.set(key, p.mentions);
    byToken.set(key, p.name);
  };
  for (const p of people) {
    const parts = p.name.split(/\s+/u);
    if (parts.length < 2) continue;
    claim(parts[parts.length - 1]!.toLowerCase(), p);
    for (const a of p.aliases) if (!a.includes(' ')) claim(a.toLowerCase(), p);
  }
  return { byToken, follows, people };
}

/**
 * A person from the people stage that a name form belongs to. Two people who share a surname are two:
 * a bare "Clinton" goes to the one the story mentions most, not to whichever was listed last.
 */
function personFor(name: string, people: readonly Person[]): string | undefined {
  const lower = name.toLowerCase();
  let best: Person | undefined;
  for (const p of people) {
    const full = p.name.toLowerCase();
    if (full === lower) return p.name;
    const matches = full.endsWith(` ${lower}`) || lower.endsWith(` ${full}`) || p.aliases.some((a) => a.toLowerCase() === lower);
    if (matches && (best === undefined || p.mentions > best.mentions)) best = p;
  }
  return best?.name;
}

const TIME_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'year']);

const PLACE_PREPOSITIONS = new Set(['of', 'at', 'for', 'from', 'with', 'in']);

/** Whether the word before the run starting at `start` (skipping "the") is "of", "at", "for" … */
function afterPreposition(phrase: readonly Token[], start: number): boolean {
  let i = phrase.findIndex((t) => t.start === start) - 1;
  if (i >= 0 && phrase[i]!.lower === 'the') i--;
  return i >= 0 && PLACE_PREPOSITIONS.has(phrase[i]!.lower);
}

export type SourceResolution =
  | { readonly kind: 'name'; readonly name: string; readonly person: boolean }
  | { readonly kind: 'pronoun'; readonly pronoun: string }
  | { readonly kind: 'none' };

/** Words that open a post-modifier of a noun phrase ("a spokeswoman for the ministry", "sources familiar with the talks"). */
const POST_MODIFIERS = new Set(['of', 'for', 'at', 'with', 'from', 'by', 'in', 'on', 'familiar', 'close', 'involved', 'who', 'whose', 'to']);

/** Words that open a quantity or a group rather than a name ("Six in 10 voters", "Nearly half", "Some advocates"). */
const QUANTIFIERS = new Set(['a', 'an', 'the', 'some', 'many', 'most', 'few', 'several', 'nearly', 'about', 'almost', 'half',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'both', 'all', 'other', 'another',
  'more', 'fewer', 'roughly', 'only', 'just', 'over', 'under', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'each']);

const MAX_PHRASE_WORDS = 10;

/** Words that show a clause, not a noun phrase: the source words ran on into a verb ("Cook did not", "Kaine now"). */
const CLAUSE_WORDS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'will',
  'would', 'can', 'could', 'should', 'may', 'might', 'must', 'not', 'never', 'now', 'then', 'even', 'however', 'also',
  'still', 'long', 'since', 'later', 'again', 'once', 'yet', 'just', 'already', 'took', 'went', 'made', 'gave', 'came',
  'began', 'got', 'put', 'left', 'hit', 'told', 'said', 'says', 'and', 'or', 'but', 'when', 'while', 'as', 'if']);
const MID_DETERMINERS = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'a', 'an', 'this', 'that']);

/** A common word, or the plural of one ("organizers", "analysts"). */
function isCommonNoun(lower: string): boolean {
  return isCommonWord(lower) || (lower.endsWith('s') && lower.length > 3 && isCommonWord(lower.slice(0, -1)));
}

/** A lower-case word that can go on a noun phrase after "and" (not a verb or an auxiliary). */
function isCoordinated(next: Token | undefined): boolean {
  return next !== undefined && next.text === next.lower && !CLAUSE_WORDS.has(next.lower) && !/[a-z]ed$/u.test(next.lower);
}

/** Whether the words before the head noun read as a clause (a verb or an auxiliary among them). */
function readsAsClause(core: readonly Token[]): boolean {
  return core.some((t, i) => {
    // "Current and former officials", "many experts and some lawmakers": "and" joining lower-case words of one noun phrase.
    if ((t.lower === 'and' || t.lower === 'or') && i > 0 && isCoordinated(core[i + 1])) return false;
    if (CLAUSE_WORDS.has(t.lower) || /n[’']t$/u.test(t.lower)) return true;
    if (i > 0 && MID_DETERMINERS.has(t.lower)) return true;
    // "Rubio flipped", "Sherry smiled": a past form right after a capitalised word.
    const prev = core[i - 1];
    return prev !== undefined && /[a-z]ed$/u.test(t.text) && isUpperStart(prev.text) && !/['’]s?$/u.test(prev.text) && !QUANTIFIERS.has(prev.lower);
  });
}

/** The tokens as written: a space only where the text had one ("P&G", "Trump’s" stay whole). */
function asWritten(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && t.start > tokens[i - 1]!.end) out += ' ';
    out += t.text;
  }
  return out;
}

/** Whether the phrase ends with a person's name of two or more words ("… voter Stephanie Hooton"). */
function endsWithFullName(phrase: readonly Token[]): boolean {
  const runs = capitalisedRuns(phrase);
  const last = runs[runs.length - 1];
  const lastWord = phrase.filter((t) => t.word).pop();
  if (last === undefined || lastWord === undefined || last.end !== lastWord.end) return false;
  const words = last.words.map(bare).filter((w, i) => !(i === 0 && LEADERS.has(w.toLowerCase())));
  return words.length >= 2 && !isOrgName(words.join(' '));
}

/**
 * A source whose head is a common noun, kept whole as the text names it: "the witness", "a spokeswoman
 * for the ministry", "sources familiar with the talks", "Trump’s campaign", "Six in 10 voters". Null
 * when the head is a name ("Sen. Tom Carper of Delaware", "former secretary of state Hillary Clinton").
 */
export function commonNounSource(phrase: readonly Token[]): string | null {
  const words = phrase.filter((t) => t.word);
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS || endsWithFullName(phrase)) return null;
  let coreEnd = words.findIndex((t, i) => i > 0 && POST_MODIFIERS.has(t.lower));
  if (coreEnd < 0) coreEnd = words.length;
  const head = words[coreEnd - 1]!;
  const first = words[0]!;
  if (readsAsClause(words.slice(0, coreEnd))) return null;
  // "Sources familiar with the talks", "Officials": a common noun capitalised only because it opens the sentence.
  const opener = coreEnd === 1 && isCommonNoun(head.lower) && !isKnownName(head.lower);
  if (isUpperStart(head.text) && !opener) {
    // A capitalised head counts only as the opener of a quantity ("Six in 10 …", "Nearly half"), or as a
    // group after a quantity with what qualifies it ("one Democrat familiar with the talks", "two Republicans in the room").
    const quantity = QUANTIFIERS.has(first.lower) || /^\d/u.test(first.text);
    const qualifiedGroup =
      coreEnd < words.length &&
      // "Organizers of both conventions", "Democrats in Iowa who …": a plural opening the sentence, then what qualifies it.
      ((coreEnd === 1 && /\p{Ll}s$/u.test(head.text) && !isKnownName(head.lower)) ||
        (quantity && coreEnd === 2 && !['the', 'a', 'an'].includes(first.lower)));
    if (!qualifiedGroup) {
      if (coreEnd !== 1 || !quantity) return null;
      if (coreEnd === words.length && (first.lower === 'a' || first.lower === 'the')) return null;
    }
  } else if (!opener && !/^\p{Ll}/u.test(head.text) && !/^\d/u.test(head.text)) return null;
  // A title alone before the name is handled by the name path ("spokeswoman Hope Hicks" ends in a name).
  if (TITLE_WORDS.has(head.lower) && coreEnd === words.length && words.length === 1) return null;
  const from = phrase.indexOf(first);
  const to = phrase.indexOf(words[words.length - 1]!);
  return asWritten(phrase.slice(from, to + 1));
}

/** Words before a subject that are no part of it: focusing adverbs, conjunctions ("When an NBC reporter later asked"). */
const FOCUS_ADVERBS = new Set(['even', 'just', 'only', 'also', 'now', 'then', 'still', 'and', 'but', 'so', 'when',
  'whenever', 'after', 'before', 'while', 'once', 'since', 'because', 'although', 'though', 'until', 'if']);
const SUBJECT_LEADS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'one', 'some', 'many', 'most',
  'two', 'three', 'several', 'both', 'another', 'other']);
/** Lower-case finite verbs a subject is followed by ("the judge rubbed", "the clerk took"). */
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'will', 'would', 'could',
  'can', 'took', 'went', 'made', 'gave', 'came', 'began', 'got', 'put', 'left', 'sat', 'stood', 'spoke', 'wrote', 'told',
  'said', 'says']);

/**
 * A determiner-led subject before the verb of a clause ("The judge" in "The judge rubbed his chin"), or
 * null when the words do not read as a clause opened by one.
 */
function clauseSubject(phrase: readonly Token[]): Token[] | null {
  const first = phrase[0];
  if (first === undefined || !first.word || !SUBJECT_LEADS.has(first.lower)) return null;
  for (let i = 2; i < phrase.length && i <= 6; i++) {
    const t = phrase[i]!;
    if (!t.word) return null;
    if (t.text !== t.lower) continue;
    if (POST_MODIFIERS.has(t.lower)) return null;
    if (CLAUSE_VERBS.has(t.lower) || (/[a-z]ed$/u.test(t.lower) && i + 1 < phrase.length)) {
      const head = phrase.slice(0, i);
      return head.every((w) => w.word) && head.length >= 2 ? head : null;
    }
  }
  return null;
}

/** Of the comma-separated parts of a source ("the White House spokesman, Josh Earnest,"), the one that names a person. */
function mainSegment(phrase: readonly Token[]): readonly Token[] {
  const segments: Token[][] = [[]];
  for (const t of phrase) {
    if (!t.word && t.text === ',') segments.push([]);
    else segments[segments.length - 1]!.push(t);
  }
  const filled = segments.filter((s) => s.some((t) => t.word));
  if (filled.length <= 1) return filled[0] ?? phrase;
  return filled.find((s) => endsWithFullName(s)) ?? filled[0]!;
}

/** Resolves the words of a source phrase, without looking at the surrounding text for pronouns. */
export function resolveSource(fullPhrase: readonly Token[], index: NameIndex): SourceResolution {
  // A party-and-state tag or other aside in brackets is not part of the name: "Chuck Grassley (R-Iowa)".
  const bracket = fullPhrase.findIndex((t) => !t.word && t.text === '(');
  let phrase = mainSegment(bracket > 0 ? fullPhrase.slice(0, bracket) : fullPhrase);
  // "Even the organizer of the rally": a focusing adverb before the noun phrase is no part of it.
  while (phrase.length > 1 && phrase[0]!.word && FOCUS_ADVERBS.has(phrase[0]!.lower) && phrase[1]!.word) phrase = phrase.slice(1);
  // "The judge rubbed his chin, and then": words that read as a clause name its subject.
  const subject = clauseSubject(phrase);
  if (subject !== null) phrase = subject;
  const words = phrase.filter((t) => t.word);
  if (words.length === 0) return { kind: 'none' };
  const first = words[0]!;
  if (words.length <= 2 && isPronoun(first.lower) && !(words.length === 2 && POSSESSIVE.has(first.lower))) return { kind: 'pronoun', pronoun: first.lower };
  // "Although in September she": a noun phrase never ends in a subject pronoun, so the words before it are an adverbial.
  const last = words[words.length - 1]!;
  if (SUBJECT_PRONOUNS.has(last.lower) && words[words.length - 2]?.lower !== 'or') return { kind: 'pronoun', pronoun: last.lower };
  const common = commonNounSource(phrase);
  if (common !== null) return { kind: 'name', name: common, person: false };
  const runs = capitalisedRuns(phrase);
  // The last capitalised run is the name in "Hanoi's Party chief Vuong Dinh Hue".
  let chosen: string[] | undefined;
  let fallback: string[] | undefined;
  for (let r = runs.length - 1; r >= 0; r--) {
    const stripped = stripRun(runs[r]!.words, index.follows);
    // A weekday or month after a name ("South Carolina Saturday") is a time, and alone names nobody.
    while (stripped.length > 0 && TIME_NAMES.has(stripped[stripped.length - 1]!.toLowerCase())) stripped.pop();
    if (stripped.length === 0) continue;
    if (stripped.length === 1 && (TITLE_WORDS.has(stripped[0]!.toLowerCase()) || LEADERS.has(stripped[0]!.toLowerCase()) || FOCUS_ADVERBS.has(stripped[0]!.toLowerCase()))) continue;
    // "analyst Nick Van den Brul of BNP Paribas": a run after "of"/"at" is where the speaker works.
    if (afterPreposition(phrase, runs[r]!.start)) {
      fallback ??= stripped;
      continue;
    }
    chosen = stripped;
    break;
  }
  chosen ??= fallback;
  if (chosen === undefined) {
    // No name at all: a short common-noun source ("police", "the spokeswoman") still says who spoke.
    const bare = words.filter((t, i) => !(i === 0 && LEADERS.has(t.lower)));
    if (bare.length >= 1 && bare.length <= 4) return { kind: 'name', name: bare.map((t) => t.text).join(' '), person: false };
    return { kind: 'none' };
  }
  let name = chosen.join(' ');
  if (isOrgName(name)) {
    // Keep an organisation's own words, but not a trailing possessive; "the" stays as the text names it
    // ("the State Department").
    const the = words.length > chosen.length && words[words.length - chosen.length - 1]!.lower === 'the';
    return { kind: 'name', name: the ? `the ${name}` : name, person: false };
  }
  const fromPeople = personFor(name, index.people);
  if (fromPeople !== undefined) return { kind: 'name', name: fromPeople, person: true };
  if (chosen.length === 1) name = index.byToken.get(name.toLowerCase()) ?? name;
  return { kind: 'name', name, person: true };
}

/** Words after a capitalised sentence opener that show it is not a person subject ("Iowa and …", "China's …"). */
const SUBJECT_STOP = new Set(['of', 'and', 'or', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'to',
  'in', 'on', 'for', 'at', 'as', 'with', 'by', 'from', 'that', 'which', 'it', 'its', 'this', 'the', 'a', 'an']);

export interface Mention {
  readonly at: number;
  readonly name: string;
}

/**
 * People named as the first person of each sentence, in text order: what "he" or "she" most likely
 * points back to when no named speaker came just before.
 */
export function subjectMentions(all: readonly Token[], sentences: readonly { start: number; end: number }[], index: NameIndex): Mention[] {
  const out: Mention[] = [];
  for (const s of sentences) {
    const tokens = tokensIn(all, s.start, Math.min(s.end, s.start + 300));
    for (const run of capitalisedRuns(tokens)) {
      const words = stripRun(run.words, index.follows);
      const name = words.join(' ');
      if (isOrgName(name)) continue;
      let full = words.length === 1 ? index.byToken.get(name.toLowerCase()) : personFor(name, index.people) ?? (words.length >= 2 ? name : undefined);
      // A lone name opening the sentence before a verb ("Obama seemed …") is a subject even without a fuller form.
      if (full === undefined && words.length === 1 && run.start === tokens[0]?.start && run.words.length === 1) {
        const next = tokens[1];
        const w = words[0]!;
        // Only a known name: "Federal inspectors arrived" has no person in it.
        if (next !== undefined && next.word && next.text === next.lower && !SUBJECT_STOP.has(next.lower) && w !== w.toUpperCase() && !LEADERS.has(w.toLowerCase()) && isKnownName(w)) full = w;
      }
      if (full === undefined) continue;
      out.push({ at: run.start, name: full });
      break;
    }
  }
  return out;
}
