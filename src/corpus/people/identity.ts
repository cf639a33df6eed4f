/**
 * One person per real person across a set of briefings: the identity module that the digest, the
 * person dossier and the timeline share. It starts from each briefing's own people (src/core already
 * merged "Antony Blinken" / "Blinken" / "Blinken's" inside one article) and links them across articles:
 *
 *  1. full names that can be writings of one name merge ("Joe Biden" ~ "Joseph R. Biden"); two people
 *     who share only a surname stay apart ("Joe Biden" / "Hunter Biden", "Kim Jong Un" / "Kim Yo Jong");
 *  2. a briefing that names someone by one word only ("Blinken", "Xi", "Trong") joins the one full name
 *     that ends with it — or, failing that, starts with it (Chinese and Korean order) — when only one
 *     person of the set fits, or one fits far better (role words in common, or most of the mentions);
 *  3. a briefing that mentions a known person without the single-article pass finding them there (a
 *     lone surname, or "the secretary of state" when that title belongs to one person of the set) is
 *     added to that person. This reads the bodies for names the set already knows; it re-runs no stage
 *     of the per-article analysis;
 *  4. a person two briefings of one story name only by a role ("Driver Charged …") is a person of
 *     their own, "the driver" (roles.ts).
 */
import { FUNCTION_WORDS, PLACES, ROLE_MODIFIERS, ROLE_WORDS } from '../../core/people/lexicon.js';
import { isCommonWord } from '../../core/people/gazetteer.js';
import { foldTerm } from '../../text/fold.js';
import type { CoPerson, CorpusPerson, QuoteRef, RoleRef, SourceBriefing } from '../types.js';
import { BodyNames } from './bodies.js';
import { compatibleNames, nameWords, SUFFIXES, variantSpelling } from './names.js';
import { rolePeople } from './roles.js';

interface Local {
  readonly source: number;
  readonly name: string;
  readonly words: readonly string[];
  readonly aliasWords: readonly (readonly string[])[];
  readonly role: string | null;
  readonly mentions: number;
}

interface Cluster {
  readonly locals: Local[];
  /** Words of the fullest name. */
  words: readonly string[];
  /** Mentions found by reading bodies (step 3), per source index. */
  readonly found: Map<number, number>;
}

/** A candidate must have this many times the mentions of the runner-up to take an ambiguous surname. */
const DOMINANCE = 2;

function mentionsOf(c: Cluster): number {
  let n = 0;
  for (const l of c.locals) n += l.mentions;
  for (const m of c.found.values()) n += m;
  return n;
}

function roleWords(role: string | null): Set<string> {
  const out = new Set<string>();
  if (!role) return out;
  for (const w of foldTerm(role).split(/[^a-z0-9]+/)) if (w.length > 2 && !FUNCTION_WORDS.has(w)) out.add(w);
  return out;
}

