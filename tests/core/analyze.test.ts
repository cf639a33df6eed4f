import { describe, expect, it } from 'vitest';
import { analyzeText, MAX_ANALYZED_CHARS } from '../../src/core/analyze.js';

describe('analyzeText', () => {
  it('returns the whole cleaned body but extracts figures only from the first MAX_ANALYZED_CHARS', () => {
    const filler = 'The committee met again on the river bank and talked about the weather for hours. ';
    const repeats = Math.ceil((MAX_ANALYZED_CHARS + 5_000) / filler.length);
    const early = 'Finance Minister Maria Delgado said the bridge would cost $40 million. ';
    const late = 'Harbour Master Tobias Engel said the ferry would cost $90 million.';
    const text = `${early}\n\n${filler.repeat(repeats)}\n\n${late}\n`;
    const b = analyzeText(text, 'text');
    expect(b.body).toContain('Tobias Engel');
    expect(b.sentences.at(-1)!.text).toContain('Tobias Engel');
    expect(b.people.map((p) => p.name)).toContain('Maria Delgado');
    expect(b.people.map((p) => p.name)).not.toContain('Tobias Engel');
    expect(b.numbers.map((n) => n.value)).toContain(40_000_000);
    expect(b.numbers.map((n) => n.value)).not.toContain(90_000_000);
    for (const n of b.numbers) expect(b.body.slice(n.start, n.end)).toBe(n.text);
  });

  it('counts words and keeps summary sentences as exact body ranges', () => {
    const b = analyzeText('Rain fell on Monday. Roads flooded in the north. Schools closed early.\n', 'text', { sentences: 2 });
    expect(b.wordCount).toBe(12);
    expect(b.summary).toHaveLength(2);
    for (const s of b.summary) expect(b.body.slice(s.start, s.end)).toBe(s.text);
  });
});
