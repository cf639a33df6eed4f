/**
 * The learned sentence scorer of the one-article summary: a linear model over summaryFeatures
 * (features.ts), trained by `npm run train:summary-scorer -- --write` on the tuning part of the dev
 * articles with human references and shipped as numbers only (scorer-weights.ts). It predicts how much
 * of a reference summary's word pairs a sentence brings; the ranker adds it to its hand-set score.
 */
import { checkLinearModel, scoreLinear, type LinearModel } from '../../text/linear-model.js';
import { SUMMARY_FEATURE_NAMES } from './features.js';
import { SUMMARY_SCORER } from './scorer-weights.js';

/** Throws when a model does not fit the features the ranker computes (a stale weights file). */
export function checkSummaryModel(model: LinearModel): LinearModel {
  return checkLinearModel(model, SUMMARY_FEATURE_NAMES, 'summary scorer');
}

export const DEFAULT_SUMMARY_SCORER: LinearModel = checkSummaryModel(SUMMARY_SCORER);

export function scoreSummaryFeatures(features: readonly number[], model: LinearModel = DEFAULT_SUMMARY_SCORER): number {
  return scoreLinear(features, model);
}
