import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/corpus/index.js';
import { findDates } from '../../src/corpus/timeline/dates.js';
import { compareDates } from '../../src/corpus/timeline/order.js';
import { brief, manila, seed, SEED_BLINKEN, SEED_HANOI } from './briefings.js';

describe('timeline', () => {
  it('orders publication dates and dates in the text, each with its sentence and briefing', () => {
    const events = buildTimeline(manila);
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort(compareDates));
    expect(events[0]).toMatchObject({ date: '2024-02', kind: 'mentioned', source: 'manila-1', expression: 'last month' });
    expect(events.find((e) => e.date === '2024-02-28')!.text).toBe('The visit follows a meeting of defence ministers on February 28.');
    expect(events.find((e) => e.kind === 'published' && e.source === 'manila-3')).toMatchObject({ date: '2024-03-15', text: 'Washington pledges patrol boats' });
    expect(events.at(-1)).toMatchObject({ date: '2024-06-30', source: 'manila-3' });
  });

  it('resolves "last month" against the briefing\'s date, and never without one', () => {
    expect(findDates('Prices rose last month.', '2024-01-10').map((d) => d.date)).toEqual(['2023-12']);
    expect(findDates('Prices rose last month.', null)).toEqual([]);
    expect(findDates('Prices rose last month.', '--04-15')).toEqual([]);
    expect(findDates('He left yesterday and returns next year.', '2024-03-01').map((d) => d.date)).toEqual(['2024-02-29', '2025']);
  });

  it('resolves a weekday against the briefing\'s date: the latest one, the coming one in a future clause, never without a date', () => {
    // 2024-03-13 is a Wednesday.
    const on = (text: string) => findDates(text, '2024-03-13').map((d) => [d.expression, d.date]);
    expect(on('Blinken arrived in Manila on Tuesday.')).toEqual([['Tuesday', '2024-03-12']]);
    expect(on('The vote is Wednesday.')).toEqual([['Wednesday', '2024-03-13']]);
    expect(on('The ministry said on Tuesday it will raise rates.')).toEqual([['Tuesday', '2024-03-12']]);
    expect(on('Blinken will fly to Tokyo on Friday.')).toEqual([['Friday', '2024-03-15']]);
    expect(on('He will meet officials who arrived on Monday.')).toEqual([['Monday', '2024-03-11']]);
    expect(on('Talks resume next Wednesday; they last met last Wednesday.')).toEqual([['next Wednesday', '2024-03-20'], ['last Wednesday', '2024-03-06']]);
    expect(on('They met on Tuesday, March 12, in Manila.')).toEqual([['March 12', '2024-03-12']]);
    expect(on('Shops opened early on Good Friday; Super Tuesday drew crowds.')).toEqual([]);
    expect(findDates('Blinken arrived on Tuesday.', null)).toEqual([]);
    expect(findDates('Blinken arrived on Tuesday.', '2024-03')).toEqual([]);
  });

  it('reads month-day dates, with the year of the briefing or none at all', () => {
    expect(findDates('They met on July 6 and again on 27 June.', '2020-07-08').map((d) => d.date)).toEqual(['2020-07-06', '2020-06-27']);
    expect(findDates('They met on July 6.', null).map((d) => d.date)).toEqual(['--07-06']);
    // Late in the year for a January briefing: last year's December.
    expect(findDates('The deal was signed on December 20.', '2024-01-05').map((d) => d.date)).toEqual(['2023-12-20']);
    expect(findDates('Signed on Sept. 3, 2019, in force since 2020.', null).map((d) => d.date)).toEqual(['2019-09-03', '2020']);
    expect(findDates('Theresa May spoke; 2020 cars were sold; June 31 is no day.', '2020-07-01')).toEqual([]);
  });

  it('leaves an undated briefing without a publication event, and places year-less dates after dated ones', () => {
    const events = buildTimeline([seed(SEED_HANOI), seed(SEED_BLINKEN), brief('dated', 'HANOI, June 1, 2020 (AP) — Officials met on May 30.')]);
    expect(events.filter((e) => e.source === `${SEED_HANOI}.txt` && e.kind === 'published')).toEqual([]);
    expect(events.map((e) => e.date)).toEqual(['2020-05-30', '2020-06-01', '--04-15', '--06-27', '--07-06']);
  });

  it('keeps only the events a filter accepts', () => {
    const events = buildTimeline(manila, { keep: (text) => text.includes('boats') });
    expect(events.map((e) => e.source)).toEqual(['manila-3', 'manila-3']);
  });
});
