/**
 * Summaries at the lengths members can ask for. The stored briefing carries the standard length;
 * other lengths are re-ranked from its sentences (no file I/O) and kept in a small LRU cache.
 */
import { DEFAULT_SUMMARY_SENTENCES } from '../core/analyze.js';
import { summarize } from '../core/summarize.js';
import type { Briefing } from '../core/types.js';
import type { StoredArticle } from '../library/store.js';
import { BRIEF_LENGTHS, type BriefLength } from '../present/brief-view.js';

/** Above this many sentences, re-ranking might take a noticeable moment: the handler defers first. */
const SLOW_SENTENCE_COUNT = 400;

export class SummaryCache {
  private readonly entries = new Map<string, { readonly base: Briefing; readonly briefing: Briefing }>();

  constructor(private readonly capacity = 500) {}

  private key(article: StoredArticle, length: BriefLength): string {
    return `${length}\u0000${article.id}`;
  }

  /** The briefing with the summary at `length`, when it is ready without work. */
  peek(article: StoredArticle, length: BriefLength): Briefing | undefined {
    if (BRIEF_LENGTHS[length] === DEFAULT_SUMMARY_SENTENCES) return article.briefing;
    const hit = this.entries.get(this.key(article, length));
    return hit && hit.base === article.briefing ? hit.briefing : undefined;
  }

  /** Whether computing `length` for this article could be slow enough to defer the reply. */
  mightBeSlow(article: StoredArticle, length: BriefLength): boolean {
    return this.peek(article, length) === undefined && article.briefing.sentences.length > SLOW_SENTENCE_COUNT;
  }

  get(article: StoredArticle, length: BriefLength): Briefing {
    const ready = this.peek(article, length);
    const key = this.key(article, length);
    if (ready) {
      // Refresh recency.
      const entry = this.entries.get(key);
      if (entry) {
        this.entries.delete(key);
        this.entries.set(key, entry);
      }
      return ready;
    }
    const base = article.briefing;
    const briefing: Briefing = { ...base, summary: summarize(base, base.sentences, BRIEF_LENGTHS[length]) };
    this.entries.delete(key);
    this.entries.set(key, { base, briefing });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return briefing;
  }
}
