/**
 * The money and percent classes of issue 11, each with sentences written for this test (not from any
 * data set). Every expectation comes from reading the sentence.
 */
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/core/numbers.js';
import { splitSentences } from '../../src/core/sentences.js';

type Item = [text: string, value: number | null, unit: string | null, kind: string];

/** Values to 12 significant digits: 4.1 × 1e6 is 4099999.9999999995 in floating point. */
const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(12)));

/** The numbers of a sentence in reading order, as [text, value, unit, kind]. */
function read(text: string): Item[] {
  return findNumbers(text, splitSentences(text))
    .sort((a, b) => a.start - b.start)
    .map((n) => [n.text, round(n.value), n.unit, n.kind]);
}
function money(text: string): [number | null, string | null][] {
  return findNumbers(text, splitSentences(text))
    .filter((n) => n.kind === 'money')
    .sort((a, b) => a.start - b.start)
    .map((n) => [round(n.value), n.unit]);
}
function percents(text: string): (number | null)[] {
  return findNumbers(text, splitSentences(text))
    .filter((n) => n.kind === 'percent')
    .sort((a, b) => a.start - b.start)
    .map((n) => round(n.value));
}

describe('money: an amount in parentheses in prose', () => {
  it('is a gloss of the amount before it, not a negative', () => {
    expect(money('The club sold the striker for 60 million euros (US$66 million) in June.')).toEqual([[60e6, 'EUR'], [66e6, 'USD']]);
    expect(money('Rent in the centre is £1,800 ($2,300) a month.')).toEqual([[1800, 'GBP'], [2300, 'USD']]);
    expect(money('the court ordered a payment of 80 million yuan ( $ 11.5 million ) .')).toEqual([[80e6, 'CNY'], [11.5e6, 'USD']]);
  });
  it('keeps the amount text without the brackets', () => {
    expect(read('Sales reached 3 billion euros (US$3.3 billion).').map((i) => i[0])).toEqual(['3 billion euros', 'US$3.3 billion']);
  });
  it('stays negative in a table cell', () => {
    expect(money('Operating result | ($4.1 million)')).toEqual([[-4.1e6, 'USD']]);
  });
});

describe('money: amounts inside compounds', () => {
  it('reads the amount before a hyphenated currency', () => {
    expect(money('The firm paid a 22-cent dividend last week.')).toEqual([[22, 'cent']]);
    expect(money('He kept a one-euro coin for luck.')).toEqual([[1, 'EUR']]);
    expect(money('She found a ten-dollar bill in the coat.')).toEqual([[10, 'USD']]);
    expect(money('The bank issued a new fifty-pound note.')).toEqual([[50, 'GBP']]);
  });
  it('reads a hyphenated scale inside the compound', () => {
    expect(money('They won a $40-million contract for the dam.')).toEqual([[40e6, 'USD']]);
  });
  it('keeps a hyphenated pound weight a weight', () => {
    const [item] = read('He carried a five-pound bag of flour.');
    expect(item?.[2]).toBe('pound-mass');
  });
});

describe('money: a whole amount and its minor units are one amount', () => {
  it('joins dollars and cents, pounds and pence, with or without "and"', () => {
    expect(money('The parking fee is 6 dollars 75 cents.')).toEqual([[6.75, 'USD']]);
    expect(money('A coffee was two dollars and forty cents.')).toEqual([[2.4, 'USD']]);
    expect(money('The stamp cost 1 pound 10 pence.')).toEqual([[1.1, 'GBP']]);
    expect(money('Bread rose to 2 euros and 5 cents.')).toEqual([[2.05, 'EUR']]);
  });
  it('keeps two amounts apart when the second is no minor unit', () => {
    expect(money('Tea is 3 dollars and cake 4 dollars.')).toEqual([[3, 'USD'], [4, 'USD']]);
  });
});

describe('money: fractions of a scale', () => {
  it('reads half, a quarter and three quarters of millions and billions', () => {
    expect(money('The school raised half a million dollars in a year.')).toEqual([[500000, 'USD']]);
    expect(money('The flop cost the studio a quarter billion dollars.')).toEqual([[250e6, 'USD']]);
    expect(money('The artist left a quarter million pounds to the museum.')).toEqual([[250000, 'GBP']]);
    expect(money('The port needs three quarters of a billion euros.')).toEqual([[750e6, 'EUR']]);
  });
});

