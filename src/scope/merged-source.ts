/** A server's view of the briefings: its own and (when shared) the folder's, as one ArticleSource. */
import type { ArticleSource } from '../library/source.js';
import type { SkippedFile, StoredArticle } from '../library/store.js';

function newestFirst(a: StoredArticle, b: StoredArticle): number {
  return (b.briefing.date ?? '').localeCompare(a.briefing.date ?? '');
}

export class MergedSource implements ArticleSource {
  private cached: { readonly key: readonly (readonly StoredArticle[])[]; readonly list: readonly StoredArticle[] } | null = null;

  /** `own` first: its ids win over the shared folder's. */
  constructor(
    private readonly own: ArticleSource,
    private readonly shared: ArticleSource | null,
  ) {}

  list(): readonly StoredArticle[] {
    const own = this.own.list();
    const shared = this.shared?.list() ?? [];
    if (shared.length === 0) return own;
    if (own.length === 0) return shared;
    // Both parts are newest first; merge them (and keep the merge while neither part changed).
    if (this.cached && this.cached.key[0] === own && this.cached.key[1] === shared) return this.cached.list;
    const ownIds = new Set(own.map((a) => a.id));
    const out: StoredArticle[] = [];
    let i = 0;
    let j = 0;
    while (i < own.length || j < shared.length) {
      const s = shared[j];
      if (s && ownIds.has(s.id)) {
        j++;
        continue;
      }
      const o = own[i];
      if (o && (!s || newestFirst(o, s) <= 0)) {
        out.push(o);
        i++;
      } else if (s) {
        out.push(s);
        j++;
      }
    }
    this.cached = { key: [own, shared], list: out };
    return out;
  }

  get(id: string): StoredArticle | undefined {
    return this.own.get(id) ?? this.shared?.get(id);
  }

  loading(): { readonly ready: number; readonly total: number } | null {
    return this.shared?.loading?.() ?? null;
  }

  skipped(): readonly SkippedFile[] {
    return this.shared?.skipped() ?? [];
  }

  onChange(listener: () => void): () => void {
    const a = this.own.onChange(listener);
    const b = this.shared?.onChange(listener);
    return () => {
      a();
      b?.();
    };
  }
}