/** The title part of a role, from its first title word: "U.S. Secretary of State" → "secretary of state". */
export function titlePhrase(role: string): string | null {
  const words = foldTerm(role).replace(/['’]s\b/g, '').split(/[^a-z0-9-]+/).filter((w) => w !== '');
  const at = words.findIndex((w) => ROLE_WORDS.has(w) || ROLE_MODIFIERS.has(w));
  if (at < 0) return null;
  const phrase = words.slice(at);
  return phrase.length >= 2 && phrase.length <= 6 ? phrase.join(' ') : null;
}

/** The one of several people sharing a name word with most of the mentions, if one has. */
function dominant(candidates: readonly Cluster[]): Cluster | null {
  const ranked = [...candidates].sort((a, b) => mentionsOf(b) - mentionsOf(a));
  const [first, second] = ranked;
  return first && second && mentionsOf(first) >= DOMINANCE * mentionsOf(second) ? first : (first && !second ? first : null);
}

/** The given name of a Western-order full name (first word, not an initial), or null. */
function givenName(c: Cluster): string | null {
  const first = c.words[0]!;
  return c.words.length > 1 && first.length > 1 ? first : null;
}

/**
 * Of several people who share a surname, the ones whose given name the briefing writes just before
 * that surname ("Vincent 'The Chin' Gigante" when Vincent and Louis Gigante are both known).
 */
function namedInBody(candidates: readonly Cluster[], surname: string, body: BodyNames): Cluster[] {
  return candidates.filter((c) => {
    const given = givenName(c);
    return given !== null && c.words[c.words.length - 1] === surname && body.writesBefore(given, surname);
  });
}

/** Picks the person an ambiguous one-word name belongs to, or null when nothing decides. */
function pickAmong(candidates: readonly Cluster[], local: Local, body: BodyNames): Cluster | null {
  const mine = roleWords(local.role);
  if (mine.size > 0) {
    const sharing = candidates.filter((c) => c.locals.some((l) => [...roleWords(l.role)].some((w) => mine.has(w))));
    if (sharing.length === 1) return sharing[0]!;
  }
  const named = namedInBody(candidates, local.words[0]!, body);
  if (named.length === 1) return named[0]!;
  return dominant(candidates);
}

/** Longest title phrase looked for after "the". */
const MAX_TITLE_WORDS = 6;

/** Counts "the <title>" for every known title in one pass over the folded body. */
function countTitles(foldedBody: string, titles: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const words = foldedBody.split(/[^a-z0-9-]+/);
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'the') continue;
    let phrase = '';
    for (let k = 1; k <= MAX_TITLE_WORDS && i + k < words.length; k++) {
      phrase = k === 1 ? words[i + k]! : `${phrase} ${words[i + k]}`;
      if (titles.has(phrase)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  return counts;
}

function buildLocals(sources: readonly SourceBriefing[]): Local[] {
  const locals: Local[] = [];
  sources.forEach((s, source) => {
    for (const p of s.briefing.people) {
      const words = nameWords(p.name);
      if (words.length === 0) continue;
      const aliasWords = p.aliases.map(nameWords).filter((w) => w.length > 0);
      locals.push({ source, name: p.name, words, aliasWords, role: p.role, mentions: p.mentions });
    }
  });
  return locals;
}

function clusterLocals(locals: readonly Local[], bodies: (source: number) => BodyNames): Cluster[] {
  const clusters: Cluster[] = [];
  const byLast = new Map<string, Cluster[]>();
  const byFirst = new Map<string, Cluster[]>();
  const add = (words: readonly string[], l: Local): Cluster => {
    const c: Cluster = { locals: [l], words, found: new Map() };
    clusters.push(c);
    if (words.length > 1) {
      byLast.set(words[words.length - 1]!, [...(byLast.get(words[words.length - 1]!) ?? []), c]);
      byFirst.set(words[0]!, [...(byFirst.get(words[0]!) ?? []), c]);
    }
    return c;
  };
  // 1. Full names, longest first, so a shorter writing can find the fuller one.
  const multi = locals.filter((l) => l.words.length > 1).sort((a, b) => b.words.length - a.words.length || a.source - b.source);
  for (const l of multi) {
    const fits = (byLast.get(l.words[l.words.length - 1]!) ?? []).filter((c) => compatibleNames(l.words, c.words));
    if (fits.length === 1) fits[0]!.locals.push(l);
    else add(l.words, l);
  }
  mergeVariants(clusters);
  // 2. One-word names: the one full name they end (or start), else a one-word person of their own.
  const singles = new Map<string, Cluster>();
  for (const l of locals.filter((x) => x.words.length === 1)) {
    const word = l.words[0]!;
    const last = byLast.get(word) ?? [];
    const pool = last.length > 0 ? last : (byFirst.get(word) ?? []);
    const target = pool.length === 1 ? pool[0]! : pool.length > 1 ? pickAmong(pool, l, bodies(l.source)) : null;
    if (target) target.locals.push(l);
    else {
      const single = singles.get(word);
      if (single) single.locals.push(l);
      else singles.set(word, add(l.words, l));
    }
  }
  return clusters;
}

/** Moves every local of `from` into `into` and empties `from`. */
function absorb(into: Cluster, from: Cluster): void {
  into.locals.push(...from.locals);
  from.locals.length = 0;
}

/**
 * Full names that one article wrote with extra words in front ("Moviemaker Gary Ross", a headline's
 * "Sixers Hire Maurice Cheeks") join the shorter full name they end with; two spellings of one name
 * ("Jermayne"/"Jerymayne Timmons") join when nothing else competes.
 */
function mergeVariants(clusters: Cluster[]): void {
  const byKey = new Map<string, Cluster>();
  for (const c of clusters) byKey.set(c.words.join(' '), c);
  for (const c of clusters) {
    for (let drop = 1; c.locals.length > 0 && c.words.length - drop >= 2; drop++) {
      const tail = byKey.get(c.words.slice(drop).join(' '));
      if (tail && tail !== c && tail.locals.length > 0) {
        absorb(tail, c);
        break;
      }
    }
  }
  const byLast = new Map<string, Cluster[]>();
  for (const c of clusters) byLast.set(c.words[c.words.length - 1]!, [...(byLast.get(c.words[c.words.length - 1]!) ?? []), c]);
  for (const c of clusters) {
    if (c.locals.length === 0) continue;
    const sameLast = byLast.get(c.words[c.words.length - 1]!)!;
    const variants = sameLast.filter((o) => o !== c && o.locals.length > 0 && variantSpelling(c.words, o.words));
    if (variants.length === 1) {
      const [big, small] = mentionsOf(c) >= mentionsOf(variants[0]!) ? [c, variants[0]!] : [variants[0]!, c];
      absorb(big, small);
    }
  }
  for (let i = clusters.length - 1; i >= 0; i--) if (clusters[i]!.locals.length === 0) clusters.splice(i, 1);
}

/**
 * Who a surname written in a body calls: the one person who owns it, else the one whose given name is
 * written just before it there (and who is not already in that briefing), else the one with most of its
 * mentions. A surname that is also an ordinary word ("Bush", "Gray") calls only a full name, and only
 * where the body uses it as a name in running text.
 */
function caller(rivals: readonly Cluster[], call: string, body: BodyNames, here: (c: Cluster) => boolean): Cluster | null {
  if (rivals.length === 1) return rivals[0]!;
  const named = namedInBody(rivals, call, body);
  if (named.length > 0) {
    const absent = named.filter((c) => !here(c));
    return absent.length === 1 ? absent[0]! : null;
  }
  return dominant(rivals);
}

/** Step 3: known names and unique titles in briefings where the per-article pass did not find the person. */
function findInBodies(sources: readonly SourceBriefing[], clusters: readonly Cluster[], bodies: (source: number) => BodyNames): void {
  // A name word may call a person when it is no place or function word and is long enough to be a name.
  const owners = new Map<string, Cluster[]>();
  for (const c of clusters) {
    const call = c.words[c.words.length - 1]!;
    if (call.length <= 2 || PLACES.has(call) || FUNCTION_WORDS.has(call)) continue;
    if (isCommonWord(call) && c.words.length < 2) continue;
    owners.set(call, [...(owners.get(call) ?? []), c]);
  }
  const titleOwners = new Map<string, Set<Cluster>>();
  for (const c of clusters) {
    for (const l of c.locals) {
      const t = l.role ? titlePhrase(l.role) : null;
      if (t) titleOwners.set(t, (titleOwners.get(t) ?? new Set()).add(c));
    }
  }
  const titles = new Map<string, Cluster>();
  for (const [t, set] of titleOwners) if (set.size === 1) titles.set(t, [...set][0]!);
  const titleSet = new Set(titles.keys());
  const present = new Map<Cluster, Set<number>>(clusters.map((c) => [c, new Set(c.locals.map((l) => l.source))]));
  sources.forEach((s, source) => {
    const here = (c: Cluster): boolean => present.get(c)!.has(source) || c.found.has(source);
    const add = (c: Cluster, hits: number): void => {
      if (!here(c)) c.found.set(source, hits);
    };
    const body = bodies(source);
    for (const [word, written] of body.capitalised()) {
      const rivals = owners.get(word);
      if (!rivals) continue;
      const hits = isCommonWord(word) ? body.usesAsName(word) : written;
      const c = hits > 0 ? caller(rivals, word, body, here) : null;
      if (c) add(c, hits);
    }
    if (titleSet.size > 0) for (const [t, hits] of countTitles(foldTerm(s.briefing.body), titleSet)) add(titles.get(t)!, hits);
  });
}

/** Step 4: people the set names by a role only, in two briefings of one story or more (roles.ts). */
function addRolePeople(sources: readonly SourceBriefing[], clusters: Cluster[]): void {
  const namedIn = sources.map(() => new Set<string>());
  const nameWordSet = new Set<string>();
  for (const c of clusters) {
    for (const w of c.words) nameWordSet.add(w);
    if (c.words.length < 2) continue;
    const key = c.words.join(' ');
    for (const l of c.locals) namedIn[l.source]!.add(key);
    for (const s of c.found.keys()) namedIn[s]!.add(key);
  }
  for (const r of rolePeople(sources, namedIn, nameWordSet)) {
    const words = nameWords(r.name).slice(1);
    clusters.push({ locals: r.sources.map((source) => ({ source, name: r.name, words, aliasWords: [], role: null, mentions: r.mentions[source]! })), words, found: new Map() });
  }
}

/** The full name the set uses most (by mentions), before any one-word form; then the longer. */
function displayName(c: Cluster): string {
  const score = new Map<string, { full: boolean; words: number; mentions: number }>();
  for (const l of c.locals) {
    const s = score.get(l.name) ?? { full: l.words.length > 1, words: l.words.length, mentions: 0 };
    s.mentions += l.mentions;
    score.set(l.name, s);
  }
  const ranked = [...score.entries()].sort(
    (a, b) => Number(b[1].full) - Number(a[1].full) || b[1].mentions - a[1].mentions || b[1].words - a[1].words,
  );
  return ranked[0]![0];
}

/** How a suffix is written in a display name. */
const SUFFIX_FORMS: Readonly<Record<string, string>> = { jr: 'Jr', sr: 'Sr', ii: 'II', iii: 'III', iv: 'IV' };

/**
 * The display name with the generational suffix the set writes after it ("Joseph Comeaux" → "Joseph
 * Comeaux Jr" when the bodies write "Arcade Joseph Comeaux Jr."): kept when at least half of the person's
 * briefings write that suffix after the given name and surname. The per-article people leave suffixes out.
 */
function withSuffix(name: string, c: Cluster, sources: readonly number[], bodies: (source: number) => BodyNames): string {
  const given = givenName(c);
  if (given === null || SUFFIXES.has(nameWords(name).at(-1) ?? '')) return name;
  const surname = c.words[c.words.length - 1]!;
  const counts = new Map<string, number>();
  for (const s of sources) {
    const suffix = bodies(s).suffixAfter(given, surname);
    if (suffix) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && 2 * best[1] >= sources.length ? `${name} ${SUFFIX_FORMS[best[0]]}` : name;
}

/** A date sort key: ISO and year-less dates compare as text; undated sorts last. */
function dateKey(date: string | null): string {
  return date ?? '';
}

/** The headline (when it is not the body's first line) and the body. */
function textsOf(b: SourceBriefing['briefing']): string[] {
  return b.title && !b.body.startsWith(b.title) ? [b.title, b.body] : [b.body];
}

export interface PeopleIndex {
  readonly people: readonly CorpusPerson[];
  /** The person a name in a briefing refers to (a speaker, a person of that briefing), if any. */
  personOf(sourceId: string, name: string): CorpusPerson | undefined;
  /** People whose name or a form of it starts with (or contains) the words given, best first. */
  search(query: string, limit?: number): CorpusPerson[];
}

export function identifyPeople(sources: readonly SourceBriefing[]): PeopleIndex {
  const locals = buildLocals(sources);
  const bodyCache = new Map<number, BodyNames>();
  const bodies = (source: number): BodyNames => {
    let b = bodyCache.get(source);
    if (!b) bodyCache.set(source, (b = new BodyNames(textsOf(sources[source]!.briefing))));
    return b;
  };
  const clusters = clusterLocals(locals, bodies);
  findInBodies(sources, clusters, bodies);
  addRolePeople(sources, clusters);

  // Per briefing: every name word-form of its people → cluster, for speakers and lookups.
  const localIndex = sources.map(() => new Map<string, Cluster>());
  const ambiguous = sources.map(() => new Set<string>());
  const fullIndex = new Map<string, Cluster>();
  const byLastWord = new Map<string, Cluster[]>();
  for (const c of clusters) {
    const last = c.words[c.words.length - 1]!;
    byLastWord.set(last, [...(byLastWord.get(last) ?? []), c]);
    for (const l of c.locals) {
      const index = localIndex[l.source]!;
      const keys = [l.words, ...l.aliasWords].map((w) => w.join(' '));
      const call = [l.words[l.words.length - 1]!, l.words[0]!];
      for (const k of [...keys, ...call]) {
        const had = index.get(k);
        if (had && had !== c) ambiguous[l.source]!.add(k);
        else index.set(k, c);
      }
      if (l.words.length > 1) fullIndex.set(l.words.join(' '), c);
    }
  }
  const resolve = (source: number, name: string): Cluster | undefined => {
    const words = nameWords(name);
    if (words.length === 0) return undefined;
    const key = words.join(' ');
    if (!ambiguous[source]!.has(key)) {
      const local = localIndex[source]!.get(key);
      if (local) return local;
    }
    if (words.length > 1) {
      const sameLast = byLastWord.get(words[words.length - 1]!) ?? [];
      return fullIndex.get(key) ?? sameLast.find((c) => compatibleNames(words, c.words) || compatibleNames(c.words, words));
    }
    return undefined;
  };

  const quotes = new Map<Cluster, QuoteRef[]>();
  sources.forEach((s, source) => {
    for (const q of s.briefing.quotes) {
      if (!q.speaker) continue;
      const c = resolve(source, q.speaker);
      if (!c) continue;
      const list = quotes.get(c) ?? [];
      list.push({ text: q.text, kind: q.kind, source: s.id, start: q.start, end: q.end });
      quotes.set(c, list);
    }
  });

  const sourcesOf = (c: Cluster): number[] => [...new Set([...c.locals.map((l) => l.source), ...c.found.keys()])].sort((a, b) => a - b);
  const ordered = clusters
    .map((c) => ({ c, sources: sourcesOf(c), mentions: mentionsOf(c) }))
    .sort((a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions);
  const rank = new Map<Cluster, number>(ordered.map((o, i) => [o.c, i]));
  const ids = new Map<Cluster, string>(ordered.map((o, i) => [o.c, `p${i}`]));
  const names = new Map<Cluster, string>(ordered.map((o) => [o.c, withSuffix(displayName(o.c), o.c, o.sources, bodies)]));
  const bySource = sources.map(() => [] as Cluster[]);
  for (const o of ordered) for (const s of o.sources) bySource[s]!.push(o.c);

  const people: CorpusPerson[] = ordered.map(({ c, sources: own, mentions }) => {
    const roles: RoleRef[] = c.locals
      .filter((l) => l.role !== null)
      .map((l) => ({ role: l.role!, source: sources[l.source]!.id, date: sources[l.source]!.briefing.date, order: l.source }))
      .sort((a, b) => dateKey(b.date).localeCompare(dateKey(a.date)) || b.order - a.order)
      .map(({ role, source, date }) => ({ role, source, date }));
    const shared = new Map<Cluster, number>();
    for (const s of own) for (const other of bySource[s]!) if (other !== c) shared.set(other, (shared.get(other) ?? 0) + 1);
    const coPeople: CoPerson[] = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || rank.get(a[0])! - rank.get(b[0])!)
      .map(([o, n]) => ({ id: ids.get(o)!, name: names.get(o)!, shared: n }));
    const forms = [...new Set([names.get(c)!, ...c.locals.map((l) => l.name)])];
    return {
      id: ids.get(c)!,
      name: names.get(c)!,
      forms,
      roles,
      quotes: quotes.get(c) ?? [],
      sources: own.map((s) => sources[s]!.id),
      mentions,
      coPeople,
    };
  });
  const personByCluster = new Map<Cluster, CorpusPerson>(ordered.map((o, i) => [o.c, people[i]!]));
  const sourceIndex = new Map(sources.map((s, i) => [s.id, i]));
  const folded = people.map((p) => p.forms.map((f) => nameWords(f).join(' ')));

  return {
    people,
    personOf(sourceId, name) {
      const source = sourceIndex.get(sourceId);
      const c = source === undefined ? undefined : resolve(source, name);
      return c ? personByCluster.get(c) : undefined;
    },
    search(query, limit = 25) {
      const q = nameWords(query).join(' ');
      if (q === '') return people.slice(0, limit);
      const starts: CorpusPerson[] = [];
      const contains: CorpusPerson[] = [];
      people.forEach((p, i) => {
        const forms = folded[i]!;
        if (forms.some((f) => f.startsWith(q) || f.split(' ').some((w) => w.startsWith(q)))) starts.push(p);
        else if (forms.some((f) => f.includes(q))) contains.push(p);
      });
      return [...starts, ...contains].slice(0, limit);
    },
  };
}
