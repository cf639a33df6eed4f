/** The bot against the loopback Discord: a member's command is answered while a big dropped file is analysed. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { LiveArticleLibrary } from '../../src/library/live.js';
import { embedText, startBotAgainstEmulator, type EmulatedBot } from '../discord/harness.js';
import { STORY_A, tempDir } from '../library/helpers.js';
import { BIG_ID, bigMarkdown } from './big-file.js';

let running: EmulatedBot | undefined;
let cleanup: (() => Promise<void>) | undefined;
let library: LiveArticleLibrary | undefined;
afterEach(async () => {
  await running?.stop();
  await library?.close();
  await cleanup?.();
});

it('/help is answered while a file dropped into the folder is still being analysed', async () => {
  const made = await tempDir('briefbot-e2e-busy-');
  cleanup = made.cleanup;
  await writeFile(join(made.dir, 'bridge.txt'), STORY_A);
  const source = (library = await LiveArticleLibrary.open(made.dir, { watch: false, rescanIntervalMs: 0, cacheDir: null }));
  running = await startBotAgainstEmulator({ articlesDir: made.dir, deps: { source } });
  await writeFile(join(made.dir, `${BIG_ID}.md`), bigMarkdown());
  const scanned = source.sync();
  await new Promise((resolve) => setTimeout(resolve, 300)); // the file is read by now and its analysis under way
  const help = await running.emulator.sendCommand('help').final(30_000);
  expect(embedText(help)).toMatch(/brief/i);
  // On the main thread the analysis (seconds) would have finished before the interaction was read.
  expect(source.get(BIG_ID)).toBeUndefined();
  await scanned;
  expect(source.get(BIG_ID)?.briefing.title).toBe('Harbour ledger');
}, 60_000);
