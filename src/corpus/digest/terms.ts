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

/** Expansion terms a focus takes from the set, at most. */
const MAX_EXPANSION = 12;
/** A term joins the focus when at least this share of the sentences holding it also hold a focus term. */
const MIN_ASSOCIATION = 0.5;

/**
 * Pseudo-relevance feedback: the words the set writes beside the focus ("coast guard" → "patrol",
 * "boats"; a person's surname → their given name and title), each weighted in (0, 1) by the share of
 * its sentences that hold a focus term, times how much of the story it is. A word of one sentence
 * only (it can lead to no other), or one written more often away from the focus than near it, is no
 * expansion.
 */
export function expandFocus(
  focus: readonly string[],
  sentences: readonly ReadonlySet<string>[],
  weightOf: (term: string) => number,
): Map<string, number> {
  const wanted = new Set(focus);
  const near = new Map<string, number>();
  const all = new Map<string, number>();
  for (const terms of sentences) {
    let hit = false;
    for (const t of terms) if (wanted.has(t)) hit = true;
    for (const t of terms) {
      if (wanted.has(t)) continue;
      all.set(t, (all.get(t) ?? 0) + 1);
      if (hit) near.set(t, (near.get(t) ?? 0) + 1);
    }
  }
  let top = 0;
  for (const t of near.keys()) top = Math.max(top, weightOf(t));
  const scored: [string, number][] = [];
  for (const [t, n] of near) {
    const association = n / all.get(t)!;
    if (all.get(t)! < 2 || association < MIN_ASSOCIATION) continue;
    scored.push([t, association * (top > 0 ? weightOf(t) / top : 0)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(scored.slice(0, MAX_EXPANSION).filter(([, v]) => v > 0));
}
