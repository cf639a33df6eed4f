import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/fetch/index.js';
import { IngestError, ingestFile, ingestText, ingestUrl } from '../../src/ingest/index.js';
import { LiveArticleLibrary } from '../../src/library/live.js';
import SQLite from 'better-sqlite3';
import pino from 'pino';
import { analyzeBytes } from '../../src/core/analyze.js';
import type { IngestTarget } from '../../src/ingest/ingest.js';
import { Scopes } from '../../src/scope/index.js';
import { ArticleIndex } from '../../src/search/index.js';
import { Store } from '../../src/store/index.js';
import { STORY_A, tempDir } from '../library/helpers.js';
import { ARTICLE_SENTENCES, CANONICAL, newsPage } from './news-page.js';

let server: Server;
let base: string;
let hits: string[] = [];
let dir: string;
let cleanup: () => Promise<void>;
let library: LiveArticleLibrary;
let store: Store;
let scopes: Scopes;
let target: IngestTarget;
const GUILD = '111111111111111111';

const allowLocal = { fetch: { allowPrivate: true } };

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/story' || req.url === '/story?utm_source=chat') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage());
    else if (req.url === '/mirror') res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage());
    else if (req.url === '/no-canonical') res.writeHead(200, { 'content-type': 'text/html' }).end(newsPage({ canonical: null, title: 'Rail line opens again' }));
    else if (req.url === '/empty') res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><nav>Home</nav></body></html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('briefbot-ingest-'));
  await writeFile(join(dir, 'bridge.txt'), STORY_A);
  library = await LiveArticleLibrary.open(dir, { cacheDir: null, watch: false, rescanIntervalMs: 0, warn: () => {} });
  // A real SQLite database in the temp folder; the analysis runs in-process here (the bot uses a worker).
  store = await Store.open({ kind: 'sqlite', file: join(dir, '.data', 'briefbot.sqlite') });
  scopes = new Scopes({ store, shared: { source: library, index: new ArticleIndex(library) }, analyze: (bytes, name) => Promise.resolve(analyzeBytes(bytes, name)), logger: pino({ level: 'silent' }) });
  target = scopes.ingestTarget(await scopes.forGuild(GUILD)) as IngestTarget;
  hits = [];
});

afterEach(async () => {
  scopes.close();
  await store.close();
  await library.close();
  await cleanup();
});

async function frontMatterOf(id: string): Promise<Record<string, unknown>> {
  const [row] = await store.guild(GUILD).load([id]);
  const text = row?.content ?? '';
  const end = text.indexOf('\n---\n', 4);
  return parseYaml(text.slice(4, end)) as Record<string, unknown>;
}

