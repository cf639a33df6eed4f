/**
 * In-memory search over an ArticleSource: typo-tolerant prefix matching for `article` autocomplete
 * (titles, ids, people) and full-text search for /search (also bodies and quotes). Built with
 * MiniSearch, kept up to date incrementally on the source's `onChange`, so no query touches disk.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { ArticleSource } from '../library/source.js';
import type { StoredArticle } from '../library/store.js';
import type { Briefing } from '../core/types.js';
import { HASH_PREFIX, hashId } from './ref.js';
import { makeSnippet } from './snippet.js';
import { foldTerm } from '../text/fold.js';
import { SuggestIndex, words } from './suggest.js';

interface SuggestDoc {
  id: string;
  title: string;
  idWords: string;
  people: string;
}

interface FullDoc extends SuggestDoc {
  quotes: string;
  body: string;
}

export interface SearchHit {
  readonly article: StoredArticle;
  readonly score: number;
  /** A short passage of the body around the first matched word, or the start of the body. */
  readonly snippet: string;
}

export type Resolution =
  | { readonly kind: 'found'; readonly article: StoredArticle }
  | { readonly kind: 'ambiguous'; readonly suggestions: readonly StoredArticle[] }
  | { readonly kind: 'none' };

export { foldTerm };

function fuzziness(term: string): number | false {
  return term.length >= 4 ? 0.2 : false;
}

/** How long one slice of background full-text indexing may hold the event loop. */
const SLICE_MS = 15;

const FULL_OPTIONS: SearchOptions = {
  boost: { title: 3, people: 2, quotes: 1.5, body: 1 },
  prefix: (_term, index, terms) => index === terms.length - 1,
  fuzzy: (term) => fuzziness(term),
  maxFuzzy: 2,
  combineWith: 'AND',
};

function suggestDoc(article: StoredArticle): SuggestDoc {
  const b = article.briefing;
  return {
    id: article.id,
    title: b.title ?? '',
    idWords: article.id,
    people: b.people.map((p) => [p.name, ...p.aliases].join(' ')).join(' '),
  };
}

function fullDoc(article: StoredArticle): FullDoc {
  return { ...suggestDoc(article), quotes: article.briefing.quotes.map((q) => q.text).join(' '), body: article.briefing.body };
}

function newFullIndex(): MiniSearch<FullDoc> {
  return new MiniSearch<FullDoc>({
    fields: ['title', 'idWords', 'people', 'quotes', 'body'],
    processTerm: foldTerm,
    searchOptions: FULL_OPTIONS,
  });
}

export class ArticleIndex {
  private readonly suggest = new SuggestIndex();
  private readonly full = newFullIndex();
  private readonly indexed = new Map<string, Briefing>();
  private readonly byHash = new Map<string, string>();
  private readonly unsubscribe: () => void;
  /** Full-text work still to do: article to (re)index, or null to drop. Done in time slices. */
  private readonly pendingFull = new Map<string, StoredArticle | null>();
  private draining: Promise<void> | null = null;
  private closed = false;

  /**
   * `background` (the shared library): bodies are indexed in slices from the start. `on-demand` (a
   * server's own few hundred briefings): nothing until the server's first /search, which indexes them
   * then, at once — so the thousand servers an interaction storm touches do not all index bodies.
   */
  constructor(
    private readonly source: ArticleSource,
    private readonly fullText: 'background' | 'on-demand' = 'background',
  ) {
    this.sync();
    this.unsubscribe = source.onChange(() => this.sync());
  }

  /** Stops following the source. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
  }

  /** How many articles are still waiting for full-text indexing (searchable by title meanwhile). */
  get pendingFullText(): number {
    return this.pendingFull.size;
  }

  /** Resolves once full-text indexing has caught up with the source. */
  async whenIndexed(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Body text is indexed in slices of about SLICE_MS, yielding to the event loop between them:
   * indexing 10,000 bodies takes many seconds, and interactions must keep being answered meanwhile.
   */
  private fullTextWanted = false;
  private fullTextHeld = false;

  /**
   * No body indexing until `until` settles (the shared folder's first load): the slices would compete with
   * the load for the one thread, and titles, people and ids answer meanwhile.
   */
  holdFullText(until: Promise<unknown>): void {
    this.fullTextHeld = true;
    const release = () => {
      this.fullTextHeld = false;
      this.scheduleFullText();
    };
    until.then(release, release);
  }

  private drainNow(): void {
    for (const [id, article] of this.pendingFull) {
      this.pendingFull.delete(id);
      if (this.full.has(id)) this.full.discard(id);
      if (article) this.full.add(fullDoc(article));
    }
  }

  private scheduleFullText(): void {
    if (this.fullText === 'on-demand' && !this.fullTextWanted) return;
    if (this.fullTextHeld || this.closed) return;
    if (this.draining || this.pendingFull.size === 0) return;
    this.draining = (async () => {
      while (this.pendingFull.size > 0 && !this.closed) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const deadline = performance.now() + SLICE_MS;
        for (const [id, article] of this.pendingFull) {
          this.pendingFull.delete(id);
          if (this.full.has(id)) this.full.discard(id);
          if (article) this.full.add(fullDoc(article));
          if (performance.now() > deadline) break;
        }
      }
      this.draining = null;
    })();
  }

