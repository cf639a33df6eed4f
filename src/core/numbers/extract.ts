import type { NumberKind } from '../types.js';
import { BIG_SCALES, DIGIT_SCALES, MONTHS, ORDINAL_WORDS, TENS_WORDS, UNIT_WORDS } from './lexicon.js';
import { currencyAfter, currencyBefore, isCurrencySignWord, isCurrencyUnit, mayStartCurrency, PREFIX_WORDS as CURRENCY_PREFIX_WORDS } from './money.js';
import { tokenize, type Token } from './scan.js';
import { DURATION_UNITS, unitAt } from './units.js';
import { parseNumberPhrase, PHRASE_STARTS, type Phrase } from './words.js';

/** One number found in a sentence, before context and ranking. Offsets are into the sentence. */
export interface RawMention {
  readonly start: number;
  readonly end: number;
  readonly value: number | null;
  readonly unit: string | null;
  readonly kind: NumberKind;
  readonly spelled: boolean;
}

interface Found extends RawMention {
  /** Token range. */
  readonly t0: number;
  readonly t1: number;
  readonly scaled: boolean;
}

const PERCENT_WORDS = new Set(['percent', 'percents', 'pct', 'pc']);
/** Words that open the prefix form "the percent of 15" / "a percentage of 18". */
const PERCENT_PREFIX_WORDS = new Set(['percent', 'percents', 'percentage', 'per']);
/** Words before "X% to Y": the sentence tells a change and the level it reached, not a range. */
const CHANGE_WORDS = new Set([
  'rose', 'rise', 'rises', 'risen', 'fell', 'fall', 'falls', 'fallen', 'up', 'down', 'by', 'gained', 'gains', 'lost',
  'climbed', 'climbs', 'jumped', 'jumps', 'dropped', 'drops', 'slipped', 'slips', 'grew', 'grows', 'shrank', 'shrinks',
  'increased', 'increases', 'decreased', 'decreases', 'declined', 'declines', 'surged', 'surges', 'slumped', 'slumps',
  'added', 'adds', 'eased', 'eases', 'advanced', 'advances', 'tumbled', 'soared', 'plunged', 'edged', 'raised', 'cut',
]);

/** Nouns after a hyphenated "five-pound" that make it money rather than a weight. */
const MONEY_NOUNS = new Set([
  'coin', 'coins', 'note', 'notes', 'bill', 'bills', 'fine', 'fee', 'ticket', 'charge', 'levy', 'tax', 'voucher', 'price',
  'prize', 'bet', 'payment', 'bribe', 'contract', 'deal', 'budget', 'bonus', 'loan', 'fund', 'donation', 'gift', 'rise',
  'increase', 'cut', 'investment', 'scheme', 'project', 'subsidy', 'grant', 'stake', 'bid', 'offer', 'tip', 'entry', 'annual',
]);
const ONE_DETERMINERS = new Set(['the', 'this', 'that', 'which', 'each', 'every', 'any', 'no', 'another', 'one', 'whichever', 'someone', 'only']);
const SECOND_DETERMINERS = new Set(['the', 'a', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'for', 'second']);
const NOT_PLURAL = new Set([
  'this', 'its', 'his', 'was', 'has', 'does', 'is', 'as', 'yes', 'us', 'plus', 'less', 'thus', 'unless', 'always',
  'perhaps', 'whereas', 'series', 'news', 'across', 'famous', 'various', 'previous', 'serious', 'numerous', 'process',
  'business', 'congress', 'address', 'access', 'success', 'status', 'campus', 'virus', 'bus', 'gas', 'bonus', 'focus',
  'crisis', 'analysis', 'basis', 'percentages', 'times', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years',
]);
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'cattle', 'personnel', 'teeth', 'mice', 'geese', 'troops', 'persons']);
const TIME_WORDS = new Set(['am', 'pm', 'a.m.', 'p.m.', 'a.m', 'p.m']);
const THICKNESS_WORDS = new Set(['thick', 'long', 'wide', 'tall', 'high', 'deep', 'across', 'diameter']);

