import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { findNumbers } from '../../src/core/numbers.js';
import { MAX_NUMBERS } from '../../src/core/numbers/index.js';
import { splitSentences } from '../../src/core/sentences.js';
import type { NumberMention } from '../../src/core/types.js';

function numbersOf(text: string): NumberMention[] {
  return findNumbers(text, splitSentences(text));
}
function one(text: string): NumberMention {
  const found = numbersOf(text);
  expect(found.length, JSON.stringify(found)).toBeGreaterThan(0);
  return found[0]!;
}
function byValue(found: readonly NumberMention[], value: number): NumberMention | undefined {
  return found.find((n) => n.value !== null && Math.abs(n.value - value) <= 1e-6 * Math.abs(value));
}

describe('seed articles through the pipeline', () => {
  it('Hanoi partnership article', () => {
    const b = analyzeText(readFileSync('articles/us-looks-to-further-boost-comprehensive-partnership-with-hanoi.txt', 'utf8'), 'text');
    const masks = byValue(b.numbers, 150000);
    expect(masks?.kind).toBe('count');
    expect(masks?.context).toContain('face masks');
    const projects = byValue(b.numbers, 229);
    expect(projects?.context).toContain('229 projects');
    expect(projects?.context).toContain('investment licenses');
    const money = byValue(b.numbers, 17800000000);
    expect(money?.unit).toBe('USD');
    expect(money?.kind).toBe('money');
    expect(b.numbers.find((n) => n.kind === 'ordinal' && n.value === 25)?.context).toContain('anniversary');
    expect(b.numbers.find((n) => n.kind === 'date' && n.text === 'July 6')?.value).toBe(6);
    expect(b.numbers.find((n) => n.kind === 'date' && n.text === 'June 27')?.value).toBe(27);
    expect(b.numbers[0]?.value).toBe(17800000000); // money ranks first
  });

  it('Blinken visit article', () => {
    const b = analyzeText(readFileSync('articles/blinken-seeks-to-strengthen-us-ties-with-vietnam.txt', 'utf8'), 'text');
    expect(b.numbers.find((n) => n.kind === 'ordinal' && n.value === 61)?.context).toContain('birthday');
    expect(b.numbers.find((n) => n.kind === 'ordinal' && n.value === 10)?.context).toContain('anniversary');
    expect(b.numbers.find((n) => n.value === 8)?.context).toContain('eight-story building');
    const years = b.numbers.find((n) => n.kind === 'duration' && n.value === 6);
    expect(years?.unit).toBe('year');
    const money = byValue(b.numbers, 350000000);
    expect(money?.unit).toBe('USD');
    expect(money?.context).toContain('for the Vietnamese economy');
    expect(b.numbers[0]).toBe(money);
  });
});

describe('money', () => {
  it.each([
    ['The bank lent $48.2 million to farmers.', 48200000, 'USD'],
    ['It agreed a €3bn rescue.', 3000000000, 'EUR'],
    ['Costs rose to £1.2m this spring.', 1200000, 'GBP'],
    ['the council will spend $ 14 million on roads .', 14000000, 'USD'],
    ['the ministry allocated u.s. $ 5 million for schools .', 5000000, 'USD'],
    ['The mine will cost C$2.5 billion.', 2500000000, 'CAD'],
    ['Fares start at HK$300.', 300, 'HKD'],
    ['Lunch was ¥1,000 per person.', 1000, 'JPY'],
    ['Trade hit 2.3 billion yuan.', 2300000000, 'CNY'],
    ['He was sold for 1.5 million euros.', 1500000, 'EUR'],
    ['She gave five million pounds to the museum.', 5000000, 'GBP'],
    ['The town raised 3,000 Canadian dollars.', 3000, 'CAD'],
  ])('%s', (text, value, unit) => {
    const n = one(text);
    expect(n.kind).toBe('money');
    expect(n.value).toBeCloseTo(value, 3);
    expect(n.unit).toBe(unit);
  });

  it('keeps cents as cents', () => {
    const n = one('A stamp costs 50 cents more.');
    expect([n.value, n.unit, n.kind]).toEqual([50, 'cent', 'money']);
  });

  it('reads accounting brackets (a cell, not prose) and a sign after the symbol as negative', () => {
    expect(one('Net loss per share: ($12.50)').value).toBe(-12.5);
    expect(one('Cash flow fell to $-3.2 million.').value).toBe(-3200000);
  });

  it('gives a money range its midpoint and the scale to both ends', () => {
    const n = one('Revenue of $5-7 million is expected.');
    expect([n.value, n.unit]).toEqual([6000000, 'USD']);
  });
});

describe('percent', () => {
  it.each([
    ['Prices rose 12.5 percent.', 12.5],
    ['the index lost 14 pct .', 14],
    ['Turnout was 15 per cent.', 15],
    ['There was a 3% rise.', 3],
    ['Growth of 5-7% is forecast.', 6],
    ['Output fell -2.5% last month.', -2.5],
    ['About twenty percent agreed.', 20],
  ])('%s', (text, value) => {
    const n = one(text);
    expect(n.kind).toBe('percent');
    expect(n.unit).toBe('%');
    expect(n.value).toBe(value);
  });
});

