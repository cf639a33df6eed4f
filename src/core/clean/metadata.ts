/**
 * Page metadata from the <head> and JSON-LD: canonical URL, title, publication date, author, site name
 * and tags. Read before Readability runs, because Readability rewrites the document.
 */
import { normalizeDateValue } from './dates.js';

export interface PageMetadata {
  readonly title: string | null;
  readonly url: string | null;
  readonly date: string | null;
  readonly author: string | null;
  readonly siteName: string | null;
  readonly description: string | null;
  readonly tags: readonly string[];
}

interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface QueryableDocument {
  querySelectorAll(selector: string): ArrayLike<MetaElement> & Iterable<MetaElement>;
  querySelector(selector: string): MetaElement | null;
}

function metaMap(doc: QueryableDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = (el.getAttribute('content') ?? '').trim();
    if (key !== '' && value !== '' && !map.has(key)) map.set(key, value);
  }
  return map;
}

function firstOf(map: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v) return v;
  }
  return null;
}

/** Every object in the page's JSON-LD blocks, including @graph members. */
function jsonLdObjects(doc: QueryableDocument): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = el.textContent ?? '';
    if (raw.length > 500_000) continue;
    try {
      visit(JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still apply.
    }
  }
  return out;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>)['name']);
  return null;
}

const ARTICLE_TYPES = /article|posting|report|blog|news/i;

export function readMetadata(doc: QueryableDocument): PageMetadata {
  const meta = metaMap(doc);
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => ARTICLE_TYPES.test(String(o['@type'] ?? ''))) ?? ld.find((o) => o['datePublished']);

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const url = canonical && /^https?:\/\//i.test(canonical) ? canonical : (firstOf(meta, ['og:url', 'twitter:url']) ?? canonical);

  const rawDate =
    firstOf(meta, ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
      'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime']) ??
    (typeof article?.['datePublished'] === 'string' ? (article['datePublished'] as string) : null) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;

  const author =
    nameOf(article?.['author']) ??
    firstOf(meta, ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author']);

  const siteName =
    firstOf(meta, ['og:site_name', 'application-name']) ?? nameOf(article?.['publisher']) ?? null;

  const title =
    firstOf(meta, ['og:title', 'twitter:title']) ??
    (typeof article?.['headline'] === 'string' ? (article['headline'] as string) : null) ??
    (doc.querySelector('title')?.textContent?.trim() || null);

  const keywords = firstOf(meta, ['news_keywords', 'keywords']);
  const tagSet = new Set<string>();
  for (const el of doc.querySelectorAll('meta[property="article:tag"]')) {
    const v = el.getAttribute('content')?.trim();
    if (v) tagSet.add(v);
  }
  if (tagSet.size === 0 && keywords) for (const k of keywords.split(',')) if (k.trim()) tagSet.add(k.trim());

  return {
    title,
    url,
    date: rawDate ? normalizeDateValue(rawDate) : null,
    author: author && !/^https?:/i.test(author) ? author : null,
    siteName,
    description: firstOf(meta, ['og:description', 'description', 'twitter:description']),
    tags: [...tagSet].slice(0, 30),
  };
}
