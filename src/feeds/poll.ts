/**
 * One poll of one feed: a conditional GET through the safe fetcher (ETag / Last-Modified; a body
 * identical to the last one is not parsed again), the items not seen before, each stored as a
 * briefing (oldest first) and then marked seen. A crash between the two stores nothing twice: the
 * server's store refuses the duplicate and the item is marked seen on the next poll.
 */
import { createHash } from 'node:crypto';
import { FetchError, safeFetch, type SafeFetchOptions } from '../fetch/index.js';
import { FeedError } from './errors.js';
import type { Feed, FeedStore } from './feed-store.js';
import { itemKeys } from './item-keys.js';
import type { FeedItem, FeedParseOptions, ParsedFeed } from './parse.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { backgroundPool } from '../library/pool.js';

export const FEED_MEDIA_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
  // Many feeds are served with a generic type; the parser decides.
  'text/plain',
  'text/html',
  'application/octet-stream',
] as const;

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** What storing one item gave: a new briefing, a duplicate of a stored one, or nothing usable. */
export type StoredItem = { readonly kind: 'created'; readonly id: string } | { readonly kind: 'duplicate'; readonly id: string } | { readonly kind: 'skipped'; readonly reason: string };

export interface PollLimits {
  readonly maxBytes: number;
  /** Items read from one document at most. */
  readonly maxItems: number;
  /** New items stored from one poll at most (the rest are marked seen). */
  readonly maxNewItems: number;
  /** Items stored at /feed add (the rest are marked seen, not stored). */
  readonly seedItems: number;
  /** Item pages fetched at once for one feed. */
  readonly itemConcurrency: number;
}

export const DEFAULT_POLL_LIMITS: PollLimits = { maxBytes: 5 * 1024 * 1024, maxItems: 200, maxNewItems: 50, seedItems: 20, itemConcurrency: 4 };

export interface PollDeps {
  readonly feeds: FeedStore;
  readonly fetch: SafeFetchOptions;
  readonly limits: PollLimits;
  readonly now: () => number;
  /** Stores one item as a briefing of the feed's server (its page, else its own text). */
  storeItem(feed: Feed, item: FeedItem): Promise<StoredItem>;
  /** Parses a fetched document (default: the background worker, off the thread that answers Discord). */
  readonly parse?: (bytes: Uint8Array, options: FeedParseOptions) => Promise<ParsedFeed>;
}

export type PollOutcome =
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'read'; readonly title: string | null; readonly found: number; readonly fresh: number; readonly created: readonly string[] }
  /** The feed could not be had or read (counts towards pausing it). */
  | { readonly kind: 'failed'; readonly error: string };

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

/** Polls once. Database failures reject (the job is retried); feed failures are an outcome. */
export async function pollFeed(feed: Feed, deps: PollDeps, options: { seed: boolean }): Promise<PollOutcome> {
  const { feeds, limits } = deps;
  let page;
  try {
    page = await safeFetch(feed.url, {
      ...deps.fetch,
      maxBytes: limits.maxBytes,
      allowedTypes: FEED_MEDIA_TYPES,
      accept: FEED_ACCEPT,
      validators: options.seed ? undefined : { etag: feed.etag, lastModified: feed.lastModified },
    });
  } catch (error) {
    if (error instanceof FetchError) return { kind: 'failed', error: error.message };
    throw error;
  }
  const polledAt = deps.now();
  if (page.notModified) {
    await feeds.update(feed.id, { lastPolledAt: polledAt, failures: 0, lastError: null });
    return { kind: 'not-modified' };
  }
  const bodyHash = createHash('sha256').update(page.bytes).digest('hex');
  const validators = { etag: page.etag, lastModified: page.lastModified };
  if (!options.seed && bodyHash === feed.bodyHash) {
    await feeds.update(feed.id, { ...validators, lastPolledAt: polledAt, failures: 0, lastError: null });
    return { kind: 'unchanged' };
  }
  let parsed;
  try {
    const parse = deps.parse ?? ((bytes, options) => backgroundPool().parseFeed(bytes, options));
    parsed = await parse(page.bytes, { charset: page.charset, url: page.url, maxItems: limits.maxItems });
  } catch (error) {
    if (error instanceof FeedError) return { kind: 'failed', error: error.message };
    throw error;
  }

  const withKeys = parsed.items.map((item) => ({ item, keys: itemKeys(item) }));
  const seen = await feeds.seenKeys(feed.id, [...new Set(withKeys.flatMap((x) => x.keys))]);
  const fresh: typeof withKeys = [];
  const inThisDocument = new Set<string>();
  for (const entry of withKeys) {
    // Unseen, and not a repeat of an item earlier in this same document.
    if (entry.keys.some((k) => seen.has(k) || inThisDocument.has(k))) continue;
    for (const k of entry.keys) inThisDocument.add(k);
    fresh.push(entry);
  }
  // Feeds list newest first: keep the newest `cap`, store them oldest first.
  const cap = options.seed ? limits.seedItems : limits.maxNewItems;
  const toStore = fresh.slice(0, cap).reverse();
  const skipped = fresh.slice(cap);
  if (skipped.length > 0) await feeds.markSeen(feed.id, skipped.flatMap((x) => x.keys), polledAt);

  // The embedded database answers synchronously, so a poll's awaits rarely wait on I/O: let the
  // interactions that arrived meanwhile run between one item's steps.
  const results = await inBatches(toStore, limits.itemConcurrency, async ({ item, keys }) => {
    await nextTurn();
    const stored = await deps.storeItem(feed, item);
    await nextTurn();
    await feeds.markSeen(feed.id, keys, deps.now());
    return stored;
  });
  const created = results.flatMap((r) => (r.kind === 'created' ? [r.id] : []));
  await feeds.update(feed.id, { ...validators, bodyHash, title: parsed.title ?? feed.title, lastPolledAt: polledAt, failures: 0, lastError: null, addStored: created.length });
  return { kind: 'read', title: parsed.title, found: parsed.items.length, fresh: fresh.length, created };
}
