import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '..', '..');
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const cliMain = join(repo, 'src', 'cli', 'main.ts');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cliMain, ...args], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface DigestJson {
  points: { text: string; sources: string[] }[];
  people: { name: string; roles: string[]; files: string[]; mentions: number }[];
  timeline: { date: string | null; text: string; file: string }[];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-digest-'));
  await writeFile(
    join(dir, 'one.txt'),
    'Port strike begins\n\nROTTERDAM, May 6, 2024 (Reuters) — Dock workers in Rotterdam began a strike on Monday over pay. Union leader Joris Bakker said 4,000 workers had stopped work. The port handled 440 million tonnes last year.\n',
  );
  await writeFile(
    join(dir, 'two.txt'),
    'Strike halts ships\n\nROTTERDAM, May 7, 2024 (AP) — Dock workers in Rotterdam began a strike on Monday over pay. Bakker said talks would resume on May 9. Dozens of ships waited outside the port.\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cli digest', () => {
  it('prints one JSON object with points, people and timeline, naming files exactly as given', async () => {
    const one = join(dir, 'one.txt');
    const two = relative(repo, join(dir, 'two.txt'));
    const { code, stdout } = await cli(['digest', '--json', '--words', '250', one, two]);
    expect(code).toBe(0);
    const d = JSON.parse(stdout) as DigestJson;
    const strike = d.points.filter((p) => p.text.startsWith('Dock workers in Rotterdam began a strike'));
    expect(strike).toHaveLength(1);
    expect([...strike[0]!.sources].sort()).toEqual([one, two].sort());
    const bakker = d.people.find((p) => p.name === 'Joris Bakker')!;
    expect(bakker.files).toEqual([one, two]);
    expect(bakker.roles).toEqual(['Union leader']);
    // one.txt is dated Monday May 6; both write "on Monday": May 6 in each.
    expect(d.timeline.map((e) => e.date)).toEqual(['2023', '2024-05-06', '2024-05-06', '2024-05-06', '2024-05-07', '2024-05-09']);
    expect(d.timeline.filter((e) => e.date === '2024-05-06').map((e) => e.file)).toEqual([one, one, two]);
    expect(d.timeline.find((e) => e.date === '2024-05-09')).toMatchObject({ file: two, text: 'Bakker said talks would resume on May 9.' });
  });

  it('prints a readable digest without --json, and refuses bad input plainly', async () => {
    const text = await cli(['digest', '--about', 'ships', join(dir, 'one.txt'), join(dir, 'two.txt')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Digest\n {2}• Dozens of ships waited outside the port\./);
    const bad = await cli(['digest', '--words', 'many', join(dir, 'one.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--words takes a whole number');
    const none = await cli(['digest', join(dir, 'missing.txt')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('missing.txt');
  });
});