describe('money: codes glued, after the number, with a scale', () => {
  it('reads a code glued to the digits', () => {
    expect(money('Membership is EUR15 a year.')).toEqual([[15, 'EUR']]);
    expect(money('The notes raised USD750m.')).toEqual([[750e6, 'USD']]);
    expect(money('The saree costs Rs1,200.')).toEqual([[1200, 'INR']]);
  });
  it('reads a code after the amount, and a scale after the code', () => {
    expect(money('Entry costs 12 EUR for adults.')).toEqual([[12, 'EUR']]);
    expect(money('Turnover was 7.5 EUR million last year.')).toEqual([[7.5e6, 'EUR']]);
    expect(money('The grant is 300 CHF bn over ten years.')).toEqual([[300e9, 'CHF']]);
  });
  it('reads codes with a scale letter: MEUR, MSEK, TEUR, kUSD', () => {
    expect(money('Order intake was 85 MEUR.')).toEqual([[85e6, 'EUR']]);
    expect(money('The site cost MSEK 40.')).toEqual([[40e6, 'SEK']]);
    expect(money('Cash at year end: 2,100 TEUR')).toEqual([[2.1e6, 'EUR']]);
    expect(money('The budget is 90 kUSD.')).toEqual([[90000, 'USD']]);
  });
  it('reads lower-cased codes after the amount in tokenised newswire, but not English words', () => {
    expect(money('the fund holds 300 million sek in bonds .')).toEqual([[300e6, 'SEK']]);
    expect(money('she sold 20 btc last year .')).toEqual([[20, 'BTC']]);
    expect(money('he will try 5 times before all 3 give up .')).toEqual([]);
  });
  it('reads qualified names: Deutsche marks, New Taiwan dollars, HK dollars', () => {
    expect(money('They paid 30 Deutsche marks for the lamp.')).toEqual([[30, 'DEM']]);
    expect(money('The stall took 400 New Taiwan dollars.')).toEqual([[400, 'TWD']]);
    expect(money('it was sold at 15 hk dollars .')).toEqual([[15, 'HKD']]);
  });
  it('does not read names with digits as money', () => {
    expect(money('The F16 and the A4 sheet.')).toEqual([]);
    expect(money('He played at Euro 2016 in France.')).toEqual([]);
  });
});

describe('money: the symbol after the number', () => {
  it('reads €, £ and $ written after the amount', () => {
    expect(money('A room is 45 € per night.')).toEqual([[45, 'EUR']]);
    expect(money('The pizza costs 9€.')).toEqual([[9, 'EUR']]);
    expect(money('Parking is 3 $ an hour.')).toEqual([[3, 'USD']]);
    expect(money('A pint is 6 £ in town.')).toEqual([[6, 'GBP']]);
  });
});

describe('money: currency signs beyond $ £ € ¥', () => {
  it('reads ₹ ₩ ₫ ₽ ₿ 元 ₺ ₦ ₱ ₪ ₴ and letter signs', () => {
    expect(money('The laptop costs ₹55,000.')).toEqual([[55000, 'INR']]);
    expect(money('A subway ride is ₩1,400.')).toEqual([[1400, 'KRW']]);
    expect(money('The shirt is ₫200,000.')).toEqual([[200000, 'VND']]);
    expect(money('A ticket costs ₽700.')).toEqual([[700, 'RUB']]);
    expect(money('He sold ₿1.5 last year.')).toEqual([[1.5, 'BTC']]);
    expect(money('The tea set costs 元88.')).toEqual([[88, 'CNY']]);
    expect(money('A kilo of rice is 300元 now.')).toEqual([[300, 'CNY']]);
    expect(money('Fuel is ₺40 a litre.')).toEqual([[40, 'TRY']]);
    expect(money('The fare is ₦500.')).toEqual([[500, 'NGN']]);
    expect(money('A meal is ₱180.')).toEqual([[180, 'PHP']]);
    expect(money('The fine is ₪750.')).toEqual([[750, 'ILS']]);
    expect(money('The pension is ₴3,000.')).toEqual([[3000, 'UAH']]);
    expect(money('The coat costs 400 zł.')).toEqual([[400, 'PLN']]);
  });
});

