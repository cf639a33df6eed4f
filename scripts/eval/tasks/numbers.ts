/**
 * Numbers metric of ../shared/eval/README.md: one sentence per item, predicted numbers matched
 * one-to-one with the gold ones (value within 1e-6 relative; money needs the right currency; percent
 * needs a percent item). Per category: accuracy (every gold item found and, for money / percent, no
 * extra money / percent item), recall and precision. Also runs our own money and percent cases (the
 * held-out kinds, which the dev data lacks; ../own-numbers.ts). Every figure also on the tuning / check split.
 */
import { analyzeText } from '../../../src/core/analyze.js';
import { OWN_NUMBER_CASES } from '../own-numbers.js';
import { partOf, readJsonl, withParts, type EvalTask, type ScoreRow } from '../lib.js';

interface GoldItem {
  readonly value: number;
  readonly unit: string | null;
  readonly kind: string | null;
  readonly text?: string;
}
interface Row {
  readonly id: string;
  readonly category: string;
  readonly input: string;
  readonly expected: readonly GoldItem[];
}
interface Pred {
  readonly text: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly kind: string;
}

const SYMBOL_CODES: Record<string, string> = {
  '$': 'USD', 'us$': 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', 'c$': 'CAD', 'hk$': 'HKD', 'a$': 'AUD', 'nz$': 'NZD', 's$': 'SGD',
};
const NAME_CODES: Record<string, string> = {
  dollar: 'dollar', dollars: 'dollar', euro: 'EUR', euros: 'EUR', pound: 'pound', pounds: 'pound', 'pound sterling': 'GBP', sterling: 'GBP',
  yen: 'JPY', yuan: 'CNY', rmb: 'CNY', renminbi: 'CNY', 'finnish markka': 'FIM', markka: 'FIM', rupee: 'INR', rupees: 'INR',
  franc: 'CHF', 'swiss franc': 'CHF', won: 'KRW', 'us dollar': 'USD', 'u.s. dollar': 'USD', 'canadian dollar': 'CAD',
  'australian dollar': 'AUD', 'hong kong dollar': 'HKD',
};
const DOLLAR_CODES = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'ZWD']);
const POUND_CODES = new Set(['GBP', 'EGP', 'IEP']);
const SUBUNIT = new Set(['cent', 'cents', 'penny', 'pence', 'p', '¢']);

/** Currency code ("USD"), "dollar"/"pound" for the generic names, "cent" for sub-units, or null. */
export function currencyOf(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim();
  const lower = u.toLowerCase();
  if (SUBUNIT.has(lower)) return 'cent';
  if (/^[A-Z]{3}$/.test(u)) return u === 'RMB' ? 'CNY' : u;
  return SYMBOL_CODES[lower] ?? NAME_CODES[lower] ?? NAME_CODES[lower.replace(/s$/, '')] ?? null;
}

function sameCurrency(gold: string, pred: string): boolean {
  if (gold === pred) return true;
  if (gold === 'dollar') return pred === 'dollar' || DOLLAR_CODES.has(pred);
  if (gold === 'pound') return pred === 'pound' || POUND_CODES.has(pred);
  if (pred === 'dollar') return gold === 'USD';
  if (pred === 'pound') return gold === 'GBP';
  return false;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) || a === b;
}

function isGoldMoney(g: GoldItem): boolean {
  return g.kind === 'money' || g.kind === 'currency' || (currencyOf(g.unit) !== null && g.unit !== null);
}
function isGoldPercent(g: GoldItem): boolean {
  return (g.kind ?? '').includes('percent') || ['%', 'percent', 'per cent', 'pct'].includes((g.unit ?? '').toLowerCase());
}
function isPredMoney(p: Pred): boolean {
  return p.kind === 'money' || p.kind === 'currency' || currencyOf(p.unit) !== null;
}
function isPredPercent(p: Pred): boolean {
  return p.kind.includes('percent') || ['%', 'percent', 'per cent', 'pct'].includes((p.unit ?? '').toLowerCase());
}

function matches(g: GoldItem, p: Pred): boolean {
  if (p.value === null) return false;
  if (isGoldMoney(g)) {
    const gc = currencyOf(g.unit);
    const pc = currencyOf(p.unit);
    if (gc === null || pc === null) return false;
    if (gc === 'cent' || pc === 'cent') {
      if (gc === pc) return close(g.value, p.value);
      // cents may be given as such or as dollars / pounds divided by 100
      return gc === 'cent' ? close(g.value / 100, p.value) : close(g.value, p.value / 100);
    }
    return sameCurrency(gc, pc) && close(g.value, p.value);
  }
  if (isGoldPercent(g)) return isPredPercent(p) && close(g.value, p.value);
  return close(g.value, p.value);
}

