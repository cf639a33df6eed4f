/**
 * Dates written in a sentence ("on July 6", "June 27, 2020", "6 July", "in 2019", "last month",
 * "yesterday", "on Tuesday"), resolved against the briefing's own date where one is needed. Only
 * what the text says: a year-less "July 6" in an undated briefing stays `--07-06`; "last month" or
 * "on Tuesday" without a briefing date is left out. Linear regular expressions with bounded repeats only.
 */
import { addDays, isoParts, MONTH_NUMBERS, pad2, validDay, WEEKDAY_NUMBERS, weekdayOf } from '../../text/calendar.js';

export interface DateMention {
  /** ISO day, `YYYY-MM`, `YYYY`, or year-less `--MM-DD`. */
  readonly date: string;
  readonly expression: string;
  /** Offsets into the sentence text. */
  readonly start: number;
  readonly end: number;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const EDGE_L = '(?<![\\p{L}\\p{N}])';
const EDGE_R = '(?![\\p{L}\\p{N}])';

const MONTH_DAY = new RegExp(`${EDGE_L}${MONTH}\\.? ${DAY}(?:,? ${YEAR})?${EDGE_R}`, 'giu');
const DAY_MONTH = new RegExp(`${EDGE_L}${DAY} (?:of )?${MONTH}\\.?(?:,? ${YEAR})?${EDGE_R}`, 'giu');
const MONTH_YEAR = new RegExp(`${EDGE_L}${MONTH}\\.?,? ${YEAR}${EDGE_R}`, 'giu');
const ISO_DAY = new RegExp(`${EDGE_L}${YEAR}-(\\d{2})-(\\d{2})${EDGE_R}`, 'gu');
const YEAR_ALONE = new RegExp(`${EDGE_L}(?:in|since|by|until|from|during|early|late|mid-?|throughout) ${YEAR}${EDGE_R}`, 'giu');
const RELATIVE = /(?<![\p{L}\p{N}])(?:(last|next|this) (month|year)|(yesterday|today|tomorrow))(?![\p{L}\p{N}])/giu;

const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/**
 * A weekday, with "last/next/this" before it if written; not a named day ("Good Friday", "Super
 * Tuesday"), and not one followed by the date it names ("Tuesday, July 6": the date says it).
 */
const WEEKDAY_DATE = new RegExp(
  `${EDGE_L}(?<!(?:good|black|cyber|super|ash|easter|holy|palm|shrove|boxing|bloody|maundy) )(?:(last|next|this) )?${WEEKDAY}${EDGE_R}(?!,? (?:${MONTH}\\.? \\d|\\d{1,2} ${MONTH}))`,
  'giu',
);
/** Words that put an event ahead of the briefing: "will meet on Friday", "is due to … on Monday". */
const FUTURE = /(?<![\p{L}])(?:will|shall|is to|are to|is due|are due|scheduled|expected to|plans? to|set to|going to)(?![\p{L}])/giu;
/** Past forms that end a future clause before the weekday: "will …, who arrived on Monday". */
const PAST_WORD = /^(?:\p{L}+ed|said|told|met|was|were|went|came|left|took|made|gave|held|began|spoke|saw|won|lost|had|did)$/iu;
/** How many words a future marker may stand before the weekday it sets ahead. */
const FUTURE_REACH = 8;

/** Is the weekday at `at` the object of a future clause ("will fly to Manila on Friday")? */
function aheadOf(sentence: string, at: number): boolean {
  let last = -1;
  for (const m of sentence.slice(0, at).matchAll(FUTURE)) last = m.index + m[0].length;
  if (last < 0) return false;
  const between = sentence.slice(last, at).split(/[^\p{L}']+/u).filter((w) => w !== '');
  return between.length <= FUTURE_REACH && !between.some((w) => PAST_WORD.test(w));
}

/**
 * The day a weekday names in a briefing dated `ref`: news writes "on Tuesday" for the latest Tuesday
 * (the briefing's own day counts), or the coming one when a future clause sets it ("will meet on
 * Friday"); "last Tuesday" is the one before the briefing's day, "next Tuesday" the one after.
 */
function weekday(which: string | undefined, day: string, ahead: boolean, ref: string | null): string | null {
  if (!isoParts(ref) || !ref) return null;
  const target = WEEKDAY_NUMBERS[day.toLowerCase()]!;
  const today = weekdayOf(ref);
  const back = (today - target + 7) % 7;
  const forward = (target - today + 7) % 7;
  const w = which?.toLowerCase();
  if (w === 'last') return addDays(ref, -(back === 0 ? 7 : back));
  if (w === 'next') return addDays(ref, forward === 0 ? 7 : forward);
  return ahead ? addDays(ref, forward) : addDays(ref, -back);
}

/** The year of a year-less month-day in a briefing dated `ref`: that year, or the one before when it would fall over six months after it. */
function yearFor(month: number, day: number, ref: { year: number; month: number; day: number }): number {
  const monthsAhead = (month - ref.month) + (day - ref.day) / 31;
  return monthsAhead > 6 ? ref.year - 1 : ref.year;
}

function monthDay(month: number | undefined, day: number, year: string | undefined, ref: string | null): string | null {
  if (month === undefined) return null;
  const refParts = isoParts(ref);
  const y = year ? Number(year) : refParts ? yearFor(month, day, refParts) : null;
  if (y === null) return validDay(2000, month, day) ? `--${pad2(month)}-${pad2(day)}` : null;
  return validDay(y, month, day) ? `${y}-${pad2(month)}-${pad2(day)}` : null;
}

function relative(which: string, unit: string | undefined, ref: string | null): string | null {
  const r = isoParts(ref);
  if (!r || !ref) return null;
  const w = which.toLowerCase();
  if (w === 'yesterday') return addDays(ref, -1);
  if (w === 'today') return ref;
  if (w === 'tomorrow') return addDays(ref, 1);
  const step = w === 'last' ? -1 : w === 'next' ? 1 : 0;
  if (unit?.toLowerCase() === 'year') return String(r.year + step);
  const months = r.year * 12 + (r.month - 1) + step;
  return `${Math.floor(months / 12)}-${pad2((months % 12) + 1)}`;
}

/** Every date the sentence writes, in order, longest reading first where two overlap. */
/** Every date expression holds a digit or one of these words: sentences with neither are skipped. */
const MAY_HOLD_DATE = /\d|yesterday|today|tomorrow|(?:last|next|this) (?:month|year)|day\b/i;

export function findDates(text: string, briefingDate: string | null): DateMention[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const found: DateMention[] = [];
  const push = (m: RegExpMatchArray, date: string | null): void => {
    if (date !== null) found.push({ date, expression: m[0], start: m.index!, end: m.index! + m[0].length });
  };
  for (const m of text.matchAll(ISO_DAY)) {
    push(m, validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : null);
  }
  for (const m of text.matchAll(MONTH_DAY)) push(m, monthDay(MONTH_NUMBERS[m[1]!.toLowerCase()], Number(m[2]), m[3], briefingDate));
  for (const m of text.matchAll(DAY_MONTH)) push(m, monthDay(MONTH_NUMBERS[m[2]!.toLowerCase()], Number(m[1]), m[3], briefingDate));
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = MONTH_NUMBERS[m[1]!.toLowerCase()];
    push(m, month === undefined ? null : `${m[2]}-${pad2(month)}`);
  }
  for (const m of text.matchAll(YEAR_ALONE)) push(m, m[1]!);
  for (const m of text.matchAll(RELATIVE)) push(m, relative(m[1] ?? m[3]!, m[2], briefingDate));
  for (const m of text.matchAll(WEEKDAY_DATE)) push(m, weekday(m[1], m[2]!, aheadOf(text, m.index!), briefingDate));
  // Longest first, then drop readings that overlap one already kept ("July 6, 2020" over "July 2020").
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const d of found) if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d);
  return kept.sort((a, b) => a.start - b.start);
}
