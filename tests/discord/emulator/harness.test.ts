/** The harness with the real bot: start, answer, restart without re-registering, stop cleanly. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { expectNoViolations, startBotAgainstEmulator, type EmulatedBot } from '../harness.js';

const SEED_ARTICLES = resolve(import.meta.dirname, '..', '..', '..', 'articles');
let env: EmulatedBot | undefined;
let articlesDir = '';

beforeEach(async () => {
  // A copy, so the bot's analysis cache is written to a temp folder, not into the repository.
  articlesDir = await mkdtemp(join(tmpdir(), 'briefbot-harness-'));
  await cp(SEED_ARTICLES, articlesDir, { recursive: true, filter: (source) => !source.includes('.cache') });
});

afterEach(async () => {
  await env?.stop();
  env = undefined;
  await rm(articlesDir, { recursive: true, force: true });
});

test('the bot connects with the Guilds intent, registers its commands once and answers /help; a restart re-registers nothing', async () => {
  env = await startBotAgainstEmulator({ articlesDir });
  const { emulator } = env;
  expect(emulator.identifies.map((identify) => identify.intents)).toEqual([1]);
  const commandsRoute = '/applications/:app/guilds/:guild/commands';
  expect(emulator.requestsTo(commandsRoute, 'PUT')).toHaveLength(1);
  expect(emulator.commands.list(emulator.guildId).map((command) => command.name)).toContain('help');
  const before = await emulator.sendCommand('help').final();
  expect(before.embeds.length + before.content.length).toBeGreaterThan(0);

  await env.restart();
  expect(emulator.identifies).toHaveLength(2);
  expect(emulator.requestsTo(commandsRoute, 'PUT')).toHaveLength(1);
  const after = await emulator.sendCommand('help').final();
  expect(after.embeds).toEqual(before.embeds);
  expectNoViolations(emulator);
});