describe('ingestUrl', () => {
  it('stores the main article of a page as Markdown with its metadata', async () => {
    const result = await ingestUrl(target, `${base}/story`, { ...allowLocal, by: 'tester', now: new Date('2024-06-01T12:00:00Z') });
    expect(result.created).toBe(true);
    expect(result.id).toBe('coastal-rail-line-reopens-after-landslide-repairs');
    const meta = await frontMatterOf(result.id);
    expect(meta).toMatchObject({
      title: 'Coastal rail line reopens after landslide repairs',
      url: CANONICAL,
      source: 'Example News',
      ingested_at: '2024-06-01T12:00:00.000Z',
      ingested_by: 'tester',
    });
    expect(String(meta['author'])).toContain('Priya Castell');
    const body = result.article.briefing.body;
    for (const sentence of ARTICLE_SENTENCES) expect(body).toContain(sentence);
    for (const junk of ['Related stories', 'cookies', 'Privacy policy', 'Business']) expect(body).not.toContain(junk);
    expect((await scopes.forGuild(GUILD)).source.get(result.id)?.briefing.title).toBe('Coastal rail line reopens after landslide repairs');
  });

  it('says a second ingest of the same link already exists, without fetching it again', async () => {
    const first = await ingestUrl(target, `${base}/story`, allowLocal);
    hits = [];
    const second = await ingestUrl(target, CANONICAL, allowLocal);
    expect(second).toMatchObject({ created: false, reason: 'duplicate', id: first.id });
    expect(hits).toEqual([]);
    const third = await ingestUrl(target, `${base}/story?utm_source=chat`, allowLocal);
    expect(third).toMatchObject({ created: false, id: first.id });
  });

  it('finds a duplicate by canonical URL when the page is served at another address', async () => {
    const first = await ingestUrl(target, `${base}/story`, allowLocal);
    const mirror = await ingestUrl(target, `${base}/mirror`, allowLocal);
    expect(mirror).toMatchObject({ created: false, reason: 'duplicate', id: first.id });
  });

  it('finds a duplicate by the same text when the page has no canonical URL (saved copy uploaded first)', async () => {
    const page = newsPage({ canonical: null, title: 'Rail line opens again' });
    const uploaded = await ingestFile(target, { bytes: Buffer.from(page), name: 'saved-page.html' });
    expect(uploaded.created).toBe(true);
    const fetched = await ingestUrl(target, `${base}/no-canonical`, allowLocal);
    expect(fetched).toMatchObject({ created: false, reason: 'duplicate', id: uploaded.id });
  });

  it('refuses a local address without the opt-in and stores nothing', async () => {
    const error = await ingestUrl(target, `${base}/story`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('private-address');
    expect(hits).toEqual([]);
    expect(await store.guild(GUILD).count()).toBe(0);
  });

  it('says an article of the shared folder is already stored', async () => {
    const copy = await ingestText(target, { title: 'Bridge again', text: STORY_A.split('\n\n').slice(1).join('\n\n') });
    expect(copy).toMatchObject({ created: false, reason: 'duplicate', id: 'bridge' });
  });

  it('refuses a page with no article text', async () => {
    const error = await ingestUrl(target, `${base}/empty`, allowLocal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('no-text');
  });
});

describe('ingestFile and ingestText', () => {
  it('stores an uploaded Markdown file, keeping its front matter', async () => {
    const md = `---\ntitle: Night buses return to Hollin\nsource: Hollin Gazette\ndate: 2024-02-03\n---\n\n${ARTICLE_SENTENCES.slice(0, 3).join(' ')}\n\nThe night service will run on Fridays and Saturdays from March.\n`;
    const result = await ingestFile(target, { bytes: Buffer.from(md), name: 'night-buses.md' });
    expect(result.created).toBe(true);
    expect(result.id).toBe('night-buses-return-to-hollin');
    expect(await frontMatterOf(result.id)).toMatchObject({ title: 'Night buses return to Hollin', source: 'Hollin Gazette', date: '2024-02-03' });
  });

  it('stores an uploaded HTML page', async () => {
    const result = await ingestFile(target, { bytes: Buffer.from(newsPage()), name: 'saved.html' });
    expect(result.created).toBe(true);
    expect(result.article.briefing.body).toContain(ARTICLE_SENTENCES[1]);
  });

  it('refuses other file types and oversized files', async () => {
    const pdf = await ingestFile(target, { bytes: Buffer.from('%PDF-1.4'), name: 'story.pdf' }).catch((e: unknown) => e);
    expect((pdf as IngestError).code).toBe('unsupported-file');
    const big = await ingestFile(target, { bytes: Buffer.alloc(2048, 0x61), name: 'big.txt' }, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect((big as IngestError).code).toBe('too-large');
  });

  it('stores pasted text under its title, and gives a second story with the same title its own name', async () => {
    const text = ARTICLE_SENTENCES.join('\n\n');
    const first = await ingestText(target, { title: 'Rail line back', text });
    expect(first).toMatchObject({ created: true, id: 'rail-line-back' });
    expect(first.article.briefing.title).toBe('Rail line back');
    expect(first.article.briefing.body).toContain(ARTICLE_SENTENCES[0]);
    const other = await ingestText(target, { title: 'Rail line back', text: `${STORY_A.split('\n\n').slice(1).join('\n\n')}\n\nMore work is planned for the spring, the council added.` });
    expect(other).toMatchObject({ created: true, id: 'rail-line-back-2' });
  });

  it('keeps Markdown-looking text intact through the stored file', async () => {
    const text = [
      '# of visitors rose to 5,000 on Saturday, the * busiest * day of the show, organisers at the Fenwick county fair said.',
      '- Tickets sold out by noon, and 2. the car park closed at 1pm [officially] as queues grew along the main road into town.',
      'A spokesperson called it a_record_year and said `more` stalls would be added next year > the 120 there now.',
    ].join('\n\n');
    const result = await ingestText(target, { title: 'Fair record', text });
    const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.join(' ');
    expect(words(result.article.briefing.body)).toBe(words(text));
  });
});

describe('a store that fails', () => {
  it('says it could not store, and keeps nothing half', async () => {
    const file = join(dir, '.data', 'briefbot.sqlite');
    const locked = await Store.open({ kind: 'sqlite', file, busyTimeoutMs: 50 });
    const lockedScopes = new Scopes({ store: locked, shared: null, analyze: (bytes, name) => Promise.resolve(analyzeBytes(bytes, name)), logger: pino({ level: 'silent' }) });
    const lockedTarget = lockedScopes.ingestTarget(await lockedScopes.forGuild(GUILD)) as IngestTarget;
    const other = new SQLite(file);
    other.exec('BEGIN IMMEDIATE');
    const error = await ingestText(lockedTarget, { title: 'Rail line back', text: ARTICLE_SENTENCES.join('\n\n') }).catch((e: unknown) => e);
    other.exec('ROLLBACK');
    other.close();
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('write-failed');
    expect((error as IngestError).message).toMatch(/Nothing was changed/);
    expect(await store.guild(GUILD).count()).toBe(0);
    // And the same ingest succeeds once the lock is gone.
    expect((await ingestText(lockedTarget, { title: 'Rail line back', text: ARTICLE_SENTENCES.join('\n\n') })).created).toBe(true);
    lockedScopes.close();
    await locked.close();
  });
});
