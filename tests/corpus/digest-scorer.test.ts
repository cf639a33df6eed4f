import { describe, expect, it } from 'vitest';
import { digest } from '../../src/corpus/index.js';
import { FEATURE_NAMES, sentenceFeatures } from '../../src/corpus/digest/features.js';
import { checkModel, DEFAULT_SCORER, scoreFeatures, type LinearModel } from '../../src/corpus/digest/scorer.js';
import { termStats } from '../../src/corpus/digest/terms.js';
import { brief, manila } from './briefings.js';

const zeros = FEATURE_NAMES.map(() => 0);
const ones = FEATURE_NAMES.map(() => 1);

describe('digest scorer', () => {
  it('ships weights for exactly the features the engine computes', () => {
    expect(DEFAULT_SCORER.features).toEqual([...FEATURE_NAMES]);
    expect(DEFAULT_SCORER.weights.every(Number.isFinite)).toBe(true);
  });

  it('refuses a stale or broken weights file', () => {
    const stale: LinearModel = { features: FEATURE_NAMES.slice(1), mean: zeros.slice(1), scale: ones.slice(1), weights: zeros.slice(1), bias: 0 };
    expect(() => checkModel(stale)).toThrow(/weights are for features/);
    expect(() => checkModel({ features: [...FEATURE_NAMES], mean: zeros, scale: zeros, weights: zeros, bias: 0 })).toThrow(/scales positive/);
  });

  it('scores a feature row as its standardised weighted sum, the same every time', () => {
    // Only the first feature (centroid) counts: weight 2, mean 0.5, scale 0.25 → 2 × (0.75 − 0.5) / 0.25 + 1 = 3.
    const model = checkModel({ features: [...FEATURE_NAMES], mean: [0.5, ...zeros.slice(1)], scale: [0.25, ...ones.slice(1)], weights: [2, ...zeros.slice(1)], bias: 1 });
    const row = [0.75, ...ones.slice(1)];
    expect(scoreFeatures(row, model)).toBeCloseTo(3, 12);
    expect(scoreFeatures(row)).toBe(scoreFeatures([...row]));
  });

  it('reads a written sentence: first in its article, a number, a quote, "we"', () => {
    const stats = termStats([[['coast', 'guard', 'boats']], [['coast', 'guard']]]);
    const text = '"We counted 12 boats," the Coast Guard said.';
    const f = sentenceFeatures(
      { text, index: 0, articleSentences: 5, words: 8, terms: ['coast', 'guard', 'boats', 'counted'], centroid: 1, mass: 0.5, articleTopicality: 0.4, pairsShared: 0.5 },
      { stats, idf: () => 1, maxIdf: 2 },
    );
    const value = (name: (typeof FEATURE_NAMES)[number]) => f[FEATURE_NAMES.indexOf(name)];
    expect(f).toHaveLength(FEATURE_NAMES.length);
    expect(value('position')).toBe(1);
    expect(value('lead')).toBe(1);
    expect(value('relativePosition')).toBe(0);
    expect(value('digits')).toBe(1);
    expect(value('quote')).toBe(1);
    expect(value('personal')).toBe(1);
    expect(value('question')).toBe(0);
    // coast and guard are in both briefings, boats in one, counted in none: spread (1 + 1 + 0.5 + 0) / 4.
    expect(value('meanSpread')).toBeCloseTo(0.625, 12);
    expect(value('sharedShare')).toBeCloseTo(0.5, 12);
    expect(value('rarity')).toBeCloseTo(0.5, 12);
  });

  it('keeps one point per fact with all its sources, and the same digest on every run', () => {
    const first = digest(manila, { points: 10 });
    const again = digest(manila, { points: 10 });
    expect(again.points).toEqual(first.points);
    const incidents = first.points.filter((p) => p.text.includes('12 incidents'));
    expect(incidents).toHaveLength(1);
    expect([...incidents[0]!.sources].sort()).toEqual(['manila-1', 'manila-2']);
    const scores = first.points.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('still digests a single short briefing', () => {
    const one = brief('solo', 'The river rose four metres overnight in the town of Lenk. Residents left their homes before dawn. The mayor said the dam held.');
    const d = digest([one], { points: 3 });
    expect(d.points.length).toBeGreaterThan(0);
    for (const p of d.points) expect(p.sources).toEqual(['solo']);
  });
});