  get size(): number {
    return this.indexed.size;
  }

  /** Brings the index in line with the source: adds new articles, re-indexes edited ones, drops removed ones. */
  sync(): void {
    const current = new Map(this.source.list().map((a) => [a.id, a]));
    for (const id of [...this.indexed.keys()]) {
      if (!current.has(id)) this.remove(id);
    }
    for (const [id, article] of current) {
      const previous = this.indexed.get(id);
      if (previous === article.briefing) continue;
      if (previous) this.remove(id);
      this.suggest.add(id, suggestDoc(article));
      this.pendingFull.set(id, article);
      this.indexed.set(id, article.briefing);
      this.byHash.set(hashId(id), id);
    }
    this.suggest.setOrder([...current.keys()]);
    this.scheduleFullText();
  }

  private remove(id: string): void {
    this.suggest.remove(id);
    this.pendingFull.set(id, null);
    this.indexed.delete(id);
    this.byHash.delete(hashId(id));
  }

  /** An article by id or by the `#hash` reference used where the id is too long. */
  resolveRef(ref: string): StoredArticle | undefined {
    const direct = this.source.get(ref);
    if (direct || !ref.startsWith(HASH_PREFIX)) return direct;
    const id = this.byHash.get(ref);
    return id === undefined ? undefined : this.source.get(id);
  }

  private articlesOf(results: readonly SearchResult[], limit: number): StoredArticle[] {
    const out: StoredArticle[] = [];
    for (const r of results) {
      if (out.length >= limit) break;
      const article = this.source.get(r.id as string);
      if (article) out.push(article);
    }
    return out;
  }

  /** Up to `limit` articles for the autocomplete box: newest first when nothing is typed yet. */
  autocomplete(query: string, limit = 25): StoredArticle[] {
    const q = query.trim().slice(0, 200);
    if (q === '') return this.source.list().slice(0, limit);
    return this.suggest.search(q, limit).flatMap((hit) => {
      const article = this.source.get(hit.id);
      return article ? [article] : [];
    });
  }

  /** Full-text search, best first, with a snippet per hit. */
  search(query: string, limit = 10): SearchHit[] {
    const q = query.trim().slice(0, 200);
    if (q === '') return [];
    if (this.fullText === 'on-demand') {
      this.fullTextWanted = true;
      if (!this.draining) this.drainNow();
    }
    let results = this.full.search(q);
    if (results.length === 0) results = this.full.search(q, { combineWith: 'OR' });
    const hits: SearchHit[] = [];
    for (const r of results) {
      if (hits.length >= limit) break;
      const article = this.source.get(r.id as string);
      if (!article) continue;
      hits.push({ article, score: r.score, snippet: makeSnippet(article.briefing.body, r.terms) });
    }
    return hits;
  }

  /**
   * What a member meant by text typed into the `article` option without picking a suggestion:
   * an id, a reference, or words that single out one article; otherwise the closest candidates.
   */
  resolve(text: string): Resolution {
    const q = text.trim();
    if (q === '') return { kind: 'none' };
    const byRef = this.resolveRef(q);
    if (byRef) return { kind: 'found', article: byRef };
    const folded = foldTerm(q);
    const wanted = new Set(words(q)).size;
    const strict = this.suggest.search(q, 10, { prefix: false, fuzzy: false }).filter((hit) => hit.matched === wanted);
    const exactTitle = strict.map((hit) => this.source.get(hit.id)).find((a) => a && foldTerm(a.briefing.title ?? '') === folded);
    if (exactTitle) return { kind: 'found', article: exactTitle };
    const [first, second] = strict;
    if (first && (!second || first.score >= 2 * second.score)) {
      const article = this.source.get(first.id);
      if (article) return { kind: 'found', article };
    }
    const suggestions = this.autocomplete(q, 3);
    return suggestions.length > 0 ? { kind: 'ambiguous', suggestions } : { kind: 'none' };
  }
}
