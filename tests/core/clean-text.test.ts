import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { stripDateline } from '../../src/core/clean/dateline.js';
import { decodeInput } from '../../src/core/input.js';

const articles = join(import.meta.dirname, '..', '..', 'articles');

function cleanFile(name: string) {
  const decoded = decodeInput(readFileSync(join(articles, name)), name);
  return cleanDocument(decoded.text, decoded.format);
}

describe('seed article: Hanoi partnership (raw scraped page text)', () => {
  const doc = cleanFile('us-looks-to-further-boost-comprehensive-partnership-with-hanoi.txt');

  it('takes the headline as title and leaves it out of the body', () => {
    expect(doc.title).toBe('US looks to further boost comprehensive partnership with Hanoi: Ambassador');
    expect(doc.body).not.toContain('US looks to further boost comprehensive partnership with Hanoi: Ambassador');
  });

  it('drops the banner, the log-in link, the photo credit and the share widgets', () => {
    expect(doc.body).not.toContain('Log in');
    expect(doc.body).not.toContain('14TH NATIONAL CONGRESS');
    expect(doc.body).not.toContain('Thanh Hai');
    expect(doc.body).not.toContain('Reactions');
    expect(doc.body).not.toContain('Share:');
  });

  it('drops everything from "Related news" on, teasers included', () => {
    for (const teaser of ['Tet Trade Fair', 'JICA', 'banh chung', 'Spring Fair', 'Media Group', 'Trending', 'Most Viewed', 'Related news']) {
      expect(doc.body).not.toContain(teaser);
    }
  });

  it('keeps the paragraph that was repeated as a caption exactly once', () => {
    const opening = 'Hanoi would do its utmost to contribute to the Vietnam – US relations';
    expect(doc.body.split(opening).length - 1).toBe(1);
  });

  it('keeps the last paragraph of the story and separates paragraphs by one blank line', () => {
    expect(doc.body.endsWith('new US Embassy building in Hanoi this year.')).toBe(true);
    expect(doc.body).not.toMatch(/\n{3,}/);
    expect(doc.body.split('\n\n')).toHaveLength(13);
    expect(doc.standfirst).toBe(doc.body.split('\n\n')[0]);
  });
});

describe('seed article: Blinken visit (UPI page text)', () => {
  const doc = cleanFile('blinken-seeks-to-strengthen-us-ties-with-vietnam.txt');

  it('finds title, source and month-day date', () => {
    expect(doc.title).toBe('Blinken seeks to strengthen U.S. ties with Vietnam in official Hanoi visit');
    expect(doc.source).toBe('UPI');
    expect(doc.date).toBe('--04-15');
  });

  it('starts the body after the dateline', () => {
    expect(doc.body.startsWith('U.S. Secretary of State Antony Blinken met')).toBe(true);
    expect(doc.standfirst?.startsWith('U.S. Secretary of State Antony Blinken met')).toBe(true);
  });

  it('drops ads, photo captions and credits, and the tail', () => {
    for (const junk of ['Advertisement', 'Bonnie Cash', 'License Photo', 'Latest Headlines', '1 of 2']) expect(doc.body).not.toContain(junk);
  });

  it('keeps the closing paragraph', () => {
    expect(doc.body.endsWith('according to the State Department.')).toBe(true);
  });
});