function word(t: Token | undefined): string | null {
  return t !== undefined && t.type === 'word' ? t.lower : null;
}
/** Whether `t` is one of the given symbols (fixed parameters: no array per call). */
function sym(t: Token | undefined, a: string, b?: string, c?: string): boolean {
  if (t === undefined || t.type !== 'sym') return false;
  const x = t.text;
  return x === a || x === b || x === c;
}
function isPluralNoun(t: Token | undefined): boolean {
  if (t === undefined || t.type !== 'word') return false;
  const w = t.text;
  if (w !== t.lower) return false;
  if (IRREGULAR_PLURALS.has(w)) return true;
  return w.length >= 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && !NOT_PLURAL.has(w);
}
function isLowerWord(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && t.text === t.lower && t.lower.length > 1;
}

/** "25th", "first", "twenty-first" at token k. */
function ordinalAt(toks: readonly Token[], k: number): { value: number; end: number } | null {
  const t = toks[k];
  if (!t) return null;
  if (t.type === 'num') return t.lit.ordinal && !t.glued ? { value: t.lit.value, end: k + 1 } : null;
  const w = word(t);
  if (w === null) return null;
  const tens = TENS_WORDS.get(w);
  if (tens !== undefined && sym(toks[k + 1], '-') && !toks[k + 1]!.space) {
    const o = ORDINAL_WORDS.get(word(toks[k + 2]) ?? '');
    if (o !== undefined && o < 10) return { value: tens + o, end: k + 3 };
  }
  const o = ORDINAL_WORDS.get(w);
  if (o === undefined || o >= 100) return null;
  if (w === 'second' && !SECOND_DETERMINERS.has(word(toks[k - 1]) ?? '')) return null;
  return { value: o, end: k + 1 };
}

/** "July 6", "June 27, 2020", "6 July", "4th of July". */
function dateAt(toks: readonly Token[], k: number): { value: number; end: number } | null {
  const t = toks[k];
  if (!t) return null;
  if (t.type === 'word') {
    const m = MONTHS.get(t.lower);
    if (m === undefined || t.text[0] !== t.text[0]!.toUpperCase()) return null;
    if ((t.lower === 'may' || t.lower === 'march') && t.text === t.lower) return null;
    const d = toks[k + 1];
    if (d?.type === 'num' && d.lit.isInteger && d.lit.value >= 1 && d.lit.value <= 31 && d.lit.intDigits <= 2) {
      let end = k + 2;
      if (sym(toks[end], ',') && toks[end + 1]?.type === 'num' && (toks[end + 1] as { lit: { intDigits: number } }).lit.intDigits === 4) end += 2;
      else if (toks[end]?.type === 'num' && (toks[end] as { lit: { intDigits: number } }).lit.intDigits === 4) end += 1;
      return { value: d.lit.value, end };
    }
    return null;
  }
  if (t.type === 'num' && t.lit.isInteger && t.lit.value >= 1 && t.lit.value <= 31 && t.lit.intDigits <= 2) {
    let m = k + 1;
    if (t.lit.ordinal && word(toks[m]) === 'of') m++;
    const mw = toks[m];
    if (mw?.type === 'word' && MONTHS.has(mw.lower) && mw.text[0] === mw.text[0]!.toUpperCase() && mw.lower.length >= 3) {
      let end = m + 1;
      if (toks[end]?.type === 'num' && (toks[end] as { lit: { intDigits: number } }).lit.intDigits === 4) end++;
      return { value: t.lit.value, end };
    }
  }
  return null;
}

/** "3/4", "2 1/4": a fraction of small integers starting at k (not a date like 5/17/2018). */
function slashFraction(toks: readonly Token[], k: number): { value: number; end: number } | null {
  const a = toks[k];
  const slash = toks[k + 1];
  const b = toks[k + 2];
  if (a?.type !== 'num' || b?.type !== 'num' || !sym(slash, '/') || slash!.space || b.space) return null;
  if (!a.lit.isInteger || !b.lit.isInteger || a.lit.intDigits > 3 || b.lit.intDigits > 3 || b.lit.value === 0) return null;
  if (sym(toks[k + 3], '/') || sym(toks[k - 1], '/')) return null;
  return { value: a.lit.value / b.lit.value, end: k + 3 };
}

/** A mention over tokens t0..t1 (built field by field: this runs once per number). */
function found(toks: readonly Token[], t0: number, t1: number, value: number | null, unit: string | null, kind: NumberKind, spelled: boolean, scaled: boolean): Found {
  return { start: toks[t0]!.start, end: toks[t1 - 1]!.end, value, unit, kind, spelled, t0, t1, scaled };
}

