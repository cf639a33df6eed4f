/**
 * Reads one number written with digits at a position of a string: grouping (1,234,567 / 1 234 567 /
 * 12,34,567 / 1.234.567,89), decimals, exponents (1e10, 1.3x10^6, 2.5^-1), ordinal suffixes (25th).
 * Every loop moves forward over characters it consumes and stops at the first group that does not fit,
 * so reading a whole text number by number stays linear even for "1,2,3,4,...".
 */

export interface DigitLiteral {
  readonly value: number;
  readonly end: number;
  /** Written without a decimal part. */
  readonly isInteger: boolean;
  /** How many digits were written before any decimal mark (grouping excluded). */
  readonly intDigits: number;
  /** "150.000": the value if the dot is read as a thousands separator instead. */
  readonly dotThousands: number | null;
  /** Followed by st/nd/rd/th. */
  readonly ordinal: boolean;
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
const LETTER = /\p{L}/u;
function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}
const GROUP_SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009']);
const MINUS = new Set(['-', '−', '–']);

function digitsEnd(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j;
}

/** Reads "^ -2" / "^--23" after a base; returns the exponent and end, or null. */
function readPower(s: string, i: number): { exp: number; end: number } | null {
  if (s[i] !== '^') return null;
  let j = i + 1;
  let negative = false;
  let signs = 0;
  while ((s[j] === '+' || MINUS.has(s[j]!)) && signs < 3) {
    if (s[j] !== '+') negative = !negative;
    j++;
    signs++;
  }
  const e = digitsEnd(s, j);
  if (e === j || e - j > 3) return null;
  const exp = Number(s.slice(j, e));
  return { exp: negative ? -exp : exp, end: e };
}

