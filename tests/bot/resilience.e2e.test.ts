/** The bot under the conditions real Discord produces: dropped sockets, 429s and bursts. */
import { expect, test } from 'vitest';
import { GatewayClose } from '../discord/emulator/index.js';
import { embedText } from '../discord/harness.js';
import { BLINKEN_ID, BLINKEN_TITLE,  PING_ID, useSeededBot } from './e2e-setup.js';

const env = useSeededBot();

test('after the socket drops, the bot resumes its session and still answers', async () => {
  const resumed = env.emulator.waitForResume();
  await env.emulator.dropConnection({ code: GatewayClose.UnknownError });
  await resumed;
  const message = await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final();
  expect(message.embeds[0]?.title).toBe(BLINKEN_TITLE);
});

test('after an abrupt disconnect (no close frame) it resumes too', async () => {
  const resumed = env.emulator.waitForResume();
  await env.emulator.dropConnection({ abrupt: true });
  await resumed;
  const handle = env.emulator.sendCommand('help');
  expect((await handle.final()).ephemeral).toBe(true);
});

test('a 429 with retry_after on the reply: the bot waits and then succeeds, still within the deadline', async () => {
  env.emulator.rateLimitNext({ route: '/interactions/:id/:token/callback', method: 'POST', retryAfter: 0.4 });
  const handle = env.emulator.sendCommand('brief', { article: PING_ID });
  const message = await handle.final();
  expect(embedText(message)).toContain('Harbour festival draws record crowd');
  expect(handle.late).toBe(false);
  const calls = env.emulator.requestsTo('/interactions/:id/:token/callback', 'POST').filter((r) => r.path.includes(handle.id));
  expect(calls.map((r) => r.status)).toEqual([429, 204]);
  expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(350);
});

test('200 interactions fired at once (briefs, autocompletes, searches, figures) are all answered, none late', async () => {
  const kinds = ['brief', 'autocomplete', 'search', 'figures'] as const;
  const handles = Array.from({ length: 200 }, (_unused, i) => {
    const kind = kinds[i % kinds.length]!;
    if (kind === 'brief') return env.emulator.sendCommand('brief', { article: BLINKEN_ID });
    if (kind === 'autocomplete') return env.emulator.sendAutocomplete('brief', 'article', 'blink');
    if (kind === 'search') return env.emulator.sendCommand('search', { query: 'festival' });
    return env.emulator.sendCommand('figures', { article: PING_ID, show: 'numbers' });
  });
  const responses = await Promise.all(handles.map((h) => h.response()));
  expect(handles.filter((h) => h.late)).toEqual([]);
  for (const response of responses) expect(response.latencyMs).toBeLessThan(3000);
  for (const [i, handle] of handles.entries()) {
    const kind = kinds[i % kinds.length];
    if (kind === 'autocomplete') expect((await handle.choices())[0]?.value).toBe(BLINKEN_ID);
    else if (kind === 'brief') expect((await handle.final()).embeds[0]?.title).toBe(BLINKEN_TITLE);
    else expect((await handle.final()).embeds.length).toBeGreaterThan(0);
  }
});

test('buttons of a message sent before a restart still work after it, and commands are not re-registered', async () => {
  const message = await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final();
  const puts = env.emulator.requestsTo('/applications/:app/guilds/:guild/commands', 'PUT').length;
  await env.restart();
  const click = env.emulator.sendButton(`brief:v1:p:t:${BLINKEN_ID}`, message);
  expect((await click.final()).embeds[0]?.title).toBe(`People — ${BLINKEN_TITLE}`);
  expect(env.emulator.requestsTo('/applications/:app/guilds/:guild/commands', 'PUT')).toHaveLength(puts);
});