describe('money: lower-cased, tokenised newswire', () => {
  it('reads spaced symbols and dotted prefixes', () => {
    expect(money('the utility will sell $ 120 million of bonds .')).toEqual([[120e6, 'USD']]);
    expect(money('the plan would cost u.s. $ 2 billion .')).toEqual([[2e9, 'USD']]);
    expect(money('the airline raised us $ 350 million .')).toEqual([[350e6, 'USD']]);
    expect(money('the mine is worth c $ 90 million .')).toEqual([[90e6, 'CAD']]);
    expect(money('the stock ended at $ 21 3/4 .')).toEqual([[21.75, 'USD']]);
  });
  it('reads newswire abbreviations: mln dlrs, stg, euro with a scale', () => {
    expect(money('the company earned 4.5 mln dlrs in the quarter .')).toEqual([[4.5e6, 'USD']]);
    expect(money('the bank lent 20 mln stg to the club .')).toEqual([[20e6, 'GBP']]);
    expect(money('the state holds euro 300 million in bonds .')).toEqual([[300e6, 'EUR']]);
  });
  it('reads lower-case codes and the informal names bucks and quid', () => {
    expect(money('the ticket is 15 usd at the gate .')).toEqual([[15, 'USD']]);
    expect(money('He lent me forty bucks.')).toEqual([[40, 'USD']]);
    expect(money('A pint is about 6 quid.')).toEqual([[6, 'GBP']]);
  });
  it('reads qualified currency names', () => {
    expect(money('the prize was 500 kuwaiti dinars .')).toEqual([[500, 'KWD']]);
    expect(money('the club spent 12 million canadian dollars .')).toEqual([[12e6, 'CAD']]);
  });
});

describe('percent', () => {
  it('reads percentage points, percents, per cent and per-cent', () => {
    expect(percents('Labour gained 6 percentage points in the poll.')).toEqual([6]);
    expect(percents('The gap closed by a half percentage point.')).toEqual([0.5]);
    expect(percents('Fees grew 25 percents in two years.')).toEqual([25]);
    expect(percents('Nearly forty per cent of homes lack heating.')).toEqual([40]);
    expect(percents('About 9 per cents of the loans failed.')).toEqual([9]);
    expect(percents('The levy is 2 per-cent of the price.')).toEqual([2]);
    expect(percents('Prices rose 4 percent.')).toEqual([4]);
  });
  it('reads a percent inside a compound', () => {
    expect(percents('They agreed a 3-percent pay rise.')).toEqual([3]);
    expect(percents('A fifteen-per-cent tip is usual.')).toEqual([15]);
  });
  it('reads the prefix form "the percent of N"', () => {
    expect(percents('The report gives the percent of 42 for the region.')).toEqual([42]);
    expect(percents('It showed a per cent of 12.')).toEqual([12]);
  });
  it('does not read a count after "percentage of" as a percent', () => {
    expect(percents('A large percentage of 3,000 voters stayed home.')).toEqual([]);
  });
  it('keeps a change in points apart from the level it reaches', () => {
    expect(percents('the rate rose 0.5 percentage point to 3.75 percent .')).toEqual([0.5, 3.75]);
  });
  it('reads "rose X% to Y" as a change and a level, "X to Y%" as a range', () => {
    expect(percents('Inflation rose 0.4 percent to 2.9 percent in May.')).toEqual([0.4, 2.9]);
    expect(read('the index fell 1.2 pct to 3,410 points .').map((i) => i.slice(0, 2))).toEqual([['1.2 pct', 1.2], ['3,410', 3410]]);
    expect(percents('Growth of 2 to 3 percent is expected.')).toEqual([2.5]);
    expect(money('Sales climbed $2 million to $9 million.')).toEqual([[2e6, 'USD'], [9e6, 'USD']]);
  });
  it('reads fractions of a percent', () => {
    expect(percents('The margin is a quarter of a percent.')).toEqual([0.25]);
  });
});

describe('numbers inside links and URL-encoded text are no numbers', () => {
  it('skips the digits of a link and keeps the amounts around it', () => {
    expect(read('See https://example.org/2024/05/rates-up-3-percent?id=77 for details.')).toEqual([]);
    expect(read('The form at www.example.com/form/123 costs $20.')).toEqual([['$20', 20, 'USD', 'money']]);
  });
  it('skips URL-encoded text: %20, %2F, %25', () => {
    expect(read('The query was price%20under%2F50 today.')).toEqual([]);
    expect(percents('The link q=25%25off gave a 10% discount.')).toEqual([10]);
  });
  it('still reads a percent sign before a word', () => {
    expect(percents('Sales rose 5%, then 6% again.')).toEqual([5, 6]);
  });
});
