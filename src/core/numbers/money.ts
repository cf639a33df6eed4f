import { BIG_SCALES, DIGIT_SCALES } from './lexicon.js';
import type { Token } from './scan.js';

/**
 * Currencies written before the amount ("US$", "€", "HK$", "u.s. $", "USD") or after it ("euros",
 * "Canadian dollars", "yuan", "Finnish markka"). Units are ISO 4217 codes; "cent"/"penny" amounts keep
 * their own unit so "50 cents" stays 50.
 */

/** Letters glued before "$" ("US$", "C$", "HK$") → ISO code. */
const DOLLAR_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['', 'USD'], ['us', 'USD'], ['u.s.', 'USD'], ['u.s', 'USD'], ['usd', 'USD'], ['c', 'CAD'], ['ca', 'CAD'], ['can', 'CAD'],
  ['a', 'AUD'], ['au', 'AUD'], ['aus', 'AUD'], ['nz', 'NZD'], ['hk', 'HKD'], ['s', 'SGD'], ['sg', 'SGD'], ['nt', 'TWD'],
  ['r', 'BRL'], ['m', 'MXN'], ['mx', 'MXN'], ['z', 'ZWD'],
]);

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['￥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'],
  ['₺', 'TRY'], ['₦', 'NGN'], ['₱', 'PHP'], ['₫', 'VND'], ['₪', 'ILS'], ['฿', 'THB'], ['₴', 'UAH'], ['₣', 'FRF'],
  ['₿', 'BTC'], ['₡', 'CRC'], ['₲', 'PYG'], ['₵', 'GHS'], ['₸', 'KZT'], ['₼', 'AZN'], ['₾', 'GEL'], ['₭', 'LAK'],
  ['₮', 'MNT'], ['₨', 'INR'], ['៛', 'KHR'], ['﷼', 'IRR'], ['₠', 'XEU'],
]);

/**
 * Currency signs that are letters, so the tokenizer reads them as words ("元300", "300 元", "500 zł"):
 * accepted before or after an amount, as written.
 */
const LETTER_SIGNS: ReadonlyMap<string, string> = new Map([
  ['元', 'CNY'], ['圆', 'CNY'], ['块', 'CNY'], ['円', 'JPY'], ['원', 'KRW'], ['zł', 'PLN'], ['Kč', 'CZK'], ['лв', 'BGN'],
]);

/**
 * Codes with a scale letter in front, as company reports write them ("20 MEUR", "MSEK 120", "TEUR 3,400"
 * where T is the German Tausend): the prefix → its factor.
 */
const CODE_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['T', 1e3], ['M', 1e6], ['m', 1e6], ['Mio', 1e6], ['Mn', 1e6], ['mn', 1e6], ['Mrd', 1e9], ['bn', 1e9], ['B', 1e9],
]);

/** ISO codes accepted before or after an amount. */
const ISO_CODES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'CHF', 'SEK', 'NOK', 'DKK', 'INR', 'KRW',
  'RUB', 'BRL', 'MXN', 'ZAR', 'TRY', 'VND', 'THB', 'IDR', 'MYR', 'PHP', 'TWD', 'PLN', 'HUF', 'CZK', 'ILS', 'AED', 'SAR',
  'EGP', 'NGN', 'KES', 'PKR', 'ARS', 'CLP', 'COP', 'PEN', 'DEM', 'FRF', 'ITL', 'ESP', 'NLG', 'BEF', 'ATS', 'FIM', 'PTE',
  'GRD', 'IEP', 'ECU', 'XEU', 'BTC', 'BGN', 'RON', 'ISK', 'UAH', 'KZT', 'QAR', 'KWD', 'BHD', 'OMR', 'JOD', 'LKR', 'BDT',
  'NPR', 'GHS', 'TZS', 'UGX', 'ETB', 'MAD', 'TND', 'DZD', 'IRR', 'IQD', 'VEF', 'VES', 'UYU', 'BOB', 'PYG', 'CRC', 'GTQ',
  'ZMW', 'MMK', 'AZN', 'GEL', 'AFN', 'ALL', 'HRK', 'RSD', 'LYD', 'XOF', 'XAF', 'XCD', 'JMD', 'FJD', 'MNT', 'LAK', 'KHR',
]);

