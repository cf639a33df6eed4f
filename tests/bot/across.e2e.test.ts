/**
 * /digest, /person, /timeline and "Related" end to end: the real bot and discord.js Client against the
 * loopback Discord emulator, over a folder of the two seed articles and three short articles written
 * here, plus a briefing ingested into one server only (never shown in another).
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { TEXT_FIELDS, TEXT_MODAL_ID } from '../../commands/ingest.js';
import { customIdsOf, embedText, expectNoViolations, startBotAgainstEmulator, type EmulatedBot, type RecordedMessage } from '../discord/harness.js';
import { ADMIN_PERMISSIONS } from '../discord/emulator/world.js';
import { BLINKEN_ID, HANOI_ID, SEED_DIR } from './e2e-setup.js';

const ADMIN = { permissions: ADMIN_PERMISSIONS };
const OTHER_SERVER = { guildId: '999999999999999999' };

const ARTICLES: Record<string, string> = {
  'manila-talks': `Blinken arrives in Manila for talks

MANILA, March 12, 2024 (AP) — Secretary of State Antony Blinken arrived in Manila on Tuesday for two days of talks on maritime security with Philippine officials.

Antony Blinken said the United States stood by its treaty commitments. The visit follows a meeting of defence ministers on February 28.

The Philippine coast guard reported 12 incidents in the South China Sea last month.`,
  'manila-pact': `Philippines and US sign coast guard pact

MANILA, March 13, 2024 (Reuters) — Blinken met President Ferdinand Marcos at the presidential palace and signed a coast guard cooperation agreement worth $50 million.

"We will keep our word," Blinken told reporters after the meeting. Marcos welcomed the pact.

The Philippine coast guard reported 12 incidents in the South China Sea last month, officials said.`,
  'manila-boats': `Washington pledges patrol boats

WASHINGTON, March 15, 2024 (UPI) — The secretary of state told senators that five patrol boats would be delivered to Manila by June 30.

The secretary of state said the boats were part of the $50 million agreement.`,
  'port-calendar': `Port works calendar published

HARWICK, January 8, 2024 (AP) — The Harwick works board set out its works for the year on Monday.

Dredging starts on January 15. The north quay closes on February 2 and reopens on March 30.

Cranes arrive on April 12. A new ferry berth opens on May 20, and the fish market moves on June 3.

The board met on December 18 to agree the plan. Its last plan was published in 2019.`,
};

let env: EmulatedBot;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-across-'));
  await copyFile(join(SEED_DIR, `${BLINKEN_ID}.txt`), join(dir, `${BLINKEN_ID}.txt`));
  await copyFile(join(SEED_DIR, `${HANOI_ID}.txt`), join(dir, `${HANOI_ID}.txt`));
  for (const [id, text] of Object.entries(ARTICLES)) await writeFile(join(dir, `${id}.txt`), text);
  env = await startBotAgainstEmulator({ articlesDir: dir });
});
afterAll(async () => {
  await env?.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => expectNoViolations(env.emulator));

async function answer(name: string, options: Record<string, string | number> = {}, context = {}): Promise<RecordedMessage> {
  const handle = env.emulator.sendCommand(name, options, context);
  const response = await handle.response();
  expect(response.latencyMs).toBeLessThan(3000);
  expect(handle.late).toBe(false);
  return handle.final();
}

function bullets(message: RecordedMessage): string[] {
  return (message.embeds[0]?.description ?? '').split('\n').filter((l) => l.startsWith('• '));
}

describe('/digest', () => {
  test('is registered with since, about and length', () => {
    const names = env.emulator.commands.list(env.emulator.guildId).map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['digest', 'person', 'timeline']));
  });

  test('gives a fact two articles tell once, citing both, with buttons that open each source', async () => {
    const message = await answer('digest', { length: 'detailed' });
    expect(message.ephemeral).toBe(false);
    const incidents = bullets(message).filter((b) => b.includes('12 incidents'));
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.match(/`\[\d+\]`/g)).toHaveLength(2);
    const text = embedText(message);
    expect(text).toContain('Blinken arrives in Manila for talks');
    expect(text).toContain('Philippines and US sign coast guard pact');
    const opens = customIdsOf(message).filter((id) => id.startsWith('open:v1:'));
    expect(opens.length).toBeGreaterThan(0);
    const click = env.emulator.sendButton(opens[0]!, message);
    const opened = await click.final();
    expect(opened.embeds[0]?.title).toBeTruthy();
    expect(customIdsOf(opened)).toContain(`rel:v1:${opens[0]!.slice('open:v1:t:'.length)}`);
  });

  test('answers a focus and a length', async () => {
    const focused = await answer('digest', { about: 'coast guard', length: 'short' });
    expect(bullets(focused)[0]!.toLowerCase()).toContain('coast guard');
    expect(bullets(focused).length).toBeLessThanOrEqual(4);
    expect(focused.embeds[0]?.title).toBe('Digest on “coast guard”');
  });

  test('says plainly when no briefing is that recent', async () => {
    const message = await answer('digest', { since: '1d' });
    expect(message.ephemeral).toBe(true);
    expect(message.content).toContain('No briefing from the last day');
  });

  test('keeps answering other interactions while a digest is being made', async () => {
    const digest = env.emulator.sendCommand('digest', { length: 'detailed' });
    const help = env.emulator.sendCommand('help');
    const helped = await help.response();
    expect(helped.latencyMs).toBeLessThan(3000);
    expect(bullets(await digest.final()).length).toBeGreaterThan(0);
  });
});

describe('/person', () => {
  test('autocompletes over the people of every visible briefing', async () => {
    const handle = env.emulator.sendAutocomplete('person', 'name', 'blin');
    const response = await handle.response();
    const choices = (response.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]).toEqual({ name: 'Antony Blinken · 2 briefings', value: 'Antony Blinken' });
  });

  test('shows the dossier across briefings: roles with source, quotes, briefings, people they appear with', async () => {
    const message = await answer('person', { name: 'Antony Blinken' });
    expect(message.embeds[0]?.title).toBe('Antony Blinken');
    const text = embedText(message);
    expect(text).toContain('Secretary of State');
    expect(text).toContain('We will keep our word');
    // Full name, surname alone, and "the secretary of state" alone: four briefings in all.
    expect(message.embeds[0]?.fields?.find((f) => f.name.startsWith('Briefings'))?.name).toBe('Briefings (4)');
    expect(text).toContain('Washington pledges patrol boats');
    expect(text).toContain('Nguyen Phu Trong');
  });

  test('says plainly when nobody has that name', async () => {
    const message = await answer('person', { name: 'Nobody Atall' });
    expect(message.ephemeral).toBe(true);
    expect(message.content).toContain('Nobody called');
  });
});

describe('/timeline', () => {
  test('lists dated events in time order, paged, the page buttons editing the same message', async () => {
    const message = await answer('timeline');
    const first = message.embeds[0]!;
    expect(first.description).toContain('February 2024');
    expect(first.footer?.text).toMatch(/events · page 1 of \d/);
    const later = customIdsOf(message).find((id) => id.startsWith('tl:v1:2:'));
    expect(later).toBeDefined();
    const click = env.emulator.sendButton(later!, message);
    const updated = await click.final();
    expect(updated.id).toBe(message.id);
    expect(updated.embeds[0]?.footer?.text).toContain('page 2 of');
  });

  test('keeps to a focus', async () => {
    const message = await answer('timeline', { about: 'patrol boats' });
    expect(message.embeds[0]?.description).toContain('30 June 2024');
    expect(message.embeds[0]?.description).not.toContain('February 2024');
  });
});

describe('Related on /brief', () => {
  test('offers up to three related briefings, each with a button', async () => {
    const brief = await answer('brief', { article: 'manila-talks' });
    expect(customIdsOf(brief)).toContain('rel:v1:manila-talks');
    const click = env.emulator.sendButton('rel:v1:manila-talks', brief);
    const related = await click.final();
    expect(related.id).not.toBe(brief.id);
    const opens = customIdsOf(related);
    expect(opens.length).toBeGreaterThan(0);
    expect(opens.length).toBeLessThanOrEqual(3);
    expect(opens[0]).toBe('open:v1:t:manila-pact');
  });
});

describe('scope', () => {
  test('a briefing ingested in one server is in that server\'s digest and people only', async () => {
    const submitted = env.emulator.sendModalSubmit(
      TEXT_MODAL_ID,
      {
        [TEXT_FIELDS.title]: 'Harbour pilots strike in Larkport',
        [TEXT_FIELDS.text]: 'Harbour pilots in Larkport walked out on Monday over rosters, union chief Odile Varga said. "We are not moving ships until the rosters change," Varga said. Twenty ships waited outside the harbour.',
        [TEXT_FIELDS.url]: '',
      },
      ADMIN,
    );
    await submitted.final();
    const here = await answer('person', { name: 'Odile Varga' });
    expect(here.embeds[0]?.title).toBe('Odile Varga');
    const elsewhere = await answer('person', { name: 'Odile Varga' }, OTHER_SERVER);
    expect(elsewhere.ephemeral).toBe(true);
    const digestElsewhere = await answer('digest', { about: 'harbour pilots Larkport', length: 'detailed' }, OTHER_SERVER);
    const shown = [digestElsewhere.embeds[0]?.description ?? '', ...(digestElsewhere.embeds[0]?.fields ?? []).map((f) => f.value)].join('\n');
    expect(shown).not.toContain('Larkport');
    const digestHere = await answer('digest', { about: 'harbour pilots Larkport', length: 'detailed' });
    expect(digestHere.embeds[0]?.description).toContain('Harbour pilots in Larkport walked out');
    const choices = (await env.emulator.sendAutocomplete('person', 'name', 'varga', {}, OTHER_SERVER).response()).data as { choices: unknown[] };
    expect(choices.choices).toEqual([]);
  });
});
