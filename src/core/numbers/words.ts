import { BIG_SCALES, DENOMINATOR_WORDS, DIGIT_SCALES, LOCAL_SCALES, MONEY_ONLY_SCALES, ORDINAL_WORDS, TENS_WORDS, UNIT_WORDS } from './lexicon.js';
import type { Token } from './scan.js';

/**
 * The number grammar over tokens: spelled-out numbers ("twenty-one trillion and three hundred"),
 * digits with scale words ("3 hundred and 21", "$48.2 million", "10k"), fractions ("two thirds",
 * "five and a half million", "one over three") and decimals read aloud ("nine point nought four").
 * Recursion (for "and" / "," continuations) is capped, and every step consumes a token.
 */

export interface Phrase {
  readonly value: number;
  /** First token index. */
  readonly start: number;
  /** Token index after the phrase. */
  readonly end: number;
  /** A scale word or abbreviation was applied ("million", "bn", "k"). */
  readonly scaled: boolean;
  /** Written only with digits (no number words). */
  readonly digitsOnly: boolean;
}

export interface PhraseOptions {
  /** Money is being counted: "m" and "b" after digits are million and billion. */
  readonly money?: boolean;
}

interface Card {
  value: number;
  end: number;
  /** Smallest scale applied (100 for "three hundred"), Infinity when none. */
  minScale: number;
  /** The last big scale applied (1e6 for "three million"), 0 when none. */
  lastBig: number;
  /** The phrase ends on a big scale word with nothing after it. */
  endsOnBig: boolean;
  /** Index of a trailing tens word ("one hundred thirty" → "thirty") not preceded by "and". */
  trailingTens: number;
  scaled: boolean;
  digitsOnly: boolean;
}

const MAX_DEPTH = 2;
/** Words other than number words that can open a phrase. */
export const PHRASE_STARTS: ReadonlySet<string> = new Set(['a', 'an', 'half', 'quarter', 'minus', 'negative']);

function word(t: Token | undefined): string | null {
  return t !== undefined && t.type === 'word' ? t.lower : null;
}
function isSym(t: Token | undefined, a: string, b?: string): boolean {
  return t !== undefined && t.type === 'sym' && (t.text === a || t.text === b);
}
function isNumberWord(w: string | null): boolean {
  return w !== null && (UNIT_WORDS.has(w) || TENS_WORDS.has(w));
}
function plainNum(t: Token | undefined): t is Extract<Token, { type: 'num' }> {
  return t !== undefined && t.type === 'num' && !t.glued && !t.lit.ordinal;
}

/** The abbreviated scale right after a digit token, if any ("10k", "2.33 k", "£1.2m"). */
function digitScale(toks: readonly Token[], k: number, opts: PhraseOptions, integer: boolean): number | null {
  const t = toks[k];
  if (t === undefined || t.type !== 'word') return null;
  const scale = DIGIT_SCALES.get(t.text) ?? DIGIT_SCALES.get(t.lower === 'mm' || t.lower === 'm' ? t.text : '');
  if (t.text === 'm' || t.text === 'mm') return opts.money ? 1e6 : null;
  if (scale === undefined) return null;
  if (MONEY_ONLY_SCALES.has(t.text) && !opts.money) {
    if (t.text === 'K' && integer && !t.space) return 1e3;
    if (t.text === 'b' && !integer && !t.space) return 1e9;
    return null;
  }
  // A letter right after ("10 kg", "8 MB") makes it another word; the tokenizer keeps words whole.
  return scale;
}

