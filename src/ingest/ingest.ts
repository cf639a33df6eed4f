import { extname } from 'node:path';
import { InputError } from '../core/errors.js';
import type { CleanDocument } from '../core/types.js';
import { DEFAULT_FETCH_LIMITS, safeFetch, type SafeFetchOptions } from '../fetch/index.js';
import { backgroundPool } from '../library/pool.js';
import { ARTICLE_EXTENSIONS, type StoredArticle } from '../library/store.js';
import { renderBriefingMarkdown } from './markdown.js';
import { slugify } from './slug.js';

/** What an ingest hands to its target: the stored form and what is known of it. */
export interface BriefingDraft {
  /** A readable id from the title; the target makes it unique. */
  readonly baseId: string;
  readonly title: string;
  /** The stored Markdown (front matter + body), exactly what is kept and analysed. */
  readonly content: string;
  readonly url: string | null;
  readonly source: string | null;
  readonly date: string | null;
  readonly by: string | null;
  readonly at: Date;
}

/**
 * Where ingested briefings go (a server's store). Duplicates are the target's to decide, atomically
 * with the write (a unique index), so two ingests of one article store it once.
 */
export interface IngestTarget {
  /** A stored briefing with this URL or these words, if any. */
  findDuplicate(candidate: { url?: string | null; body?: string | null }): Promise<StoredArticle | undefined>;
  /** Analyses (off the thread that answers Discord) and stores the draft, or names the stored one it repeats. */
  save(draft: BriefingDraft): Promise<IngestResult>;
}

export interface IngestOptions {
  /** Recorded as `ingested_by`. */
  readonly by?: string | null;
  readonly now?: Date;
  readonly fetch?: SafeFetchOptions;
  readonly maxBytes?: number;
}

export type IngestResult =
  | { readonly created: true; readonly id: string; readonly article: StoredArticle }
  | { readonly created: false; readonly reason: 'duplicate'; readonly id: string; readonly article: StoredArticle };

export type IngestErrorCode = 'no-text' | 'unsupported-file' | 'too-large' | 'unreadable' | 'write-failed';

/** A refused or failed ingest. The message is written for the member who asked; `cause` is for the log. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Fewer words than this is not an article (an error page, a cookie wall, a stray line). */
const MIN_WORDS = 25;
const ATTACHMENT_EXTENSIONS = new Set<string>(ARTICLE_EXTENSIONS);

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** Decodes and cleans in the background worker: a whole page's work never runs on the thread that answers Discord. */
async function decodeAndClean(bytes: Uint8Array, fileName: string): Promise<CleanDocument> {
  try {
    return await backgroundPool().clean(bytes, fileName);
  } catch (error) {
    if (error instanceof InputError) throw new IngestError(error.code === 'too-large' ? 'too-large' : 'unreadable', error.message, { cause: error });
    throw error;
  }
}

function firstWords(body: string, count: number): string {
  const words = body.split(/\s+/).filter(Boolean).slice(0, count).join(' ');
  return words.length > 0 ? `${words}…` : 'Untitled briefing';
}

/** Checks and stores one cleaned article. */
async function store(target: IngestTarget, doc: CleanDocument, urls: readonly string[], fallbackSource: string | null, options: IngestOptions): Promise<IngestResult> {
  if (wordCount(doc.body) < MIN_WORDS) {
    throw new IngestError('no-text', `No article text was found (fewer than ${MIN_WORDS} words after cleaning).`);
  }
  const title = doc.title?.trim() || firstWords(doc.body, 8);
  const at = options.now ?? new Date();
  const source = doc.source ?? fallbackSource;
  const url = urls[0] ?? null;
  const content = renderBriefingMarkdown({ title, source, url, date: doc.date, author: doc.author, ingested_at: at.toISOString(), ingested_by: options.by ?? null }, doc.body);
  for (const candidate of [...urls.map((u) => ({ url: u })), { body: doc.body }]) {
    const existing = await target.findDuplicate(candidate);
    if (existing) return { created: false, reason: 'duplicate', id: existing.id, article: existing };
  }
  return target.save({ baseId: slugify(title), title, content, url, source, date: doc.date, by: options.by ?? null, at });
}

/** Fetches a web page (safely), takes its main article and metadata, and stores it. */
export async function ingestUrl(target: IngestTarget, rawUrl: string, options: IngestOptions = {}): Promise<IngestResult> {
  const early = await target.findDuplicate({ url: rawUrl });
  if (early) return { created: false, reason: 'duplicate', id: early.id, article: early };
  const page = await safeFetch(rawUrl, { maxBytes: options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes, ...options.fetch });
  const name = page.mediaType.includes('html') ? 'page.html' : page.mediaType.includes('markdown') ? 'page.md' : 'page.txt';
  const doc = await decodeAndClean(page.bytes, name);
  let canonical: string | null = null;
  if (doc.url) {
    try {
      const resolved = new URL(doc.url, page.url);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') canonical = resolved.href;
    } catch {
      canonical = null;
    }
  }
  const urls = [...new Set([canonical ?? page.url, page.url, rawUrl.trim()])];
  return store(target, doc, urls, hostOf(page.url), options);
}

/** Stores an uploaded .txt, .md or .html file. */
export async function ingestFile(target: IngestTarget, file: { bytes: Uint8Array; name: string }, options: IngestOptions = {}): Promise<IngestResult> {
  const ext = extname(file.name).toLowerCase();
  if (ext === '' && ATTACHMENT_EXTENSIONS.has(file.name.toLowerCase())) {
    throw new IngestError('unsupported-file', `“${file.name}” has no name before its extension; rename it (story${file.name.toLowerCase()}, say) and upload it again.`);
  }
  if (!ATTACHMENT_EXTENSIONS.has(ext)) {
    throw new IngestError('unsupported-file', `${file.name} is not a .txt, .md or .html file.`);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  if (file.bytes.length > maxBytes) {
    throw new IngestError('too-large', `${file.name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
  const doc = await decodeAndClean(file.bytes, file.name);
  return store(target, doc, doc.url ? [doc.url] : [], null, options);
}

/** Stores pasted text under the title the member gave. */
export async function ingestText(target: IngestTarget, input: { title: string; text: string; url?: string | null }, options: IngestOptions = {}): Promise<IngestResult> {
  const title = input.title.trim();
  if (Buffer.byteLength(input.text) > (options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes)) throw new IngestError('too-large', 'The pasted text is too long.');
  // Cleaned exactly as the stored file will be read back: Markdown with the title in front matter, so
  // no heuristic has to guess which line is the headline. Each pasted line is a paragraph (a modal has
  // no soft wrapping), and Markdown-looking characters are escaped so every word survives.
  const paragraphs = input.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n\n');
  const markdown = renderBriefingMarkdown({ title, source: null, url: null, date: null, author: null, ingested_at: '', ingested_by: null }, paragraphs);
  const cleaned = await decodeAndClean(Buffer.from(markdown, 'utf8'), 'pasted.md');
  const doc: CleanDocument = { ...cleaned, title: title || cleaned.title };
  const url = input.url?.trim() || null;
  return store(target, doc, url ? [url] : [], null, options);
}
