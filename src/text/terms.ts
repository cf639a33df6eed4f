/**
 * Content terms for sentence similarity: lower-cased words without stop words, cut to a short prefix
 * (a cheap stemmer: "investors"/"investment" → "invest"), counted per sentence.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off ' +
    'on once only or other our ours ourselves out over own same she should so some such than that the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves said says say told tell according ' +
    'one two new like get got go going make made may might must much many us mr mrs ms dr s t ll ve re d m year years ' +
    'time last first people week day'
  ).split(' '),
);

const PREFIX_LENGTH = 6;

/** Content terms of a sentence, in order (duplicates kept). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const wordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 191;
    if (wordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      // A one-character word is never a term: skipped before it is copied out.
      if (i - start < 2) {
        start = -1;
        continue;
      }
      const word = lower.slice(start, i);
      start = -1;
      if (STOP_WORDS.has(word)) continue;
      out.push(word.length > PREFIX_LENGTH ? word.slice(0, PREFIX_LENGTH) : word);
    }
  }
  return out;
}

export type TermVector = Map<string, number>;

export function termCounts(terms: readonly string[]): TermVector {
  const v: TermVector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

export function norm(v: TermVector, weight: (term: string) => number): number {
  let sum = 0;
  for (const [t, c] of v) {
    const w = c * weight(t);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

/** Weighted cosine similarity of two count vectors. */
export function cosine(a: TermVector, b: TermVector, weight: (term: string) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, c] of small) {
    const other = large.get(t);
    if (other !== undefined) {
      const w = weight(t);
      dot += c * other * w * w;
    }
  }
  if (dot === 0) return 0;
  const n = norm(a, weight) * norm(b, weight);
  return n === 0 ? 0 : dot / n;
}
