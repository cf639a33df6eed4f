/**
 * The learned sentence scorer of the digest: a linear model over sentenceFeatures (features.ts), its
 * weights trained by `npm run train:digest-scorer -- --write` on the tuning part of the Multi-News dev clusters
 * and shipped as numbers only (scorer-weights.ts). It predicts a sentence's share of reference word
 * pairs per word; the digest ranks by it.
 */
import { checkLinearModel, scoreLinear, type LinearModel } from '../../text/linear-model.js';
import { FEATURE_NAMES } from './features.js';
import { DIGEST_SCORER } from './scorer-weights.js';

export type { LinearModel } from '../../text/linear-model.js';

/** Throws when a model does not fit the features the engine computes (a stale weights file). */
export function checkModel(model: LinearModel): LinearModel {
  return checkLinearModel(model, FEATURE_NAMES, 'digest scorer');
}

export const DEFAULT_SCORER: LinearModel = checkModel(DIGEST_SCORER);

export function scoreFeatures(features: readonly number[], model: LinearModel = DEFAULT_SCORER): number {
  return scoreLinear(features, model);
}