/** Every ISO code is three ASCII capitals: most words are turned away here without a slice and a lookup. */
function endsWithThreeCapitals(text: string): boolean {
  for (let i = text.length - 3; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** A code with a scale letter in front ("MEUR" → EUR × 1e6), or null. */
function scaledCode(text: string): { code: string; scale: number } | null {
  if (text.length < 4 || text.length > 6 || !endsWithThreeCapitals(text)) return null;
  const code = text.slice(-3);
  if (!ISO_CODES.has(code)) return null;
  const scale = CODE_SCALES.get(text.slice(0, -3));
  return scale === undefined ? null : { code: code === 'RMB' ? 'CNY' : code, scale };
}

/** Abbreviations written before amounts in newswire ("Rs 500", "DM 3 million", "SFr 2"). */
const WORD_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['rs', 'INR'], ['dm', 'DEM'], ['sfr', 'CHF'], ['ff', 'FRF'], ['rmb', 'CNY'], ['yuan', 'CNY'], ['nis', 'ILS'],
  ['sek', 'SEK'], ['skr', 'SEK'], ['nkr', 'NOK'], ['dkr', 'DKK'], ['hk', 'HKD'], ['fl', 'NLG'], ['l', 'ITL'], ['r', 'ZAR'],
  ['bfr', 'BEF'], ['lfr', 'LUF'], ['pta', 'ESP'], ['ptas', 'ESP'], ['rp', 'IDR'], ['rm', 'MYR'], ['ps', 'PHP'], ['stg', 'GBP'], ['kr', 'SEK'], ['euro', 'EUR'],
  ['yen', 'JPY'],
]);

/** Letters that may be written glued to the digits of an amount ("EUR40", "Rs500", "RM12", "元300"). */
export function gluesToAmount(letters: string): boolean {
  if (ISO_CODES.has(letters) || LETTER_SIGNS.has(letters) || scaledCode(letters) !== null) return true;
  return letters === 'Rs' || letters === 'Rp' || letters === 'RM' || letters === 'DM' || letters === 'SFr' || letters === 'Kr' || letters === 'kr';
}

/** Currency names after the amount; plural and singular. */
const NAMES: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'], ['dollars', 'USD'], ['euro', 'EUR'], ['euros', 'EUR'], ['pound', 'GBP'], ['pounds', 'GBP'],
  ['sterling', 'GBP'], ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'], ['rmb', 'CNY'], ['won', 'KRW'],
  ['rupee', 'INR'], ['rupees', 'INR'], ['peso', 'MXN'], ['pesos', 'MXN'], ['ruble', 'RUB'], ['rubles', 'RUB'],
  ['rouble', 'RUB'], ['roubles', 'RUB'], ['franc', 'CHF'], ['francs', 'CHF'], ['krona', 'SEK'], ['kronor', 'SEK'],
  ['krone', 'NOK'], ['kroner', 'NOK'], ['rand', 'ZAR'], ['reais', 'BRL'], ['lira', 'TRY'], ['lire', 'ITL'],
  ['dong', 'VND'], ['ringgit', 'MYR'], ['baht', 'THB'], ['rupiah', 'IDR'], ['dirham', 'AED'], ['dirhams', 'AED'],
  ['riyal', 'SAR'], ['riyals', 'SAR'], ['shekel', 'ILS'], ['shekels', 'ILS'], ['zloty', 'PLN'], ['zlotys', 'PLN'],
  ['forint', 'HUF'], ['forints', 'HUF'], ['koruna', 'CZK'], ['markka', 'FIM'], ['markkaa', 'FIM'], ['marks', 'DEM'],
  ['mark', 'DEM'], ['deutschmarks', 'DEM'], ['deutschemarks', 'DEM'], ['guilder', 'NLG'], ['guilders', 'NLG'],
  ['peseta', 'ESP'], ['pesetas', 'ESP'], ['escudo', 'PTE'], ['escudos', 'PTE'], ['schilling', 'ATS'],
  ['schillings', 'ATS'], ['drachma', 'GRD'], ['drachmas', 'GRD'], ['drachmae', 'GRD'], ['punt', 'IEP'], ['punts', 'IEP'],
  ['naira', 'NGN'], ['shilling', 'KES'], ['shillings', 'KES'], ['bitcoin', 'BTC'], ['bitcoins', 'BTC'],
  ['ecus', 'XEU'], ['ecu', 'XEU'], ['dlr', 'USD'], ['dlrs', 'USD'], ['stg', 'GBP'], ['kr', 'SEK'],
  ['dinar', 'KWD'], ['dinars', 'KWD'], ['kwacha', 'ZMW'], ['cedi', 'GHS'], ['cedis', 'GHS'], ['birr', 'ETB'],
  ['taka', 'BDT'], ['kyat', 'MMK'], ['kyats', 'MMK'], ['hryvnia', 'UAH'], ['hryvnias', 'UAH'], ['tenge', 'KZT'],
  ['manat', 'AZN'], ['lari', 'GEL'], ['afghani', 'AFN'], ['afghanis', 'AFN'], ['quetzal', 'GTQ'], ['quetzales', 'GTQ'],
  ['bolivar', 'VES'], ['bolivars', 'VES'], ['bolivares', 'VES'], ['guarani', 'PYG'], ['soles', 'PEN'], ['lev', 'BGN'],
  ['leva', 'BGN'], ['leu', 'RON'], ['lei', 'RON'], ['lek', 'ALL'], ['kuna', 'HRK'], ['yuans', 'CNY'], ['euroes', 'EUR'],
  ['bucks', 'USD'], ['quid', 'GBP'],
]);