/**
 * The percent marker starting at token k ("%", "percent", "percents", "pct", "per cent", "per-cent",
 * "per cents", "percentage point(s)", "percent point(s)"); returns the token after it, or -1.
 */
function percentEnd(toks: readonly Token[], k: number): number {
  const t = toks[k];
  if (sym(t, '%', '％')) return k + 1;
  const w = word(t);
  if (w === null) return -1;
  const next = word(toks[k + 1]);
  if ((w === 'percentage' || w === 'percent') && (next === 'point' || next === 'points')) return k + 2;
  if (PERCENT_WORDS.has(w)) return k + 1;
  // "a 5 percentage increase": the noun used as the sign (never before "of", "point" or "points")
  if (w === 'percentage' && next !== 'of' && toks[k + 1]?.type !== 'num') return k + 1;
  if (w === 'per') {
    if (next === 'cent' || next === 'cents') return k + 2;
    if (sym(toks[k + 1], '-') && !toks[k + 1]!.space && word(toks[k + 2]) === 'cent') return k + 3;
  }
  return -1;
}

/** "the percent of 15", "a percentage of 18": the number written after the percent word; or null. */
function prefixPercent(toks: readonly Token[], k: number): Found | null {
  const w = word(toks[k]);
  const of = w === 'per' ? (/^cents?$/.test(word(toks[k + 1]) ?? '') ? k + 2 : -1) : k + 1;
  if (of < 0 || word(toks[of]) !== 'of') return null;
  // a count follows in "a big percentage of 2,000 voters": that is not a percent of 2,000
  const before = word(toks[k - 1]);
  if (before !== null && before !== 'the' && before !== 'a') return null;
  const phrase = parseNumberPhrase(toks, of + 1);
  if (!phrase || toks[of + 1]?.type === 'num' && (toks[of + 1] as { glued: boolean }).glued) return null;
  const after = toks[phrase.end];
  if (after !== undefined && (isPluralNoun(after) || isLowerWord(after) && isPluralNoun(toks[phrase.end + 1]) || percentEnd(toks, phrase.end) >= 0 || currencyAfter(toks, phrase.end) || unitMatch(toks, phrase.end, phrase))) return null;
  return found(toks, k, phrase.end, phrase.value, '%', 'percent', toks[of + 1]!.type === 'word', false);
}

