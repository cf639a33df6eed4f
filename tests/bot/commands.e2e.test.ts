/**
 * Every command, autocomplete and button through the loopback Discord emulator with the real
 * discord.js Client of the bot: what a member would see, within Discord's limits and deadline.
 */
import { MessageFlags } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { CallbackType, customIdsOf, embedText, type RecordedMessage } from '../discord/harness.js';
import { BLINKEN_ID, BLINKEN_TITLE, HANOI_ID, LONG_ID,  PING_ID, useSeededBot } from './e2e-setup.js';

const env = useSeededBot();

async function command(name: string, options: Record<string, string | number> = {}): Promise<RecordedMessage> {
  const handle = env.emulator.sendCommand(name, options);
  const response = await handle.response();
  expect(response.latencyMs).toBeLessThan(3000);
  expect(handle.late).toBe(false);
  return handle.final();
}

describe('registration', () => {
  test('the six reading commands are registered for the guild, in one request', () => {
    const names = env.emulator.commands.list(env.emulator.guildId).map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['articles', 'brief', 'figures', 'help', 'quotes', 'search']));
    expect(env.emulator.requestsTo('/applications/:app/guilds/:guild/commands', 'PUT')).toHaveLength(1);
  });
});

describe('/brief', () => {
  test('answers with the titled embed, summary, footer and view buttons, publicly and without pings', async () => {
    const message = await command('brief', { article: BLINKEN_ID });
    expect(message.ephemeral).toBe(false);
    expect(message.embeds[0]?.title).toBe(BLINKEN_TITLE);
    const text = embedText(message);
    expect(text).toContain('UPI');
    expect(text).toMatch(/\d+ words → \d+ words \(\d+% shorter\)/);
    expect(text).toContain('Blinken');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(customIdsOf(message)).toEqual([`brief:v1:b:t:${BLINKEN_ID}`, `brief:v1:q:t:${BLINKEN_ID}`, `brief:v1:p:t:${BLINKEN_ID}`, `brief:v1:n:t:${BLINKEN_ID}`, `rel:v1:${BLINKEN_ID}`]);
  });

  test('length short gives fewer summary bullets than detailed', async () => {
    const bullets = (m: RecordedMessage) => (m.embeds[0]?.description ?? '').split('\n').filter((l) => l.startsWith('• ')).length;
    const short = await command('brief', { article: BLINKEN_ID, length: 'short' });
    const detailed = await command('brief', { article: BLINKEN_ID, length: 'detailed' });
    expect(short.embeds[0]?.title).toBe(BLINKEN_TITLE);
    expect(bullets(short)).toBeLessThan(bullets(detailed));
    expect(customIdsOf(detailed)[0]).toBe(`brief:v1:b:d:${BLINKEN_ID}`);
  });

  test('buttons switch the same message to quotes, people, numbers and back', async () => {
    const handle = env.emulator.sendCommand('brief', { article: BLINKEN_ID });
    const message = await handle.final();
    for (const [code, heading] of [
      ['q', 'Quotes — '],
      ['p', 'People — '],
      ['n', 'Numbers — '],
    ] as const) {
      const click = env.emulator.sendButton(`brief:v1:${code}:t:${BLINKEN_ID}`, message);
      const response = await click.response();
      expect(response.type).toBe(CallbackType.UpdateMessage);
      const updated = await click.final();
      expect(updated.id).toBe(message.id);
      expect(updated.embeds[0]?.title).toBe(`${heading}${BLINKEN_TITLE}`);
    }
    const back = env.emulator.sendButton(`brief:v1:b:t:${BLINKEN_ID}`, message);
    expect((await back.final()).embeds[0]?.title).toBe(BLINKEN_TITLE);
  });

  test('a long id is carried as a hash in the buttons and still resolves', async () => {
    const message = await command('brief', { article: LONG_ID });
    expect(message.embeds[0]?.title).toBe('Late frost threatens the apple orchards');
    const ids = customIdsOf(message);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(ids[1]).toMatch(/^brief:v1:q:t:#/);
    const click = env.emulator.sendButton(ids[1]!, message);
    expect(embedText(await click.final())).toContain('caught the blossom open');
  });

  test('free text resolves to the best match', async () => {
    const message = await command('brief', { article: 'Blinken Vietnam visit' });
    expect(message.embeds[0]?.title).toBe(BLINKEN_TITLE);
  });

  test('an unknown article gets a private, helpful answer', async () => {
    const message = await command('brief', { article: 'volcanic eruption in iceland' });
    expect(message.ephemeral).toBe(true);
    expect(message.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(message.content).toMatch(/No stored article matches|Did you mean/);
  });

  test('article text cannot ping: @everyone and user mentions go out with no mentions allowed', async () => {
    const message = await command('brief', { article: PING_ID });
    expect(embedText(message)).toContain('12,000');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('autocomplete', () => {
  test('suggests by title words, people and id, typo-tolerant, at most 25, answered in time', async () => {
    for (const typed of ['vietnm blinkn', 'Kritenbrink', 'us-looks-to', '']) {
      const handle = env.emulator.sendAutocomplete('brief', 'article', typed);
      const response = await handle.response();
      expect(response.type).toBe(CallbackType.AutocompleteResult);
      const choices = await handle.choices();
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(String(c.value).length).toBeLessThanOrEqual(100);
      }
    }
    const typo = await env.emulator.sendAutocomplete('brief', 'article', 'vietnm blinkn').choices();
    expect(typo[0]?.value).toBe(BLINKEN_ID);
    const byId = await env.emulator.sendAutocomplete('quotes', 'article', 'us-looks-to').choices();
    expect(byId[0]?.value).toBe(HANOI_ID);
    const picked = await command('brief', { article: String(typo[0]!.value) });
    expect(picked.embeds[0]?.title).toBe(BLINKEN_TITLE);
  });
});

describe('/quotes and /figures', () => {
  test('/quotes lists the quotes with speakers', async () => {
    const message = await command('quotes', { article: PING_ID });
    expect(message.embeds[0]?.title).toBe('Quotes — Harbour festival draws record crowd');
    expect(embedText(message)).toContain('We have never seen the quay this full');
  });

  test('/figures show:numbers lists numbers; show:all sends people and numbers', async () => {
    const numbers = await command('figures', { article: PING_ID, show: 'numbers' });
    expect(numbers.embeds[0]?.title).toBe('Numbers — Harbour festival draws record crowd');
    expect(embedText(numbers)).toContain('4,500');
    const all = await command('figures', { article: PING_ID });
    expect(all.embeds.map((e) => e.title)).toEqual(['People — Harbour festival draws record crowd', 'Numbers — Harbour festival draws record crowd']);
  });
});

describe('/articles', () => {
  test('lists the stored briefings newest first and says one file was skipped; the menu briefs one', async () => {
    const message = await command('articles');
    const text = embedText(message);
    expect(text).toContain('Harbour festival draws record crowd');
    expect(text.indexOf('Harbour festival')).toBeLessThan(text.indexOf('Late frost'));
    expect(text).toContain('1 file skipped');
    const pick = env.emulator.sendSelect('pick:v1:t', [BLINKEN_ID], message);
    expect((await pick.response()).type).toBe(CallbackType.Message);
    expect((await pick.final()).embeds[0]?.title).toBe(BLINKEN_TITLE);
  });
});

describe('/search', () => {
  test('finds by body words, best first, with snippets and a button that briefs the hit', async () => {
    const message = await command('search', { query: 'fish suppers' });
    expect(message.embeds[0]?.fields?.[0]?.name).toBe('1. Harbour festival draws record crowd');
    expect(embedText(message)).toContain('fish suppers');
    const [open] = customIdsOf(message);
    expect(open).toBe(`open:v1:t:${PING_ID}`);
    const click = env.emulator.sendButton(open!, message);
    expect((await click.final()).embeds[0]?.title).toBe('Harbour festival draws record crowd');
  });

  test('no hits is a private hint', async () => {
    const message = await command('search', { query: 'zyzzyva' });
    expect(message.ephemeral).toBe(true);
    expect(message.content).toContain('No stored briefing matches');
  });
});

describe('/help', () => {
  test('explains every command, privately', async () => {
    const message = await command('help');
    expect(message.ephemeral).toBe(true);
    for (const name of ['/brief', '/quotes', '/figures', '/articles', '/search']) expect(embedText(message)).toContain(name);
  });
});