/** Codes also read in lower case (tokenised, lower-cased newswire: "10 usd", "usd 5 million"). */
const LOWER_CODES = new Set([
  'usd', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'cad', 'aud', 'chf', 'hkd', 'inr', 'sek', 'nok', 'dkk', 'krw', 'btc', 'zar',
  'nzd', 'sgd', 'twd', 'myr', 'thb', 'idr', 'brl', 'mxn', 'rub', 'pln', 'huf', 'czk', 'ils', 'aed', 'sar', 'ngn',
  // Not 'try' (Turkish lira) or 'all' (Albanian lek): ordinary English words in lower case.
]);

/** Words before a currency name that change which one it is ("Canadian dollars", "Swiss francs"). */
const QUALIFIERS: ReadonlyMap<string, string> = new Map([
  ['us dollar', 'USD'], ['u.s. dollar', 'USD'], ['american dollar', 'USD'], ['canadian dollar', 'CAD'],
  ['australian dollar', 'AUD'], ['new zealand dollar', 'NZD'], ['hong kong dollar', 'HKD'], ['singapore dollar', 'SGD'],
  ['taiwan dollar', 'TWD'], ['taiwanese dollar', 'TWD'], ['zimbabwe dollar', 'ZWD'], ['swiss franc', 'CHF'],
  ['french franc', 'FRF'], ['belgian franc', 'BEF'], ['cfa franc', 'XOF'], ['swedish krona', 'SEK'],
  ['swedish kronor', 'SEK'], ['norwegian krone', 'NOK'], ['norwegian kroner', 'NOK'], ['danish krone', 'DKK'],
  ['danish kroner', 'DKK'], ['mexican peso', 'MXN'], ['argentine peso', 'ARS'], ['philippine peso', 'PHP'],
  ['chilean peso', 'CLP'], ['colombian peso', 'COP'], ['indian rupee', 'INR'], ['pakistani rupee', 'PKR'],
  ['sri lankan rupee', 'LKR'], ['egyptian pound', 'EGP'], ['irish pound', 'IEP'], ['british pound', 'GBP'],
  ['turkish lira', 'TRY'], ['italian lira', 'ITL'], ['italian lire', 'ITL'], ['finnish markka', 'FIM'],
  ['german mark', 'DEM'], ['deutsche mark', 'DEM'], ['new taiwan dollar', 'TWD'], ['hk dollar', 'HKD'], ['dutch guilder', 'NLG'], ['south african rand', 'ZAR'], ['brazilian real', 'BRL'],
  ['chinese yuan', 'CNY'], ['japanese yen', 'JPY'], ['south korean won', 'KRW'], ['korean won', 'KRW'],
  ['russian rouble', 'RUB'], ['russian ruble', 'RUB'], ['saudi riyal', 'SAR'], ['israeli shekel', 'ILS'],
  ['kuwaiti dinar', 'KWD'], ['iraqi dinar', 'IQD'], ['jordanian dinar', 'JOD'], ['bahraini dinar', 'BHD'],
  ['tunisian dinar', 'TND'], ['algerian dinar', 'DZD'], ['serbian dinar', 'RSD'], ['libyan dinar', 'LYD'],
  ['brazilian reais', 'BRL'], ['peruvian sol', 'PEN'], ['qatari riyal', 'QAR'], ['omani rial', 'OMR'],
  ['iranian rial', 'IRR'], ['uae dirham', 'AED'], ['moroccan dirham', 'MAD'], ['nigerian naira', 'NGN'],
  ['kenyan shilling', 'KES'], ['ugandan shilling', 'UGX'], ['tanzanian shilling', 'TZS'], ['austrian schilling', 'ATS'],
  ['thai baht', 'THB'], ['malaysian ringgit', 'MYR'], ['indonesian rupiah', 'IDR'], ['vietnamese dong', 'VND'],
  ['polish zloty', 'PLN'], ['hungarian forint', 'HUF'], ['czech koruna', 'CZK'], ['czech crown', 'CZK'],
  ['romanian leu', 'RON'], ['bulgarian lev', 'BGN'], ['ukrainian hryvnia', 'UAH'], ['icelandic krona', 'ISK'],
  ['mexican pesos', 'MXN'], ['eastern caribbean dollar', 'XCD'], ['jamaican dollar', 'JMD'], ['fijian dollar', 'FJD'],
  ['liberian dollar', 'LRD'], ['namibian dollar', 'NAD'], ['bermudian dollar', 'BMD'], ['bahamian dollar', 'BSD'],
  ['barbadian dollar', 'BBD'], ['belize dollar', 'BZD'], ['brunei dollar', 'BND'], ['guyanese dollar', 'GYD'],
  ['trinidad and tobago dollar', 'TTD'], ['canadian cent', 'cent'], ['euro cent', 'cent'],
]);

