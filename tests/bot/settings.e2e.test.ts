/** /settings end to end: per-server editors role and summary length, erase, and who may change them. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_FIELDS, TEXT_MODAL_ID } from '../../commands/ingest.js';
import { ADMIN_PERMISSIONS, buttonsOf, embedText, expectNoViolations, startBotAgainstEmulator, type EmulatedBot } from '../discord/harness.js';
import { BLINKEN_ID, makeArticlesDir } from './e2e-setup.js';

const admin = { permissions: ADMIN_PERMISSIONS };
const OTHER_GUILD = '998877665544332211';
const EDITORS = '555555555555555555';
const TEXT = [
  'The town council of Wendlebury voted on Tuesday to rebuild the old stone footbridge over the river Ray, the mayor said.',
  'Work on the 40-metre bridge will start in May and cost 1.2 million pounds, council engineer Amira Haddad told the meeting.',
  '"It has carried people to the market for two hundred years," said mayor Owen Pryce.',
].join('\n\n');

let env: EmulatedBot;
let articles: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  articles = await makeArticlesDir();
  env = await startBotAgainstEmulator({ articlesDir: articles.dir });
});
afterAll(async () => {
  await env?.stop();
  await articles?.cleanup();
});
afterEach(() => expectNoViolations(env.emulator));

function bullets(text: string): number {
  return text.split('\n').filter((line) => line.startsWith('•')).length;
}

describe('/settings', () => {
  it('is for Manage Server only', async () => {
    const refused = await env.emulator.sendCommand('settings show').final();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Manage Server');
  });

  it('sets a summary length for this server only', async () => {
    const before = bullets(embedText(await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final()));
    expect(before).toBe(3);
    const set = await env.emulator.sendCommand('settings length', { length: 'short' }, admin).final();
    expect(set.content).toContain('short summaries');
    expect(bullets(embedText(await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final()))).toBe(2);
    // Asked for explicitly, a length still wins; another server keeps the default.
    expect(bullets(embedText(await env.emulator.sendCommand('brief', { article: BLINKEN_ID, length: 'detailed' }).final()))).toBeGreaterThan(3);
    expect(bullets(embedText(await env.emulator.sendCommand('brief', { article: BLINKEN_ID }, { guildId: OTHER_GUILD }).final()))).toBe(3);
    expect((await env.emulator.sendCommand('settings show', {}, admin).final()).content).toContain('Summary length for /brief:** short');
  });

  it('lets the editors role add briefings here, and nowhere else', async () => {
    const member = { roles: [EDITORS] };
    const refused = await env.emulator.sendCommand('ingest text', {}, member).final();
    expect(refused.content).toContain('Manage Server permission');
    await env.emulator.sendCommand('settings editors', { role: EDITORS }, admin).final();
    const shown = await env.emulator.sendCommand('ingest text', {}, member).response();
    expect(shown.type).toBe(9); // the modal
    const note = await env.emulator.sendModalSubmit(TEXT_MODAL_ID, { [TEXT_FIELDS.title]: 'Footbridge to be rebuilt', [TEXT_FIELDS.text]: TEXT, [TEXT_FIELDS.url]: '' }, member).final();
    expect(note.content).toBe('Added **Footbridge to be rebuilt** as `footbridge-to-be-rebuilt`.');
    const elsewhere = await env.emulator.sendCommand('ingest text', {}, { ...member, guildId: OTHER_GUILD }).final();
    expect(elsewhere.content).toContain('Manage Server permission');
  });

  it('erases what this server stored after Confirm, and nothing of the shared library', async () => {
    const asked = await env.emulator.sendCommand('settings erase', {}, admin).final();
    expect(asked.content).toMatch(/Delete all 1 briefing /);
    const refusedClick = await env.emulator.sendButton(buttonsOf(asked)[0]?.custom_id as string, asked).final();
    expect(refusedClick.content).toContain('Manage Server');
    const erased = await env.emulator.sendButton(buttonsOf(asked)[0]?.custom_id as string, asked, admin).final();
    expect(erased.content).toContain('Erased');
    expect((await env.emulator.sendCommand('brief', { article: 'footbridge-to-be-rebuilt' }).final()).ephemeral).toBe(true);
    expect(embedText(await env.emulator.sendCommand('brief', { article: BLINKEN_ID }).final())).toContain('Blinken');
    expect((await env.emulator.sendCommand('settings show', {}, admin).final()).content).toContain('Summary length for /brief:** standard');
  });
});
