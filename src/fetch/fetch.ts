import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { isPublicAddress, rangeOf } from './address.js';
import { FetchError } from './errors.js';

/** "an image/png", "an unspecified", "a loopback", "a uniqueLocal": the article for a word shown as is. */
function withArticle(word: string): string {
  return /^[aeio]|^u(?!ni|se|sa)/i.test(word) ? `an ${word}` : `a ${word}`;
}

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

export interface SafeFetchOptions {
  /** Allow loopback/private/link-local targets (INGEST_ALLOW_PRIVATE=true; the tests' local servers). */
  readonly allowPrivate?: boolean;
  readonly connectTimeoutMs?: number;
  /** For the whole fetch, redirects included. */
  readonly totalTimeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Media types accepted (default: HTML, plain text, Markdown); 'any' skips the check (Discord attachments). */
  readonly allowedTypes?: readonly string[] | 'any';
  /**
   * Which addresses may be contacted (default: public unicast only; everything when allowPrivate).
   * Tests narrow it to 127.0.0.1 to show a redirect elsewhere is re-checked and refused.
   */
  readonly addressPolicy?: (address: string) => boolean;
  /** Name resolution (default: the system resolver, every address). */
  readonly resolve?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  readonly userAgent?: string;
  /** The Accept header (default: HTML, text, Markdown). */
  readonly accept?: string;
  /** Validators of the copy already held: a 304 answer then returns `notModified` with no body. */
  readonly validators?: { readonly etag?: string | null; readonly lastModified?: string | null };
}

export interface FetchedPage {
  /** The URL the content finally came from, after redirects. */
  readonly url: string;
  readonly status: number;
  /** The media type without parameters, lower-cased ("text/html"). */
  readonly mediaType: string;
  readonly charset: string | null;
  readonly bytes: Buffer;
  /** The server said the copy named by `validators` is still current (HTTP 304): `bytes` is empty. */
  readonly notModified: boolean;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export const DEFAULT_FETCH_LIMITS = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
} as const;

export const ARTICLE_MEDIA_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'text/x-markdown'] as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

async function systemResolve(hostname: string): Promise<readonly ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FetchError('bad-url', `"${raw.slice(0, 100)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('scheme', `Only http and https links can be fetched, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username || url.password) throw new FetchError('bad-url', 'Links with a user name or password are not fetched.');
  return url;
}

/**
 * Resolves the host and checks EVERY address it has, so a name with one public and one private
 * address is refused. The caller connects to the address checked here (never resolving again), which
 * makes DNS rebinding between check and connect impossible.
 */
async function resolveChecked(url: URL, options: SafeFetchOptions): Promise<ResolvedAddress> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: readonly ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch {
      throw new FetchError('dns', `The address ${host} could not be found.`);
    }
    if (addresses.length === 0) throw new FetchError('dns', `The address ${host} could not be found.`);
  }
  if (!options.allowPrivate) {
    const allowed = options.addressPolicy ?? isPublicAddress;
    const refused = addresses.find((a) => !allowed(a.address));
    if (refused) {
      throw new FetchError(
        'private-address',
        `${host} points to ${withArticle(rangeOf(refused.address))} address (${refused.address}); the bot only fetches public web pages.`,
      );
    }
  }
  return addresses[0] as ResolvedAddress;
}

function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (opts?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function mediaTypeOf(header: string | undefined): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: '', charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const [key, value] = param.split('=');
    if (key?.trim().toLowerCase() === 'charset' && value) charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { mediaType: (type ?? '').trim().toLowerCase(), charset };
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase();
  // The size cap applies to the decompressed bytes, so a compression bomb is cut off like any big page.
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return response.pipe(zlib.createInflate());
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress());
  return response;
}

/** A validator header as sent, bounded (it is stored and sent back). */
function headerOf(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.length <= 500 ? text : null;
}

interface Hop {
  readonly response: IncomingMessage;
  /** Drops the connection (the rest of the body is not wanted). */
  readonly abort: () => void;
}