export function readDigitLiteral(s: string, start: number): DigitLiteral | null {
  let j = start;
  let intStr = '';
  let fracStr = '';
  let dotThousands: number | null = null;
  if (s[j] === '.') {
    const e = digitsEnd(s, j + 1);
    if (e === j + 1) return null;
    fracStr = s.slice(j + 1, e);
    j = e;
  } else {
    const e = digitsEnd(s, j);
    if (e === j) return null;
    intStr = s.slice(j, e);
    j = e;
    if (s[j] === ',' && isDigit(s[j + 1])) {
      j = readCommaGroups(s, j, intStr, (joined, frac) => {
        intStr = joined;
        fracStr = frac;
      });
    } else if (GROUP_SPACES.has(s[j]!) && intStr.length <= 3) {
      // 1 234 567: exactly three digits after each single space, not followed by a digit or "/".
      let k = j;
      let joined = intStr;
      while (GROUP_SPACES.has(s[k]!) && isDigit(s[k + 1]) && digitsEnd(s, k + 1) === k + 4 && s[k + 4] !== '/') {
        joined += s.slice(k + 1, k + 4);
        k += 4;
      }
      if (k !== j) {
        intStr = joined;
        j = k;
      }
    } else if (s[j] === '.' && isDigit(s[j + 1])) {
      const e2 = digitsEnd(s, j + 1);
      const group = s.slice(j + 1, e2);
      if (s[e2] === '.' && isDigit(s[e2 + 1])) {
        // Several dots: 1.234.567 (thousands) or 192.168.1.2 (separate numbers).
        if (intStr.length <= 3 && group.length === 3) {
          let k = e2;
          let joined = intStr + group;
          while (s[k] === '.' && digitsEnd(s, k + 1) === k + 4) {
            joined += s.slice(k + 1, k + 4);
            k += 4;
          }
          if (!(s[k] === '.' && isDigit(s[k + 1]))) {
            intStr = joined;
            j = k;
            if (s[j] === ',' && isDigit(s[j + 1])) {
              const e3 = digitsEnd(s, j + 1);
              fracStr = s.slice(j + 1, e3);
              j = e3;
            }
          }
        }
        // else: leave j before the first dot; the parts are read one by one.
      } else if (group.length === 3 && intStr.length <= 3 && s[e2] === ',' && isDigit(s[e2 + 1]) && digitsEnd(s, e2 + 1) - e2 - 1 <= 2) {
        // 1.111,11: continental grouping with a decimal comma.
        const e3 = digitsEnd(s, e2 + 1);
        intStr += group;
        fracStr = s.slice(e2 + 1, e3);
        j = e3;
      } else {
        fracStr = group;
        if (group.length === 3 && intStr.length <= 3 && intStr !== '0') dotThousands = Number(intStr + group);
        j = e2;
      }
    }
    if (fracStr === '' && s[j] === '.' && isDigit(s[j + 1]) && intStr.length > 3) {
      // decimals after a grouped integer ("1,674,200.5")
      const e2 = digitsEnd(s, j + 1);
      if (!(s[e2] === '.' && isDigit(s[e2 + 1]))) {
        fracStr = s.slice(j + 1, e2);
        j = e2;
      }
    }
  }
  let value = Number(`${intStr || '0'}.${fracStr || '0'}`);
  let isInteger = fracStr === '';
  // Scientific forms.
  if ((s[j] === 'e' || s[j] === 'E') && !isLetter(s[j + 1])) {
    let k = j + 1;
    let negative = false;
    if (s[k] === '+' || MINUS.has(s[k]!)) {
      negative = s[k] !== '+';
      k++;
    }
    const e = digitsEnd(s, k);
    if (e > k && e - k <= 3 && !isLetter(s[e])) {
      const exp = Number(s.slice(k, e));
      value *= 10 ** (negative ? -exp : exp);
      isInteger = Number.isInteger(value);
      j = e;
    }
  } else if ((s[j] === 'x' || s[j] === '×' || s[j] === 'X') && isDigit(s[j + 1])) {
    const e = digitsEnd(s, j + 1);
    const base = Number(s.slice(j + 1, e));
    const power = readPower(s, e);
    if (power) {
      value *= base ** power.exp;
      j = power.end;
      isInteger = Number.isInteger(value);
    } else if (base === 10 && MINUS.has(s[e]!) && isDigit(s[e + 1])) {
      const e2 = digitsEnd(s, e + 1);
      if (e2 - e - 1 <= 3) {
        value *= 10 ** -Number(s.slice(e + 1, e2));
        j = e2;
        isInteger = false;
      }
    }
  } else {
    const power = readPower(s, j);
    if (power) {
      value = value ** power.exp;
      j = power.end;
      isInteger = Number.isInteger(value);
    }
  }
  let ordinal = false;
  if (isInteger && intStr !== '') {
    const suffix = s.slice(j, j + 2).toLowerCase();
    if ((suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') && !isLetter(s[j + 2])) {
      ordinal = true;
      j += 2;
    }
  }
  return { value, end: j, isInteger, intDigits: intStr.length, dotThousands: dotThousands, ordinal };
}

/**
 * After "123" sits at a ",digit": decides between thousands groups (1,234,567), Indian groups
 * (12,34,567), a decimal comma ("1,3") or a list ("22,24,26"), reading only the groups it keeps.
 */
function readCommaGroups(s: string, j: number, intStr: string, set: (joined: string, frac: string) => void): number {
  const groupLen = (k: number) => digitsEnd(s, k + 1) - k - 1;
  if (intStr.length <= 3 && groupLen(j) === 3) {
    let k = j;
    let joined = intStr;
    while (s[k] === ',' && groupLen(k) === 3) {
      joined += s.slice(k + 1, k + 4);
      k += 4;
    }
    let frac = '';
    if (s[k] === '.' && isDigit(s[k + 1]) && !(s[digitsEnd(s, k + 1)] === '.')) {
      const e = digitsEnd(s, k + 1);
      frac = s.slice(k + 1, e);
      k = e;
    }
    set(joined, frac);
    return k;
  }
  if (intStr.length <= 2 && groupLen(j) === 2) {
    let k = j;
    let joined = intStr;
    while (s[k] === ',' && groupLen(k) === 2) {
      joined += s.slice(k + 1, k + 3);
      k += 3;
    }
    if (s[k] === ',' && groupLen(k) === 3 && k > j) {
      joined += s.slice(k + 1, k + 4);
      k += 4;
      let frac = '';
      if (s[k] === '.' && isDigit(s[k + 1])) {
        const e = digitsEnd(s, k + 1);
        frac = s.slice(k + 1, e);
        k = e;
      }
      set(joined, frac);
      return k;
    }
  }
  const len = groupLen(j);
  const after = j + 1 + len;
  if (len <= 2 && !(s[after] === ',' && isDigit(s[after + 1])) && !(j > 0 && s[j - intStr.length - 1] === ',')) {
    // A lone "1,3" or "5,00": a decimal comma.
    set(intStr, s.slice(j + 1, after));
    return after;
  }
  set(intStr, '');
  return j;
}
