/**
 * Related briefings: the others about the same story (their content words, weighted by how rare a
 * word is in the set, in common) or the same people (one identity across the set), ranked.
 */
import { contentTerms, cosine, termCounts, type TermVector } from '../text/terms.js';
import type { PeopleIndex } from './people/identity.js';
import type { RelatedBriefing, SourceBriefing } from './types.js';

/** How much one shared person adds to the story similarity (which lies in [0, 1]). */
const PERSON_WEIGHT = 0.15;
/** Below this a briefing is not related, whatever it shares. */
const MIN_SCORE = 0.1;

/** The words of a briefing that say what it is about: its title and summary count twice. */
function briefingVector(s: SourceBriefing): TermVector {
  const b = s.briefing;
  const lead = [b.title ?? '', ...b.summary.map((x) => x.text)].join(' ');
  const body = b.sentences.slice(0, 40).map((x) => x.text).join(' ');
  return termCounts([...contentTerms(lead), ...contentTerms(lead), ...contentTerms(body)]);
}

export interface RelatedIndex {
  related(id: string, limit?: number): RelatedBriefing[];
}

export function relatedIndex(sources: readonly SourceBriefing[], people: PeopleIndex): RelatedIndex {
  const vectors = sources.map(briefingVector);
  const df = new Map<string, number>();
  for (const v of vectors) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sources.length;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
  const peopleOf = new Map<string, Set<string>>();
  for (const p of people.people) {
    for (const s of p.sources) {
      const set = peopleOf.get(s) ?? new Set<string>();
      set.add(p.name);
      peopleOf.set(s, set);
    }
  }
  const index = new Map(sources.map((s, i) => [s.id, i]));
  return {
    related(id, limit = 3) {
      const i = index.get(id);
      if (i === undefined) return [];
      const mine = peopleOf.get(id) ?? new Set<string>();
      const out: RelatedBriefing[] = [];
      sources.forEach((s, j) => {
        if (j === i) return;
        const shared = [...(peopleOf.get(s.id) ?? [])].filter((p) => mine.has(p));
        const score = cosine(vectors[i]!, vectors[j]!, idf) + PERSON_WEIGHT * shared.length;
        if (score >= MIN_SCORE) out.push({ id: s.id, score, people: shared });
      });
      return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
    },
  };
}
