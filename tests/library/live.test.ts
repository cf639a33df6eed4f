import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/core/analyze.js';
import { BriefingPendingError } from '../../src/library/errors.js';
import { LiveArticleLibrary, type LiveLibraryOptions } from '../../src/library/live.js';
import { BIG_ID, bigMarkdown } from '../reliability/big-file.js';
import { STORY_A, STORY_B, STORY_C, tempDir, waitFor } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let warnings: string[];
let analysed: string[];
const opened: LiveArticleLibrary[] = [];

function options(extra: Partial<LiveLibraryOptions> = {}): LiveLibraryOptions {
  return {
    warn: (message) => warnings.push(message),
    analyze: (bytes, name) => {
      analysed.push(name);
      return analyzeBytes(bytes, name);
    },
    debounceMs: 50,
    rescanIntervalMs: 0,
    cacheFlushDelayMs: 50,
    ...extra,
  };
}

async function open(extra: Partial<LiveLibraryOptions> = {}): Promise<LiveArticleLibrary> {
  const library = await LiveArticleLibrary.open(dir, options(extra));
  opened.push(library);
  return library;
}

/**
 * Rewrites every cache shard with each entry's body part replaced by '{}', checksum recomputed: only the
 * entry's own check can tell (as after a bug in the writer).
 */
async function corruptHeavyParts(): Promise<void> {
  const cacheDir = join(dir, '.cache', 'briefbot');
  for (const name of (await readdir(cacheDir)).filter((n) => n.startsWith('shard-'))) {
    const bytes = await readFile(join(cacheDir, name));
    const headerEnd = bytes.indexOf(10);
    const metaEnd = bytes.indexOf(10, headerEnd + 1);
    const header = JSON.parse(bytes.subarray(0, headerEnd).toString()) as Record<string, unknown>;
    const meta = JSON.parse(bytes.subarray(headerEnd + 1, metaEnd).toString()) as { k: unknown; e: Record<string, unknown[]> };
    let offset = 0;
    for (const row of Object.values(meta.e)) {
      row[3] = offset;
      row[4] = 2;
      offset += 2;
    }
    const body = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), Buffer.from('{}'.repeat(Object.keys(meta.e).length))]);
    header['sha256'] = createHash('sha256').update(body).digest('hex');
    await writeFile(join(cacheDir, name), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
  }
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  warnings = [];
  analysed = [];
  await writeFile(join(dir, 'bridge.txt'), STORY_A);
  await writeFile(join(dir, 'library.txt'), STORY_B);
});

afterEach(async () => {
  for (const library of opened.splice(0)) await library.close();
  await cleanup();
});

