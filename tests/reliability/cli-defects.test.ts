/** The offline CLI as a subprocess: long extracts, empty bodies and read failures in words. */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { distEntry, NODE } from '../dist.js';
import { tempDir } from '../library/helpers.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [distEntry('cli'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let cleanup: () => Promise<void>;
const NOUNS = 'harbour bridge library council school orchard ferry market station river hospital museum theatre factory garden tunnel airport farm bakery stadium castle chapel forest quarry mill canal pier beach valley road'.split(' ');
const VERBS = 'reopened closed expanded flooded hired sold repaired painted rebuilt welcomed doubled lost moved inspected opened'.split(' ');
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('briefbot-cli-'));
  // 70 sentences, each about its own places and figures.
  const sentences = Array.from({ length: 70 }, (_, i) => `The ${NOUNS[i % NOUNS.length]} near ${NOUNS[(i * 7 + 3) % NOUNS.length]} ${VERBS[i % VERBS.length]} ${i + 2} ${NOUNS[(i * 11 + 5) % NOUNS.length]}s during week ${i + 1}.`);
  await writeFile(join(dir, 'long.txt'), `Valley news in brief\n\n${sentences.join('\n\n')}\n`);
  await writeFile(join(dir, 'h-empty.html'), '<html><head><title>Nothing</title></head><body></body></html>');
});
afterAll(() => cleanup());

it('analyze --sentences takes any N >= 1: 60 is not refused, and a huge N gives every sentence the summary keeps', async () => {
  const summaryOf = async (n: string) => {
    const result = await cli(['analyze', '--json', '--sentences', n, join(dir, 'long.txt')]);
    expect(result.code).toBe(0);
    return (JSON.parse(result.stdout) as { summary: string[] }).summary;
  };
  expect(await summaryOf('12')).toHaveLength(12);
  const sixty = await summaryOf('60');
  expect(sixty.length).toBeGreaterThan(12);
  expect(sixty.length).toBeLessThanOrEqual(60);
  expect(await summaryOf('100000')).toEqual(sixty); // capped by the article, not by the option
  const zero = await cli(['analyze', '--json', '--sentences', '0', join(dir, 'long.txt')]);
  expect(zero.code).toBe(2);
  expect(zero.stderr).toMatch(/--sentences takes a whole number of 1 or more/);
}, 60_000);

it('refuses a page with an empty body as empty, and says a missing file in words', async () => {
  const { stdout } = await cli(['analyze', '--jsonl', join(dir, 'h-empty.html'), join(dir, 'missing.txt')]);
  const [empty, missing] = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { error?: string });
  expect(empty?.error).toMatch(/no article text/);
  expect(missing?.error).toBe('no such file or folder');
  const folder = await cli(['brief', '--articles', join(dir, 'nope'), 'homes']);
  expect(folder.code).toBe(1);
  expect(folder.stderr).toMatch(/cannot read the articles folder .*nope: no such file or folder/);
  expect(folder.stderr).not.toMatch(/ENOENT/);
}, 60_000);
