/**
 * Lists of other stories that follow an article without any heading over them: repeated units of a
 * headline and a one-sentence blurb on other topics, for the text main-block finder (blurbs score as
 * furniture). Tried on Readability's block as well (the article ending where a run starts): no gain on the
 * synthetic pages, trafilatura snippets F1 on the tuning part 0.952 -> 0.944, so not used there.
 */
import type { LineFeatures } from './mainblock.js';

/** Shape of a line in a list of other stories: a headline-like line (H), a one-sentence blurb (S), anything else (X). */
function teaserShape(f: LineFeatures): 'H' | 'S' | 'X' {
  if (!f.sentenceEnd && f.words <= 14 && !f.text.endsWith(':')) return /^\d{1,2}[.)]\s/.test(f.text) ? 'X' : 'H';
  if (f.sentenceEnd && f.words >= 6 && f.words <= 45) return 'S';
  return 'X';
}

const ENTRY_TIME = /\b\d{1,2}[:.]\d{2}\b|\bago\b/;
/** Prose score before a run of teasers that makes it come after a whole article. */
const ARTICLE_BEFORE_TEASERS = 100;
/** Units of the same shape that make a list of other stories. */
const MIN_TEASER_UNITS = 3;
/** Share of a blurb's content words that the article above used: other stories share few. */
const MAX_TEASER_OVERLAP = 0.25;

/** Content words (four letters or more, lower-cased) of a line. */
function contentWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.length >= 4);
}

/**
 * Blurbs of a list of other stories that follows a whole article without any heading: three or more units
 * of one shape, each a headline (and maybe a short label or byline line) with a single sentence of blurb
 * ("Bakery on the square closes after sixty years" / "The family that ran it says …"), whose blurbs use
 * few of the article's words. A numbered list ("1. The Quiet Orchard") is the article's own; subheaded
 * sections are on the article's topic and mostly longer than one sentence.
 * Returns the blurbs' line indices.
 */
export function teaserBlurbs(features: readonly LineFeatures[], scores: readonly number[]): number[] {
  const shapes = features.map(teaserShape);
  const blurbs: number[] = [];
  // words of the text above, gathered as the scan passes it (each line once)
  const above = new Set<string>();
  let gathered = 0;
  let prose = 0;
  let i = 0;
  while (i < shapes.length) {
    let units = 0;
    let period = 0;
    // a unit opened by a time ("Sara Lind 9:15", "2 hours ago") is a live blog's entry, not a teaser
    if (prose >= ARTICLE_BEFORE_TEASERS && shapes[i] === 'H' && !ENTRY_TIME.test(features[i]!.text)) {
      for (let p = 2; p <= 4 && units === 0; p++) {
        const unit = shapes.slice(i, i + p).join('');
        if (unit.length < p || unit.split('S').length !== 2 || unit.includes('X')) continue;
        let k = 1;
        while (shapes.slice(i + k * p, i + (k + 1) * p).join('') === unit) k++;
        if (k >= MIN_TEASER_UNITS) [units, period] = [k, p];
      }
    }
    if (units > 0) {
      for (; gathered < i; gathered++) if (features[gathered]!.words >= 6) for (const w of contentWords(features[gathered]!.text)) above.add(w);
      const end = i + units * period;
      if (offTopic(features, i, end, above)) for (let j = i; j < end; j++) if (shapes[j] === 'S') blurbs.push(j);
      // a run is judged once, whichever way it goes (no rescans from inside it)
      for (; i < end; i++) prose += Math.max(0, scores[i]!);
      continue;
    }
    prose += Math.max(0, scores[i]!);
    i++;
  }
  return blurbs;
}

/** Whether the blurbs of a candidate run share few words with the text above it. */
function offTopic(features: readonly LineFeatures[], start: number, end: number, above: ReadonlySet<string>): boolean {
  let shared = 0;
  let total = 0;
  for (let j = start; j < end; j++) {
    if (!features[j]!.sentenceEnd) continue;
    for (const w of contentWords(features[j]!.text)) {
      total++;
      if (above.has(w)) shared++;
    }
  }
  return total > 0 && shared / total <= MAX_TEASER_OVERLAP;
}

