/**
 * What commands ask of a search index, and one index made of two: the shared library's and the
 * server's own. Each part is searched alone, so the shared index (thousands of articles) is built once
 * for every server, and a server's briefings never enter another server's index.
 */
import type { StoredArticle } from '../library/store.js';
import type { Resolution, SearchHit } from '../search/index.js';

export interface SearchView {
  readonly pendingFullText: number;
  resolveRef(ref: string): StoredArticle | undefined;
  autocomplete(query: string, limit?: number): StoredArticle[];
  search(query: string, limit?: number): SearchHit[];
  resolve(text: string): Resolution;
}

/** Takes from each list in turn, so both parts' best matches come first; ids seen once. */
function interleave(lists: readonly (readonly StoredArticle[])[], limit: number): StoredArticle[] {
  const out: StoredArticle[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < limit && lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const article = list[i];
      if (!article || seen.has(article.id)) continue;
      seen.add(article.id);
      out.push(article);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** The server's own part first: an id it holds hides a shared article of the same id (in that server only). */
export class MergedSearch implements SearchView {
  constructor(private readonly parts: readonly SearchView[]) {}

  get pendingFullText(): number {
    return this.parts.reduce((n, p) => n + p.pendingFullText, 0);
  }

  resolveRef(ref: string): StoredArticle | undefined {
    for (const part of this.parts) {
      const hit = part.resolveRef(ref);
      if (hit) return hit;
    }
    return undefined;
  }

  autocomplete(query: string, limit = 25): StoredArticle[] {
    return interleave(this.parts.map((p) => p.autocomplete(query, limit)), limit);
  }

  search(query: string, limit = 10): SearchHit[] {
    const seen = new Set<string>();
    return this.parts
      .flatMap((p) => p.search(query, limit))
      .sort((a, b) => b.score - a.score)
      .filter((hit) => !seen.has(hit.article.id) && seen.add(hit.article.id))
      .slice(0, limit);
  }

  resolve(text: string): Resolution {
    const results = this.parts.map((p) => p.resolve(text));
    const found = results.filter((r) => r.kind === 'found');
    if (found.length === 1 || (found.length > 1 && found[0]?.kind === 'found' && this.resolveRef(text.trim()))) return found[0] as Resolution;
    const suggestions = interleave(
      results.map((r) => (r.kind === 'found' ? [r.article] : r.kind === 'ambiguous' ? r.suggestions : [])),
      3,
    );
    return suggestions.length > 0 ? { kind: 'ambiguous', suggestions } : { kind: 'none' };
  }
}
