import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { renderBriefingMarkdown, slugify } from '../../src/ingest/index.js';

describe('renderBriefingMarkdown', () => {
  it('writes front matter the engine reads back, and the body paragraphs', () => {
    const md = renderBriefingMarkdown(
      { title: 'Ferry fares: "frozen" until May', source: 'Isle Post', url: 'https://isle.example/ferry', date: '2024-03-02', author: null, ingested_at: '2024-03-03T10:00:00.000Z', ingested_by: 'Discord user 42' },
      'Ferry fares will stay the same until May, the island council said on Friday after a long debate.\n\nThe decision affects 3,400 daily passengers on the two routes.',
    );
    expect(md.startsWith('---\n')).toBe(true);
    expect(md).toContain('ingested_by: Discord user 42');
    expect(md).not.toContain('author:');
    const briefing = analyzeText(md, 'markdown');
    expect(briefing.title).toBe('Ferry fares: "frozen" until May');
    expect(briefing.source).toBe('Isle Post');
    expect(briefing.url).toBe('https://isle.example/ferry');
    expect(briefing.date).toBe('2024-03-02');
    expect(briefing.body).toContain('3,400 daily passengers');
  });
});

describe('slugify', () => {
  it.each([
    ['Coastal rail line reopens after landslide repairs', 'coastal-rail-line-reopens-after-landslide-repairs'],
    ['Nguyễn Phú Trọng meets   Blinken!', 'nguyen-phu-trong-meets-blinken'],
    ['???', 'briefing'],
    ['A very long headline that keeps going well past the sixty character limit of slugs', 'a-very-long-headline-that-keeps-going-well-past-the-sixty'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});
