/**
 * The cross-briefing engine: pure functions over briefings that src/core has analysed (never
 * re-analysed). A digest (points with all their sources, the people most involved, the key numbers,
 * the timeline), one identity per person across the set, and related briefings.
 */
import { contentTerms } from '../text/terms.js';
import { aboutTerms } from './digest/terms.js';
import { keyNumbers } from './digest/numbers.js';
import { selectPoints, type SelectWeights } from './digest/select.js';
import type { LinearModel } from './digest/scorer.js';
import { identifyPeople, type PeopleIndex } from './people/identity.js';
import { buildTimeline } from './timeline/index.js';
import type { CorpusPerson, Digest, DigestOptions, SourceBriefing, TimelineEvent } from './types.js';

export type * from './types.js';
export { identifyPeople, type PeopleIndex } from './people/identity.js';
export { relatedIndex, type RelatedIndex } from './related.js';
export { buildTimeline } from './timeline/index.js';

/** Does a text speak of the focus? Any of its content terms, or the name of a person it asks about. */
export function aboutFilter(about: string | undefined): ((text: string) => boolean) | undefined {
  if (!about || about.trim() === '') return undefined;
  const wanted = new Set(aboutTerms(about));
  if (wanted.size === 0) return undefined;
  return (text) => contentTerms(text).some((t) => wanted.has(t));
}

export interface DigestInput extends DigestOptions {
  /** Tuning hook for the evaluation; callers leave it out. */
  readonly weights?: SelectWeights;
  /** The learned scorer's model, for its training run; callers leave it out. */
  readonly scorer?: LinearModel;
  /** An identity index already built over the same sources (the bot keeps one). */
  readonly people?: PeopleIndex;
}

/** Everyone, most involved first; with a focus, the people it names lead. */
function focusPeople(people: readonly CorpusPerson[], about: string | undefined, index: PeopleIndex): CorpusPerson[] {
  if (!about) return [...people];
  const asked = index.search(about, 3);
  return [...asked, ...people.filter((p) => !asked.includes(p))];
}

export function digest(sources: readonly SourceBriefing[], options: DigestInput = {}): Digest {
  const { points } = selectPoints(sources, options);
  const index = options.people ?? identifyPeople(sources);
  const keep = aboutFilter(options.about);
  const timeline: TimelineEvent[] = buildTimeline(sources, keep ? { keep } : {});
  return {
    points,
    people: focusPeople(index.people, options.about, index),
    numbers: keyNumbers(sources),
    timeline,
  };
}