/** Reads one mention starting at token k, without ranges. */
function readOne(toks: readonly Token[], k: number): Found | null {
  const t = toks[k];
  if (!t) return null;
  if (t.type === 'num' && t.glued) return null;
  if (t.type === 'word' && PERCENT_PREFIX_WORDS.has(t.lower)) return prefixPercent(toks, k);
  // dates first: "July 6" would otherwise be the number 6
  const date = dateAt(toks, k);
  if (date) return found(toks, k, date.end, date.value, 'date', 'date', false, false);

  // currency prefix, sign
  let j = k;
  let currency: string | null = null;
  let currencyScale = 1;
  let negative = false;
  let paren = false;
  if (sym(t, '(')) {
    // "(US$3.1 billion)" after a word glosses the amount before it; only an accounting cell is negative
    const prev = toks[k - 1];
    if (prev !== undefined && (prev.type !== 'sym' || prev.text === ')' || prev.text === ',')) return null;
    j = k + 1;
    paren = true;
  } else if (sym(t, '-', '−') && mayStartCurrency(toks[k + 1]) && !toks[k + 1]!.space && (k === 0 || t.space || toks[k - 1]!.type === 'sym')) {
    // "-$2.4 million"
    j = k + 1;
    negative = true;
  }
  for (let probe = j + 1; mayStartCurrency(toks[j]) && probe <= j + 3 && probe < toks.length; probe++) {
    const pt = toks[probe]!;
    if (pt.type === 'num' || word(pt) !== null && parseNumberPhrase(toks, probe, { money: true }) !== null) {
      const c = currencyBefore(toks, probe);
      if (c && c.at === j) {
        currency = c.unit;
        currencyScale = c.scale ?? 1;
        j = probe;
      } else if (sym(toks[probe - 1], '-', '−') && probe - 1 > j) {
        const c2 = currencyBefore(toks, probe - 1);
        if (c2 && c2.at === j) {
          currency = c2.unit;
          currencyScale = c2.scale ?? 1;
          negative = true;
          j = probe;
        }
      }
      break;
    }
  }
  if ((paren || negative) && currency === null) return null;
  if (currency === null && sym(toks[j], '-', '−', '+') && toks[j + 1]?.type === 'num') {
    const prev = toks[j - 1];
    const adjacent = !toks[j + 1]!.space;
    const signOk = (adjacent && (prev === undefined || toks[j]!.space || prev.type === 'sym')) || (j === 0 && !adjacent);
    if (!signOk) return null;
    negative = toks[j]!.text !== '+';
    j++;
  }
  const first = toks[j];
  if (!first) return null;
  if (first.type === 'num' && first.glued) return null;

  // ordinals ("25th anniversary", "first")
  const ord = currency === null && !negative ? ordinalAt(toks, j) : null;
  if (ord) return found(toks, j, ord.end, ord.value, null, 'ordinal', first.type === 'word', false);

  let phrase: Phrase | null;
  const frac = slashFraction(toks, j);
  if (frac) phrase = { value: frac.value, start: j, end: frac.end, scaled: false, digitsOnly: true };
  else {
    phrase = parseNumberPhrase(toks, j, { money: currency !== null || isMoneyAhead(toks, j) });
    // "2 1/4"
    const mixed = phrase && phrase.digitsOnly && Number.isInteger(phrase.value) ? slashFraction(toks, phrase.end) : null;
    if (phrase && mixed && toks[phrase.end]!.space) phrase = { ...phrase, value: phrase.value + mixed.value, end: mixed.end };
  }
  if (!phrase) return null;
  let value = (negative ? -phrase.value : phrase.value) * currencyScale;
  let e = phrase.end;
  // "a $20-million contract": a scale word joined by a hyphen
  if (sym(toks[e], '-') && !toks[e]!.space && !toks[e + 1]?.space && (currency !== null || currencyAfter(toks, e + 2) !== null)) {
    const big = BIG_SCALES.get(word(toks[e + 1]) ?? '');
    if (big !== undefined && !word(toks[e + 1])!.endsWith('s')) {
      value *= big;
      e += 2;
    }
  }
  const spelled = !phrase.digitsOnly && first.type === 'word';
  // "one" as a pronoun ("the one you mentioned", "which one")
  if (first.type === 'word' && first.lower === 'one' && e === j + 1 && ONE_DETERMINERS.has(word(toks[j - 1]) ?? '')) return null;
  if (first.type === 'word' && first.lower === 'one' && e === j + 1 && (/^(another|that|which|who|whose)$/.test(word(toks[j + 1]) ?? '') || word(toks[j - 1]) === 'no')) return null;
  // "Covid-19", "SCP-173", "F-16": a name with a number, not a count
  const identifier = first.type === 'num' && k === j && sym(toks[j - 1], '-') && !first.space && toks[j - 2]?.type === 'word' && !toks[j - 1]!.space && /^\p{Lu}/u.test(toks[j - 2]!.text);
  if (identifier) return found(toks, j, e, value, null, 'number', false, false);

  let unit: string | null = currency;
  let kind: NumberKind = currency !== null ? 'money' : 'number';
  // "half a percentage point", "three quarters of a percent"
  if (spelled && Math.abs(value) < 1 && word(toks[e]) === 'a' && /^(percentage|percent|per)$/.test(word(toks[e + 1]) ?? '')) e++;
  else if (spelled && Math.abs(value) < 1 && word(toks[e]) === 'of' && word(toks[e + 1]) === 'a' && percentEnd(toks, e + 2) >= 0) e += 2;
  if (currency === null) {
    const after = toks[e];
    const hyphen = sym(after, '-') && !after!.space && !toks[e + 1]?.space;
    // "a 15-cent dividend", "a two-euro coin", "a 10-percent cut": the amount inside a compound
    const at = hyphen ? e + 1 : e;
    const cur = currencyAfter(toks, at);
    const pct = percentEnd(toks, at);
    if (pct >= 0 && !(hyphen && sym(toks[at], '%'))) {
      unit = '%';
      kind = 'percent';
      e = pct;
    } else if (cur && !(cur.unit === 'penny' && word(toks[at]) === 'p' && toks[at]!.space) && !(hyphen && toks[at]!.type === 'sym')) {
      const cw = word(toks[at]);
      const isPound = cw === 'pound' || cw === 'pounds';
      const poundMass = isPound && (hyphen ? !MONEY_NOUNS.has(word(toks[cur.at]) ?? '') : word(toks[cur.at]) === 'of' || !phrase.scaled && phrase.digitsOnly && !Number.isInteger(phrase.value * 100));
      if (poundMass) {
        unit = 'pound-mass';
        kind = 'quantity';
      } else {
        unit = cur.unit;
        kind = 'money';
        value *= cur.scale ?? 1;
      }
      e = cur.at;
      // "40 EUR million": a code, then the scale
      if (kind === 'money' && toks[at]!.type === 'word' && /^[A-Z]{3}$/.test(toks[at]!.text)) {
        const sw = toks[e]?.type === 'word' ? toks[e]!.text : '';
        const scale = BIG_SCALES.get(sw.toLowerCase()) ?? (sw === 'm' || sw === 'bn' || sw === 'mn' || sw === 'mln' || sw === 'M' ? DIGIT_SCALES.get(sw) ?? 1e6 : undefined);
        if (scale !== undefined && !sw.endsWith('s')) {
          value *= scale;
          e++;
        }
      }
    } else {
      const u = unitMatch(toks, hyphen ? e + 1 : e, phrase);
      if (u === 'time') {
        return found(toks, k, e + 1, null, 'time', 'date', spelled, false);
      }
      if (u) {
        unit = u.unit;
        kind = DURATION_UNITS.has(u.unit) ? 'duration' : 'quantity';
        e = u.end;
      } else if (first.type === 'num' && phrase.digitsOnly && first.lit.dotThousands !== null && phrase.end === j + 1 && (isPluralNoun(toks[e]) || (isLowerWord(toks[e]) && isPluralNoun(toks[e + 1])))) {
        // "150.000 face masks": three digits after the dot and a plural noun after the number — a count
        // cannot be a fraction, so the dot was a thousands separator.
        value = negative ? -first.lit.dotThousands : first.lit.dotThousands;
        kind = 'count';
      } else if (hyphen && isLowerWord(toks[e + 1]) && Number.isInteger(value)) {
        kind = 'count'; // "eight-story building"
      } else if (isPluralNoun(toks[e]) || (isLowerWord(toks[e]) && isPluralNoun(toks[e + 1]) && Number.isInteger(value))) {
        kind = 'count';
      } else if (phrase.digitsOnly && first.type === 'num' && first.lit.isInteger && first.lit.intDigits === 4 && !phrase.scaled && value >= 1000 && value <= 2100 && phrase.end === j + 1) {
        unit = 'year';
        kind = 'date';
      }
    }
  } else {
    // "$15.4/hour", "$350 per kg": the rate stays money; the unit goes into the text
    const after = toks[e];
    if ((sym(after, '/') && !after!.space) || word(after) === 'per' || word(after) === 'a' && /^(year|month|week|day|hour|share)$/.test(word(toks[e + 1]) ?? '')) {
      const u = unitAt(toks, e + 1) ?? (word(toks[e + 1]) === 'share' ? { end: e + 2 } : null);
      if (u) e = u.end;
    }
  }
  if (paren) {
    if (!sym(toks[e], ')')) return null;
    value = -value;
    e++;
  }
  return found(toks, k, e, value, unit, kind, spelled, phrase.scaled);
}