function request(url: URL, target: ResolvedAddress, options: SafeFetchOptions, signal: AbortSignal): Promise<Hop> {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_FETCH_LIMITS.connectTimeoutMs;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false, // no pooled sockets: each request connects to the address checked for it
      lookup: pinnedLookup(target),
      signal,
      headers: {
        'user-agent': options.userAgent ?? 'briefbot/0.1 (+https://github.com/briefbot)',
        accept: options.accept ?? 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9',
        'accept-encoding': 'gzip, deflate, br',
        ...(options.validators?.etag ? { 'if-none-match': options.validators.etag } : {}),
        ...(options.validators?.lastModified ? { 'if-modified-since': options.validators.lastModified } : {}),
      },
    });
    const connectTimer = setTimeout(() => {
      req.destroy(new FetchError('timeout', `${url.host} did not accept a connection within ${connectTimeoutMs / 1000} s.`));
    }, connectTimeoutMs);
    req.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('response', (response) => {
      clearTimeout(connectTimer);
      response.on('error', () => {}); // errors surface through the reader or the abort signal
      resolve({ response, abort: () => req.destroy() });
    });
    req.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.end();
  });
}

async function readCapped(hop: Hop, maxBytes: number, host: string): Promise<Buffer> {
  const declared = Number(hop.response.headers['content-length']);
  const tooLarge = () => new FetchError('too-large', `The page at ${host} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    hop.abort();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of decoded(hop.response)) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      hop.abort();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

function asFetchError(error: unknown, url: URL, totalTimeoutMs: number, signal: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted) return new FetchError('timeout', `${url.host} took longer than ${totalTimeoutMs / 1000} s to send the page.`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return new FetchError('connect', `${url.host} refused the connection.`);
  if (code === 'ECONNRESET') return new FetchError('connect', `${url.host} closed the connection before sending the page.`);
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return new FetchError('connect', `${url.host} has no valid HTTPS certificate.`);
  return new FetchError('connect', `Could not fetch the page from ${url.host}${code ? ` (${code})` : ''}.`);
}

/**
 * Fetches an article page with the safety rules of an internet-facing bot: http/https only, every
 * resolved address checked and then pinned, connect and total timeouts, a size cap enforced while
 * streaming, redirects followed by hand a bounded number of times (each one re-checked), and only
 * text/HTML/Markdown content. Every refusal is a FetchError whose message can be shown to the user.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchedPage> {
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_FETCH_LIMITS.totalTimeoutMs;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  const allowed = options.allowedTypes ?? ARTICLE_MEDIA_TYPES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), totalTimeoutMs);
  let url = parseUrl(rawUrl);
  const seen = new Set<string>();
  try {
    for (let redirects = 0; ; redirects++) {
      seen.add(url.href);
      const target = await resolveChecked(url, options);
      if (controller.signal.aborted) throw new FetchError('timeout', `Fetching ${url.host} took longer than ${totalTimeoutMs / 1000} s.`);
      let hop: Hop;
      try {
        hop = await request(url, target, options, controller.signal);
      } catch (error) {
        throw asFetchError(error, url, totalTimeoutMs, controller.signal);
      }
      const { response } = hop;
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        hop.abort();
        const location = response.headers.location;
        if (!location) throw new FetchError('redirect', `${url.host} sent a redirect without a destination.`);
        if (redirects >= maxRedirects) throw new FetchError('redirect', `The link redirected more than ${maxRedirects} times.`);
        let next: URL;
        try {
          next = parseUrl(new URL(location, url).href);
        } catch (error) {
          throw error instanceof FetchError ? new FetchError(error.code, `The link redirected to a page that cannot be fetched: ${error.message}`) : error;
        }
        if (seen.has(next.href)) throw new FetchError('redirect', 'The link redirects in a loop.');
        url = next;
        continue;
      }
      const etag = headerOf(response.headers.etag);
      const lastModified = headerOf(response.headers['last-modified']);
      if (status === 304 && (options.validators?.etag || options.validators?.lastModified)) {
        hop.abort();
        return { url: url.href, status, mediaType: '', charset: null, bytes: Buffer.alloc(0), notModified: true, etag: etag ?? options.validators.etag ?? null, lastModified: lastModified ?? options.validators.lastModified ?? null };
      }
      if (status < 200 || status > 299) {
        hop.abort();
        throw new FetchError('http-status', `${url.host} answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''} instead of the page.`);
      }
      const { mediaType, charset } = mediaTypeOf(response.headers['content-type']);
      if (allowed !== 'any' && !allowed.includes(mediaType)) {
        hop.abort();
        throw new FetchError('content-type', `The link is ${mediaType ? `${withArticle(mediaType)} file` : 'of an unknown type'}, not a web page or text (accepted: HTML, plain text, Markdown).`);
      }
      try {
        const bytes = await readCapped(hop, maxBytes, url.host);
        return { url: url.href, status, mediaType, charset, bytes, notModified: false, etag, lastModified };
      } catch (error) {
        throw asFetchError(error, url, totalTimeoutMs, controller.signal);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