function parseCardinal(toks: readonly Token[], i: number, opts: PhraseOptions, depth: number): Card | null {
  let total = 0;
  let group = 0;
  let hasGroup = false;
  let groupTens = false;
  let groupUnits = false;
  let groupHundred = false;
  let fromDigits = false;
  let lastBig = 0;
  let minScale = Infinity;
  let endsOnBig = false;
  let trailingTens = -1;
  let scaled = false;
  let digitsOnly = true;
  let k = i;
  // "a hundred", "a dozen", "a million"
  const first = word(toks[i]);
  if ((first === 'a' || first === 'an') && (LOCAL_SCALES.has(word(toks[i + 1]) ?? '') || BIG_SCALES.has(word(toks[i + 1]) ?? ''))) {
    const next = word(toks[i + 1])!;
    if (!next.endsWith('s')) {
      group = 1;
      hasGroup = true;
      k = i + 1;
      digitsOnly = false;
    }
  }
  for (; k < toks.length; ) {
    const t = toks[k]!;
    const w = word(t);
    if (plainNum(t)) {
      if (hasGroup || (total > 0 && (t.lit.value >= minScale || !t.lit.isInteger)) || (k > i && total === 0)) break;
      // after a scale word, digits continue the number only with a scale of their own ("1 million 300 thousand"),
      // so "US$ 3 million 4%" stays two numbers
      if (total > 0 && !LOCAL_SCALES.has(word(toks[k + 1]) ?? '') && !BIG_SCALES.has(word(toks[k + 1]) ?? '')) break;
      group = t.lit.value;
      hasGroup = true;
      fromDigits = true;
      groupTens = groupUnits = true;
      endsOnBig = false;
      k++;
      const scale = digitScale(toks, k, opts, t.lit.isInteger);
      if (scale !== null) {
        total += group * scale;
        group = 0;
        hasGroup = false;
        lastBig = scale;
        minScale = Math.min(minScale, scale);
        scaled = true;
        endsOnBig = true;
        k++;
        break;
      }
      continue;
    }
    if (w === null) break;
    const unit = UNIT_WORDS.get(w);
    if (unit !== undefined) {
      if (fromDigits && hasGroup) break;
      if (groupUnits || (groupTens && unit >= 10)) break;
      group += unit;
      hasGroup = true;
      groupUnits = true;
      digitsOnly = false;
      endsOnBig = false;
      k++;
      continue;
    }
    const tens = TENS_WORDS.get(w);
    if (tens !== undefined) {
      if ((fromDigits && hasGroup) || groupTens || groupUnits) break;
      group += tens;
      hasGroup = true;
      groupTens = true;
      digitsOnly = false;
      endsOnBig = false;
      trailingTens = word(toks[k - 1]) === 'and' ? -1 : k;
      k++;
      // "fifty-two", "fifty - two"
      if (isSym(toks[k], '-', '‑') && (UNIT_WORDS.get(word(toks[k + 1]) ?? '') ?? 0) > 0 && (UNIT_WORDS.get(word(toks[k + 1])!) ?? 10) < 10) k++;
      continue;
    }
    const local = LOCAL_SCALES.get(w);
    if (local !== undefined) {
      if (!hasGroup || (groupHundred && !fromDigits)) break;
      if (w.endsWith('s') && group === 1 && !fromDigits && local === 100) break; // "one hundreds" is not English
      group *= local;
      groupHundred = true;
      groupTens = groupUnits = false;
      fromDigits = false;
      minScale = Math.min(minScale, local);
      scaled = true;
      digitsOnly = false;
      endsOnBig = false;
      k++;
      continue;
    }
    const big = BIG_SCALES.get(w);
    if (big !== undefined) {
      if (!hasGroup && total === 0) break;
      if (w.endsWith('s') && !hasGroup) break;
      if (total > 0 && big > lastBig) total = (total + group) * big;
      else if (hasGroup) total += group * big;
      else break;
      group = 0;
      hasGroup = groupTens = groupUnits = groupHundred = fromDigits = false;
      lastBig = big;
      minScale = Math.min(minScale, big);
      scaled = true;
      digitsOnly = false;
      endsOnBig = true;
      trailingTens = -1;
      k++;
      continue;
    }
    if ((w === 'and' || (t.type === 'sym' && t.text === '&')) || false) break;
    break;
  }
  // "&" is a symbol token; handle "and"/"&"/"," continuations here.
  if (k === i || (!hasGroup && total === 0 && lastBig === 0)) return null;
  let value = total + group;
  const joiner = toks[k];
  const isJoin = word(joiner) === 'and' || isSym(joiner, '&') || (isSym(joiner, ',') && endsOnBig && isNumberWord(word(toks[k + 1])));
  if (isJoin && minScale !== Infinity && depth < MAX_DEPTH) {
    const next = toks[k + 1];
    if (isNumberWord(word(next)) || plainNum(next)) {
      const sub = parseCardinal(toks, k + 1, opts, depth + 1);
      // digits only join a spelled scale right before them ("3 hundred and 21"), never "£1.2m and 12.5"
      const digitsOk = !sub?.digitsOnly || (minScale === 100 && sub.value < 100 && Number.isInteger(sub.value));
      if (sub && digitsOk && sub.value > 0 && sub.value < minScale && !isDenominatorAt(toks, sub.end)) {
        return {
          value: value + sub.value, end: sub.end, minScale: Math.min(minScale, sub.minScale), lastBig,
          endsOnBig: false, trailingTens: sub.trailingTens, scaled: true, digitsOnly: false,
        };
      }
    }
  }
  // "two hundred point zero three", "five point five million"
  if (word(toks[k]) === 'point' && !digitsOnly) {
    let digits = '';
    let m = k + 1;
    for (; m < toks.length; m++) {
      const dw = word(toks[m]);
      if (dw === null) break;
      const u = UNIT_WORDS.get(dw);
      const tn = TENS_WORDS.get(dw);
      if (u !== undefined) digits += String(u);
      else if (tn !== undefined) {
        if (isSym(toks[m + 1], '-') && (UNIT_WORDS.get(word(toks[m + 2]) ?? '') ?? 10) < 10) {
          digits += String(tn + UNIT_WORDS.get(word(toks[m + 2])!)!);
          m += 2;
        } else if ((UNIT_WORDS.get(word(toks[m + 1]) ?? '') ?? 10) < 10 && UNIT_WORDS.get(word(toks[m + 1]) ?? '') !== 0) {
          digits += String(tn + UNIT_WORDS.get(word(toks[m + 1])!)!);
          m += 1;
        } else digits += String(tn);
      } else break;
    }
    if (digits !== '') {
      value += Number(`0.${digits}`);
      k = m;
      const big = BIG_SCALES.get(word(toks[k]) ?? '');
      if (big !== undefined) {
        value *= big;
        k++;
      }
    }
  }
  return { value, end: k, minScale, lastBig, endsOnBig, trailingTens, scaled, digitsOnly };
}

