/** Hostile typing through the loopback Discord: a skipped file's id, Markdown in a search, odd file names. */
import { expect, it } from 'vitest';
import { ADMIN_PERMISSIONS, embedText } from '../discord/harness.js';
import { useSeededBot } from '../bot/e2e-setup.js';

const env = useSeededBot();

it('typed /brief of a skipped file says privately that it was skipped, instead of briefing another article', async () => {
  const message = await env.emulator.sendCommand('brief', { article: 'broken' }).final();
  expect(message.ephemeral).toBe(true);
  expect(message.embeds ?? []).toHaveLength(0);
  expect(message.content).toMatch(/^“broken” was not loaded: /);
});

it('/search shows the query in its title as typed, never as Markdown', async () => {
  const message = await env.emulator.sendCommand('search', { query: '**harbour** _festival_' }).final();
  expect(message.embeds?.[0]?.title).toBe('Search: \\*\\*harbour\\*\\* \\_festival\\_');
});

it('/ingest file of a file called only ".txt" says it needs a name, not that .txt is not a .txt file', async () => {
  const handle = env.emulator.sendCommand('ingest file', { file: { attachment: { filename: '.txt', content: 'Some text of a briefing.' } } }, { permissions: ADMIN_PERMISSIONS });
  const note = await handle.final();
  expect(note.content ?? embedText(note)).toMatch(/“\.txt” has no name before its extension/);
  expect(note.content ?? embedText(note)).not.toMatch(/is not a \.txt/);
});
