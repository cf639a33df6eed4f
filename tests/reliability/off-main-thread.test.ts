/**
 * Whole-file work never runs on the thread that answers Discord: while a big file is cleaned or
 * analysed, timers on the main thread keep firing. (Each check is an order of events, not a duration:
 * on the main thread the work would run before the timer could fire.)
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ingestFile, type IngestTarget } from '../../src/ingest/index.js';
import { LiveArticleLibrary } from '../../src/library/live.js';
import { backgroundPool } from '../../src/library/pool.js';
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
