/**
 * Term statistics of a set of briefings: which content words the set is about. A word written in
 * many of the briefings is the story's; a word of one briefing is that article's colour.
 */
import { contentTerms } from '../../text/terms.js';

/** Words of a request that ask rather than name the topic ("Describe …, discuss …"). */
const REQUEST_WORDS = new Set(
  'describe discuss identify explain tell give list include includ provid detail inform about regard concer involv happen happened news latest what whats anything everything'.split(' '),
);

/** Content terms of a focus request, without request words. */
export function aboutTerms(about: string): string[] {
  return [...new Set(contentTerms(about))].filter((t) => !REQUEST_WORDS.has(t));
}

export interface TermStats {
  /** Briefings in the set. */
  readonly documents: number;
  /** In how many briefings each term appears. */
  readonly df: ReadonlyMap<string, number>;
  /** How often each term appears in the whole set. */
  readonly tf: ReadonlyMap<string, number>;
}

export function termStats(termsPerBriefing: readonly (readonly (readonly string[])[])[]): TermStats {
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const sentences of termsPerBriefing) {
    const seen = new Set<string>();
    for (const terms of sentences) {
      for (const t of terms) {
        tf.set(t, (tf.get(t) ?? 0) + 1);
        if (!seen.has(t)) {
          seen.add(t);
          df.set(t, (df.get(t) ?? 0) + 1);
        }
      }
    }
  }
  return { documents: termsPerBriefing.length, df, tf };
}
