import type { Token } from './scan.js';

/**
 * Units after an amount, named as quantulum names them ("metre", "square kilometre", "degree
 * Celsius"). Durations (second ... century) are told apart because news cares about them.
 */

export const DURATION_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century', 'millennium', 'fortnight', 'quarter']);

/** Case-sensitive symbols (checked first) → unit name. */
const SYMBOL_UNITS: ReadonlyMap<string, string> = new Map([
  ['m', 'metre'], ['km', 'kilometre'], ['cm', 'centimetre'], ['mm', 'millimetre'], ['nm', 'nanometre'], ['µm', 'micrometre'],
  ['pm', 'picometre'], ['am', 'attometre'], ['mi', 'mile'], ['ft', 'foot'], ['yd', 'yard'], ['in', 'inch'],
  ['km2', 'square kilometre'], ['m2', 'square metre'], ['km3', 'cubic kilometre'], ['m3', 'cubic metre'],
  ['ha', 'hectare'], ['L', 'litre'], ['l', 'litre'], ['ml', 'cubic centimetre'], ['mL', 'cubic centimetre'], ['cl', 'centilitre'],
  ['dl', 'decilitre'], ['gal', 'gallon'], ['kg', 'kilogram'], ['g', 'gram'], ['mg', 'milligram'], ['µg', 'microgram'],
  ['t', 'tonne'], ['lb', 'pound-mass'], ['lbs', 'pound-mass'], ['oz', 'ounce'], ['s', 'second'], ['sec', 'second'],
  ['secs', 'second'], ['min', 'minute'], ['mins', 'minute'], ['h', 'hour'], ['hr', 'hour'], ['hrs', 'hour'],
  ['yr', 'year'], ['yrs', 'year'], ['W', 'watt'], ['kW', 'kilowatt'], ['MW', 'megawatt'], ['GW', 'gigawatt'],
  ['Wh', 'watt hour'], ['kWh', 'kilowatt hour'], ['MWh', 'megawatt hour'], ['GWh', 'gigawatt hour'], ['TWh', 'terawatt hour'],
  ['V', 'volt'], ['kV', 'kilovolt'], ['A', 'ampere'], ['mA', 'milliampere'], ['Hz', 'hertz'], ['kHz', 'kilohertz'],
  ['MHz', 'megahertz'], ['GHz', 'gigahertz'], ['eV', 'electronvolt'], ['keV', 'kiloelectronvolt'], ['MeV', 'megaelectronvolt'],
  ['GeV', 'gigaelectronvolt'], ['TeV', 'teraelectronvolt'], ['J', 'joule'], ['kJ', 'kilojoule'], ['MJ', 'megajoule'],
  ['Js', 'joule second'], ['cal', 'calorie'], ['kcal', 'kilocalorie'], ['N', 'newton'], ['Pa', 'pascal'], ['kPa', 'kilopascal'],
  ['hPa', 'hectopascal'], ['bar', 'bar'], ['atm', 'atmosphere'], ['C', 'degree Celsius'], ['F', 'degree fahrenheit'],
  ['K', 'kelvin'], ['B', 'byte'], ['kB', 'kilobyte'], ['KB', 'kilobyte'], ['MB', 'megabyte'], ['GB', 'gigabyte'],
  ['TB', 'terabyte'], ['PB', 'petabyte'], ['EB', 'exabyte'], ['b', 'bit'], ['kb', 'kilobit'], ['Kb', 'kilobit'],
  ['Mb', 'megabit'], ['Gb', 'gigabit'], ['kbps', 'kilobit per second'], ['Mbps', 'megabit per second'],
  ['Gbps', 'gigabit per second'], ['Gy', 'gray'], ['mGy', 'milligray'], ['Sv', 'sievert'], ['mSv', 'millisievert'],
  ['Ga', 'gigayear'], ['Ma', 'megayear'], ['ka', 'kiloyear'], ['mph', 'mile per hour'], ['kph', 'kilometre per hour'],
  ['kmh', 'kilometre per hour'], ['tpd', 'ton per day'], ['bpd', 'barrel per day'], ['cd', 'candela'], ['cds', 'candela second'],
  ['mol', 'mole'], ['ppm', 'part per million'], ['ppb', 'part per billion'], ['dB', 'decibel'], ['tbsp', 'tablespoon'],
  ['tsp', 'teaspoon'], ['sq', 'square'], ['kt', 'knot'], ['kn', 'knot'], ['ly', 'light-year'], ['AU', 'astronomical unit'],
]);

