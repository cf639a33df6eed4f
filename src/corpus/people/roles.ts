/**
 * People the set names by a role only: "Driver charged after crash" in one article, "Driver was
 * speeding, police say" in another — one unnamed person of one story, whom no name list holds. A
 * role person is a person noun ("driver", "inmate", "lawyer") that opens a sentence or the headline,
 * capitalised, with no name after it ("Driver Tom Hale" is Tom Hale's role, not a person of its own),
 * written so in at least two briefings of one story: briefings whose words are alike (cosine of their
 * content terms, rare words weighing more) or that share a named person. ECB+ topics hold two similar
 * events, each with its own driver or lawyer; the story link keeps them apart.
 */
import { contentTerms, cosine, termCounts, type TermVector } from '../../text/terms.js';
import { looksLikeHeadline, wordsOf } from '../../core/summary/boilerplate.js';
import type { SourceBriefing } from '../types.js';

/** Nouns that name a person by what they are or do (not adjectives: "Major", "General", "Chief"). */
const PERSON_NOUNS = new Set(
  `suspect victim inmate prisoner convict escapee fugitive gunman shooter attacker killer murderer robber thief
  burglar kidnapper hijacker bomber driver pilot passenger motorist cyclist pedestrian man woman boy girl teen
  teenager toddler baby student teacher nurse doctor surgeon soldier cop policeman policewoman firefighter
  worker witness resident neighbour neighbor mother father son daughter wife husband grandmother grandfather
  lawyer attorney prosecutor judge spokesman spokeswoman actor actress singer rapper boss mobster
  lifer celebrity billionaire tycoon priest bishop mayor governor senator lawmaker chef coach`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Story likeness at which two briefings tell the same story. */
const SAME_STORY = 0.25;

export interface RolePerson {
  /** "the driver": the role as the set writes it. */
  readonly name: string;
  /** Indices into the sources, in input order. */
  readonly sources: readonly number[];
  /** Per source index: how many of its sentences open with the role. */
  readonly mentions: Readonly<Record<number, number>>;
}

/** A word's letters, lower-cased, without a possessive or closing punctuation; '' when none. */
function bare(word: string): string {
  let end = word.length;
  while (end > 0 && !/\p{L}/u.test(word.charAt(end - 1))) end--;
  let w = word.slice(0, end).toLowerCase();
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  return w;
}

function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * The person nouns a text uses as a person alone: in running text one that opens the sentence ("Driver
 * was arrested …", "Escaped Inmate …": up to two capitalised words before it) and is not followed by a
 * capitalised word (a name: "Driver Tom Hale" is Tom Hale's role); in a headline any capitalised one not
 * followed by a word of a known name ("Woman Killed In Crash, Driver Charged").
 */
export function rolesWritten(text: string, headline: boolean, nameWords: ReadonlySet<string>): string[] {
  const words = text.trim().split(/\s+/);
  const out: string[] = [];
  for (let k = 0; k < words.length && (headline || k < 3); k++) {
    const word = words[k]!;
    if (!capitalised(word)) {
      if (headline) continue;
      break;
    }
    const noun = bare(word);
    if (!PERSON_NOUNS.has(noun)) continue;
    const next = words[k + 1];
    const named = next !== undefined && capitalised(next) && !/[,:;]$/.test(word) && (!headline || nameWords.has(bare(next)));
    if (!named && !out.includes(noun)) out.push(noun);
    if (!headline) break;
  }
  return out;
}

function storyVector(s: SourceBriefing): TermVector {
  const b = s.briefing;
  return termCounts(contentTerms([b.title ?? '', ...b.sentences.slice(0, 40).map((x) => x.text)].join(' ')));
}

/**
 * Role people of a set. `namedIn[i]`: the named people (any stable keys) of briefing i, so that two
 * briefings about one named person count as one story; `nameWords`: every word of the set's names.
 */
export function rolePeople(sources: readonly SourceBriefing[], namedIn: readonly ReadonlySet<string>[], nameWords: ReadonlySet<string>): RolePerson[] {
  const byNoun = new Map<string, Map<number, number>>();
  sources.forEach((s, i) => {
    const b = s.briefing;
    const texts = [...(b.title ? [b.title] : []), ...b.sentences.map((x) => x.text)];
    texts.forEach((text, k) => {
      // Read as a headline first (the wider reading): most sentences hold no capitalised person noun at all.
      const any = rolesWritten(text, true, nameWords);
      if (any.length === 0) return;
      const headline = (k === 0 && b.title !== null) || looksLikeHeadline(text, wordsOf(text));
      for (const noun of headline ? any : rolesWritten(text, false, nameWords)) {
        const counts = byNoun.get(noun) ?? new Map<number, number>();
        counts.set(i, (counts.get(i) ?? 0) + 1);
        byNoun.set(noun, counts);
      }
    });
  });
  for (const [noun, counts] of byNoun) if (counts.size < 2) byNoun.delete(noun);
  if (byNoun.size === 0) return [];
  // Story vectors of the briefings that write a role in two briefings or more; rarity over the whole set.
  const vectors = new Map<number, TermVector>();
  for (const counts of byNoun.values()) for (const i of counts.keys()) if (!vectors.has(i)) vectors.set(i, storyVector(sources[i]!));
  const df = new Map<string, number>();
  for (const v of vectors.values()) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = vectors.size;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
  const sameStory = (a: number, b: number): boolean =>
    [...namedIn[a]!].some((k) => namedIn[b]!.has(k)) || cosine(vectors.get(a)!, vectors.get(b)!, idf) >= SAME_STORY;
  const out: RolePerson[] = [];
  for (const [noun, counts] of byNoun) {
    // Stories: groups of briefings linked by likeness (single link), each of two briefings or more.
    const left = [...counts.keys()];
    while (left.length > 0) {
      const group = [left.shift()!];
      for (let g = 0; g < group.length; g++) {
        for (let j = left.length - 1; j >= 0; j--) {
          if (sameStory(group[g]!, left[j]!)) group.push(...left.splice(j, 1));
        }
      }
      if (group.length < 2) continue;
      group.sort((a, b) => a - b);
      out.push({ name: `the ${noun}`, sources: group, mentions: Object.fromEntries(group.map((i) => [i, counts.get(i)!])) });
    }
  }
  return out;
}