/** First words of QUALIFIERS, so most words are turned away without building phrases. */
const QUALIFIER_FIRST = new Set([...QUALIFIERS.keys()].map((k) => k.split(' ')[0]!));

const SUBUNITS: ReadonlyMap<string, string> = new Map([
  ['cent', 'cent'], ['cents', 'cent'], ['penny', 'penny'], ['pence', 'penny'], ['pennies', 'penny'], ['p', 'penny'],
  ['c', 'cent'], ['¢', 'cent'], ['ct', 'cent'], ['cts', 'cent'],
]);

function isScaleWord(t: Token | undefined): boolean {
  return t !== undefined && t.type === 'word' && (BIG_SCALES.has(t.lower) || DIGIT_SCALES.has(t.text));
}

export interface CurrencyMatch {
  readonly unit: string;
  /** Token index where the currency starts (prefix) or after it ends (suffix). */
  readonly at: number;
  /** Factor a scaled code carries ("MEUR": 1e6); absent for plain currencies. */
  readonly scale?: number;
}

function w(t: Token | undefined): string | null {
  return t !== undefined && t.type !== 'num' ? t.lower : null;
}

/** Lower-case words that can begin a currency before an amount: one lookup per token. */
export const PREFIX_WORDS: ReadonlySet<string> = new Set([...DOLLAR_PREFIXES.keys(), ...WORD_PREFIXES.keys(), ...[...ISO_CODES].map((c) => c.toLowerCase())]);
/** Lower-case first words of a currency named after an amount (ISO codes are checked as written). */
const AFTER_WORDS: ReadonlySet<string> = new Set([...QUALIFIER_FIRST, ...NAMES.keys(), ...SUBUNITS.keys()]);

/** Whether a token can begin a currency written before an amount ("$", "US$", "Rs", "EUR"). */
export function mayStartCurrency(t: Token | undefined): boolean {
  if (t === undefined || t.type === 'num') return false;
  if (t.type === 'sym') return t.text === '$' || SYMBOLS.has(t.text);
  return PREFIX_WORDS.has(t.lower) || isCurrencySignWord(t.text);
}

/** A word written as a currency sign before an amount ("Rs", "R$", "EURm"), as written (not lower-cased). */
export function isCurrencySignWord(text: string): boolean {
  return LETTER_SIGNS.has(text) || scaledCode(text) !== null;
}

/** A currency written right before token `k` (the amount); returns where it starts. */
export function currencyBefore(toks: readonly Token[], k: number): CurrencyMatch | null {
  const prev = toks[k - 1];
  if (!prev || prev.type === 'num') return null;
  const lower = prev.lower;
  if (lower === '$') {
    // "US$", "C$", "HK$" (glued), or "u.s. $" / "us $" in tokenized text
    const before = toks[k - 2];
    const bw = w(before);
    if (before && bw !== null && before.type === 'word') {
      const code = DOLLAR_PREFIXES.get(bw);
      // spaced, only unambiguous prefixes: "a $ 40" is the article, "c $ 40" the Canadian dollar
      if (code !== undefined && (!prev.space || bw === 'u.s.' || bw === 'us' || bw === 'c' || bw === 'hk')) {
        if (!prev.space || bw.length > 1 || bw === 'c') return { unit: code, at: k - 2 };
      }
    }
    return { unit: 'USD', at: k - 1 };
  }
  const sym = SYMBOLS.get(prev.text);
  if (sym !== undefined) return { unit: sym, at: k - 1 };
  if (prev.type === 'word') {
    const letterSign = LETTER_SIGNS.get(prev.text);
    if (letterSign !== undefined) return { unit: letterSign, at: k - 1 };
    const scaled = scaledCode(prev.text);
    if (scaled !== null) return { unit: scaled.code, at: k - 1, scale: scaled.scale };
    if (ISO_CODES.has(prev.text) || (ISO_CODES.has(prev.text.toUpperCase()) && prev.text === prev.text.toLowerCase() && prev.text.length === 3 && /^(usd|eur|gbp|jpy|cny|rmb|cad|aud|chf|hkd)$/.test(prev.text))) {
      const code = prev.text.toUpperCase() === 'RMB' ? 'CNY' : prev.text.toUpperCase();
      return { unit: code, at: k - 1 };
    }
    const wp = WORD_PREFIXES.get(lower);
    // "euro 40 million" in newswire, but "Euro 2020" is a tournament: a spelled name before needs a scale after
    if ((lower === 'euro' || lower === 'yen') && !isScaleWord(toks[k + 1])) return null;
    // Short abbreviations need their exact newswire spelling ("Rs", "DM") to avoid reading words as money.
    if (wp !== undefined && (prev.text !== lower || lower.length >= 3) && lower !== 'l' && lower !== 'r') return { unit: wp, at: k - 1 };
    // "Rs." / "Rs. 500"
  }
  if (prev.type === 'sym' && prev.text === '.' && toks[k - 2]?.type === 'word' && WORD_PREFIXES.has(w(toks[k - 2])!) && (toks[k - 2] as { text: string }).text.length >= 2) {
    return { unit: WORD_PREFIXES.get(w(toks[k - 2])!)!, at: k - 2 };
  }
  return null;
}