export interface ItemScore {
  found: number;
  gold: number;
  extra: number;
  correct: boolean;
}

export function scoreItem(category: string, expected: readonly GoldItem[], preds: readonly Pred[]): ItemScore {
  const used = new Set<number>();
  let found = 0;
  for (const g of expected) {
    let pick = preds.findIndex((p, i) => !used.has(i) && p.text === g.text && matches(g, p));
    if (pick < 0) pick = preds.findIndex((p, i) => !used.has(i) && matches(g, p));
    if (pick >= 0) {
      used.add(pick);
      found++;
    }
  }
  const extras = preds.filter((_, i) => !used.has(i));
  let correct = found === expected.length;
  if (category === 'money' && extras.some(isPredMoney)) correct = false;
  if (category === 'percent' && extras.some(isPredPercent)) correct = false;
  return { found, gold: expected.length, extra: extras.length, correct };
}

function predict(input: string): Pred[] {
  return analyzeText(input, 'text').numbers.map((n) => ({ text: n.text, value: n.value, unit: n.unit, kind: n.kind }));
}

/** Our own money and percent sentences (./own-numbers.ts); the id is the sentence, for the split. */
const OWN_CASES: Row[] = OWN_NUMBER_CASES.map(([category, input, items]) => ({
  id: input,
  category,
  input,
  expected: items.map(([value, unit]) => ({ value, unit, kind: category })),
}));

interface ItemResult extends ItemScore {
  readonly id: string;
  readonly category: string;
  readonly miss: string | null;
}

function scoreRows(rows: readonly Row[]): ItemResult[] {
  return rows
    .filter((row) => !(row.category === 'number' && row.expected.length === 0))
    .map((row) => {
      const preds = predict(row.input);
      const s = scoreItem(row.category, row.expected, preds);
      const miss = s.correct ? null : `${row.id}: ${JSON.stringify(preds.map((p) => [p.text, p.value, p.unit]))}`;
      return { ...s, id: row.id, category: row.category, miss };
    });
}

const BASELINE: Record<string, number> = { number_acc: 0.421, number_r: 0.402, quantity_acc: 0.719, quantity_r: 0.769 };

function aggregate(source: '' | 'own.', results: readonly ItemResult[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  const categories = [...new Set(results.map((r) => r.category))].sort();
  for (const category of categories) {
    const rs = results.filter((r) => r.category === category);
    const sum = (f: (r: ItemResult) => number) => rs.reduce((a, r) => a + f(r), 0);
    const [correct, found, gold, extra] = [sum((r) => (r.correct ? 1 : 0)), sum((r) => r.found), sum((r) => r.gold), sum((r) => r.extra)];
    const metric = (m: string) => `numbers.${source}${category}_${m}`;
    const baseline = (m: string) => (source === '' && BASELINE[`${category}_${m}`] !== undefined ? { baseline: BASELINE[`${category}_${m}`]!, baselineName: 'compromise' } : {});
    const target = source === 'own.' ? (category === 'money' ? 0.9 : 0.85) : 0.8;
    rows.push({ metric: metric('acc'), value: correct / rs.length, target, ...baseline('acc') });
    rows.push({ metric: metric('r'), value: gold === 0 ? 0 : found / gold, ...baseline('r') });
    rows.push({ metric: metric('p'), value: found + extra === 0 ? 0 : found / (found + extra) });
  }
  return rows;
}

export const task: EvalTask = {
  name: 'numbers',
  async run(): Promise<ScoreRow[]> {
    const dev = scoreRows(readJsonl<Row>('numbers-dev.jsonl'));
    const own = scoreRows(OWN_CASES);
    // NUMBERS_VERBOSE=1 prints the misses of the tuning part only (the check part is not for reading); =all prints all
    const verbose = process.env['NUMBERS_VERBOSE'];
    for (const r of [...dev, ...own]) {
      if (r.miss !== null && (verbose === 'all' || (verbose === '1' && partOf(r.id) === 'tuning'))) console.error(`MISS ${r.category} ${r.miss}`);
    }
    return [...withParts(dev, (r) => r.id, (rs) => aggregate('', rs)), ...withParts(own, (r) => r.id, (rs) => aggregate('own.', rs))];
  },
};
