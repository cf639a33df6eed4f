import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { speakerOf } from './quote-helpers.js';
import { findQuotes } from '../../src/core/quotes.js';
import { splitSentences } from '../../src/core/sentences.js';
import type { Person, Quote } from '../../src/core/types.js';

const quotesOf = (body: string, people: readonly Person[] = []) => findQuotes(body, splitSentences(body), people);
const direct = (qs: readonly Quote[]) => qs.filter((q) => q.kind === 'direct');
const reported = (qs: readonly Quote[]) => qs.filter((q) => q.kind === 'reported');
const article = (name: string) => analyzeText(readFileSync(`articles/${name}`, 'utf8'), 'text');

describe('findQuotes on the seed articles', () => {
  it('finds Blinken’s quote and the State Department statements (002)', () => {
    const b = article('blinken-seeks-to-strengthen-us-ties-with-vietnam.txt');
    const ds = direct(b.quotes);
    const blinken = ds.find((q) => q.text.startsWith("We're advancing together"));
    expect(blinken).toBeDefined();
    // Needs the surname → full-name link; works from the text alone, and from the people stage once it lands.
    expect(blinken!.speaker).toBe('Antony Blinken');
    expect(blinken!.cue).toBe('said');
    expect(b.body.slice(blinken!.start, blinken!.end)).toContain('rules-based international order');
    const state = ds.filter((q) => q.speaker === 'the State Department');
    const stateText = state.map((q) => q.text).join(' ');
    expect(stateText).toContain("The secretary reaffirmed the United States' commitment to the Partnership");
    expect(stateText).toContain('The Secretary reiterated our shared commitment to ASEAN centrality');
    // The split statement is one quote whose range covers both parts.
    expect(state).toHaveLength(1);
    expect(b.body.slice(state[0]!.start, state[0]!.end)).toContain('the State Department said in a statement');
    // Only two direct quotes in the story; the direct ones rank above the reported ones.
    expect(ds).toHaveLength(2);
    expect(b.quotes[0]!.kind).toBe('direct');
    expect(b.quotes[1]!.kind).toBe('direct');
    const according = reported(b.quotes).find((q) => q.cue === 'according to');
    expect(according?.speaker).toBe('the State Department');
    expect(according?.text).toBe(
      "Blinken's discussions with Vietnam's foreign minister touched on maritime cooperation, security partnership, climate change and economic ties",
    );
  });

  it('finds no direct quote but the reported statements of Kritenbrink and Hue (000)', () => {
    const b = article('us-looks-to-further-boost-comprehensive-partnership-with-hanoi.txt');
    expect(direct(b.quotes)).toEqual([]);
    const rs = reported(b.quotes);
    const keyRole = rs.find((q) => q.text === 'Hanoi plays a key role in the US – Vietnam relations');
    expect(keyRole?.speaker).toBe('Daniel Kritenbrink');
    expect(keyRole?.cue).toBe('said');
    const stressed = rs.find((q) => q.cue === 'stressed');
    expect(stressed?.speaker).toBe('Vuong Dinh Hue');
    expect(stressed?.text).toMatch(/^Hanoi would do its utmost to contribute to the US – Vietnam relations/u);
    const adding = rs.find((q) => q.cue === 'adding');
    expect(adding?.speaker).toBe('Daniel Kritenbrink');
    expect(adding?.text).toMatch(/^cooperation and trade activities between Vietnam and the US have been on the rise/u);
    const according = rs.find((q) => q.text.startsWith('The US is looking to further boost'));
    expect(according?.speaker).toBe('Daniel Kritenbrink');
    expect(according?.cue).toBe('according to');
    // The quoted event name is neither a direct quote nor a quote by itself.
    expect(b.quotes.some((q) => q.text === 'Hanoi 2020 – Investment and Development Cooperation')).toBe(false);
    for (const q of b.quotes) expect(b.body.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('findQuotes: direct quotes', () => {
  it('joins a quote split by its attribution, with a full stop or a comma between', () => {
    const a = quotesOf('Maria Lopez runs the port. "We will open the new dock in May," Lopez said. "It doubles what we can ship."');
    expect(direct(a)).toHaveLength(1);
    expect(direct(a)[0]!.text).toBe('We will open the new dock in May … It doubles what we can ship.');
    expect(direct(a)[0]!.speaker).toBe('Maria Lopez');
    const b = quotesOf('“The river is rising,” she said, “and the bridge is already closed.”');
    expect(direct(b)).toHaveLength(1);
    expect(direct(b)[0]!.text).toBe('The river is rising … and the bridge is already closed.');
  });

  it('reads curly and straight marks, with the attribution before or after', () => {
    const qs = quotesOf(
      'Mayor Tom Reyes spoke first. Reyes said: “The budget is balanced for the first time in years.” ' +
        'Then the council voted. "We have no more excuses to delay the vote," said Councillor Ann Cole.',
    );
    const ds = direct(qs);
    expect(ds.map((q) => [q.text, q.speaker])).toEqual([
      ['The budget is balanced for the first time in years.', 'Tom Reyes'],
      ['We have no more excuses to delay the vote', 'Ann Cole'],
    ]);
  });

  it('takes single marks only when they clearly open and close a quote', () => {
    const qs = quotesOf("The players' union met on Monday. 'We are not going back to work tomorrow,' said Joe Park.");
    expect(direct(qs).map((q) => q.text)).toEqual(['We are not going back to work tomorrow']);
    expect(direct(qs)[0]!.speaker).toBe('Joe Park');
  });

  it('resolves he/she to the last named person, never returning a pronoun', () => {
    const qs = quotesOf(
      'Health Minister Sara Kim visited the hospital on Friday.\n\n"The new wing will open next spring," she said.',
    );
    expect(direct(qs)[0]!.speaker).toBe('Sara Kim');
    const none = quotesOf('"The new wing will open next spring," she said.');
    expect(direct(none)[0]!.speaker).toBeNull();
  });

  it('ignores scare quotes, nicknames and quoted titles', () => {
    const qs = quotesOf(
      'The so-called "deal of the century" was dropped. Critics called it a "fiasco" on Monday. ' +
        'John "The Hammer" Smith attended the “Annual Investment and Trade Forum” in Paris, and later read the novel ' +
        '“War and Peace” in one sitting.',
    );
    expect(direct(qs)).toEqual([]);
  });

  it('copes with unbalanced marks and keeps a nested quote inside the outer one', () => {
    const unbalanced = quotesOf('He said “this sentence never closes. Another sentence follows here.\n\nA new paragraph starts.');
    expect(direct(unbalanced)).toEqual([]);
    const nested = quotesOf('“I told them ‘never again’ and I meant it,” said Pat Doe.');
    expect(direct(nested).map((q) => q.text)).toEqual(['I told them ‘never again’ and I meant it']);
  });

  it('joins a quote that runs over two paragraphs', () => {
    const qs = quotesOf('“We started with nothing in this town and built it ourselves.\n\n“Now we want it back,” said Lee Wong.');
    expect(direct(qs)).toHaveLength(1);
    expect(direct(qs)[0]!.text).toBe('We started with nothing in this town and built it ourselves. … Now we want it back');
    expect(direct(qs)[0]!.speaker).toBe('Lee Wong');
  });

  it('handles a text that is only quotes', () => {
    const qs = quotesOf('“First we eat.”\n\n“Then we talk about the contract and the money.”');
    expect(direct(qs).map((q) => q.text).sort()).toEqual(['First we eat.', 'Then we talk about the contract and the money.']);
  });

  it('stores the character range of the quoted content', () => {
    const body = 'Officials met. "Turnout was higher than ever before," said Dana White.';
    const q = direct(quotesOf(body))[0]!;
    expect(body.slice(q.start, q.end)).toBe('Turnout was higher than ever before,');
  });
});

describe('findQuotes: reported speech', () => {
  it('takes the content of "X said that Y", "Y, X said" and "according to X, Y"', () => {
    const qs = quotesOf(
      'Finance Minister Olga Berg said that the deficit would shrink next year. ' +
        'Prices will keep rising through the summer, Berg warned. ' +
        'According to the central bank, wages grew faster than prices.',
    );
    expect(reported(qs).map((q) => [q.text, q.speaker, q.cue])).toEqual([
      ['the deficit would shrink next year', 'Olga Berg', 'said'],
      ['Prices will keep rising through the summer', 'Olga Berg', 'warned'],
      ['wages grew faster than prices', 'the central bank', 'according to'],
    ]);
  });

  it('skips the person told and the time of speaking', () => {
    const qs = quotesOf('Coach Ravi Patel told reporters on Sunday that the team would appeal the ban.');
    expect(reported(qs).map((q) => [q.text, q.speaker])).toEqual([['the team would appeal the ban', 'Ravi Patel']]);
  });

  it('uses the people stage to name a speaker given by surname only', () => {
    const people: Person[] = [{ name: 'Kwame Mensah', role: null, mentions: 2, aliases: ['Mensah'], spans: [] }];
    const qs = quotesOf('Mensah argued the tax was unfair to small farms.', people);
    expect(reported(qs)[0]!.speaker).toBe('Kwame Mensah');
  });

  it('reads partial quotes after a naming verb and a statement joined by ", saying"', () => {
    const qs = quotesOf(
      'Senator Lena Ortiz called the bill “a gift to polluters.” ' +
        '“We will fight it,” Ortiz told the crowd, saying the vote would come before the summer recess.',
    );
    const named = reported(qs).find((q) => q.cue === 'called');
    expect(named?.text).toBe('the bill “a gift to polluters.”');
    expect(named?.speaker).toBe('Lena Ortiz');
    const saying = reported(qs).find((q) => q.cue === 'saying');
    expect(saying?.text).toBe('the vote would come before the summer recess');
    expect(saying?.speaker).toBe('Lena Ortiz');
  });

  it('keeps a mixed quote as one reported statement and drops statements inside quoted words', () => {
    const mixed = quotesOf('Gov. Ray Hill said “the budget is broken” every time the topic came up.');
    expect(mixed.map((q) => [q.kind, q.text, q.speaker])).toEqual([
      ['reported', '“the budget is broken” every time the topic came up', 'Ray Hill'],
    ]);
    const inner = quotesOf('“People will say that we waited too long,” Mayor Jo Park said.');
    expect(inner.map((q) => q.kind)).toEqual(['direct']);
  });

  it('reads headline attributions and an inverted source with a bracketed tag', () => {
    const qs = quotesOf(
      'Mayor Says New Bridge Will Open Next Year\n\nFarm incomes fell for the third year in a row, Sen. Dale Cook (R-Iowa) told reporters.',
    );
    expect(reported(qs).map((q) => [q.text, q.speaker])).toEqual([
      ['New Bridge Will Open Next Year', 'Mayor'],
      ['Farm incomes fell for the third year in a row', 'Dale Cook'],
    ]);
  });

  it('prefers a sentence-final ", X said", names the person rather than the employer, and resolves "it"', () => {
    const qs = quotesOf(
      'The Daily Courier reported the merger on Monday. Plans being studied include closing two plants, it said. ' +
        'Analyst Mia Cruz of Delta Bank described the deal as "a clear win for shareholders".',
    );
    const plans = reported(qs).find((q) => q.text.startsWith('Plans being studied'));
    expect(plans?.text).toBe('Plans being studied include closing two plants');
    expect(plans?.speaker).toBe('the Daily Courier');
    expect(reported(qs).find((q) => q.cue === 'described')?.speaker).toBe('Mia Cruz');
  });

  it('ranks direct quotes with a named speaker first', () => {
    const qs = quotesOf(
      'The report, the agency said, was delayed for weeks by staff shortages. ' +
        '"We simply did not have the people to finish it," said Director Amy Long.',
    );
    expect(qs[0]!.kind).toBe('direct');
    expect(qs[0]!.speaker).toBe('Amy Long');
  });
});

describe('speakers that are nobody', () => {
  it('never names a sentence-opening conjunction as the speaker', () => {
    const body =
      'When you think of the coast you probably think of beaches, but most visitors never see the cliffs. ' +
      'If you ask the rangers, they say the cliffs are the best part.';
    for (const q of quotesOf(body)) expect(['When', 'If']).not.toContain(q.speaker);
  });
});

describe('speakers: the whole noun phrase that did the speaking', () => {

  it('keeps a common-noun source whole, with its determiner and what follows the head', () => {
    const body =
      'The port reopened on Tuesday.\n\nA spokeswoman for the ministry said the cranes had been repaired overnight.\n\n' +
      'Sources familiar with the talks said a deal was close.\n\nThe Canadian government said it would send inspectors next week.\n\n' +
      'Six in 10 voters said the port mattered more than the airport.\n\nThe witness said the gates were open all night.';
    expect(speakerOf(body, 'the cranes')).toBe('A spokeswoman for the ministry');
    expect(speakerOf(body, 'a deal')).toBe('Sources familiar with the talks');
    expect(speakerOf(body, 'it would send')).toBe('The Canadian government');
    expect(speakerOf(body, 'the port mattered')).toBe('Six in 10 voters');
    // A bare determiner is never the speaker.
    expect(speakerOf(body, 'the gates')).toBe('The witness');
  });

  it('keeps "the" before an organisation and a possessive source as written', () => {
    const body = 'The State Department said it was watching the port closely. Tran’s campaign said the figures were wrong.';
    expect(speakerOf(body, 'it was watching')).toBe('the State Department');
    expect(speakerOf(body, 'the figures')).toBe('Tran’s campaign');
  });

  it('names the person when the phrase ends in their name, and not the name of a relative clause', () => {
    const body =
      'Lena Ortiz, who worked with Marco Bell for a decade, said the plan would fail within a year. ' +
      'Undecided voter Petra Hale of Dunmore said the debate changed nothing for her.';
    expect(speakerOf(body, 'the plan')).toBe('Lena Ortiz');
    expect(speakerOf(body, 'the debate')).toBe('Petra Hale');
  });

  it('does not read a clause as a noun phrase ("Cook did not say")', () => {
    const body = 'Owen Cook runs the mill. Cook did not say whether the mill would close, but Cook said the orders were down.';
    for (const q of analyzeText(body, 'text').quotes) expect(q.speaker === null || q.speaker === 'Owen Cook').toBe(true);
  });
});

describe('speakers: carried over and resolved', () => {
  const quotes = (body: string) => analyzeText(body, 'text').quotes;

  it('a quote paragraph with no attribution keeps the speaker of the statement before it', () => {
    const after = quotes('“We will rebuild the bridge before winter,” said Ruth Adeyemi, the county engineer.\n\n“The money is already there. Nobody should worry about the schedule.”');
    expect(after.find((q) => q.text.startsWith('The money'))?.speaker).toBe('Ruth Adeyemi');
    const reportedFirst = quotes(
      'The council met on Monday. Councillor Tomas Berg said that the budget was balanced and that taxes would stay flat.\n\n' +
        '“We have done the hard work already, and the numbers show it.”',
    );
    expect(reportedFirst.find((q) => q.text.startsWith('We have done'))?.speaker).toBe('Tomas Berg');
  });

  it('a second quote of the same paragraph keeps the speaker of the first', () => {
    const qs = quotes('“The hall will stay open,” Dana Fielder said. The crowd drifted out into the rain. “We owe the town that much.”');
    expect(qs.find((q) => q.text.startsWith('We owe'))?.speaker).toBe('Dana Fielder');
  });

  it('reads an attribution the sentence splitter left after the closing mark', () => {
    const qs = quotes('The vote was close.\n\n“Will the bridge finally be built next year?” Dana Fielder asked.');
    expect(qs.find((q) => q.text.startsWith('Will the bridge'))?.speaker).toBe('Dana Fielder');
  });

  it('carries "she" past a man named more recently to the woman the titles say she is', () => {
    const qs = quotes(
      'Mrs. Ines Okafor runs the clinic. Mr. Paul Dunn, the landlord, wants it gone.\n\nMr. Dunn said the lease ends in May.\n\n“We are not going anywhere,” she said.',
    );
    expect(qs.find((q) => q.text.startsWith('We are not'))?.speaker).toBe('Ines Okafor');
    expect(qs.find((q) => q.text.startsWith('the lease'))?.speaker).toBe('Paul Dunn');
  });

  it('never resolves "he" to a capitalised word that is not a person', () => {
    const qs = quotes('Federal inspectors arrived at the plant on Monday.\n\n“Nothing here is safe,” he said.');
    expect(qs[0]?.speaker ?? null).toBeNull();
  });

  it('gives a shared surname to the one of the two the story is about', () => {
    const qs = quotes(
      'Maria Lund founded the bakery in 1990. Maria Lund still bakes every morning, and Maria Lund trains the apprentices. ' +
        'Her brother Erik Lund keeps the books.\n\n“Bread is a promise you keep every day,” Lund said.',
    );
    expect(qs.find((q) => q.text.startsWith('Bread'))?.speaker).toBe('Maria Lund');
  });
});

describe('reported speech: asides, relative clauses and quoted fragments', () => {
  const reportedOf = (body: string) => reported(analyzeText(body, 'text').quotes).map((q) => [q.text, q.speaker]);

  it('takes a statement around a mid-sentence "X said," aside, without the aside', () => {
    expect(reportedOf('The new levy, the treasurer said, would cover the repairs by spring.')).toEqual([
      ['The new levy would cover the repairs by spring', 'the treasurer'],
    ]);
    // A clause after "X said," that opens with a conjunction is not part of the statement.
    expect(reportedOf('The repairs will be finished in May, the treasurer said, but the council disagreed.').map((r) => r[0])).toEqual([
      'The repairs will be finished in May',
    ]);
  });

  it('reads the source before a "who" clause', () => {
    expect(reportedOf('Several engineers who inspected the bridge said the cables were badly corroded.')).toEqual([
      ['the cables were badly corroded', 'Several engineers'],
    ]);
  });

  it('keeps a quoted fragment inside a longer attributed statement as part of that statement', () => {
    const qs = analyzeText('The council had taken “the first real step” toward a new harbour wall, she said on Monday.', 'text').quotes;
    expect(qs.map((q) => [q.kind, q.text])).toEqual([['reported', 'The council had taken “the first real step” toward a new harbour wall']]);
  });
});