describe('counts, spelled numbers and quantities', () => {
  it('reads spelled-out numbers and fractions', () => {
    expect(one('There are five and a half million trees.').value).toBe(5500000);
    expect(one('It took one hundred and sixty-one days.').value).toBe(161);
    expect(one('They sold two thirds of the land.').value).toBeCloseTo(2 / 3, 9);
    expect(one('The crowd was three million, two hundred & forty strong.').value).toBe(3000240);
    expect(one('Half a dozen boats left.').value).toBe(6);
  });

  it('reads a dot before three digits as a thousands separator before a plural noun', () => {
    expect(one('The city gave 150.000 paper cups.').value).toBe(150000);
    expect(one('The rod is 4.800 metres long.').value).toBe(4.8);
  });

  it('tells durations, quantities, ordinals and dates apart', () => {
    const found = numbersOf('The 25th anniversary falls on March 3, after six years and a 12 km walk of 2,000 steps.');
    expect(found.find((n) => n.value === 25)?.kind).toBe('ordinal');
    expect(found.find((n) => n.kind === 'date')?.text).toBe('March 3');
    expect(found.find((n) => n.value === 6)).toMatchObject({ kind: 'duration', unit: 'year' });
    expect(found.find((n) => n.value === 12)).toMatchObject({ kind: 'quantity', unit: 'kilometre' });
    expect(found.find((n) => n.value === 2000)?.kind).toBe('count');
  });

  it('keeps lists, addresses and identifiers as separate numbers', () => {
    expect(numbersOf('Pages 22,24,26 were torn.').map((n) => n.value).sort((a, b) => a! - b!)).toEqual([22, 24, 26]);
    expect(numbersOf('Ping 10.0.0.1 now.').map((n) => n.value)).toEqual(expect.arrayContaining([10, 0, 0, 1]));
    expect(numbersOf('The G20 met.').length).toBe(0);
  });

  it('does not read the pronoun "one" as a number', () => {
    expect(numbersOf('Which one do you like?').length).toBe(0);
  });

  it('ranks money above trivia and gives a short context', () => {
    const text =
      'In 2019, the first of the two firms, which had been founded decades earlier by a family of bakers in a small town near the coast, paid $2 billion for 300 shops.';
    const found = numbersOf(text);
    expect(found[0]?.kind).toBe('money');
    expect(found[found.length - 1]?.kind).not.toBe('money');
    expect(found[0]!.context.length).toBeLessThan(text.length / 2);
    expect(found[0]!.context).toContain('$2 billion');
  });
});

// Generous time limits: the machine is shared; these assert results, speed belongs to `npm run bench`.
describe('hostile input', { timeout: 120_000 }, () => {
  it('reads a long digit run in bounded windows, each piece the digits it holds', () => {
    const digits = '7'.repeat(100000);
    const found = numbersOf(`The code was ${digits} exactly.`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(MAX_NUMBERS);
    for (const n of found) expect(n.text).toMatch(/^7+$/);
    expect(Math.max(...found.map((n) => n.text.length))).toBeGreaterThan(1000);
  });

  it('keeps a 50k-long comma list to the first numbers, best first', () => {
    const list = Array.from({ length: 50000 }, (_, i) => String((i % 9) + 1)).join(',');
    const found = numbersOf(`Values ${list} end.`);
    expect(found.length).toBe(MAX_NUMBERS);
    // every item is one of the listed digits, in order of score and then position
    for (const n of found) expect(n.text).toMatch(/^[1-9]$/);
    expect(found[0]!.start).toBe('Values '.length);
  });

  it('1 MB of digit soup as one sentence: a capped list of the numbers written there', () => {
    const unit = '1,2.3 ';
    const text = unit.repeat(Math.floor((1024 * 1024) / unit.length));
    const found = numbersOf(text);
    expect(found.length).toBe(MAX_NUMBERS);
    for (const n of found) {
      expect(['1,2', '3']).toContain(n.text);
      expect(text.slice(n.start, n.end)).toBe(n.text);
      expect(n.context.length).toBeLessThan(400);
    }
    expect(found.find((n) => n.text === '1,2')?.value).toBe(1.2);
  });

  it('1 MB of money soup through the whole engine: money first, each with its currency', () => {
    const unit = '$1.2bn US$ 3 million 4% ';
    const b = analyzeText(unit.repeat(Math.floor((1024 * 1024) / unit.length)), 'text');
    expect(b.numbers.length).toBeGreaterThan(0);
    expect(b.numbers.length).toBeLessThanOrEqual(MAX_NUMBERS);
    expect(b.numbers[0]!.kind).toBe('money');
    expect(b.numbers[0]!.value).toBe(1.2e9);
    expect(b.numbers[0]!.start).toBe(0);
    for (const n of b.numbers) expect([n.text, n.value, n.unit]).toEqual(['$1.2bn', 1.2e9, 'USD']);
  });

  it('reads money soup as the amounts written, the scale word ending each', () => {
    const found = numbersOf('$1.2bn US$ 3 million 4% $1.2bn US$ 3 million 4% ');
    expect(found.map((n) => n.text)).toEqual(['$1.2bn', '$1.2bn', 'US$ 3 million', 'US$ 3 million', '4%', '4%']);
    expect(found[2]!.value).toBe(3e6);
    expect(found[2]!.unit).toBe('USD');
    expect(found[4]!.kind).toBe('percent');
  });

  it('handles long runs of number words and dots', () => {
    expect(numbersOf('one hundred and '.repeat(20000)).length).toBeGreaterThan(0);
    expect(numbersOf('1.2.'.repeat(20000)).length).toBeGreaterThan(0);
  });
});
