import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.js';
import { SUMMARY_FEATURE_NAMES, summaryFeatures, type SummaryFeatureInput } from '../../src/core/summary/features.js';
import { DEFAULT_WEIGHTS, rankSummary } from '../../src/core/summary/rank.js';
import { checkSummaryModel, DEFAULT_SUMMARY_SCORER, scoreSummaryFeatures } from '../../src/core/summary/scorer.js';
import type { LinearModel } from '../../src/text/linear-model.js';

const names = [...SUMMARY_FEATURE_NAMES];
const zeros = names.map(() => 0);
const ones = names.map(() => 1);

/** A model that scores one feature alone. */
function only(feature: (typeof SUMMARY_FEATURE_NAMES)[number], weight: number): LinearModel {
  return checkSummaryModel({ features: names, mean: zeros, scale: ones, weights: names.map((n) => (n === feature ? weight : 0)), bias: 0 });
}

function featuresOf(text: string, rank = 0, more: Partial<SummaryFeatureInput> = {}): Record<string, number> {
  const row = summaryFeatures({ text, words: text.split(' '), rank, candidates: 10, centrality: 0.4, title: 0, entities: 0, caption: false, beforeDateline: false, ...more });
  return Object.fromEntries(names.map((n, i) => [n, row[i]!]));
}

function summaryOf(body: string, n: number, model?: LinearModel, learned = DEFAULT_WEIGHTS.learned): string[] {
  return rankSummary(null, splitSentences(body), n, { ...DEFAULT_WEIGHTS, learned }, model).map((s) => s.text);
}

describe('summary scorer model', () => {
  it('refuses weights for other features and non-positive scales', () => {
    const stale: LinearModel = { features: names.slice(1), mean: zeros.slice(1), scale: ones.slice(1), weights: zeros.slice(1), bias: 0 };
    expect(() => checkSummaryModel(stale)).toThrow(/weights are for features/);
    expect(() => checkSummaryModel({ features: names, mean: zeros, scale: zeros, weights: zeros, bias: 0 })).toThrow(/scales positive/);
    expect(checkSummaryModel(DEFAULT_SUMMARY_SCORER)).toBe(DEFAULT_SUMMARY_SCORER);
  });

  it('scores (x - mean) / scale · weight + bias', () => {
    const model = checkSummaryModel({ features: names, mean: [0.5, ...zeros.slice(1)], scale: [0.25, ...ones.slice(1)], weights: [2, ...zeros.slice(1)], bias: 1 });
    expect(scoreSummaryFeatures([1, ...zeros.slice(1)], model)).toBeCloseTo(5, 12);
  });
});

describe('summary features', () => {
  it('marks numbers, quotes, attribution, first-person words and questions as the text shows them', () => {
    const quote = featuresOf('"We will reopen the bridge by 12 May," the mayor said.', 4);
    expect(quote).toMatchObject({ digits: 1, quoted: 1, quoteStart: 1, said: 1, personal: 1, question: 0, lead: 0, firstThree: 0 });
    const plain = featuresOf('The council closed the old bridge over the Tarn on Monday after engineers found cracks.');
    expect(plain).toMatchObject({ digits: 0, quoted: 0, quoteStart: 0, said: 0, personal: 0, question: 0, lead: 1, firstThree: 1, position: 1 });
    expect(featuresOf('Who will pay for the new bridge?', 2)).toMatchObject({ question: 1, short: 1, firstThree: 1 });
  });

  it('does not read "Weston" or "usual" as a first-person or attribution word', () => {
    expect(featuresOf('Weston residents say usual traffic has returned to the town centre.')).toMatchObject({ personal: 0, said: 1 });
    expect(featuresOf('Weston residents found the usual traffic had returned to the town centre.')).toMatchObject({ personal: 0, said: 0 });
  });
});

const BRIDGE = [
  'The council will close the Tarn bridge in Millford for six months from 1 March so that engineers can replace its cracked steel supports, at a cost of 4.2 million pounds.',
  '"It is a sad day," one resident said.',
  'The bridge carries about 9,000 vehicles a day between Millford and the ring road, and drivers will be sent on a 12-mile detour.',
  '"We had no choice," said the council leader.',
  'A temporary footbridge for pedestrians and cyclists will open beside it in April.',
  'The bridge was built in 1931.',
].join(' ');

describe('summary with the learned scorer', () => {
  it('keeps the lead sentence and a sentence of facts over a quote that carries none', () => {
    const summary = summaryOf(BRIDGE, 2);
    expect(summary[0]).toMatch(/^The council will close the Tarn bridge/);
    expect(summary[1]).toMatch(/9,000 vehicles a day/);
    expect(summary).not.toContain('"It is a sad day," one resident said.');
    expect(summary).not.toContain('"We had no choice," said the council leader.');
  });

  it('follows the model it is given, and ignores it when its weight is 0', () => {
    // The hand-set ranking alone takes the quote right after the lead (its position prior is high) ...
    const handSet = summaryOf(BRIDGE, 2, undefined, 0);
    expect(handSet[1]).toBe('"It is a sad day," one resident said.');
    // ... whatever model is given at weight 0 ...
    expect(summaryOf(BRIDGE, 2, only('quoteStart', -1), 0)).toEqual(handSet);
    // ... while a model that likes nothing but opening quote marks, given weight, pulls in both quotes.
    expect(summaryOf(BRIDGE, 3, only('quoteStart', 1), 8).filter((s) => s.startsWith('"'))).toHaveLength(2);
  });
});