/** "5 million euros", "3bn dollars": money named after the amount, so "m"/"b" mean million/billion. */
function isMoneyAhead(toks: readonly Token[], j: number): boolean {
  for (let m = j + 1; m <= j + 3 && m < toks.length; m++) {
    const t = toks[m]!;
    if (t.type === 'word' && t.lower.length > 2 && currencyAfter(toks, m)) return true;
  }
  return false;
}

function unitMatch(toks: readonly Token[], k: number, phrase: Phrase): { unit: string; end: number } | 'time' | null {
  const t = toks[k];
  if (!t || t.type === 'num') return null;
  const w = t.type === 'word' ? t.lower : null;
  if (w !== null && TIME_WORDS.has(w) && phrase.value <= 12 && phrase.digitsOnly) {
    const decimals = String(phrase.value).split('.')[1]?.length ?? 0;
    if (decimals === 0 || decimals === 2) return 'time';
  }
  const u = unitAt(toks, k);
  if (!u) return null;
  if (t.type === 'word') {
    if (t.text === 'in') {
      const next = toks[u.end];
      const ok = phrase.digitsOnly && (next === undefined || next.type === 'sym' || THICKNESS_WORDS.has(word(next) ?? ''));
      if (!ok) return null;
    }
    // single-letter symbols need to be glued to the number or clearly closing it
    if (t.text.length === 1 && t.space && !'CFLbgtm'.includes(t.text)) return null;
    if (t.text.length === 1 && t.space && 'bgtm'.includes(t.text) && toks[u.end]?.type === 'word' && !/^[a-z]/.test(toks[u.end]!.text)) return null;
    if (t.text === 'A' || t.text === 'a' || t.text === 'I') return null;
  }
  return u;
}

