/**
 * How long to wait before the next try after `failures` failures in a row: exponential from `baseMs`,
 * capped at `maxMs`, with up to ±20 % jitter so failures that started together do not retry together.
 */
export function backoffMs(failures: number, options: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const base = options.baseMs ?? 30_000;
  const max = options.maxMs ?? 6 * 60 * 60_000;
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const plain = Math.min(base * 2 ** exponent, max);
  const jitter = 1 + ((options.random ?? Math.random)() * 0.4 - 0.2);
  return Math.round(Math.min(plain * jitter, max));
}
