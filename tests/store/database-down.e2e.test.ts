/** PostgreSQL not reachable at start: the bot still connects and answers from the shared library. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_PERMISSIONS, embedText, expectNoViolations, startBotAgainstEmulator, type EmulatedBot } from '../discord/harness.js';
import { BLINKEN_ID, makeArticlesDir } from '../bot/e2e-setup.js';

let env: EmulatedBot;
let articles: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  articles = await makeArticlesDir();
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  env = await startBotAgainstEmulator({ articlesDir: articles.dir, store: { kind: 'postgres', url: 'postgres://briefbot:briefbot@127.0.0.1:1/briefbot' } });
});
afterAll(async () => {
  await env?.stop();
  await articles?.cleanup();
});

it('answers from the shared library and says plainly that briefings cannot be added now', async () => {
  const brief = await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final();
  expect(embedText(brief)).toContain('Antony Blinken');
  const ingest = await env.emulator.sendCommand('ingest text', {}, { permissions: ADMIN_PERMISSIONS }).final();
  expect(ingest.ephemeral).toBe(true);
  expect(ingest.content).toContain('database is not reachable');
  const settings = await env.emulator.sendCommand('settings show', {}, { permissions: ADMIN_PERMISSIONS }).final();
  expect(settings.content).toContain('database is not reachable');
  expectNoViolations(env.emulator);
});