function compatible(toks: readonly Token[], a: Found, b: Found): boolean {
  if (a.kind === 'date' || b.kind === 'date' || a.kind === 'ordinal' || b.kind === 'ordinal') return false;
  if (a.unit !== null && b.unit !== null && a.unit !== b.unit) return false;
  // "0.25 percentage point to 4.1 percent": a change in points and a level are not one range
  if (a.kind === 'percent' && b.kind === 'percent' && endsOnPoint(toks, a) !== endsOnPoint(toks, b)) return false;
  return a.value !== null && b.value !== null;
}

function endsOnPoint(toks: readonly Token[], m: Found): boolean {
  const w = word(toks[m.t1 - 1]);
  return w === 'point' || w === 'points';
}

/**
 * Lower-case words that can open a mention (a date, an ordinal, a number phrase, a percent or currency
 * prefix) in one set: one lookup per word; currency signs written as letters are asked apart.
 */
const START_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(), ...ORDINAL_WORDS.keys(), ...TENS_WORDS.keys(), ...UNIT_WORDS.keys(), ...PHRASE_STARTS, ...PERCENT_PREFIX_WORDS, ...CURRENCY_PREFIX_WORDS,
]);

/** What `readOne` could start at: most words and symbols cannot, and are passed over with one lookup. */
function mayStartMention(t: Token): boolean {
  if (t.type === 'num') return !t.glued;
  if (t.type === 'sym') return t.text === '(' || t.text === '-' || t.text === '−' || t.text === '+' || mayStartCurrency(t);
  return START_WORDS.has(t.lower) || isCurrencySignWord(t.text);
}

const MINOR_UNITS = new Set(['cent', 'penny']);

/**
 * "2 dollars 25 cents", "seven dollars and fifty cents", "4 pounds 20 pence": a whole amount and its
 * minor units are one amount (2.25 USD). Returns the merged mention or null.
 */
function withMinorUnits(toks: readonly Token[], m: Found): Found | null {
  if (m.kind !== 'money' || m.value === null || !Number.isInteger(m.value) || m.scaled || m.unit === null || MINOR_UNITS.has(m.unit)) return null;
  let at = m.t1;
  if (word(toks[at]) === 'and' || sym(toks[at], ',')) at++;
  const minor = readOne(toks, at);
  if (minor === null || minor.kind !== 'money' || minor.unit === null || !MINOR_UNITS.has(minor.unit)) return null;
  if (minor.value === null || !Number.isInteger(minor.value) || minor.value <= 0 || minor.value >= 100) return null;
  return { ...m, end: minor.end, t1: minor.t1, value: m.value + minor.value / 100, spelled: m.spelled && minor.spelled };
}

/**
 * Spans of the sentence that are links or URL-encoded text ("https://…", "www.…", "a%20b%2Fc"): the
 * digits in them are parts of an address, not numbers. Each white-space-free run is looked at once.
 */
function addressMask(s: string): string {
  const parts: string[] = [];
  let last = 0;
  let runStart = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
    if (!space) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && isAddress(s, runStart, i)) {
      parts.push(s.slice(last, runStart), ' '.repeat(i - runStart));
      last = i;
    }
    runStart = -1;
  }
  if (parts.length === 0) return s;
  parts.push(s.slice(last));
  return parts.join('');
}