describe('cleanDocument on text written for these tests', () => {
  it('reads a clean article: headline line, blank line, paragraphs', () => {
    const text = [
      'Council approves new river bridge',
      '',
      'The city council voted on Tuesday to build a second bridge over the river, ending a debate that lasted three years.',
      '',
      'Work is expected to start in the spring and take two years, the mayor said.',
      '',
      'It was close.',
    ].join('\n');
    const doc = cleanDocument(text, 'text');
    expect(doc.title).toBe('Council approves new river bridge');
    expect(doc.body.split('\n\n')).toEqual([
      'The city council voted on Tuesday to build a second bridge over the river, ending a debate that lasted three years.',
      'Work is expected to start in the spring and take two years, the mayor said.',
      'It was close.',
    ]);
  });

  it('removes a menu, captions, share bars and a "More stories" tail around a story', () => {
    const text = [
      'Home', 'News', 'Sport', 'Weather', 'Sign in', 'Subscribe',
      'Harbour reopens after storm repairs',
      'By Jane Porter',
      'The harbour at Westbay reopened to fishing boats on Friday after six weeks of repairs to the sea wall damaged in the autumn storm.',
      'Photo: Tom Reed',
      'Harbour master Alan Grey said the repairs had cost less than feared and that the wall was now higher than before.',
      'Advertisement',
      'Fishermen said they had lost most of the season but were glad to be back at sea before the winter.',
      'Share this article',
      'Facebook', 'Twitter', 'Email',
      'More stories',
      'Town hall to get solar panels',
      'The council will fit solar panels to the town hall roof next year as part of a plan to cut energy bills by a third.',
      'School choir wins national prize',
      'Pupils from the primary school won the national choir contest in the capital with a song written by their teacher.',
    ].join('\n');
    const doc = cleanDocument(text, 'text');
    expect(doc.title).toBe('Harbour reopens after storm repairs');
    expect(doc.author).toBe('Jane Porter');
    expect(doc.body.split('\n\n')).toEqual([
      'The harbour at Westbay reopened to fishing boats on Friday after six weeks of repairs to the sea wall damaged in the autumn storm.',
      'Harbour master Alan Grey said the repairs had cost less than feared and that the wall was now higher than before.',
      'Fishermen said they had lost most of the season but were glad to be back at sea before the winter.',
    ]);
  });

  it('keeps every line of an already clean text, short list items at the end included', () => {
    const text = [
      'What the new rules change',
      '',
      'From next month, shops in the old town must close their terraces at eleven in the evening, the council decided on Thursday.',
      '',
      'The rules also cover:',
      'delivery times',
      'street music',
      'outdoor heaters',
    ].join('\n');
    const doc = cleanDocument(text, 'text');
    expect(doc.title).toBe('What the new rules change');
    expect(doc.body.split('\n\n')).toEqual([
      'From next month, shops in the old town must close their terraces at eleven in the evening, the council decided on Thursday.',
      'The rules also cover:',
      'delivery times',
      'street music',
      'outdoor heaters',
    ]);
  });

  it('keeps short real sentences inside the story', () => {
    const text = [
      'Storm warning',
      '',
      'Forecasters warned of gales along the whole coast on Sunday, with gusts of up to 90 km/h expected by the evening.',
      '',
      'Stay inside.',
      '',
      'Ferries will not run until Monday morning at the earliest, the operator said in a statement on its website.',
    ].join('\n');
    expect(cleanDocument(text, 'text').body).toContain('Stay inside.');
  });

  it('cuts the text that follows a comment section heading', () => {
    const story = 'The museum will open a new wing for modern art in June, the director told reporters at a press conference on Monday.';
    const text = [
      'Museum to open modern art wing',
      story,
      'The wing will show works lent by private collectors as well as pieces bought over the last decade by the museum.',
      '12 Comments',
      'I think this is a great idea and I will certainly visit the museum as soon as the new wing opens its doors.',
      'Reader99',
      'Not everyone likes modern art, but I am happy the city is investing in culture rather than in yet another car park.',
    ].join('\n');
    const doc = cleanDocument(text, 'text');
    expect(doc.body).toContain(story);
    expect(doc.body).not.toContain('great idea');
    expect(doc.body).not.toContain('car park');
  });

  it('normalises NBSP, zero-width characters and CRLF in text handed straight to it', () => {
    const doc = cleanDocument('Headline here now\r\n\r\nA\u00a0quiet\u200b day in the village ended with a big party in the square.', 'text');
    expect(doc.body).toBe('A quiet day in the village ended with a big party in the square.');
  });

  it('handles a single 100,000-character line', () => {
    const sentence = 'The river rose slowly through the night and the town watched it. ';
    const line = sentence.repeat(Math.ceil(100_000 / sentence.length)).slice(0, 100_000);
    const doc = cleanDocument(line, 'text');
    expect(doc.body.length).toBeGreaterThan(99_000);
    expect(doc.body.startsWith('The river rose slowly')).toBe(true);
  });

  it('cleans a 5 MB text to completion', () => {
    const paragraph = 'The committee reviewed the budget and approved the plan for the new bridge across the river.\n\n';
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    const doc = cleanDocument(text, 'text');
    // Identical paragraphs collapse to one: repetition carries no new text.
    expect(doc.body).toBe(paragraph.trim());
  });
});

