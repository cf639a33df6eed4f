import { describe, expect, it } from 'vitest';
import { identifyPeople, relatedIndex } from '../../src/corpus/index.js';
import { bidens, manila, seed, SEED_BLINKEN, SEED_HANOI } from './briefings.js';

describe('related briefings', () => {
  it('ranks the same story and the same people first, and leaves unrelated ones out', () => {
    const sources = [...manila, ...bidens, seed(SEED_BLINKEN), seed(SEED_HANOI)];
    const related = relatedIndex(sources, identifyPeople(sources));
    const forManila = related.related('manila-1', 3).map((r) => r.id);
    expect(forManila[0]).toBe('manila-2');
    expect(forManila).toContain('manila-3');
    expect(forManila).not.toContain('hunter');
    // Hunter Biden's trial and Joe Biden's campaign share a surname, not a story or a person.
    expect(related.related('hunter', 3).map((r) => r.id)).not.toContain('joe');
    const forHanoi = related.related(`${SEED_HANOI}.txt`, 1);
    expect(forHanoi[0]!.id).toBe(`${SEED_BLINKEN}.txt`);
    expect(related.related('manila-2', 3).find((r) => r.id === 'manila-1')!.people).toContain('Antony Blinken');
    expect(related.related('no-such-briefing')).toEqual([]);
  });
});