const HEX = /[0-9A-Fa-f]/;
function isAddress(s: string, from: number, to: number): boolean {
  if (to - from < 4) return false;
  if (s.startsWith('www.', from)) return true;
  for (let i = from; i < to - 2; i++) {
    const c = s[i];
    if (c === ':' && s[i + 1] === '/' && s[i + 2] === '/') return true;
    // a percent escape of a printable character ("%20", "%2F", "%3A") or of a UTF-8 byte ("%C3")
    if (c === '%' && (/[2-7]/.test(s[i + 1]!) ? HEX.test(s[i + 2]!) : /[C-F]/.test(s[i + 1]!) && /[0-9A-F]/.test(s[i + 2]!))) return true;
  }
  return false;
}

/** All numbers of one sentence, left to right; stops once `limit` are found. */
export function extractMentions(sentence: string, limit = Infinity): RawMention[] {
  // addresses are blanked with spaces of the same length, so offsets still point into the sentence
  const toks = tokenize(addressMask(sentence));
  const out: RawMention[] = [];
  let k = 0;
  while (k < toks.length && out.length < limit) {
    let m = mayStartMention(toks[k]!) ? readOne(toks, k) : null;
    if (!m) {
      k++;
      continue;
    }
    m = withMinorUnits(toks, m) ?? m;
    // "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km/s2": keep the central value
    let e = m.t1;
    if (sym(toks[e], '±') || (sym(toks[e], '+') && sym(toks[e + 1], '/') && sym(toks[e + 2], '-'))) {
      const at = sym(toks[e], '±') ? e + 1 : e + 3;
      const unc = readOne(toks, at);
      if (unc && m.unit === null) m = { ...m, unit: unc.unit, kind: unc.kind, end: unc.end, t1: unc.t1 };
      else if (unc) m = { ...m, end: unc.end, t1: unc.t1 };
      e = m.t1;
    }
    // Ranges: "5-7%", "3 to 4 L", "between 44 and 50 mg", "8- to 16-meter". A change ("from X to Y") keeps both ends.
    const before = word(toks[m.t0 - 1]);
    const joiner = toks[e];
    const jw = word(joiner);
    const dash = sym(joiner, '-', '–', '—');
    let rangeAt = -1;
    // "rose 0.5 percent to 3.2 percent", "fell 3% to 1,234 points": a change, then the level it reached
    const change = before !== null && (before === 'from' || CHANGE_WORDS.has(before)) && m.unit !== null;
    if (jw === 'to' && !change) rangeAt = e + 1;
    else if (dash && word(toks[e + 1]) === 'to' && !change) rangeAt = e + 2;
    else if (dash) rangeAt = e + 1;
    else if (jw === 'and' && before === 'between') rangeAt = e + 1;
    if (rangeAt > 0) {
      const m2 = readOne(toks, rangeAt);
      const plainDash = dash && rangeAt === e + 1;
      const hasUnit = m.unit !== null || (m2 !== null && m2.unit !== null) || m.scaled || (m2?.scaled ?? false);
      if (m2 && compatible(toks, m, m2) && (!plainDash || hasUnit) && (m2.kind !== 'count' || m.unit !== null)) {
        let v1 = m.value!;
        // "$5-7 million": the first end takes the second's scale
        if (m2.scaled && !m.scaled && v1 !== 0 && Math.abs(v1) < Math.abs(m2.value!) / 100) {
          v1 *= 1000 ** Math.floor(Math.log10(Math.abs(m2.value!) / Math.abs(v1)) / 3);
        }
        const merged: Found = {
          start: m.start, end: m2.end, value: (v1 + m2.value!) / 2, unit: m2.unit ?? m.unit,
          kind: m2.unit !== null ? m2.kind : m.kind, spelled: m.spelled && m2.spelled, t0: m.t0, t1: m2.t1, scaled: m.scaled || m2.scaled,
        };
        out.push(merged);
        k = m2.t1;
        continue;
      }
      if (m2 && m.unit === null && m2.unit !== null && !isCurrencyUnit(m2.unit) && m2.kind !== 'count' && jw === 'and') {
        // "45 and 50 mg": the unit written once covers both
        out.push({ ...m, unit: m2.unit, kind: m2.kind });
        k = m.t1;
        continue;
      }
    }
    if ((jw === 'and' || jw === 'to') && m.unit === null && m.kind === 'number') {
      const m2 = readOne(toks, e + 1);
      if (m2 && m2.unit !== null && m2.kind === 'quantity' && !m2.spelled === !m.spelled) m = { ...m, unit: m2.unit, kind: m2.kind };
    }
    out.push(m);
    k = Math.max(k + 1, m.t1);
  }
  return out;
}
