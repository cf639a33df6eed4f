import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs, removeFileDurably, writeFileAtomic, type AtomicFs } from '../../src/library/write.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('briefbot-write-'));
});
afterEach(() => cleanup());

const failing = (step: keyof AtomicFs): AtomicFs => ({
  ...nodeFs,
  [step]: async () => {
    throw Object.assign(new Error(`EIO: simulated failure in ${step}`), { code: 'EIO' });
  },
});

describe('writeFileAtomic', () => {
  it('replaces a file with the complete new content', async () => {
    const file = join(dir, 'a.md');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['a.md']);
  });

  it('keeps the old file and removes its temp file when the final rename fails', async () => {
    const file = join(dir, 'a.md');
    await writeFile(file, 'old');
    await expect(writeFileAtomic(file, 'new', { fs: failing('rename') })).rejects.toThrow(/simulated failure in rename/);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.md']);
  });

  it('refuses to overwrite in exclusive mode', async () => {
    const file = join(dir, 'a.md');
    await writeFile(file, 'old');
    await expect(writeFileAtomic(file, 'new', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.md']);
    await writeFileAtomic(join(dir, 'b.md'), 'fresh', { exclusive: true });
    expect(await readFile(join(dir, 'b.md'), 'utf8')).toBe('fresh');
  });

  it('removes a file, and treats a missing one as already removed', async () => {
    await writeFile(join(dir, 'a.md'), 'x');
    expect(await removeFileDurably(join(dir, 'a.md'))).toBe(true);
    expect(await removeFileDurably(join(dir, 'a.md'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});