function isDenominatorAt(toks: readonly Token[], k: number): boolean {
  const w = word(toks[k]) ?? (isSym(toks[k], '-') ? word(toks[k + 1]) : null);
  return w !== null && DENOMINATOR_WORDS.has(w) && w !== 'half' && w !== 'quarter';
}

interface Fraction {
  value: number;
  end: number;
}

/** "a half", "three quarters", "one twenty-fifth", "two and fifty-four hundredths" numerators handled by callers. */
function parseFraction(toks: readonly Token[], i: number, opts: PhraseOptions, depth: number, allowSingularOrdinal: boolean): Fraction | null {
  const first = word(toks[i]);
  let numerator: number;
  let k: number;
  let card: Card | null = null;
  if (first === 'a' || first === 'an') {
    numerator = 1;
    k = i + 1;
  } else {
    card = parseCardinal(toks, i, opts, depth);
    if (!card) return null;
    numerator = card.value;
    k = card.end;
  }
  let hyphen = false;
  if (isSym(toks[k], '-', '‑')) {
    k++;
    hyphen = true;
  }
  let w = word(toks[k]);
  if (w === null) return null;
  // "twenty-first", "twenty fifths" as one denominator
  let denom: number | undefined;
  const tens = TENS_WORDS.get(w);
  if (tens !== undefined && (first === 'a' || first === 'an' || numerator === 1)) {
    const m = isSym(toks[k + 1], '-') ? k + 2 : k + 1;
    const d = DENOMINATOR_WORDS.get(word(toks[m]) ?? '') ?? ORDINAL_WORDS.get(word(toks[m]) ?? '');
    const dw = word(toks[m]);
    if (d !== undefined && d < 10 && dw !== null) {
      denom = tens + d;
      k = m;
      w = dw;
    }
  }
  if (denom === undefined) {
    denom = DENOMINATOR_WORDS.get(w) ?? (numerator === 1 || first === 'a' ? ORDINAL_WORDS.get(w) : undefined);
    if (denom === undefined || denom < 2) return null;
    // "one hundred thirty fifths" reads thirty-fifths (the numerator keeps "one hundred")
    if (card && card.trailingTens > i && !hyphen && denom < 10) {
      const tensValue = TENS_WORDS.get(word(toks[card.trailingTens])!)!;
      if (card.trailingTens === card.end - 1) {
        numerator -= tensValue;
        denom += tensValue;
      }
    }
  }
  const plural = w.endsWith('s') && w !== 'thirds' ? true : w.endsWith('s');
  if (!plural && numerator !== 1) return null;
  // "a third term" is an ordinal; "a third of", "one fifth." are fractions
  if (!plural && !allowSingularOrdinal) {
    const after = toks[k + 1];
    const aw = word(after);
    if (!(after === undefined || after.type === 'sym' || aw === 'of' || BIG_SCALES.has(aw ?? '') || aw === 'and' || aw === 'a' || w === 'half' || w === 'quarter')) return null;
  }
  return { value: numerator / denom, end: k + 1 };
}

