import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distEntry, NODE } from '../dist.js';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '..', '..');
const cliMain = distEntry('cli'); // what `npm run cli` runs

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(NODE, [cliMain, ...args], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-cli-'));
  await writeFile(join(dir, 'good.txt'), 'Storm hits coast\n\nA storm hit the coast on Monday. Ten homes lost power. Crews worked all night.\n');
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli analyze --jsonl', () => {
  it('prints one JSON object per file, in order, with `file` exactly as given and errors as records', async () => {
    const files = [join(dir, 'good.txt'), join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'missing.txt')];
    const { code, stdout } = await cli(['analyze', '--jsonl', '--sentences', '2', ...files]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r['file'])).toEqual(files);
    const good = records[0]!;
    expect(good['error']).toBeUndefined();
    expect(good['summary']).toHaveLength(2);
    expect(String(good['body'])).toContain('Ten homes lost power.');
    for (const key of ['title', 'source', 'date', 'quotes', 'people', 'numbers']) expect(good).toHaveProperty(key);
    expect(records[1]!['error']).toMatch(/empty/i);
    expect(typeof records[2]!['error']).toBe('string');
    expect(records[3]!['error']).toMatch(/no such file/i);
  });

  it('exits non-zero with a usage message for a bad --sentences value, printing nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli(['analyze', '--jsonl', '--sentences', 'lots', join(dir, 'good.txt')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--sentences takes a whole number/);
  });

  it('prints one pretty object with --json', async () => {
    const { code, stdout } = await cli(['analyze', '--json', join(dir, 'good.txt')]);
    expect(code).toBe(0);
    expect(stdout.split('\n').length).toBeGreaterThan(5);
    expect((JSON.parse(stdout) as { file: string }).file).toBe(join(dir, 'good.txt'));
  });
});

describe('cli brief', () => {
  it('renders a stored article found by title words', async () => {
    const { code, stdout } = await cli(['brief', 'Blinken', 'Hanoi', 'visit']);
    expect(code).toBe(0);
    expect(stdout).toContain('Blinken seeks to strengthen U.S. ties with Vietnam in official Hanoi visit');
    expect(stdout).toMatch(/\d+ words → \d+ words \(\d+% shorter\)/);
  });

  it('says which articles exist when nothing matches', async () => {
    const { code, stderr } = await cli(['brief', 'zebra', 'migration']);
    expect(code).toBe(1);
    expect(stderr).toContain('No stored article matches');
  });
});