/** A currency named right after the amount ending at token `k`; `at` is the token after it. */
export function currencyAfter(toks: readonly Token[], k: number): CurrencyMatch | null {
  const t = toks[k];
  if (!t || t.type === 'num') return null;
  if (t.type === 'word') {
    const letterSign = LETTER_SIGNS.get(t.text);
    if (letterSign !== undefined) return { unit: letterSign, at: k + 1 };
    const scaled = scaledCode(t.text);
    if (scaled !== null) return { unit: scaled.code, at: k + 1, scale: scaled.scale };
    if (LOWER_CODES.has(t.text)) return { unit: t.text === 'rmb' ? 'CNY' : t.text.toUpperCase(), at: k + 1 };
    if (!AFTER_WORDS.has(t.lower) && !ISO_CODES.has(t.text)) return null;
  }
  if (t.type === 'sym') {
    const sym = SYMBOLS.get(t.text);
    if (sym !== undefined && t.text !== '$') return { unit: sym, at: k + 1 };
    if (t.text === '¢') return { unit: 'cent', at: k + 1 };
    // "5$", "5 $ a month": a dollar sign after the amount, unless another amount follows it ("5 $ 10")
    if (t.text === '$' && toks[k + 1]?.type !== 'num') return { unit: 'USD', at: k + 1 };
    return null;
  }
  if (ISO_CODES.has(t.text)) return { unit: t.text === 'RMB' ? 'CNY' : t.text, at: k + 1 };
  const lower = t.lower;
  // qualified names: up to three qualifier words then a name
  for (let n = 1; n <= 3; n++) {
    const parts: string[] = [];
    for (let m = k; m < k + n + 1; m++) {
      const x = w(toks[m]);
      if (x === null || toks[m]!.type !== 'word') break;
      parts.push(x);
    }
    if (parts.length !== n + 1) break;
    const last = parts[n]!;
    const singular = last.endsWith('s') && !['markkaa'].includes(last) ? last.replace(/s$/, '') : last;
    const key = `${parts.slice(0, n).join(' ')} ${singular}`;
    const code = QUALIFIERS.get(key) ?? QUALIFIERS.get(`${parts.slice(0, n).join(' ')} ${last}`);
    if (code !== undefined) return { unit: code, at: k + n + 1 };
  }
  const name = NAMES.get(lower);
  if (name !== undefined) {
    if (lower === 'won' || lower === 'mark' || lower === 'marks' || lower === 'rand' || lower === 'punt') {
      // verbs/common nouns too: need a capital or a scale word before ("5 million won")
      const prevWord = w(toks[k - 1]);
      if (!(prevWord === 'million' || prevWord === 'billion' || prevWord === 'bn' || prevWord === 'mln' || prevWord === 'trillion' || t.text[0] === t.text[0]!.toUpperCase())) return null;
    }
    return { unit: name, at: k + 1 };
  }
  const sub = SUBUNITS.get(lower);
  if (sub !== undefined && (lower.length > 1 || !t.space)) return { unit: sub, at: k + 1 };
  return null;
}

export function isCurrencyUnit(unit: string | null): boolean {
  return unit !== null && (/^[A-Z]{3}$/.test(unit) || unit === 'cent' || unit === 'penny');
}