/** Lower-case words (singular and plural) → unit name. */
const WORD_UNITS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['metre', 'metre'], ['meter', 'metre'], ['kilometre', 'kilometre'], ['kilometer', 'kilometre'], ['centimetre', 'centimetre'],
      ['centimeter', 'centimetre'], ['millimetre', 'millimetre'], ['millimeter', 'millimetre'], ['nanometre', 'nanometre'],
      ['nanometer', 'nanometre'], ['micrometre', 'micrometre'], ['micrometer', 'micrometre'], ['micron', 'micrometre'],
      ['mile', 'mile'], ['foot', 'foot'], ['feet', 'foot'], ['inch', 'inch'], ['inches', 'inch'], ['yard', 'yard'],
      ['nautical mile', 'nautical mile'], ['hectare', 'hectare'], ['acre', 'acre'], ['litre', 'litre'], ['liter', 'litre'],
      ['millilitre', 'millilitre'], ['milliliter', 'millilitre'], ['centilitre', 'centilitre'], ['gallon', 'gallon'],
      ['barrel', 'barrel'], ['cup', 'cup'], ['tablespoon', 'tablespoon'], ['teaspoon', 'teaspoon'], ['pint', 'pint'],
      ['kilogram', 'kilogram'], ['kilogramme', 'kilogram'], ['kilo', 'kilogram'], ['gram', 'gram'], ['gramme', 'gram'],
      ['milligram', 'milligram'], ['microgram', 'microgram'], ['tonne', 'tonne'], ['ton', 'ton'], ['ounce', 'ounce'],
      ['stone', 'stone'], ['carat', 'carat'], ['second', 'second'], ['minute', 'minute'], ['hour', 'hour'], ['day', 'day'],
      ['week', 'week'], ['fortnight', 'fortnight'], ['month', 'month'], ['year', 'year'], ['decade', 'decade'],
      ['century', 'century'], ['centuries', 'century'], ['millennium', 'millennium'], ['millennia', 'millennium'],
      ['watt', 'watt'], ['kilowatt', 'kilowatt'], ['megawatt', 'megawatt'], ['gigawatt', 'gigawatt'], ['volt', 'volt'],
      ['joule', 'joule'], ['calorie', 'calorie'], ['kilocalorie', 'kilocalorie'], ['hertz', 'hertz'], ['byte', 'byte'],
      ['kilobyte', 'kilobyte'], ['megabyte', 'megabyte'], ['gigabyte', 'gigabyte'], ['terabyte', 'terabyte'],
      ['petabyte', 'petabyte'], ['exabyte', 'exabyte'], ['kibibyte', 'kibibyte'], ['bit', 'bit'], ['kilobit', 'kilobit'],
      ['megabit', 'megabit'], ['gigabit', 'gigabit'], ['knot', 'knot'], ['degree', 'degree'], ['kelvin', 'kelvin'],
      ['pixel', 'pixel'], ['megapixel', 'megapixel'], ['horsepower', 'horsepower'],
      ['lightyear', 'light-year'], ['kWh', 'kilowatt hour'], ['gigaannum', 'gigayear'], ['dime', 'dime'],
      ['nickel', 'nickel'], ['penny', 'penny'], ['cent', 'cent'], ['calibre', 'calibre'], ['megaton', 'megaton'],
      ['kiloton', 'kiloton'], ['percentile', 'percentile'], ['basis point', 'basis point'], ['bps', 'basis point'],
    ] as [string, string][]
  ).flatMap(([w, u]): [string, string][] => [[w, u], [`${w}s`, u], [`${w}es`, u]]),
);

/** "square kilometres", "cubic metres", "sq mi"; "km squared". */
const POWER_WORDS: ReadonlyMap<string, string> = new Map([['square', 'square'], ['sq', 'square'], ['cubic', 'cubic'], ['cu', 'cubic']]);

export interface UnitMatch {
  readonly unit: string;
  /** Token index after the unit. */
  readonly end: number;
}

function text(t: Token | undefined): string | null {
  return t !== undefined && t.type !== 'num' ? t.text : null;
}

