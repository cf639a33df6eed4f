import { createHash } from 'node:crypto';

/** sha256 of a file's bytes, hex: the cache key and the "has this file changed" test. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A key that two copies of the same article share even when whitespace, case, punctuation or accents
 * differ (a pasted copy versus a fetched page): the hash of its words, lower-cased and accent-folded.
 */
export function textKey(body: string): string {
  const words = body.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 32);
}

const TRACKING_PARAM = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

/**
 * The form of a URL two links to the same page share: lower-case scheme and host, no default port, no
 * fragment, no tracking parameters, no trailing slash. Null when the text is not an http(s) URL.
 */
export function canonicalUrlKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  let path = url.pathname;
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const query = url.searchParams.toString();
  // http and https copies of a page are the same article.
  return `${url.host}${path}${query ? `?${query}` : ''}`;
}
