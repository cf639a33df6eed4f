/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, read with feedsmith from bytes we fetched ourselves,
 * turned into one plain item shape: guid, absolute link, title, the item's own HTML, date.
 */
import iconv from 'iconv-lite';
import { parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith';
import { FeedError } from './errors.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  readonly guid: string | null;
  /** Absolute http(s) link to the item's page, when it has one. */
  readonly link: string | null;
  readonly title: string;
  /** The item's own text as the feed gives it (HTML or plain), used when its page cannot be had. */
  readonly html: string;
  readonly published: string | null;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  /** In feed order (usually newest first), at most `maxItems`. */
  readonly items: readonly FeedItem[];
}

/** The charset named by the HTTP header, else by the XML declaration, else UTF-8 (a BOM wins over both). */
function decode(bytes: Uint8Array, headerCharset: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8');
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(head)?.[1] ?? null;
  const charset = (headerCharset ?? declared ?? 'utf-8').toLowerCase();
  if (charset === 'utf-8' || charset === 'utf8' || !iconv.encodingExists(charset)) return Buffer.from(bytes).toString('utf8');
  return iconv.decode(Buffer.from(bytes), charset);
}

function absolute(link: string | undefined | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string') return (value as { value: string }).value.trim();
  return '';
}

const first = (...values: unknown[]): string => values.map(text).find((v) => v !== '') ?? '';

function itemsOf(parsed: AnyFeed<string>, base: string): FeedItem[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: text(item.guid) || null,
        link: absolute(item.link ?? (item.guid?.isPermaLink !== false ? text(item.guid) : null), base),
        title: text(item.title),
        html: first(item.content?.encoded, item.description),
        published: item.pubDate ?? item.dc?.dates?.[0] ?? null,
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: item.rdf?.about ?? null,
        link: absolute(item.link, base),
        title: text(item.title),
        html: first(item.content?.encoded, item.description),
        published: item.dc?.dates?.[0] ?? null,
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
        return {
          guid: entry.id || null,
          link: absolute(alternate?.href, base),
          title: text(entry.title),
          html: first(entry.content, entry.summary),
          published: entry.published ?? entry.updated ?? null,
        };
      });
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        guid: item.id === undefined || item.id === null ? null : String(item.id),
        link: absolute(item.url ?? item.external_url, base),
        title: text(item.title),
        html: first(item.content_html, item.content_text, item.summary),
        published: item.date_published ?? item.date_modified ?? null,
      }));
  }
}

function titleOf(parsed: AnyFeed<string>): string | null {
  return text((parsed.feed as { title?: unknown }).title) || null;
}

/**
 * The parser forgives a document cut off in the middle (its last item would be half an item): an XML
 * feed must end by closing the element it opened with.
 */
function isComplete(source: string): boolean {
  const body = source.replace(/^(?:\s*<\?[^>]{0,500}\?>|\s*<!--[\s\S]{0,2000}?-->|\s*<!DOCTYPE[^>]{0,500}>)*/i, '');
  const root = /^\s*<([A-Za-z_][\w:.-]{0,60})[\s/>]/.exec(body)?.[1];
  return root !== undefined && new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>\\s*(?:<!--[\\s\\S]{0,2000}?-->\\s*)*$`).test(source.slice(-4000));
}

export interface FeedParseOptions {
  /** The charset the HTTP response named, if any. */
  readonly charset?: string | null;
  /** Where the document came from: relative links are read against it. */
  readonly url: string;
  readonly maxItems?: number;
}

/** Parses a fetched feed; a FeedError says why it is not one. */
export function parseFeedBytes(bytes: Uint8Array, options: FeedParseOptions): ParsedFeed {
  const source = decode(bytes, options.charset ?? null).trim();
  if (source === '') throw new FeedError('not-a-feed', 'The address answered with an empty document, not a feed.');
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse(source.startsWith('{') ? (JSON.parse(source) as unknown) : source);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'DetectError' || /^\s*<(!doctype html|html)/i.test(source)) {
      throw new FeedError('not-a-feed', 'The address is not an RSS, Atom or JSON feed (it looks like a web page or another kind of document).');
    }
    throw new FeedError('malformed', `The feed could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'it is malformed'}.`);
  }
  if (parsed.format !== 'json' && !isComplete(source)) throw new FeedError('malformed', 'The feed could not be read: the document is cut off (its last element is never closed).');
  const items = itemsOf(parsed, options.url).filter((item) => item.guid || item.link || item.title || item.html);
  return { format: parsed.format, title: titleOf(parsed), items: items.slice(0, options.maxItems ?? 100) };
}
