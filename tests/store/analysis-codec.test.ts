/** A server's stored analysis reads back as the same briefing, its heavy part only when first opened. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { decodeAnalysis, encodeAnalysis } from '../../src/scope/guild-catalogue.js';

const SEED = join(resolve(import.meta.dirname, '..', '..', 'articles'), 'blinken-seeks-to-strengthen-us-ties-with-vietnam.txt');

it('round-trips a briefing through its two stored lines', () => {
  const briefing = analyzeText(readFileSync(SEED, 'utf8'), 'text');
  const stored = encodeAnalysis(briefing);
  expect(stored.split('\n')).toHaveLength(2);
  const back = decodeAnalysis(stored);
  expect(back.title).toBe(briefing.title);
  expect(back.people.map((p) => p.name)).toEqual(briefing.people.map((p) => p.name));
  expect({ ...back }).toEqual(briefing);
});

it('refuses a damaged analysis instead of returning half a briefing', () => {
  const stored = encodeAnalysis(analyzeText(readFileSync(SEED, 'utf8'), 'text'));
  expect(() => decodeAnalysis(stored.slice(0, 40))).toThrow();
  expect(() => decodeAnalysis(`{"title":"x"}\n{}`)).toThrow(/field list/);
});
