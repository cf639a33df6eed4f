import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function tempDir(prefix = 'briefbot-lib-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Polls until `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const STORY_A = `Harbour bridge reopens after repairs

The Kelso harbour bridge reopened on Monday after eight months of repairs, the town council said.

"We are glad to have our bridge back," said Mara Quint, the council's head of transport.

The work cost 4.2 million pounds and employed 60 people.`;

export const STORY_B = `Library opens late on Fridays

The central library in Dunmore will stay open until 10pm on Fridays from next month.

Librarian Tomas Reyes said the change followed a survey of 1,200 readers.`;

export const STORY_C = `Orchard festival draws record crowd

About 15,000 visitors came to the Pellow orchard festival at the weekend, organisers said.

"It was our busiest year," said festival director Ana Brook.`;
