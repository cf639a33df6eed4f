/**
 * Orders dates of mixed precision: `2020`, `2020-07`, `2020-07-06` by their start (a year before its
 * months, a month before its days); year-less `--07-06` after every dated item (they cannot be placed
 * against them), ordered by month and day among themselves; null last.
 */
function rank(date: string | null): [number, string] {
  if (date === null) return [2, ''];
  if (date.startsWith('--')) return [1, date];
  return [0, date];
}

export function compareDates(a: string | null, b: string | null): number {
  const [ra, ka] = rank(a);
  const [rb, kb] = rank(b);
  if (ra !== rb) return ra - rb;
  // Text order of ISO prefixes is time order, and a prefix ("2020-07") sorts before its extensions.
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
