import { describe, expect, it } from 'vitest';
import { fullNames, goldSpeaker } from '../../scripts/eval/speakers.js';

/** The eval's canonical gold speaker of `source` written at the end of `doc`. */
function canonical(doc: string, source: string): string | undefined {
  const text = `${doc} ${source} said the vote was close.`;
  return goldSpeaker(source, text.lastIndexOf(source), fullNames(text))?.canonical;
}

describe('the eval derives the gold speaker as the held-out metric names it', () => {
  it('never starts a name with a sentence opener', () => {
    const doc = 'Although Ortega said little, the count went on. Later the ballots were counted again.';
    expect(canonical(doc, 'Ortega')).toBe('ortega');
    const named = 'Despite Lena Ortega winning the ward, the count went on. Later the ballots were counted again.';
    expect(canonical(named, 'Ortega')).toBe('lena ortega');
  });

  it('ends a name at a possessive', () => {
    const doc = "The Courier's Dana Reyes wrote about the count. Later the ballots were counted again.";
    expect(canonical(doc, 'Reyes')).toBe('dana reyes');
  });

  it('takes the name in apposition to a common-noun source', () => {
    expect(canonical('The count went on.', 'Her campaign manager, Tomas Berg,')).toBe('tomas berg');
    expect(canonical('The count went on.', 'Another pollster, Ruth Klein of Dale College,')).toBe('ruth klein');
    // Two people, or a phrase after the comma: the noun phrase stays the gold.
    expect(canonical('The count went on.', 'Two analysts, Ann Lee and Bo Park,')).toBe('two analysts');
    expect(canonical('The count went on.', 'A report, the first of its kind,')).toBe('a report');
  });

  it('leaves military and religious titles out of the name', () => {
    expect(canonical('The count went on.', 'Rear Admiral Ruth Klein')).toBe('ruth klein');
    expect(canonical('The count went on.', 'Rabbi Tomas Berg')).toBe('tomas berg');
  });

  it('widens a two-word surname to the full name the story gives', () => {
    const doc = 'Mayor Ana de Souza opened the count. Later the ballots were counted again.';
    expect(canonical(doc, 'De Souza')).toBe('ana de souza');
    const double = 'Council member Lena Ortiz Vidal opened the count. Later the ballots were counted again.';
    expect(canonical(double, 'Ortiz Vidal')).toBe('lena ortiz vidal');
  });

  it('keeps a named source with its apposition as the named person', () => {
    expect(canonical('The count went on.', 'Tomas Berg, her campaign manager,')).toBe('tomas berg');
  });
});
