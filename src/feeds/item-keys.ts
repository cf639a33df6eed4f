/**
 * The keys an item is known by: its guid, its canonical link, and the hash of its words. An item is
 * "seen" when any of them was seen before, so a feed that rewrites guids, or moves links to tracking
 * URLs, or republishes the same text, does not bring the item twice.
 */
import { createHash } from 'node:crypto';
import { canonicalUrlKey, textKey } from '../library/dedupe.js';
import type { FeedItem } from './parse.js';

function bounded(prefix: string, value: string): string {
  return value.length <= 200 ? `${prefix}:${value}` : `${prefix}#${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;
}

/** The item's text without markup, for its words key (tags and entities dropped, spaces squashed). */
export function plainWords(html: string): string {
  return html
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&[#a-z0-9]{1,10};/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function itemKeys(item: FeedItem): string[] {
  const keys: string[] = [];
  if (item.guid) keys.push(bounded('g', item.guid.trim()));
  const link = canonicalUrlKey(item.link);
  if (link) keys.push(bounded('u', link));
  const words = `${item.title} ${plainWords(item.html)}`.trim();
  if (words) keys.push(`t:${textKey(words)}`);
  return keys;
}
