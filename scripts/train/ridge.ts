/**
 * Ridge regression in closed form on standardised features, for the learned scorers' training scripts.
 * Rows may carry weights (a data set that should count less than another).
 */
import type { LinearModel } from '../../src/text/linear-model.js';

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Weighted mean. */
function wmean(xs: readonly number[], ws: readonly number[]): number {
  let s = 0;
  let w = 0;
  xs.forEach((x, i) => {
    s += x * ws[i]!;
    w += ws[i]!;
  });
  return w > 0 ? s / w : 0;
}

/** Fits label ~ features; `rowWeights` defaults to 1 per row. Numbers rounded to 6 significant digits. */
export function fitRidge(
  names: readonly string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  ridge: number,
  rowWeights: readonly number[] = rows.map(() => 1),
): LinearModel {
  const d = names.length;
  const mu = Array.from({ length: d }, (_, j) => wmean(rows.map((r) => r[j]!), rowWeights));
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(wmean(rows.map((r) => (r[j]! - mu[j]!) ** 2), rowWeights)) || 1);
  const z = rows.map((r) => r.map((x, j) => (x - mu[j]!) / scale[j]!));
  const yMean = wmean(labels, rowWeights);
  const xtx = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? ridge : 0)));
  const xty = new Array<number>(d).fill(0);
  z.forEach((r, k) => {
    const w = rowWeights[k]!;
    for (let i = 0; i < d; i++) {
      xty[i]! += w * r[i]! * (labels[k]! - yMean);
      for (let j = 0; j < d; j++) xtx[i]![j]! += w * r[i]! * r[j]!;
    }
  });
  const weights = solve(xtx, xty);
  const round = (x: number) => (Math.abs(x) < 1e-9 ? 0 : Number(x.toPrecision(6)));
  return { features: [...names], mean: mu.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(yMean) };
}

/** The TypeScript source of a weights file: numbers only, with a comment saying how it was made. */
export function weightsSource(constName: string, importFrom: string, comment: readonly string[], model: LinearModel): string {
  const list = (xs: readonly (number | string)[]) => `[${xs.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ')}]`;
  return (
    comment.map((line) => `// ${line}\n`).join('') +
    `import type { LinearModel } from '${importFrom}';\n\n` +
    `export const ${constName}: LinearModel = {\n` +
    `  features: ${list(model.features)},\n  mean: ${list(model.mean)},\n  scale: ${list(model.scale)},\n  weights: ${list(model.weights)},\n  bias: ${model.bias},\n};\n`
  );
}
