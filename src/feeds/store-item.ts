/**
 * A feed item becomes a briefing of the feed's server: its page, fetched safely and cleaned like an
 * `/ingest url`; when the page cannot be had (or holds no article), the item's own text from the feed.
 */
import { FetchError } from '../fetch/index.js';
import { IngestError, ingestText, ingestUrl, type IngestOptions, type IngestTarget } from '../ingest/index.js';
import { backgroundPool } from '../library/pool.js';
import type { FeedItem } from './parse.js';
import type { StoredItem } from './poll.js';

/**
 * The item's own HTML as plain paragraphs: the core cleaner, so entities and markup are read properly,
 * in the background worker, since an item's HTML can be most of a 5 MB feed.
 */
export async function itemText(html: string): Promise<string> {
  if (!/[<&]/.test(html)) return html.trim();
  try {
    return (await backgroundPool().clean(Buffer.from(`<html><body><article>${html}</article></body></html>`, 'utf8'), 'item.html')).body.trim();
  } catch {
    return '';
  }
}

/** Problems with one item that storing its own text, or skipping it, answers; anything else rejects. */
function isItemProblem(error: unknown): boolean {
  return error instanceof FetchError || (error instanceof IngestError && error.code !== 'write-failed');
}

export async function storeFeedItem(target: IngestTarget, item: FeedItem, options: IngestOptions): Promise<StoredItem> {
  let pageProblem: string | null = null;
  if (item.link) {
    try {
      const result = await ingestUrl(target, item.link, options);
      return result.created ? { kind: 'created', id: result.id } : { kind: 'duplicate', id: result.id };
    } catch (error) {
      if (!isItemProblem(error)) throw error;
      pageProblem = (error as Error).message;
    }
  }
  const text = await itemText(item.html);
  const title = item.title || text.split(/\s+/).slice(0, 8).join(' ') || 'Untitled feed item';
  try {
    const result = await ingestText(target, { title, text, url: item.link }, options);
    return result.created ? { kind: 'created', id: result.id } : { kind: 'duplicate', id: result.id };
  } catch (error) {
    if (!isItemProblem(error)) throw error;
    return { kind: 'skipped', reason: pageProblem ? `${pageProblem} ${(error as Error).message}` : (error as Error).message };
  }
}