describe('cleanDocument: a results article is all rows, whatever separates them', () => {
  // A sports results story: two lines of prose, then rows of names and figures under repeated headings.
  const rows = [
    'SWIMMING - RESULTS FROM THE NATIONAL TRIALS .',
    'LEEDS 1996-08-24',
    'Results from the second day of the national swimming trials in Leeds on Saturday , where the fastest two in each final earn a place on the team for the European championships next month :',
    "Men 's 200 metres freestyle",
    'Final',
    '1. Owen Pritchard ( Cardiff ) 1:49.20',
    '2. Rhys Albury ( Leeds ) 1:49.85',
    '-',
    "Women 's 200 metres freestyle",
    'Final',
    '1. Megan Tolliver ( Bath ) 1:59.02',
    '2. Isla Brennock ( Stockport ) 2:00.40',
    '-',
    "Men 's 100 metres backstroke",
    'Final',
    '1. Callum Dray ( Leeds ) 55.61',
    '2. Tobias Wren ( Bath ) 56.02',
  ];
  const doc = cleanDocument(rows.join('\n\n'), 'text');

  it('keeps every row after a lone "-" separator and a repeated "Final" heading', () => {
    for (const name of ['Owen Pritchard', 'Megan Tolliver', 'Isla Brennock', 'Callum Dray', 'Tobias Wren']) {
      expect(doc.body).toContain(name);
    }
  });

  it('drops the separator lines themselves', () => {
    expect(doc.body.split('\n').filter((l) => l.trim() === '-')).toEqual([]);
  });
});

describe('stripDateline', () => {
  it('reads agency, place and date from wire datelines', () => {
    expect(stripDateline('April 15 (UPI) -- The minister met officials.')).toEqual({ rest: 'The minister met officials.', source: 'UPI', date: '--04-15' });
    expect(stripDateline('LONDON (Reuters) - Shares fell sharply on Monday.')).toEqual({ rest: 'Shares fell sharply on Monday.', source: 'Reuters', date: null });
    expect(stripDateline('(CNN) -- A storm hit the coast.')).toEqual({ rest: 'A storm hit the coast.', source: 'CNN', date: null });
    expect(stripDateline('NEW YORK, March 3, 2021 (AP) — Prices rose.')).toEqual({ rest: 'Prices rose.', source: 'AP', date: '2021-03-03' });
    expect(stripDateline('WASHINGTON — The Senate passed the bill.')).toEqual({ rest: 'The Senate passed the bill.', source: null, date: null });
  });

  it('leaves ordinary first sentences alone', () => {
    expect(stripDateline('The minister (right) - seen here - met officials.')).toBeNull();
    expect(stripDateline('Washington is a city - and a state.')).toBeNull();
  });
});

describe('publication lines under the headline', () => {
  it('takes a source line and a date line as metadata, not story', () => {
    const doc = cleanDocument(
      'Harbour festival draws record crowd\n\nCoast Gazette\n2021-05-02\n\nThe harbour festival drew a record crowd of 12,000 visitors on Sunday, organisers said.\n\nStalls sold 4,500 fish suppers by the evening.\n',
      'text',
    );
    expect(doc.title).toBe('Harbour festival draws record crowd');
    expect(doc.source).toBe('Coast Gazette');
    expect(doc.date).toBe('2021-05-02');
    expect(doc.body.startsWith('The harbour festival drew a record crowd')).toBe(true);
  });
});
