import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences.js';

const texts = (body: string) => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials, dotted acronyms and decimals inside a sentence', () => {
    const body =
      'Mr. Smith met U.S. Secretary of State Antony J. Blinken on Jan. 5 in Washington. ' +
      'Investment rose 17.8 percent. It was a record.';
    expect(texts(body)).toEqual([
      'Mr. Smith met U.S. Secretary of State Antony J. Blinken on Jan. 5 in Washington.',
      'Investment rose 17.8 percent.',
      'It was a record.',
    ]);
  });

  it('ends a sentence after a dotted acronym when a sentence opener follows', () => {
    expect(texts('He flew to the U.S. The trip was short.')).toEqual(['He flew to the U.S.', 'The trip was short.']);
  });

  it('does not split a quote that ends with a comma, and splits after a closing quote', () => {
    const body = '"We are advancing together," Blinken said. "The Secretary reiterated our commitment." Talks ended.';
    expect(texts(body)).toEqual([
      '"We are advancing together," Blinken said.',
      '"The Secretary reiterated our commitment."',
      'Talks ended.',
    ]);
  });

  it('treats an ellipsis before a lower-case word as a pause, and paragraph breaks as ends', () => {
    expect(texts('He waited... and waited\n\nA headline without a stop\n\nNext one!')).toEqual([
      'He waited... and waited',
      'A headline without a stop',
      'Next one!',
    ]);
  });

  it('keeps character ranges into the body and numbers paragraphs', () => {
    const body = 'First one. Second one.\n\nThird one.';
    const sentences = splitSentences(body);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('returns nothing for empty or punctuation-only text, and is linear on a huge single line', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  ...  —  ')).toEqual([]);
    const huge = 'word '.repeat(20_000) + 'a.b.c.d. '.repeat(5_000);
    const sentences = splitSentences(huge);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.at(-1)!.end).toBeLessThanOrEqual(huge.length);
  });

  it('ends a sentence after a company abbreviation before an opener, but not before a name or a number', () => {
    expect(texts('The film was backed by Warner Bros. But the rules were changed. Acme Inc. Chairman Jo Lee spoke.')).toEqual([
      'The film was backed by Warner Bros.',
      'But the rules were changed.',
      'Acme Inc. Chairman Jo Lee spoke.',
    ]);
    expect(texts('The vote is on Sept. 12 in Fla. The count follows. Gov. Ron Ames and Sen. Lee agreed.')).toEqual([
      'The vote is on Sept. 12 in Fla.',
      'The count follows.',
      'Gov. Ron Ames and Sen. Lee agreed.',
    ]);
  });

  it('keeps question and exclamation marks inside a quote followed by a lower-case speech verb', () => {
    expect(texts('"Why now?" she asked. "Stop!" he shouted. It ended.')).toEqual([
      '"Why now?" she asked.',
      '"Stop!" he shouted.',
      'It ended.',
    ]);
  });

  it('splits lower-cased text at a lower-case start after a plain word, but not after an abbreviation', () => {
    const body =
      'police say the match at the old ground will start at 4pm on sunday. with plenty at stake for both teams, ' +
      'some fans think the time is unwise. chief superintendent john hale said the time was agreed by all parties. ' +
      'he met mr. smith and dr. jones on jan. 5 to talk about it. the clubs agreed with the plan... and so did the fans.';
    expect(texts(body)).toEqual([
      'police say the match at the old ground will start at 4pm on sunday.',
      'with plenty at stake for both teams, some fans think the time is unwise.',
      'chief superintendent john hale said the time was agreed by all parties.',
      'he met mr. smith and dr. jones on jan. 5 to talk about it.',
      'the clubs agreed with the plan... and so did the fans.',
    ]);
  });

  it('does not split normally cased text at a lower-case word after a period', () => {
    expect(texts('He was born in St. Louis and worked at the Acme Co. in the 1990s. Then he moved.')).toEqual([
      'He was born in St. Louis and worked at the Acme Co. in the 1990s.',
      'Then he moved.',
    ]);
  });

  it('agrees with a plain punctuation-and-capital rule on ordinary news sentences', () => {
    const body =
      'Profits rose 7.5% to $1.2bn in the three months to June. The firm, based in Leeds, said sales were strong. ' +
      '"We are pleased," said chief executive Sam Ortiz. "The outlook is good." Shares rose 3p.';
    expect(texts(body)).toEqual([
      'Profits rose 7.5% to $1.2bn in the three months to June.',
      'The firm, based in Leeds, said sales were strong.',
      '"We are pleased," said chief executive Sam Ortiz.',
      '"The outlook is good."',
      'Shares rose 3p.',
    ]);
  });
});
