/**
 * Search in place over a sorted text table: one entry a line, its key up to a tab (then a value) or the
 * end of the line, lines in plain code-unit order (JavaScript's default sort). The compiled build ships
 * word lists this way (scripts/word-tables.mjs): reading one costs a file read and a pass over its
 * newlines, where building a Set of the same 40,000 words cost tens of milliseconds of every start.
 */

/** Where each key's line starts, once per table. */
function lineStarts(table: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < table.length; i = table.indexOf('\n', i) + 1 || table.length) starts.push(i);
  return starts;
}

/** Finds `key` by binary search: the offset just after it (its tab or newline), or -1. */
export type TableSearch = (key: string) => number;

export function sortedTable(table: string): TableSearch {
  const starts = lineStarts(table);
  const last = table.endsWith('\n') ? table.length - 1 : table.length;
  return (key) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = starts[mid]!;
      const order = compareKey(table, start, mid + 1 < starts.length ? starts[mid + 1]! - 1 : last, key);
      if (order === 0) return start + key.length;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/**
 * The order of the key of the line at `start` (up to a tab or `lineEnd`) against `key`, as `<` on strings
 * orders them (code units; a prefix first), read in place: no copy of the line per step of the search.
 */
function compareKey(table: string, start: number, lineEnd: number, key: string): number {
  for (let i = 0; ; i++) {
    const p = start + i;
    if (p >= lineEnd || table.charCodeAt(p) === 9) return i === key.length ? 0 : -1;
    if (i === key.length) return 1;
    const a = table.charCodeAt(p);
    const b = key.charCodeAt(i);
    if (a !== b) return a < b ? -1 : 1;
  }
}