/** Reads a number phrase at token `i`, or returns null. */
export function parseNumberPhrase(toks: readonly Token[], i: number, opts: PhraseOptions = {}, depth = 0): Phrase | null {
  const w0 = word(toks[i]);
  if (w0 === null ? !plainNum(toks[i]) : !PHRASE_STARTS.has(w0) && !isNumberWord(w0)) return null;
  // "minus one", "negative five point five"
  if ((w0 === 'minus' || w0 === 'negative') && depth === 0) {
    const inner = parseNumberPhrase(toks, i + 1, opts, depth + 1);
    return inner ? { ...inner, value: -inner.value, start: i, digitsOnly: false } : null;
  }
  let value: number;
  let end: number;
  let scaled = false;
  let digitsOnly = false;
  // "half a dozen", "half million", "quarter million"
  if ((w0 === 'half' || w0 === 'quarter') && word(toks[i - 1]) !== 'a') {
    const base = w0 === 'half' ? 0.5 : 0.25;
    const n1 = word(toks[i + 1]);
    const big = BIG_SCALES.get(n1 ?? '');
    if (big !== undefined && !n1!.endsWith('s')) return { value: base * big, start: i, end: i + 2, scaled: true, digitsOnly: false };
    if (n1 === 'a' && (word(toks[i + 2]) === 'dozen' || BIG_SCALES.has(word(toks[i + 2]) ?? ''))) {
      const s = word(toks[i + 2]) === 'dozen' ? 12 : BIG_SCALES.get(word(toks[i + 2])!)!;
      return { value: base * s, start: i, end: i + 3, scaled: true, digitsOnly: false };
    }
    if (w0 === 'half' && depth === 0 && word(toks[i - 1]) !== 'one' && word(toks[i + 1]) !== 'of' && word(toks[i - 1]) !== 'first' && word(toks[i - 1]) !== 'second') {
      return { value: 0.5, start: i, end: i + 1, scaled: false, digitsOnly: false };
    }
    return null;
  }
  const frac = parseFraction(toks, i, opts, depth, false);
  const card = parseCardinal(toks, i, opts, depth);
  if (frac && (!card || frac.end > card.end)) {
    value = frac.value;
    end = frac.end;
    // "a quarter billion", "three quarters million"
    const big = BIG_SCALES.get(word(toks[end]) ?? '');
    if (big !== undefined && !word(toks[end])!.endsWith('s')) {
      value *= big;
      end++;
      scaled = true;
    }
  } else if (card) {
    value = card.value;
    end = card.end;
    scaled = card.scaled;
    digitsOnly = card.digitsOnly;
    // "five and a half million", "3 million and a half", "twenty and three fifths"
    if ((word(toks[end]) === 'and' || isSym(toks[end], '&')) && depth < MAX_DEPTH) {
      const f = parseFraction(toks, end + 1, opts, depth + 1, true);
      if (f) {
        const big = BIG_SCALES.get(word(toks[f.end]) ?? '');
        if (big !== undefined && !word(toks[f.end])!.endsWith('s')) {
          value = card.lastBig > big ? value + f.value * big : (value + f.value) * big;
          end = f.end + 1;
        } else if (card.endsOnBig && card.lastBig >= 1e6) {
          value += f.value * card.lastBig;
          end = f.end;
        } else {
          value += f.value;
          end = f.end;
        }
        scaled = true;
        digitsOnly = false;
      }
    }
  } else {
    return null;
  }
  // "two thirds of a million"
  if (word(toks[end]) === 'of' && (word(toks[end + 1]) === 'a' || word(toks[end + 1]) === 'an') && !Number.isInteger(value)) {
    const big = BIG_SCALES.get(word(toks[end + 2]) ?? '');
    if (big !== undefined) {
      value *= big;
      end += 3;
      scaled = true;
    }
  }
  // Ratios: "one over three", "2000 over 3", "one out of three", "1 in twenty-one"
  const r = word(toks[end]);
  if ((r === 'over' || r === 'in' || (r === 'out' && word(toks[end + 1]) === 'of')) && depth === 0 && !opts.money) {
    const at = r === 'out' ? end + 2 : end + 1;
    const den = parseNumberPhrase(toks, at, opts, depth + 1);
    if (den && den.value !== 0) {
      const after = toks[den.end];
      const closes = after === undefined || (after.type === 'sym' && after.text !== '%' && after.text !== '$');
      const ok = r === 'over' ? value === 1 || closes : r === 'in' ? value === 1 : value < den.value;
      if (ok) return { value: value / den.value, start: i, end: den.end, scaled: false, digitsOnly: false };
    }
  }
  return { value, start: i, end, scaled, digitsOnly };
}
