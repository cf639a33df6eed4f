/**
 * The autocomplete index: title words, people and id words of every article, matched exactly, by
 * prefix (what is being typed) or with one typo. Purpose-built rather than MiniSearch because
 * autocomplete runs on every keystroke and must stay well under a millisecond on 10,000 articles:
 * MiniSearch scores every matching document with BM25 and expands fuzzy prefixes over the whole
 * tree, which took 10–50 ms for common words. Here scoring is a few array updates per posting and
 * only the best `limit` are kept.
 */
import { foldTerm } from '../text/fold.js';

export interface SuggestFields {
  readonly title: string;
  readonly people: string;
  readonly idWords: string;
}

export interface SuggestHit {
  readonly id: string;
  readonly score: number;
  /** How many of the query's words matched. */
  readonly matched: number;
}

export interface SuggestOptions {
  readonly prefix?: boolean;
  readonly fuzzy?: boolean;
}

const FIELD_WEIGHT = { title: 3, people: 2, idWords: 1 } as const;
const EXACT = 1;
const PREFIX = 0.7;
const FUZZY = 0.45;
/** Prefix expansion keeps at most this many terms (shortest first): few for 1-2 letters typed. */
function maxPrefixTerms(typed: string): number {
  return typed.length <= 1 ? 10 : typed.length === 2 ? 40 : 300;
}
const MIN_FUZZY_LENGTH = 4;

