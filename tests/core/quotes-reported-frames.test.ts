import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { quoteAt } from './quote-helpers.js';

describe('reported speech: the frames news writes it in', () => {
  it('takes a long noun phrase as the source of a speech verb', () => {
    const q = quoteAt('A senior state police official familiar with the highway inquiry said that the driver had not been drinking.', 'the driver had not');
    expect(q?.speaker).toBe('A senior state police official familiar with the highway inquiry');
  });

  it('starts the source after a clause and its conjunction', () => {
    const q = quoteAt(
      'Although the agency declined to comment and county aides later said the audit was flawed, the council voted to publish it.',
      'the audit was flawed',
    );
    expect(q?.speaker).toBe('county aides');
  });

  it('keeps the name before a relative clause as the source', () => {
    const q = quoteAt(
      'Marta Ilves runs the bakery on Main Street. “I could not vote for him again,” Ilves, who volunteered for Tom Becker in 2004, said.',
      'I could not vote',
    );
    expect(q?.speaker).toBe('Marta Ilves');
  });

  it('reads the question of an “Asked whether …, X said” frame', () => {
    const q = quoteAt('Asked whether the new tariffs had hurt the farm, Lena Ortiz said the harvest spoke for itself.', 'whether the new tariffs');
    expect(q?.text).toBe('whether the new tariffs had hurt the farm');
    expect(q?.cue).toBe('Asked');
  });

  it('takes a short plural noun phrase in lower case as the source', () => {
    const q = quoteAt('In the end, exit polls suggested that turnout among young voters fell by a third.', 'turnout among young');
    expect(q?.speaker).toBe('exit polls');
  });

  it('reads role words before the name in “…, said X”', () => {
    const q = quoteAt('The endorsement matters more for turnout than for money, said Democratic strategist Hank Solberg.', 'The endorsement matters');
    expect(q?.speaker).toBe('Hank Solberg');
  });

  it('gives a statement after “…, saying” to the subject of the clause before', () => {
    const q = quoteAt(
      'Ruth Calder visited Ohio voters, saying a state ban on drilling is costing jobs.',
      'a state ban on drilling',
    );
    expect(q?.speaker).toBe('Ruth Calder');
  });
});

describe('two statements in one sentence are two', () => {
  it('ends the first where “…, but officials said” starts the second', () => {
    const quotes = analyzeText(
      'The author said he had many talks with the press office about the book, but officials said those talks came only after the draft was finished.',
      'text',
    ).quotes;
    const first = quotes.find((q) => q.text.startsWith('he had many talks'));
    const second = quotes.find((q) => q.text.startsWith('those talks came'));
    expect(first?.text).toBe('he had many talks with the press office about the book');
    expect(first?.speaker).toBe('The author');
    expect(second?.speaker).toBe('officials');
  });
});

describe('the speaker is the whole noun phrase', () => {
  it('keeps what qualifies a group after a quantity or a plural', () => {
    expect(quoteAt('One Republican close to the leadership said the vote would be delayed again.', 'the vote would')?.speaker).toBe(
      'One Republican close to the leadership',
    );
    expect(quoteAt('Organizers of the march insist the route will stay the same.', 'the route will')?.speaker).toBe('Organizers of the march');
  });

  it('keeps a past form after a determiner and drops an auxiliary before the cue', () => {
    expect(quoteAt('The self-described socialist said he would stay in the race.', 'he would stay')?.speaker).toBe('The self-described socialist');
    expect(quoteAt('Some economists are saying the slowdown will pass soon.', 'the slowdown will')?.speaker).toBe('Some economists');
  });
});

describe('a question is the asker’s, and the answer is a statement of its own', () => {
  it('gives a passive "was asked by X whether" to X', () => {
    const text = 'Mayor Ann Lutz was asked by a council member whether the bridge would be finished before the winter.';
    expect(quoteAt(text, 'whether the bridge')?.speaker).toBe('a council member');
  });

  it('gives "When asked by X whether …, Y said" to X, with a common-noun asker', () => {
    const text = 'When asked by a local reporter whether she would run again, Ann Lutz said she had not decided yet.';
    expect(quoteAt(text, 'whether she would run')?.speaker).toBe('a local reporter');
    expect(quoteAt(text, 'she had not decided')?.speaker).toBe('Ann Lutz');
  });

  it('never gives a passive "was asked" to the one who was asked', () => {
    const text = 'Council votes. Ann Lutz was asked whether the contractor had been paid in full.';
    expect(quoteAt(text, 'whether the contractor')?.speaker).not.toBe('Ann Lutz');
  });

  it('ends the question at the comma before the answer, which is reported too', () => {
    const text = 'Budget talks went on. When a radio host later asked Ann Lutz if the contractor had been paid, she said the city owed nothing.';
    const question = quoteAt(text, 'if the contractor');
    expect(question?.text).toBe('if the contractor had been paid');
    expect(question?.speaker).toBe('a radio host');
    expect(quoteAt(text, 'the city owed nothing')?.speaker).toBe('Ann Lutz');
  });
});

describe('a statement inside an opening subordinate clause', () => {
  it('ends at the comma that closes the clause', () => {
    const text = 'The marina vote is near. While Lena Ortiz said that marinas cannot survive on fees alone, the council wants higher fees.';
    const q = quoteAt(text, 'marinas cannot survive');
    expect(q?.text).toBe('marinas cannot survive on fees alone');
    expect(q?.speaker).toBe('Lena Ortiz');
  });

  it('keeps a statement whole when the clause comma comes before the verb', () => {
    const text = 'When the vote came, Lena Ortiz said the council had waited too long, and that fees would rise.';
    expect(quoteAt(text, 'the council had waited')?.text).toContain('waited too long');
  });
});
