/**
 * The briefings a cross-briefing command reads: exactly what the member may see in this place (the
 * scope), optionally only those of the last day, week or month.
 */
import type { StoredArticle } from '../../library/store.js';
import type { Scope } from '../../scope/scopes.js';
import type { SinceCode } from '../custom-id.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SINCE_DAYS: Record<Exclude<SinceCode, 'all'>, number> = { '1d': 1, '7d': 7, '30d': 30 };

/** When a briefing happened, for `since`: its full publication date, else when it was stored. */
function timeOf(article: StoredArticle): number | null {
  const date = article.briefing.date;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return Date.parse(`${date}T00:00:00Z`);
  const added = (article as { addedAt?: unknown }).addedAt;
  return typeof added === 'number' ? added : null;
}

export function visibleArticles(scope: Scope, since: SinceCode, now: number = Date.now()): readonly StoredArticle[] {
  const all = scope.source.list();
  if (since === 'all') return all;
  // A publication date is a calendar day: count from the start of the first day of the period.
  const from = now - SINCE_DAYS[since] * DAY_MS - DAY_MS;
  return all.filter((a) => {
    const t = timeOf(a);
    return t !== null && t >= from;
  });
}

export function sinceLabel(since: SinceCode): string {
  return since === 'all' ? 'all stored briefings' : since === '1d' ? 'the last day' : since === '7d' ? 'the last 7 days' : 'the last 30 days';
}