/** Words of a text, folded (lowercase, no accents), split at anything that is not a letter or digit. */
export function words(text: string): string[] {
  return foldTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Whether a[i..] equals b[j..] (no slicing: this runs over the whole vocabulary). */
function restEqual(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * True when `a` and the first `lb` characters of `b` differ by at most one insertion, deletion,
 * substitution or adjacent swap (`lb` defaults to all of `b`).
 */
export function withinOneEdit(a: string, b: string, lb: number = b.length): boolean {
  const la = a.length;
  if (lb > b.length || Math.abs(la - lb) > 1) return false;
  const bb = lb === b.length ? b : b.slice(0, lb);
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === bb.charCodeAt(i)) i++;
  if (i === la && la === lb) return true;
  if (la === lb) {
    if (restEqual(a, i + 1, bb, i + 1)) return true; // substitution
    return a[i] === bb[i + 1] && a[i + 1] === bb[i] && restEqual(a, i + 2, bb, i + 2); // swap
  }
  return la > lb ? restEqual(a, i + 1, bb, i) : restEqual(a, i, bb, i + 1);
}

/** Whether the typed `q` is, with one typo, the start of `term`. */
function fuzzyPrefixOf(q: string, term: string): boolean {
  const n = q.length;
  return withinOneEdit(q, term, Math.min(n, term.length)) || (term.length > n && withinOneEdit(q, term, n + 1)) || withinOneEdit(q, term, n - 1);
}

export class SuggestIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly idOf: (string | undefined)[] = [];
  private readonly termsOf: (Map<string, number> | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** term → (slot → field weight) */
  private readonly postings = new Map<string, Map<number, number>>();
  private vocabulary: string[] = [];
  /** The vocabulary by first character, for typo search. */
  private byFirst = new Map<string, string[]>();
  private vocabularyDirty = false;
  private scores = new Float64Array(0);
  private matches = new Uint8Array(0);
  private best = new Float64Array(0);
  private rank = new Int32Array(0);

  add(id: string, fields: SuggestFields): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.freeSlots.pop() ?? this.idOf.length;
    const terms = new Map<string, number>();
    for (const field of ['title', 'people', 'idWords'] as const) {
      for (const w of words(fields[field])) terms.set(w, Math.max(terms.get(w) ?? 0, FIELD_WEIGHT[field]));
    }
    for (const [term, weight] of terms) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = new Map();
        this.postings.set(term, posting);
        this.vocabularyDirty = true;
      }
      posting.set(slot, weight);
    }
    this.slotOf.set(id, slot);
    this.idOf[slot] = id;
    this.termsOf[slot] = terms;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const term of this.termsOf[slot]?.keys() ?? []) {
      const posting = this.postings.get(term);
      posting?.delete(slot);
      if (posting && posting.size === 0) {
        this.postings.delete(term);
        this.vocabularyDirty = true;
      }
    }
    this.slotOf.delete(id);
    this.idOf[slot] = undefined;
    this.termsOf[slot] = undefined;
    this.freeSlots.push(slot);
  }

  /** Recency for tie-breaks: position in the newest-first list (lower is newer). */
  setOrder(idsNewestFirst: readonly string[]): void {
    this.rank = new Int32Array(this.idOf.length).fill(idsNewestFirst.length);
    idsNewestFirst.forEach((id, i) => {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.rank[slot] = i;
    });
  }

  private sortedVocabulary(): string[] {
    if (this.vocabularyDirty) {
      this.vocabulary = [...this.postings.keys()].sort();
      this.byFirst = new Map();
      for (const term of this.vocabulary) {
        const bucket = this.byFirst.get(term[0]!);
        if (bucket) bucket.push(term);
        else this.byFirst.set(term[0]!, [term]);
      }
      this.vocabularyDirty = false;
    }
    return this.vocabulary;
  }

  /** Terms starting with `q`; when there are many, the shortest (closest to what is typed). */
  private prefixTerms(q: string): string[] {
    const vocab = this.sortedVocabulary();
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocab[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < vocab.length && vocab[i]!.startsWith(q); i++) out.push(vocab[i]!);
    const max = maxPrefixTerms(q);
    if (out.length > max) out.sort((a, b) => a.length - b.length).length = max;
    return out;
  }

  /**
   * Terms within one typo of `q` (as a whole word, or as the start of one when `prefix`). Only terms
   * starting with q's first or second letter are tried: typos rarely hit the first letter, and a
   * swapped or dropped first letter leaves the second in front.
   */
  private fuzzyTerms(q: string, prefix: boolean): string[] {
    this.sortedVocabulary();
    const out: string[] = [];
    const buckets = new Set([this.byFirst.get(q[0]!), this.byFirst.get(q[1]!)]);
    for (const bucket of buckets) {
      for (const term of bucket ?? []) {
        if (prefix ? term.length >= q.length - 1 && fuzzyPrefixOf(q, term) : withinOneEdit(q, term)) out.push(term);
      }
    }
    return out;
  }

  /**
   * Best `limit` articles for the query: more matched words first, then score (field weight × match
   * quality), then newer. Each word counts once per article, by its best match.
   */
  search(query: string, limit: number, options: SuggestOptions = {}): SuggestHit[] {
    const tokens = [...new Set(words(query))].slice(0, 8);
    if (tokens.length === 0) return [];
    const size = this.idOf.length;
    if (this.scores.length < size) {
      this.scores = new Float64Array(size);
      this.matches = new Uint8Array(size);
      this.best = new Float64Array(size);
    }
    if (this.rank.length < size) {
      const old = this.rank;
      this.rank = new Int32Array(size).fill(size);
      this.rank.set(old);
    }
    const touched: number[] = [];
    const best = this.best; // slot → best value for the current token
    const hitSlots: number[] = [];
    for (const token of tokens) {
      hitSlots.length = 0;
      const consider = (term: string, quality: number): void => {
        for (const [slot, weight] of this.postings.get(term) ?? []) {
          const value = quality * weight;
          if (best[slot] === 0) hitSlots.push(slot);
          if (best[slot]! < value) best[slot] = value;
        }
      };
      if (this.postings.has(token)) consider(token, EXACT);
      if (options.prefix ?? true) for (const term of this.prefixTerms(token)) if (term !== token) consider(term, PREFIX);
      if ((options.fuzzy ?? true) && hitSlots.length === 0 && token.length >= MIN_FUZZY_LENGTH) {
        for (const term of this.fuzzyTerms(token, options.prefix ?? true)) consider(term, FUZZY);
      }
      for (const slot of hitSlots) {
        if (this.matches[slot] === 0) touched.push(slot);
        this.matches[slot]! += 1;
        this.scores[slot]! += best[slot]!;
        best[slot] = 0;
      }
    }
    // Keep the best `limit` by insertion into a short sorted list.
    const top: number[] = [];
    const better = (a: number, b: number): boolean =>
      this.matches[a]! !== this.matches[b]! ? this.matches[a]! > this.matches[b]! : this.scores[a]! !== this.scores[b]! ? this.scores[a]! > this.scores[b]! : this.rank[a]! < this.rank[b]!;
    for (const slot of touched) {
      if (top.length === limit && !better(slot, top[top.length - 1]!)) continue;
      let i = top.length;
      while (i > 0 && better(slot, top[i - 1]!)) i--;
      top.splice(i, 0, slot);
      if (top.length > limit) top.pop();
    }
    const hits = top.map((slot) => ({ id: this.idOf[slot]!, score: this.scores[slot]!, matched: this.matches[slot]! }));
    for (const slot of touched) {
      this.scores[slot] = 0;
      this.matches[slot] = 0;
    }
    return hits;
  }
}
