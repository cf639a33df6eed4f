/**
 * A linear model over named features, shipped as numbers: the learned sentence scorers of the digest
 * (corpus/digest/scorer.ts) and of the one-article summary (core/summary/scorer.ts) are both one.
 */
export interface LinearModel {
  /** Feature names, in the order of the other arrays (checked against the names the engine computes). */
  readonly features: readonly string[];
  /** Standardisation: (x - mean) / scale. */
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

/** Throws when a model does not fit the features the engine computes (a stale weights file). */
export function checkLinearModel(model: LinearModel, names: readonly string[], what: string): LinearModel {
  const n = names.length;
  const same = model.features.length === n && model.features.every((f, i) => f === names[i]);
  if (!same || model.mean.length !== n || model.scale.length !== n || model.weights.length !== n) {
    throw new Error(`${what}: weights are for features [${model.features.join(', ')}], the engine computes [${names.join(', ')}]`);
  }
  if (![...model.mean, ...model.scale, ...model.weights, model.bias].every(Number.isFinite) || model.scale.some((s) => s <= 0)) {
    throw new Error(`${what}: weights must be finite numbers and scales positive`);
  }
  return model;
}

export function scoreLinear(features: readonly number[], model: LinearModel): number {
  let sum = model.bias;
  for (let i = 0; i < model.weights.length; i++) sum += (model.weights[i]! * (features[i]! - model.mean[i]!)) / model.scale[i]!;
  return sum;
}
