import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import type { Briefing } from '../../src/core/types.js';
import { packBriefing, unpackBriefing } from '../../src/library/codec.js';
import { STORY_A } from './helpers.js';

function roundTrip(briefing: Briefing): Briefing {
  return unpackBriefing(JSON.parse(JSON.stringify(packBriefing(briefing))));
}

describe('cache codec', () => {
  it('rebuilds an engine result exactly', () => {
    const briefing = analyzeText(STORY_A, 'text');
    expect(roundTrip(briefing)).toEqual(briefing);
  });

  it('keeps text that is not a slice of the body', () => {
    const body = 'Sales rose 4% to 12 million pounds.\n\nThe firm said it was pleased.';
    const briefing: Briefing = {
      title: 'Sales up',
      standfirst: 'A different standfirst',
      source: null,
      date: null,
      author: null,
      url: null,
      tags: [],
      body,
      format: 'text',
      sentences: [
        { start: 0, end: 35, text: 'Sales rose 4% to 12 million pounds.', paragraph: 0, index: 0 },
        { start: 37, end: 66, text: 'The firm said it was pleased (normalised).', paragraph: 1, index: 1 },
      ],
      summary: [{ start: 0, end: 35, text: 'Sales rose 4% to 12 million pounds.', paragraph: 0, index: 0 }],
      quotes: [{ start: 51, end: 65, text: 'it was pleased', speaker: null, kind: 'reported', cue: 'said', score: 1 }],
      people: [],
      numbers: [
        { start: 11, end: 13, text: '4%', value: 4, unit: '%', kind: 'percent', context: 'Sales rose', score: 2 },
        { start: 17, end: 34, text: '£12m', value: 12e6, unit: 'GBP', kind: 'money', context: 'sales (rewritten phrase)', score: 1 },
      ],
      wordCount: 13,
    };
    expect(roundTrip(briefing)).toEqual(briefing);
  });

  it('refuses malformed entries instead of trusting them', () => {
    const packed = packBriefing(analyzeText(STORY_A, 'text')) as unknown as Record<string, unknown>;
    expect(() => unpackBriefing({ ...packed, body: 42 })).toThrow(/body/);
    expect(() => unpackBriefing({ ...packed, s: [[0, 1e9, 0]] })).toThrow(/outside the body/);
    expect(() => unpackBriefing({ ...packed, m: [999] })).toThrow(/summary/);
    expect(() => unpackBriefing(null)).toThrow();
  });
});
