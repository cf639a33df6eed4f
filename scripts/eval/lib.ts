/**
 * Shared plumbing for `npm run eval`. The dev data is read from ../shared/eval (or $BRIEFBOT_EVAL_DIR)
 * at run time and never copied into the repository (it is licensed for evaluation only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function evalDir(): string {
  return resolve(process.env['BRIEFBOT_EVAL_DIR'] ?? join(repoRoot, '..', 'shared', 'eval'));
}

export function hasEvalData(): boolean {
  return existsSync(evalDir());
}

export function evalPath(name: string): string {
  return join(evalDir(), name);
}

/** Optional cap on items per data set while iterating (BRIEFBOT_EVAL_LIMIT=50); reported figures use all. */
export function limited<T>(items: T[]): T[] {
  const limit = Number(process.env['BRIEFBOT_EVAL_LIMIT'] ?? '');
  return Number.isFinite(limit) && limit > 0 ? items.slice(0, limit) : items;
}

export function readJsonl<T>(name: string): T[] {
  return readFileSync(evalPath(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** One printed score: our value beside the Lead-N (or other named) baseline and the target, if any. */
export interface ScoreRow {
  readonly metric: string;
  readonly value: number;
  /** Baseline from ../shared/eval/README.md on the same files (lead-N unless `baselineName` says otherwise). */
  readonly baseline?: number;
  readonly baselineName?: string;
  /** The target, when it sets one. */
  readonly target?: number;
  /** The same metric on the tuning and the check part of the dev data (see partOf). */
  readonly tuning?: number;
  readonly check?: number;
}

/** The two parts of every dev set: rules are tuned on `tuning` only; `check` shows whether they generalise. */
export type Part = 'tuning' | 'check';

/**
 * Which part an item belongs to, from a stable hash (FNV-1a, 32 bit) of its id: about one item in three
 * goes to `check`. Deterministic, so every task and every engineer uses the same split.
 */
export function partOf(id: string): Part {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 3 === 0 ? 'check' : 'tuning';
}

/**
 * Scores per-item results on all items and on each part: `aggregate` turns a list of results into rows,
 * and each row gets its tuning and check value beside it (matched by metric name). Per-item work is done
 * once; only the cheap aggregation runs three times.
 */
export function withParts<T>(results: readonly T[], idOf: (result: T) => string, aggregate: (results: readonly T[]) => ScoreRow[]): ScoreRow[] {
  const value = (rows: ScoreRow[]) => new Map(rows.map((r) => [r.metric, r.value]));
  const tuning = value(aggregate(results.filter((r) => partOf(idOf(r)) === 'tuning')));
  const check = value(aggregate(results.filter((r) => partOf(idOf(r)) === 'check')));
  return aggregate(results).map((row) => {
    const t = tuning.get(row.metric);
    const c = check.get(row.metric);
    return { ...row, ...(t === undefined ? {} : { tuning: t }), ...(c === undefined ? {} : { check: c }) };
  });
}

export interface EvalTask {
  readonly name: string;
  run(): Promise<ScoreRow[]>;
}

export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
