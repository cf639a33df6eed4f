import { describe, expect, it } from 'vitest';
import { quoteAt, speakerOf } from './quote-helpers.js';

describe('the speaker is who the attribution names, whatever stands between', () => {
  it('keeps a name that ends in -ly (Kelly, Connolly) as the speaker', () => {
    const text = 'The panel met on Friday. Sarah Connolly, the chair, opened it. Connolly responded calmly, with a smile: “We have heard this before.”';
    expect(speakerOf(text, 'We have heard')).toBe('Sarah Connolly');
  });

  it('reads past a possessive apostrophe in an apposition', () => {
    const text = '“Our donors gave more this month than in all of last year,” Ruth Ames, Harris’ campaign manager, said in a statement.';
    expect(speakerOf(text, 'Our donors gave')).toBe('Ruth Ames');
  });

  it('reads past a long relative clause after the name', () => {
    const text =
      '“Nobody writes this job description for you,” Laura Finch, who worked for the governor for six years before she ran the office, told a radio station.';
    expect(speakerOf(text, 'Nobody writes')).toBe('Laura Finch');
  });

  it('takes a noun phrase that opens with a possessive', () => {
    const text = '“He had so many plans for the farm,” his cousin Omar Haddad told the local paper.';
    expect(speakerOf(text, 'He had so many')).toBe('Omar Haddad');
  });

  it('gives a quote inside a sentence to the person the sentence is about', () => {
    const text =
      'The senator spoke for an hour in Reno. Gloria Mendes then thanked the volunteers for “knocking on every single door in this county.”';
    expect(speakerOf(text, 'knocking on every')).toBe('Gloria Mendes');
    const report = 'Victor Hale tells reporters that “if the turnout is high we will win. If it is low, we will not.”';
    expect(speakerOf(report, 'if the turnout')).toBe('Victor Hale');
  });

  it('leaves a quote that opens its sentence with no attribution unattributed', () => {
    const text = 'Gloria Mendes spoke in Reno.\n\nThe crowd cheered. “Four more years and then some more,” read a banner above the stage.';
    expect(speakerOf(text, 'Four more years')).not.toBe('Gloria Mendes');
  });
});

describe('what stands around a source is not part of it', () => {
  it('passes over a bracketed tag after the name', () => {
    const text = 'The hearing ran late. “We will find out who knew,” Committee Chairman Paul Ostrander (R-Neb.) said.';
    expect(speakerOf(text, 'We will find out')).toBe('Paul Ostrander');
  });

  it('never takes a participle clause as the source', () => {
    const text = 'Making the rounds on the Sunday morning shows, Dana Whitfield said the claims were false.';
    expect(speakerOf(text, 'the claims were false')).toBe('Dana Whitfield');
  });

  it('drops a time written between the source and its verb', () => {
    const text = 'Party rival Noah Brandt on Wednesday announced that he would skip the debate.';
    expect(speakerOf(text, 'he would skip')).toBe('Noah Brandt');
  });
});

describe('speakers named around the quote in less common frames', () => {
  // [frame, text, opening words of the quote, speaker]
  const frames: [string, string, string, string][] = [
    ['a verb of voice before the quote', 'The hearing ran late into the evening. When the verdict came, the judge exclaimed “This court has heard enough from both sides today.”', 'This court has heard', 'the judge'],
    ['a verb of voice after the quote', 'Dana Pike runs the morning drills. “Faster now, the clock is running and so are they,” the coach yells at them.', 'Faster now', 'the coach'],
    ['a determiner phrase and any past-tense verb after the quote', 'Mara Quill opened the bakery in May. “We sold every loaf before noon on the first day,” the owner beamed.', 'We sold every loaf', 'the owner'],
    ['a sentence-initial "Said X,"', 'Tomas Reyna won the race. Said Reyna, “I trained for this every single morning for three years.”', 'I trained for this', 'Tomas Reyna'],
  ];
  it.each(frames)('names the speaker with %s', (_frame, text, opening, speaker) => {
    expect(speakerOf(text, opening)).toBe(speaker);
  });
});

describe('the speaker is the whole noun phrase that did the speaking, never a fragment of it', () => {
  // [class, text, opening words of the quote, speaker]
  const cases: [string, string, string, string][] = [
    ['a name in apposition to a role', 'The dock reopened. The port authority’s chief engineer, Rosa Delgado, said the cranes would run again by June.', 'the cranes would run', 'Rosa Delgado'],
    ['a name in apposition to a role that holds a name', '“We have the money and the crews,” the Harbor Board spokesman, Tomas Berg, told reporters.', 'We have the money', 'Tomas Berg'],
    ['two groups joined by "and"', 'The plan was announced on Friday. Current and former officials said the repairs would cost far more than planned.', 'the repairs would cost', 'Current and former officials'],
    ['an auxiliary and "already" before the verb', 'Most of the council members have already said they will vote against the new budget.', 'they will vote against', 'Most of the council members'],
    ['a focusing adverb before the subject', 'Even the lawyer for the city said the ruling was fair to both sides of the case.', 'the ruling was fair', 'the lawyer for the city'],
    ['the subject of a clause before "and then said"', 'The judge rubbed his eyes, and then said something nobody in the room expected to hear.', 'something nobody in the room', 'The judge'],
    ['a participle clause before the subject', 'Having read the verdict aloud, Judge Mara Berman said the city must pay the contractor within a month.', 'the city must pay', 'Mara Berman'],
  ];
  it.each(cases)('with %s', (_class, text, opening, speaker) => {
    expect(speakerOf(text, opening)).toBe(speaker);
  });

  it('never names a weekday as the speaker', () => {
    const text = 'The count took all night. Ann Lutz began Tuesday with a statement that blamed the clerks, and said the count was over.';
    expect(speakerOf(text, 'the count was over')).not.toBe('Tuesday');
  });
});

describe('a quote paragraph goes on with the speaker its attribution named', () => {
  it('gives a quote that opens a sentence to the speaker of the statement before it in the paragraph', () => {
    const text = 'Rain fell all week.\n\nTomas Berg said the mayor had acted before the river rose. “This was never a small thing for her.”';
    expect(speakerOf(text, 'This was never')).toBe('Tomas Berg');
  });

  it('joins the parts of a quote split by an attribution with an initial in it', () => {
    const text = 'The vote was close.\n\n“I would call it luck,” said Harold P. Whitcombe, whom Mayor Ann B. Lutz named to the board. “Nobody thought the money would come.”';
    const q = quoteAt(text, 'I would call it luck');
    expect(q?.text).toContain('Nobody thought the money would come.');
    expect(q?.speaker).toBe('Harold P. Whitcombe');
  });

  it('passes an abbreviated place in an apposition', () => {
    const text = 'The vote was close.\n\n“If the state had said no, I would have quit,” Mr. Whitcombe, now 70 and retired in Salem, Ore., said by telephone.';
    expect(speakerOf(text, 'If the state had')).toBe('Whitcombe');
  });
});
