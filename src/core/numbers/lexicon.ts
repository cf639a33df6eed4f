/** English number words. Lower-case keys; values are what the word contributes. */

export const UNIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['nought', 0], ['naught', 0], ['nil', 0],
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);

/** Multipliers that act on the current group below a thousand ("three hundred", "two dozen"). */
export const LOCAL_SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['hundreds', 100], ['dozen', 12], ['dozens', 12], ['dz', 12], ['dzs', 12], ['doz', 12], ['dozs', 12],
]);

/** Multipliers that close a group ("two million", "13 lakh"). */
export const BIG_SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['thousands', 1e3], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
  ['trillion', 1e12], ['trillions', 1e12], ['lakh', 1e5], ['lakhs', 1e5], ['lac', 1e5], ['crore', 1e7], ['crores', 1e7],
]);

/**
 * Abbreviated scales written after digits ("10k", "$3bn", "10 bln"). Case matters for a few:
 * "M" and "G" are scales, "m" and "g" are metres and grams unless money is being counted.
 */
export const DIGIT_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['thou', 1e3],
  ['M', 1e6], ['MM', 1e6], ['mm', 1e6], ['mn', 1e6], ['mln', 1e6], ['mil', 1e6], ['mill', 1e6], ['Mn', 1e6],
  ['bn', 1e9], ['bln', 1e9], ['Bn', 1e9], ['BN', 1e9], ['B', 1e9], ['G', 1e9], ['b', 1e9],
  ['tn', 1e12], ['tln', 1e12], ['trn', 1e12], ['T', 1e12], ['tr', 1e12],
]);
/** Scales that are only read as such when money is counted ("£1.2m", "$5b"). */
export const MONEY_ONLY_SCALES: ReadonlySet<string> = new Set(['m', 'b', 'mm', 'B', 'K']);

const ORDINAL_LIST: [string, number][] = [
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19],
  ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70],
  ['eightieth', 80], ['ninetieth', 90], ['hundredth', 100], ['thousandth', 1e3], ['millionth', 1e6],
  ['billionth', 1e9], ['trillionth', 1e12],
];
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(ORDINAL_LIST);

/** Words that name a fraction's denominator ("three fifths", "a half"); plural forms included. */
export const DENOMINATOR_WORDS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['quarter', 4], ['quarters', 4],
  ...ORDINAL_LIST.filter(([, v]) => v >= 3).flatMap(([w, v]): [string, number][] => [[w, v], [`${w}s`, v]]),
]);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Vulgar-fraction characters. */
export const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2], ['⅓', 1 / 3], ['⅔', 2 / 3], ['¼', 1 / 4], ['¾', 3 / 4], ['⅕', 1 / 5], ['⅖', 2 / 5], ['⅗', 3 / 5],
  ['⅘', 4 / 5], ['⅙', 1 / 6], ['⅚', 5 / 6], ['⅐', 1 / 7], ['⅛', 1 / 8], ['⅜', 3 / 8], ['⅝', 5 / 8], ['⅞', 7 / 8],
  ['⅑', 1 / 9], ['⅒', 1 / 10],
]);
