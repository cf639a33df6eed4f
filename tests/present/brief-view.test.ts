import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { BRIEF_ITEM_LIMITS, buildBriefView } from '../../src/present/brief-view.js';
import { renderBriefingText } from '../../src/present/text.js';

const articles = join(import.meta.dirname, '..', '..', 'articles');
const seed = (name: string) => analyzeText(readFileSync(join(articles, name), 'utf8'), 'text');
const hanoi = seed('us-looks-to-further-boost-comprehensive-partnership-with-hanoi.txt');
const blinken = seed('blinken-seeks-to-strengthen-us-ties-with-vietnam.txt');

describe('the brief a reader gets from the seed briefings', () => {
  it('Hanoi: the headline, both figures with roles, and the money, masks and projects among the top numbers', () => {
    const view = buildBriefView(hanoi, 'fallback');
    expect(view.title).toBe('US looks to further boost comprehensive partnership with Hanoi: Ambassador');
    expect(view.people.map((p) => p.name).slice(0, 2).sort()).toEqual(['Daniel Kritenbrink', 'Vuong Dinh Hue']);
    expect(view.people.find((p) => p.name === 'Daniel Kritenbrink')?.role).toBe('US Ambassador to Vietnam');
    const top = view.numbers.map((n) => n.value);
    expect(top).toContain(17_800_000_000);
    expect(top).toContain(150_000);
    expect(top).toContain(229);
    expect(view.quotes.every((q) => q.kind === 'reported')).toBe(true);
  });

  it('Blinken: the occasions (61st birthday, 10th anniversary) outrank "the two countries"', () => {
    const view = buildBriefView(blinken, 'fallback');
    expect(view.numbers).toHaveLength(BRIEF_ITEM_LIMITS.numbers);
    const top = view.numbers.map((n) => n.text);
    expect(top).toContain('$350 million');
    expect(top).toContain('61st');
    expect(top).toContain('10th');
    expect(view.quotes[0]?.kind).toBe('direct');
    expect(view.people[0]?.name).toBe('Antony Blinken');
  });

  it('says how much shorter the summary is than the article, and the text rendering shows the same items', () => {
    const view = buildBriefView(blinken, 'fallback');
    expect(view.wordsOut).toBeGreaterThan(0);
    expect(view.wordsOut).toBeLessThan(view.wordsIn);
    expect(view.percentShorter).toBe(Math.round((1 - view.wordsOut / view.wordsIn) * 100));
    const text = renderBriefingText(blinken, 'fallback');
    expect(text).toContain('UPI · 15 April');
    for (const p of view.people) expect(text).toContain(p.name);
    expect(text).not.toContain('Bonnie Cash');
    expect(text).toContain(`${view.wordsIn} words → ${view.wordsOut} words (${view.percentShorter}% shorter)`);
  });
});
