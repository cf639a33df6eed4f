import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { splitSentences } from '../../src/core/sentences.js';
import { isBoilerplate } from '../../src/core/summary/boilerplate.js';
import { summarize } from '../../src/core/summarize.js';
import type { CleanDocument } from '../../src/core/types.js';

function doc(body: string, title: string | null = null): CleanDocument {
  return { title, standfirst: null, source: null, date: null, author: null, url: null, tags: [], body };
}

function summaryOf(body: string, n: number, title: string | null = null): string[] {
  return summarize(doc(body, title), splitSentences(body), n).map((s) => s.text);
}

const HARBOUR =
  'The city council approved a 40 million pound plan on Tuesday to rebuild the flooded harbour wall in Portwick. ' +
  'Council leader Anna Berg said the harbour wall would be finished within two years. ' +
  'Engineers found that the old harbour wall had cracked in three places during the winter storms. ' +
  'Fishing crews had asked the council for a new harbour wall since the storms. ' +
  'The weather was mild on Tuesday. ' +
  'Local cafes stayed open late.';

describe('summarize', () => {
  it('returns exactly N article sentences, unchanged and in article order', () => {
    const sentences = splitSentences(HARBOUR);
    const summary = summarize(doc(HARBOUR), sentences, 3);
    expect(summary).toHaveLength(3);
    for (const s of summary) {
      expect(HARBOUR.slice(s.start, s.end)).toBe(s.text);
      expect(sentences.map((x) => x.text)).toContain(s.text);
    }
    const indices = summary.map((s) => s.index);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    // The opening sentence carries the news and is always kept.
    expect(summary[0]!.text).toMatch(/^The city council approved/);
  });

  it('returns every usable sentence when N exceeds the sentence count, and nothing for an empty body', () => {
    const body = 'The mayor opened the new bridge over the river on Monday. Thousands of people walked across it.';
    expect(summaryOf(body, 10)).toEqual([
      'The mayor opened the new bridge over the river on Monday.',
      'Thousands of people walked across it.',
    ]);
    expect(summaryOf('', 3)).toEqual([]);
    expect(analyzeText('', 'text', { sentences: 3 }).summary).toEqual([]);
  });

  it('skips a caption, a byline and an editor\'s note at the top of the article', () => {
    const body = [
      'Photo: Crowds gather outside the stadium.',
      'By . Staff Reporter .',
      'PUBLISHED: 10:02 EST, 3 March 2021 | UPDATED: 11:15 EST, 3 March 2021 .',
      "Editor's note: This story has been updated with new figures.",
      'The stadium in Hollin will be demolished next spring after engineers found serious cracks in its roof.',
      'The club said its matches would move to a temporary ground across the city for two seasons.',
      'A new stadium with 30,000 seats is planned on the same site and should open in 2026.',
      'Supporters groups said they were sad but accepted the decision.',
    ].join(' ');
    const summary = summaryOf(body, 3);
    expect(summary).toHaveLength(3);
    expect(summary[0]).toMatch(/^The stadium in Hollin will be demolished/);
    for (const s of summary) {
      expect(s).not.toMatch(/Photo:|By \.|PUBLISHED|Editor's note/);
    }
  });

  it('never picks two near-identical sentences', () => {
    const body =
      'Police closed the main road into Dunmore on Friday after a lorry spilled its load of gravel. ' +
      'Police closed the main road into Dunmore on Friday after a lorry spilled its load. ' +
      'Drivers were told to use the coast road instead while crews cleared the gravel. ' +
      'The road is expected to reopen on Saturday morning, police said.';
    const summary = summaryOf(body, 2);
    expect(summary).toHaveLength(2);
    const duplicates = summary.filter((s) => s.startsWith('Police closed the main road'));
    expect(duplicates).toHaveLength(1);
  });

  it('does not use a headline line as a summary sentence', () => {
    const body =
      'Harbour Wall Rebuild Approved\n\n' +
      'The city council approved a plan on Tuesday to rebuild the flooded harbour wall in Portwick. ' +
      'Work on the harbour wall will start in May and last two years. ' +
      'Residents welcomed the news.';
    const summary = summaryOf(body, 2);
    expect(summary).not.toContain('Harbour Wall Rebuild Approved');
    expect(summary[0]).toMatch(/^The city council approved/);
  });

  it('goes through the engine path with the requested number of sentences', () => {
    const briefing = analyzeText(HARBOUR, 'text', { sentences: 2 });
    expect(briefing.summary).toHaveLength(2);
    expect(briefing.summary[0]!.text).toMatch(/^The city council approved/);
  });
});

describe('isBoilerplate', () => {
  it('recognises captions, calls to action and timestamps, but not news sentences', () => {
    expect(isBoilerplate('Scroll down for video')).toBe(true);
    expect(isBoilerplate('Click here to read the full report.')).toBe(true);
    expect(isBoilerplate('Updated Mar 3, 2021 10:40 AM ET')).toBe(true);
    expect(isBoilerplate('By Jane Doe and John Roe')).toBe(true);
    expect(isBoilerplate('The council said the wall would be finished by 2026.')).toBe(false);
    expect(isBoilerplate('By the end of the day, more than 300 people had signed the petition against the plan.')).toBe(false);
  });
});

describe('summarize: sponsored-post furniture', () => {
  it('never picks affiliate or disclosure notices, even when they open the text', () => {
    const body =
      'This post may contain affiliate links. Please see my disclosure page. All opinions are mine alone.\n\n' + HARBOUR;
    const summary = summaryOf(body, 3);
    expect(summary).toHaveLength(3);
    for (const s of summary) expect(s).not.toMatch(/affiliate|disclosure|opinions are mine/i);
    expect(summary[0]).toMatch(/^The city council approved/);
  });
});