function single(toks: readonly Token[], k: number): UnitMatch | null {
  const t = toks[k];
  const s = text(t);
  if (t === undefined || s === null) return null;
  if (t.type === 'sym') {
    if (s === '°' || s === '℃' || s === '℉') {
      const nx = text(toks[k + 1]);
      if (s === '℃') return { unit: 'degree Celsius', end: k + 1 };
      if (s === '℉') return { unit: 'degree fahrenheit', end: k + 1 };
      if (nx === 'C' && !toks[k + 1]!.space) return { unit: 'degree Celsius', end: k + 2 };
      if (nx === 'F' && !toks[k + 1]!.space) return { unit: 'degree fahrenheit', end: k + 2 };
      return { unit: 'degree', end: k + 1 };
    }
    if (s === '"' && !t.space) return { unit: 'inch', end: k + 1 };
    if ((s === "'" || s === '′') && !t.space) return { unit: 'minute of arc', end: k + 1 };
    return null;
  }
  const lower = s.toLowerCase();
  // "degrees Celsius", "degrees Fahrenheit"
  if (lower === 'degree' || lower === 'degrees') {
    const nx = text(toks[k + 1])?.toLowerCase();
    if (nx === 'celsius' || nx === 'centigrade' || nx === 'c') return { unit: 'degree Celsius', end: k + 2 };
    if (nx === 'fahrenheit' || nx === 'f') return { unit: 'degree fahrenheit', end: k + 2 };
  }
  if (lower === 'british' && text(toks[k + 1])?.toLowerCase() === 'thermal') {
    const u = text(toks[k + 2])?.toLowerCase();
    if (u === 'unit' || u === 'units') return { unit: 'british thermal unit', end: k + 3 };
  }
  if (lower === 'light' && text(toks[k + 1]) === '-' && /^years?$/.test(text(toks[k + 2])?.toLowerCase() ?? '')) return { unit: 'light-year', end: k + 3 };
  if ((lower === 'basis' || lower === 'percentage') && /^points?$/.test(text(toks[k + 1])?.toLowerCase() ?? '')) {
    return { unit: lower === 'basis' ? 'basis point' : 'percentage point', end: k + 2 };
  }
  if (lower === 'nautical' && /^miles?$/.test(text(toks[k + 1])?.toLowerCase() ?? '')) return { unit: 'nautical mile', end: k + 2 };
  const power = POWER_WORDS.get(lower);
  if (power !== undefined) {
    const inner = single(toks, k + 1);
    if (inner && !inner.unit.includes(' ')) return { unit: `${power} ${inner.unit}`, end: inner.end };
    if (lower === 'sq' || lower === 'cu') return null;
  }
  const bySymbol = SYMBOL_UNITS.get(s);
  const unit = bySymbol ?? WORD_UNITS.get(lower);
  if (unit === undefined) return null;
  if (bySymbol === undefined && s !== lower && s !== s[0] + lower.slice(1) && s.toUpperCase() !== s) return null;
  const end = k + 1;
  // "km^2", "km2" are symbols; "km squared" / "km cubed"
  const nx = toks[end];
  if (nx?.type === 'sym' && nx.text === '^' && toks[end + 1]?.type === 'num') {
    const p = (toks[end + 1] as { lit: { value: number } }).lit.value;
    if (p === 2 || p === 3) return { unit: `${p === 2 ? 'square' : 'cubic'} ${unit}`, end: end + 2 };
  }
  if (nx?.type === 'num' && !nx.space && (nx.lit.value === 2 || nx.lit.value === 3) && !unit.includes(' ')) {
    return { unit: `${nx.lit.value === 2 ? 'square' : 'cubic'} ${unit}`, end: end + 1 };
  }
  if (nx?.type === 'sym' && (nx.text === '²' || nx.text === '³')) return { unit: `${nx.text === '²' ? 'square' : 'cubic'} ${unit}`, end: end + 1 };
  const nw = text(nx)?.toLowerCase();
  if (nw === 'squared' || nw === 'cubed') return { unit: `${nw === 'squared' ? 'square' : 'cubic'} ${unit}`, end: end + 1 };
  return { unit, end };
}

/** A unit starting at token `k` (after the amount), with "per"/"/" compounds ("km/h", "W/min", "kilometres per hour"). */
export function unitAt(toks: readonly Token[], k: number): UnitMatch | null {
  const first = single(toks, k);
  if (!first) return null;
  let unit = first.unit;
  let end = first.end;
  for (let n = 0; n < 2; n++) {
    const sep = toks[end];
    const isPer = sep !== undefined && ((sep.type === 'sym' && sep.text === '/' && !sep.space) || (sep.type === 'word' && sep.lower === 'per'));
    if (!isPer) break;
    const next = single(toks, end + 1);
    if (!next) break;
    unit = `${unit} per ${next.unit}`;
    end = next.end;
  }
  return { unit, end };
}
