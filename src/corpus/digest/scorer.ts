/**
 * The learned sentence scorer of the digest: a linear model over sentenceFeatures (features.ts), its
 * weights trained by `npm run train:digest-scorer -- --write` on the tuning part of the Multi-News dev clusters
 * and shipped as numbers only (scorer-weights.ts). It predicts a sentence's share of reference word
 * pairs per word; the digest ranks by it.
 */
import { FEATURE_NAMES } from './features.js';
import { DIGEST_SCORER } from './scorer-weights.js';

export interface LinearModel {
  /** Feature names, in the order of the other arrays (checked against FEATURE_NAMES). */
  readonly features: readonly string[];
  /** Standardisation: (x - mean) / scale. */
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

/** Throws when a model does not fit the features the engine computes (a stale weights file). */
export function checkModel(model: LinearModel): LinearModel {
  const n = FEATURE_NAMES.length;
  const same = model.features.length === n && model.features.every((f, i) => f === FEATURE_NAMES[i]);
  if (!same || model.mean.length !== n || model.scale.length !== n || model.weights.length !== n) {
    throw new Error(`digest scorer: weights are for features [${model.features.join(', ')}], the engine computes [${FEATURE_NAMES.join(', ')}]`);
  }
  if (![...model.mean, ...model.scale, ...model.weights, model.bias].every(Number.isFinite) || model.scale.some((s) => s <= 0)) {
    throw new Error('digest scorer: weights must be finite numbers and scales positive');
  }
  return model;
}

export const DEFAULT_SCORER: LinearModel = checkModel(DIGEST_SCORER);

export function scoreFeatures(features: readonly number[], model: LinearModel = DEFAULT_SCORER): number {
  let sum = model.bias;
  for (let i = 0; i < model.weights.length; i++) sum += (model.weights[i]! * (features[i]! - model.mean[i]!)) / model.scale[i]!;
  return sum;
}