describe('LiveArticleLibrary', () => {
  it('loads every article file and ignores other files', async () => {
    await writeFile(join(dir, 'notes.json'), '{}');
    await writeFile(join(dir, '.hidden.txt'), STORY_C);
    const library = await open();
    expect(library.list().map((a) => a.id).sort()).toEqual(['bridge', 'library']);
    expect(library.get('bridge')?.briefing.body).toContain('Kelso harbour bridge');
    expect(library.get('nope')).toBeUndefined();
  });

  it('lists newest first, by file time when articles carry no date', async () => {
    await utimes(join(dir, 'bridge.txt'), new Date('2024-01-01'), new Date('2024-01-01'));
    await utimes(join(dir, 'library.txt'), new Date('2024-03-01'), new Date('2024-03-01'));
    const library = await open();
    expect(library.list().map((a) => a.id)).toEqual(['library', 'bridge']);
  });

  it('skips an unreadable file with a warning naming it, and keeps the rest', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    const library = await open();
    expect(library.list()).toHaveLength(2);
    expect(library.skipped()).toHaveLength(1);
    expect(library.skipped()[0]?.file).toBe(join(dir, 'empty.txt'));
    expect(library.skipped()[0]?.reason).toMatch(/empty/);
    expect(warnings.some((w) => w.includes('empty.txt'))).toBe(true);
  });

  it('skips the second of two files with the same id, saying which', async () => {
    await writeFile(join(dir, 'bridge.md'), STORY_C);
    const library = await open();
    expect(library.get('bridge')?.file).toBe(join(dir, 'bridge.md'));
    expect(library.skipped().map((s) => s.reason)).toEqual(['same id as bridge.md; rename one of them']);
  });

  it('does not re-analyse anything on a restart with an unchanged folder', async () => {
    const first = await open();
    await first.close();
    expect(analysed.sort()).toEqual(['bridge.txt', 'library.txt']);
    analysed = [];
    const second = await open();
    expect(analysed).toEqual([]);
    expect(second.stats()).toMatchObject({ articles: 2, cached: 2, analysed: 0 });
    expect(second.get('library')?.briefing.body).toBe(first.get('library')?.briefing.body);
    // The cached form rebuilds exactly what the engine produced, field for field.
    for (const id of ['bridge', 'library']) expect(second.get(id)?.briefing).toEqual(first.get(id)?.briefing);
  });

  it('re-analyses only the file whose bytes changed', async () => {
    await (await open()).close();
    analysed = [];
    await writeFile(join(dir, 'library.txt'), `${STORY_B}\n\nThe trial runs for six months.`);
    const library = await open();
    expect(analysed).toEqual(['library.txt']);
    expect(library.get('library')?.briefing.body).toContain('six months');
  });

  it('rebuilds a corrupt cache shard instead of trusting it', async () => {
    const first = await open();
    await first.close();
    const cacheDir = join(dir, '.cache', 'briefbot');
    const shards = (await readdir(cacheDir)).filter((n) => n.startsWith('shard-'));
    expect(shards.length).toBeGreaterThan(0);
    for (const shard of shards) {
      const text = await readFile(join(cacheDir, shard), 'utf8');
      // Flip the body of the first article in the payload, keeping the JSON valid: only the checksum can tell.
      await writeFile(join(cacheDir, shard), text.replace('Kelso', 'Kelsx').replace('Dunmore', 'Dunmorx'));
    }
    analysed = [];
    const second = await open();
    expect(analysed.sort()).toEqual(['bridge.txt', 'library.txt']);
    expect(warnings.filter((w) => w.includes('corrupt')).length).toBe(2);
    expect(second.get('bridge')?.briefing.body).toContain('Kelso');
    expect(second.get('library')?.briefing.body).toContain('Dunmore');
    await second.close();
    analysed = [];
    await open();
    expect(analysed).toEqual([]); // the rebuilt cache is trusted again
  });

  it('gives cached briefings that read like plain ones: keys, spread, JSON, freezing', async () => {
    const first = await open();
    await first.close();
    const second = await open();
    const plain = first.get('bridge')?.briefing as unknown as Record<string, unknown>;
    const cached = second.get('bridge')?.briefing as unknown as Record<string, unknown>;
    expect(Object.keys(cached).sort()).toEqual(Object.keys(plain).sort());
    expect({ ...cached }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(cached))).toEqual(JSON.parse(JSON.stringify(plain)));
    expect('body' in cached).toBe(true);
    Object.freeze(cached);
    expect(Object.isFrozen(cached)).toBe(true);
    expect(cached['body']).toBe(plain['body']);
  });

  it('re-analyses a big file whose cached entry is malformed in the background, and says to ask again meanwhile', async () => {
    await writeFile(join(dir, `${BIG_ID}.md`), bigMarkdown());
    await (await open()).close();
    await corruptHeavyParts();
    analysed = [];
    const inBackground: string[] = [];
    const second = await open({ analyzeAsync: (bytes, name) => (inBackground.push(name), Promise.resolve(analyzeBytes(bytes, name))) });
    const changed = new Promise<void>((resolve) => second.onChange(resolve));
    // Opening its body finds the damage: no analysis on this thread, a clear word instead.
    expect(() => second.get(BIG_ID)?.briefing.body).toThrow(BriefingPendingError);
    expect(analysed).toEqual([]);
    await changed;
    expect(inBackground).toEqual([`${BIG_ID}.md`]);
    expect(second.get(BIG_ID)?.briefing.body).toContain('Anna Berg');
    expect(second.get(BIG_ID)?.briefing.title).toBe('Harbour ledger');
  }, 60_000);

  it('re-analyses a cached entry whose stored body part is malformed, when it is first opened', async () => {
    await (await open()).close();
    await corruptHeavyParts();
    analysed = [];
    const second = await open();
    expect(analysed).toEqual([]); // titles and people are fine: nothing re-analysed yet
    expect(second.get('bridge')?.briefing.body).toContain('Kelso');
    expect(analysed).toEqual(['bridge.txt']);
    expect(warnings.some((w) => w.includes('malformed'))).toBe(true);
    expect(second.get('library')?.briefing.body).toContain('Dunmore');
    await second.close();
    analysed = [];
    const third = await open();
    expect(third.get('bridge')?.briefing.body).toContain('Kelso');
    expect(third.get('library')?.briefing.body).toContain('Dunmore');
    expect(analysed).toEqual([]); // the shards were rewritten with good entries
  });

  it('treats a cache with garbage or a wrong engine version as missing', async () => {
    await (await open()).close();
    const cacheDir = join(dir, '.cache', 'briefbot');
    for (const name of await readdir(cacheDir)) {
      const text = await readFile(join(cacheDir, name), 'utf8');
      await writeFile(join(cacheDir, name), name === 'files.json' ? 'not json at all' : text.replace('"engine":"', '"engine":"old-'));
    }
    analysed = [];
    const library = await open();
    expect(analysed.sort()).toEqual(['bridge.txt', 'library.txt']);
    expect(library.list()).toHaveLength(2);
  });

  it('shows files added, changed and removed by hand without a restart', async () => {
    const library = await open();
    let changes = 0;
    library.onChange(() => changes++);
    await writeFile(join(dir, 'orchard.txt'), STORY_C);
    await waitFor(() => library.get('orchard') !== undefined, 'the added file');
    expect(library.get('orchard')?.briefing.body).toContain('Pellow orchard');
    await writeFile(join(dir, 'orchard.txt'), STORY_C.replace('15,000', '16,500'));
    await waitFor(() => library.get('orchard')?.briefing.body.includes('16,500') === true, 'the edited file');
    await rm(join(dir, 'bridge.txt'));
    await waitFor(() => library.get('bridge') === undefined, 'the removed file');
    expect(library.list().map((a) => a.id).sort()).toEqual(['library', 'orchard']);
    await waitFor(() => changes >= 3, 'a change notice for each of the three changes'); // sent when each scan ends
  });

  it('finds changes by periodic rescan when watching is off', async () => {
    const library = await open({ watch: false, rescanIntervalMs: 100 });
    await writeFile(join(dir, 'orchard.txt'), STORY_C);
    await waitFor(() => library.get('orchard') !== undefined, 'the rescan');
  });

  it('analyses in worker threads for a big batch, with the same results as on the main thread', async () => {
    const inThread = await open();
    await inThread.close();
    const pooled = await LiveArticleLibrary.open(dir, { cacheDir: null, watch: false, rescanIntervalMs: 0, workers: 2, poolThreshold: 1 });
    opened.push(pooled);
    expect(pooled.stats()).toMatchObject({ articles: 2, analysed: 2 });
    for (const id of ['bridge', 'library']) expect(pooled.get(id)?.briefing).toEqual(inThread.get(id)?.briefing);
  });

  it('removes an article: its file, its listing and its cache entry', async () => {
    const library = await open();
    expect((await library.remove('bridge'))?.id).toBe('bridge');
    expect(await readdir(dir)).not.toContain('bridge.txt');
    expect(library.get('bridge')).toBeUndefined();
    expect(await library.remove('bridge')).toBeUndefined();
    await library.close();
    const shards = join(dir, '.cache', 'briefbot');
    const cached = (await Promise.all((await readdir(shards)).filter((n) => n.startsWith('shard-')).map((n) => readFile(join(shards, n), 'utf8')))).join('');
    expect(cached).not.toContain('Kelso');
    expect(cached).toContain('Dunmore');
  });

  it('finds a duplicate by the same words, whatever the spacing and case', async () => {
    const library = await open();
    const copy = (library.get('library')?.briefing.body ?? '').toUpperCase().replace(/\n\n/g, '\n \n');
    expect(library.findDuplicate({ body: copy })?.id).toBe('library');
    expect(library.findDuplicate({ body: 'Something else entirely.' })).toBeUndefined();
  });
});
