/**
 * What the seed articles should show once the analysis stages are complete: the people with their
 * roles and the Hanoi article's own headline. These depend on src/core (people finder, cleaning),
 * not on the bot; they are kept apart so a core regression is told apart from a bot one.
 */
import { expect, test } from 'vitest';
import { embedText, expectNoViolations } from '../discord/harness.js';
import { BLINKEN_ID, HANOI_ID, HANOI_TITLE, useSeededBot } from './e2e-setup.js';

const env = useSeededBot({ checkViolations: false });

test('the Blinken brief names Antony Blinken with his role and the leaders he met', async () => {
  const message = await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final();
  const text = embedText(message);
  expect(text).toContain('**Antony Blinken** — U.S. Secretary of State');
  expect(text).toContain('Nguyen Phu Trong');
  expect(text).toContain('$350 million');
  expectNoViolations(env.emulator);
});

test('the Hanoi brief names Daniel Kritenbrink and Vuong Dinh Hue, and the 229 projects', async () => {
  const message = await env.emulator.sendCommand('figures', { article: HANOI_ID }).final();
  const text = embedText(message);
  expect(text).toContain('Daniel Kritenbrink');
  expect(text).toContain('Vuong Dinh Hue');
  expect(text).toContain('229');
  expectNoViolations(env.emulator);
});

// Depends on the cleaning stage's title finder skipping the all-caps site banner above the headline.
test('the Hanoi article keeps its headline, not the site banner above it', async () => {
  const message = await env.emulator.sendCommand('brief', { article: HANOI_ID }).final();
  expect(message.embeds[0]?.title).toBe(HANOI_TITLE);
});
