/**
 * A cold start connects first and answers from what is ready: the bot against the loopback Discord while
 * its folder is still being analysed (two ~4 MB articles take seconds in the background worker).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/core/analyze.js';
import { LiveArticleLibrary } from '../../src/library/live.js';
import { embedText, startBotAgainstEmulator, type EmulatedBot } from '../discord/harness.js';
import { STORY_A, tempDir, waitFor } from '../library/helpers.js';
import { bigMarkdown } from './big-file.js';

let running: EmulatedBot | undefined;
let cleanup: (() => Promise<void>) | undefined;
let closeLibrary: (() => Promise<void>) | undefined;
afterEach(async () => {
  await running?.stop();
  await closeLibrary?.();
  await cleanup?.();
});

it('is online before the folder is analysed, briefs what is ready and says "still indexing, N of M" for the rest', async () => {
  const made = await tempDir('briefbot-e2e-cold-');
  cleanup = made.cleanup;
  await writeFile(join(made.dir, 'bridge.txt'), STORY_A); // first in name order: ready first
  for (const name of ['ledger-a', 'ledger-b']) await writeFile(join(made.dir, `${name}.md`), bigMarkdown());
  // The two big files' analysis is held back until the test has seen the bot answer without them, so what
  // is "not ready yet" does not depend on how fast this machine analyses 8 MB.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const library = await LiveArticleLibrary.begin(made.dir, {
    cacheDir: null,
    watch: false,
    warn: () => {},
    analyzeAsync: async (bytes, name) => {
      if (name.startsWith('ledger')) await held;
      return analyzeBytes(bytes, name);
    },
  });
  closeLibrary = () => library.close();
  running = await startBotAgainstEmulator({ articlesDir: made.dir, waitForArticles: false, deps: { source: library } });
  const { emulator, bot } = running;

  await waitFor(() => bot.context.scopes.shared?.get('bridge') !== undefined, 'the first article', 20_000);
  const first = await emulator.sendCommand('brief', { article: 'bridge' }).final(30_000);
  expect(first.ephemeral).toBe(false);
  expect(embedText(first)).toContain('Harbour bridge reopens after repairs');

  const waiting = await emulator.sendCommand('brief', { article: 'ledger-b' }).final(30_000);
  expect(waiting.ephemeral).toBe(true);
  expect(waiting.content).toMatch(/^Still indexing: \d of 3 articles are ready, and “ledger-b” is not among them yet/);

  release();
  await library.ready;
  await waitFor(() => bot.context.scopes.shared?.get('ledger-b') !== undefined, 'ledger-b', 30_000);
  const ready = await emulator.sendCommand('brief', { article: 'ledger-b' }).final(30_000);
  expect(ready.ephemeral).toBe(false);
  expect(embedText(ready)).toContain('Harbour ledger');
}, 90_000);
