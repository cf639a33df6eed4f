/** The live library against hostile folders: empty bodies, a broken twin, leftovers of a killed writer. */
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LiveArticleLibrary } from '../../src/library/live.js';
import { STORY_A, STORY_B, tempDir } from '../library/helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const open = (options: { cacheDir?: string | null } = {}) => LiveArticleLibrary.open(dir, { watch: false, rescanIntervalMs: 0, cacheDir: null, warn: () => {}, ...options });

it('refuses as empty an HTML page with an empty body and a text of only dots, quotes or $', async () => {
  await writeFile(join(dir, 'h-empty.html'), '<html><head><title>Nothing here</title></head><body></body></html>');
  await writeFile(join(dir, 'dots.txt'), '. . . . .\n\n"" \'\' “” $$$ $\n');
  await writeFile(join(dir, 'bridge.txt'), STORY_A);
  const library = await open();
  expect(library.list().map((a) => a.id)).toEqual(['bridge']);
  const reasons = Object.fromEntries(library.skipped().map((s) => [s.file.split('/').pop(), s.reason]));
  expect(reasons['h-empty.html']).toMatch(/no article text/);
  expect(reasons['dots.txt']).toMatch(/no article text/);
  await library.close();
});

it('a file that cannot be read does not keep its id from a good twin (story.html broken, story.txt fine)', async () => {
  await writeFile(join(dir, 'story.html'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0]));
  await writeFile(join(dir, 'story.txt'), STORY_B);
  const library = await open();
  expect(library.get('story')?.file).toBe(join(dir, 'story.txt'));
  expect(library.skipped().map((s) => s.file)).toEqual([join(dir, 'story.html')]);
  await library.close();
});

it('cleans hidden .tmp files a killed writer left in the folder and the cache, but not fresh ones', async () => {
  const cacheDir = join(dir, '.cache', 'briefbot');
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(dir, 'bridge.txt'), STORY_A);
  const old = new Date(Date.now() - 10 * 60_000);
  for (const path of [join(dir, '.briefing.md.0123456789ab.tmp'), join(cacheDir, '.shard-3.json.ba9876543210.tmp')]) {
    await writeFile(path, 'half written');
    await utimes(path, old, old);
  }
  await writeFile(join(dir, '.being-written.md.aaaaaaaaaaaa.tmp'), 'another process, right now');
  const library = await open({ cacheDir });
  expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual(['.being-written.md.aaaaaaaaaaaa.tmp']);
  expect((await readdir(cacheDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  await library.close();
});
