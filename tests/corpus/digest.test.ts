import { describe, expect, it } from 'vitest';
import { digest } from '../../src/corpus/index.js';
import { DEFAULT_WEIGHTS } from '../../src/corpus/digest/select.js';
import { bidens, brief, manila, seed, SEED_BLINKEN, SEED_HANOI } from './briefings.js';

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '').length;

describe('digest', () => {
  it('gives a fact told by two articles once, citing both', () => {
    const d = digest(manila, { points: 10 });
    const incidents = d.points.filter((p) => p.text.includes('12 incidents'));
    expect(incidents).toHaveLength(1);
    expect([...incidents[0]!.sources].sort()).toEqual(['manila-1', 'manila-2']);
    expect(incidents[0]!.sentences.map((s) => s.source).sort()).toEqual(['manila-1', 'manila-2']);
  });

  it('uses article sentences unchanged, with their ranges in the source body', () => {
    const sources = [seed(SEED_BLINKEN), seed(SEED_HANOI)];
    const d = digest(sources, { points: 5 });
    expect(d.points).toHaveLength(5);
    for (const p of d.points) {
      for (const s of p.sentences) {
        const body = sources.find((x) => x.id === s.source)!.briefing.body;
        expect(body.slice(s.start, s.end)).toBe(s.text);
      }
      expect(p.text).toBe(p.sentences[0]!.text);
    }
  });

  it('lists points most important first and stops at the length asked', () => {
    const d = digest([seed(SEED_BLINKEN), seed(SEED_HANOI)], { words: 60 });
    const total = d.points.reduce((n, p) => n + words(p.text), 0);
    expect(total).toBeGreaterThanOrEqual(60);
    // The last point is the one that reached the length: without it the digest is shorter than asked.
    expect(total - words(d.points.at(-1)!.text)).toBeLessThan(60);
    const scores = d.points.map((p) => p.score);
    expect(scores[0]).toBe(Math.max(...scores));
  });

  it('answers a focus: "coast guard" leads with the coast guard', () => {
    const d = digest([...manila, ...bidens], { about: 'coast guard', points: 2 });
    for (const p of d.points) expect(p.text.toLowerCase()).toContain('coast guard');
    const other = digest([...manila, ...bidens], { about: 'gun trial jury', points: 1 });
    expect(other.points[0]!.sources).toEqual(['hunter']);
  });

  it('answers a focus with a sentence that does not repeat its words but what the set writes beside them', () => {
    const boats = brief('boats', 'MANILA, March 12, 2024 (AP) — The Philippine coast guard will receive five patrol boats from Japan, officials said. A typhoon damaged houses on Samar island on Monday. Schools on Samar stayed closed.');
    const rice = brief('rice', 'MANILA, March 14, 2024 (Reuters) — Tariffs on imported rice were cut to 15 percent on Thursday. The navy said the boats would be based at Subic Bay from June. Farmers protested the tariff cut in Manila.');
    const texts = (weights?: typeof DEFAULT_WEIGHTS) => digest([boats, rice], { about: 'coast guard', points: 2, ...(weights ? { weights } : {}) }).points.map((p) => p.text);
    expect(texts()).toEqual([
      'The Philippine coast guard will receive five patrol boats from Japan, officials said.',
      'The navy said the boats would be based at Subic Bay from June.',
    ]);
    // Without the expansion the second point is the other article's lead, off the topic.
    expect(texts({ ...DEFAULT_WEIGHTS, expansion: 0 })[1]).toBe('Tariffs on imported rice were cut to 15 percent on Thursday.');
  });

  it('lists the people most involved first and the key numbers with all their sources', () => {
    const d = digest([...manila, ...bidens]);
    expect(d.people[0]!.name).toBe('Antony Blinken');
    const money = d.numbers.find((n) => n.kind === 'money')!;
    expect(money.value).toBe(50_000_000);
    expect([...money.sources].sort()).toEqual(['manila-2', 'manila-3']);
  });

  it('returns an empty digest for briefings without sentences', () => {
    const d = digest([brief('empty', '')]);
    expect(d.points).toEqual([]);
    expect(d.people).toEqual([]);
  });
});
