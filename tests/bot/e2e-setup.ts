/** A temp articles folder for the end-to-end tests: the two seed articles plus a few written here. */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { expectNoViolations, startBotAgainstEmulator, type EmulatedBot } from '../discord/harness.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SEED_DIR = resolve(import.meta.dirname, '..', '..', 'articles');
export const BLINKEN_ID = 'blinken-seeks-to-strengthen-us-ties-with-vietnam';
export const HANOI_ID = 'us-looks-to-further-boost-comprehensive-partnership-with-hanoi';
export const BLINKEN_TITLE = 'Blinken seeks to strengthen U.S. ties with Vietnam in official Hanoi visit';
export const HANOI_TITLE = 'US looks to further boost comprehensive partnership with Hanoi: Ambassador';
export const PING_ID = 'harbour-ping';
/** Longer than fits in a custom_id, so buttons must carry a hash. */
export const LONG_ID = `orchard-${'frost-'.repeat(20)}report`;

const PING_ARTICLE = `Harbour festival draws record crowd

Coast Gazette
2021-05-02

The harbour festival drew a record crowd of 12,000 visitors on Sunday, organisers said. @everyone was invited, and <@123456789012345678> handed out leaflets.

"We have never seen the quay this full," said festival director Marta Oyelaran.

Stalls sold 4,500 fish suppers by the evening.
`;

const LONG_ARTICLE = `Late frost threatens the apple orchards

Valley Times
2021-04-10

Growers lit fires between the rows overnight as a late frost settled on the valley orchards.

"It came after a warm week and caught the blossom open," said grower Tomasz Wielgus.
`;

export async function makeArticlesDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-e2e-'));
  await copyFile(join(SEED_DIR, `${BLINKEN_ID}.txt`), join(dir, `${BLINKEN_ID}.txt`));
  await copyFile(join(SEED_DIR, `${HANOI_ID}.txt`), join(dir, `${HANOI_ID}.txt`));
  await writeFile(join(dir, `${PING_ID}.txt`), PING_ARTICLE);
  await writeFile(join(dir, `${LONG_ID}.txt`), LONG_ARTICLE);
  await writeFile(join(dir, 'broken.html'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0]));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Starts the bot against a fresh emulator on a temp copy of the seed folder for the whole test file
 * (and checks after each test that nothing broke Discord's limits). The returned handle follows the
 * running bot, so tests use it as they would the harness's own.
 */
export function useSeededBot(options: { checkViolations?: boolean } = {}): EmulatedBot {
  let current: EmulatedBot | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const made = await makeArticlesDir();
    cleanup = made.cleanup;
    current = await startBotAgainstEmulator({ articlesDir: made.dir });
  });
  afterAll(async () => {
    await current?.stop();
    await cleanup?.();
  });
  const running = (): EmulatedBot => {
    if (!current) throw new Error('the bot is not started yet (use it inside a test)');
    return current;
  };
  if (options.checkViolations ?? true) afterEach(() => expectNoViolations(running().emulator));
  return {
    get emulator() {
      return running().emulator;
    },
    get bot() {
      return running().bot;
    },
    restart: () => running().restart(),
    stop: () => running().stop(),
  };
}
