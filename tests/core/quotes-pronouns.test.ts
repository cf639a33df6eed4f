import { describe, expect, it } from 'vitest';
import { givenNameGender } from '../../src/core/people/gender.js';
import { isSubject } from '../../src/core/quotes/salience.js';
import { tokenize } from '../../src/core/quotes/tokens.js';
import { quoteAt, speakerOf } from './quote-helpers.js';

describe('pronoun speakers go to the right person', () => {
  it('reads the gender from a given name', () => {
    expect(givenNameGender('Maria')).toBe('female');
    expect(givenNameGender('Thomas')).toBe('male');
    expect(givenNameGender('J.')).toBeUndefined();
    const text =
      'Maria Lopez, the mayor, met the developer Thomas Reed at the town hall on Tuesday. ' +
      'Reed outlined the plan for the riverside flats.\n\n' +
      '“We will not approve a tower that blocks the river,” she said.';
    expect(speakerOf(text, 'We will not approve')).toBe('Maria Lopez');
  });

  it('prefers the subject of the previous sentence to the person named last', () => {
    const text =
      'Peter Novak spoke first at the rally. He attacked his rival David Marsh over the budget.\n\n' +
      '“The numbers simply do not add up,” he said.';
    expect(speakerOf(text, 'The numbers simply')).toBe('Peter Novak');
  });

  it('never takes a name inside the quote as the one who said it', () => {
    const text =
      'Helen Frost addressed the shareholders on Monday.\n\n' +
      '“Anna Berg built this company and Clara Moss will run it well,” she said.';
    expect(speakerOf(text, 'Anna Berg built')).toBe('Helen Frost');
  });

  it('keeps the person that a “she” sentence is about in focus', () => {
    const text =
      'Helen Frost ran the agency for ten years. She hired Mary Dunn as her deputy in 2015. ' +
      'She later promoted Dunn twice.\n\n' +
      '“It was the best decision I ever made,” she said.';
    expect(speakerOf(text, 'It was the best decision')).toBe('Helen Frost');
  });

  it('reads “Although in May she said …” as said by “she”', () => {
    const text =
      'Carla Weiss has led the union since 2019. Although in May she said the strike would end soon, ' +
      'the talks broke down again this week.';
    const q = quoteAt(text, 'the strike would end');
    expect(q?.speaker).toBe('Carla Weiss');
  });
});

describe('isSubject', () => {
  const check = (text: string, name: string) => {
    const start = text.indexOf(name);
    return isSubject(text, tokenize(text), { start: 0, end: text.length }, start, start + name.length);
  };
  it('takes a name before its verb, past an opener, an apposition or a bracket', () => {
    expect(check('On Monday, Ben Ortiz criticised the plan.', 'Ben Ortiz')).toBe(true);
    expect(check('Ben Ortiz, who chairs the panel, criticised the plan.', 'Ben Ortiz')).toBe(true);
    expect(check('Sen. Ben Ortiz (D-Ore.) criticised the plan.', 'Ben Ortiz')).toBe(true);
  });
  it('rejects an object, a possessor and a name after a preposition', () => {
    expect(check('The mayor criticised Ben Ortiz on Monday.', 'Ben Ortiz')).toBe(false);
    expect(check('Ben Ortiz’s office criticised the plan.', 'Ben Ortiz')).toBe(false);
    expect(check('Along with her husband, Ben Ortiz, she criticised the plan.', 'Ben Ortiz')).toBe(false);
  });
});
