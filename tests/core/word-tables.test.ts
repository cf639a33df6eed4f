/**
 * The compiled build's sorted word tables answer exactly as the packages' lists they are made from, and
 * the in-place search finds every line of a table and nothing else.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript build helper without type declarations
import { buildCommonWordTable, buildNameTable } from '../../scripts/word-tables.mjs';
import { packageCommonWords, packageNames } from '../../src/core/people/gazetteer.js';
import { sortedTable } from '../../src/text/sorted-table.js';

describe('sortedTable', () => {
  it('finds each key, with or without a value after a tab, and the end of the key', () => {
    const table = 'anna\tf\nbob\ncarl\tm\n';
    const find = sortedTable(table);
    expect(find('anna')).toBe(4);
    expect(table[find('anna') + 1]).toBe('f');
    expect(find('bob')).toBe(10);
    expect(find('carl')).toBe(15);
    for (const absent of ['', 'a', 'ann', 'annab', 'b', 'bobby', 'zed', 'Anna', 'f', 'm']) expect(find(absent)).toBe(-1);
  });

  it('reads a last line without a newline, a one-line table and an empty one', () => {
    expect(sortedTable('ab\ncd')('cd')).toBe(5);
    expect(sortedTable('only')('only')).toBe(4);
    expect(sortedTable('only\n')('only')).toBe(4);
    expect(sortedTable('')('x')).toBe(-1);
  });
});

describe('the gazetteer tables', () => {
  const cases: [string, () => string, () => ReadonlySet<string>][] = [
    ['people names', buildNameTable as () => string, packageNames],
    ['common words', buildCommonWordTable as () => string, packageCommonWords],
  ];
  for (const [name, build, reference] of cases) {
    it(`the ${name} table holds every word of the package and no other`, () => {
      const words = reference();
      expect(words.size).toBeGreaterThan(30_000);
      const find = sortedTable(build());
      expect([...words].filter((w) => find(w) < 0)).toEqual([]);
      for (const absent of ['zzyzx-not-a-word', 'qqq', '', 'Smith', 'THE']) expect(find(absent) >= 0).toBe(words.has(absent));
    });
  }

  it('knows names and common words as the engine expects', () => {
    const names = sortedTable(buildNameTable() as string);
    const common = sortedTable(buildCommonWordTable() as string);
    expect(names('siobhan')).toBeGreaterThan(0);
    expect(common('siobhan')).toBe(-1);
    expect(common('wonderful')).toBeGreaterThan(0);
    expect(names('wonderful')).toBe(-1);
  });
});
