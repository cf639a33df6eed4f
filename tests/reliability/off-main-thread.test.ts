/**
 * Whole-file work never runs on the thread that answers Discord: while a big file is cleaned or
 * analysed, or a big feed parsed, timers on the main thread keep firing. (Each check is an order of events, not a duration:
 * on the main thread the work would run before the timer could fire.)
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_POLL_LIMITS, pollFeed, type FeedStore } from '../../src/feeds/index.js';
import { ingestFile, type IngestTarget } from '../../src/ingest/index.js';
import { LiveArticleLibrary } from '../../src/library/live.js';
import { backgroundPool } from '../../src/library/pool.js';
import { FeedServer, rss } from '../feeds/feed-server.js';
import { tempDir } from '../library/helpers.js';
import { BIG_ID, bigMarkdown } from './big-file.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

function timerAfter(ms: number): { fired: () => boolean } {
  let fired = false;
  setTimeout(() => (fired = true), ms);
  return { fired: () => fired };
}

it('a file dropped into the folder is analysed while the main thread keeps running', async () => {
  const library = await LiveArticleLibrary.open(dir, { watch: false, rescanIntervalMs: 0, cacheDir: null });
  try {
    await writeFile(join(dir, `${BIG_ID}.md`), bigMarkdown());
    const timer = timerAfter(100);
    let firedBeforeListed: boolean | undefined;
    library.onChange(() => (firedBeforeListed ??= timer.fired()));
    await library.sync();
    expect(library.get(BIG_ID)?.briefing.title).toBe('Harbour ledger');
    expect(firedBeforeListed).toBe(true);
  } finally {
    await library.close();
  }
}, 60_000);

it('an ingested file is cleaned while the main thread keeps running', async () => {
  const bytes = Buffer.from(bigMarkdown());
  const timer = timerAfter(100);
  let firedBeforeCleaned: boolean | undefined;
  // A target that stores nothing: the first duplicate check comes right after the file was cleaned.
  const target: IngestTarget = {
    findDuplicate: async () => {
      firedBeforeCleaned ??= timer.fired();
      return undefined;
    },
    save: async (draft) => ({ created: true, id: draft.baseId, article: { id: draft.baseId, file: `${draft.baseId}.md`, briefing: await backgroundPool().analyze(Buffer.from(draft.content), 'x.md') } }),
  };
  const result = await ingestFile(target, { bytes, name: 'ledger.md' });
  expect(result.created && result.article.briefing.title).toBe('Harbour ledger');
  expect(firedBeforeCleaned).toBe(true);
}, 60_000);

it('a big feed is parsed while the main thread keeps running', async () => {
  const server = await FeedServer.start();
  try {
    // 200 items of ~15 KB each (3 MB): parsing it takes far longer than the timer below.
    const items = Array.from({ length: 200 }, (_, n) => ({ guid: `urn:big:${n}`, title: `Big item ${n}`, text: `Paragraph of item ${n} about the harbour. `.repeat(350) }));
    const body = rss('Big feed', items);
    let timer: { fired: () => boolean } | undefined;
    server.route('/big', (_req, res) => {
      timer = timerAfter(20); // starts as the document is sent: fires on time only if the parse leaves the thread free
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    });
    let firedBeforeParsed: boolean | undefined;
    const outcome = await pollFeed(
      { id: 'f1', guildId: 'g1', url: server.url('/big'), channelId: null, title: null, etag: null, lastModified: null, bodyHash: null, failures: 0, lastError: null, pausedAt: null, pausedReason: null, createdBy: null, createdAt: 0, lastPolledAt: null, itemsStored: 0 },
      {
        feeds: {
          seenKeys: async () => {
            firedBeforeParsed ??= timer?.fired();
            return new Set<string>();
          },
          markSeen: async () => undefined,
          update: async () => undefined,
        } as unknown as FeedStore,
        fetch: { allowPrivate: true },
        limits: { ...DEFAULT_POLL_LIMITS, seedItems: 0 },
        now: () => 0,
        storeItem: async () => ({ kind: 'skipped', reason: 'not stored in this test' }),
      },
      { seed: true },
    );
    expect(outcome).toMatchObject({ kind: 'read', found: 200 });
    expect(firedBeforeParsed).toBe(true);
  } finally {
    await server.close();
  }
}, 60_000);
