import type { Briefing, NumberMention, Person, Quote, Sentence } from '../core/types.js';

/**
 * A compact, JSON-safe form of a Briefing for the on-disk cache. Sentence text is almost always a slice
 * of the body, so it is stored as a range only (halving the cache); summary sentences are stored as
 * indices into the sentence list. Anything that does not follow that pattern is stored in full.
 */
type PackedSentence = [start: number, end: number, paragraph: number] | [start: number, end: number, paragraph: number, text: string];

export interface PackedBriefing extends Omit<Briefing, 'sentences' | 'summary' | 'quotes' | 'standfirst' | 'numbers' | 'people'> {
  readonly s: PackedSentence[];
  readonly m: (number | Sentence)[];
  /** Quotes (a table); text omitted when it is the body slice at their range. */
  readonly q: Table;
  /** The standfirst, or 1 when it is the body's first paragraph (the usual case). */
  readonly f: string | null | 1;
  /** Numbers (a table): text omitted when it is the body slice at their range; context as its offset when it is in the body nearby. */
  readonly n: Table;
  /** People (a table), spans as [start, end] pairs. */
  readonly p: Table;
}

type PackedNumber = Omit<NumberMention, 'text' | 'context'> & { text?: string; context?: string; c?: number; cl?: number };

/** How far from a number its context phrase may start and still be stored as an offset. */
const CONTEXT_REACH = 1000;

function packNumber(x: NumberMention, body: string): PackedNumber {
  const { text, context, ...rest } = x;
  const out: PackedNumber = { ...rest };
  if (body.slice(x.start, x.end) !== text) out.text = text;
  const at = context ? body.indexOf(context, Math.max(0, x.start - CONTEXT_REACH)) : -1;
  if (at >= 0 && at <= x.end + CONTEXT_REACH) {
    out.c = at;
    out.cl = context.length;
  } else out.context = context;
  return out;
}

/** Reads table rows by column, building each item as one object literal (fast, little garbage). */
interface Columns {
  readonly rows: unknown[][];
  readonly at: (key: string) => number;
  /** Columns this reader does not know (a field the engine added): copied as they are. */
  readonly extra: (known: readonly string[]) => [string, number][];
}

function columnsOf(value: unknown, what: string): Columns {
  if (!isObject(value) || !Array.isArray(value['k']) || !Array.isArray(value['r'])) throw new Error(`entry has no ${what}`);
  const keys = value['k'] as unknown[];
  if (!keys.every((key) => typeof key === 'string')) throw new Error(`malformed ${what} keys`);
  const rows = value['r'] as unknown[];
  for (const row of rows) if (!Array.isArray(row) || row.length !== keys.length) throw new Error(`malformed ${what} row`);
  return {
    rows: rows as unknown[][],
    at: (key) => keys.indexOf(key),
    extra: (known) => (keys as string[]).map((key, i): [string, number] => [key, i]).filter(([key]) => !known.includes(key)),
  };
}

function withExtras<T extends object>(item: T, row: unknown[], extras: readonly [string, number][]): T {
  if (extras.length === 0) return item;
  const out = item as Record<string, unknown>;
  for (const [key, i] of extras) out[key] = row[i];
  return item;
}

const NUMBER_KEYS = ['start', 'end', 'text', 'value', 'unit', 'kind', 'context', 'score', 'c', 'cl'];

function unpackNumbers(table: unknown, body: string): NumberMention[] {
  const cols = columnsOf(table, 'numbers');
  const [iStart, iEnd, iText, iValue, iUnit, iKind, iContext, iScore, iC, iCl] = NUMBER_KEYS.map((key) => cols.at(key)) as number[];
  const extras = cols.extra(NUMBER_KEYS);
  return cols.rows.map((row) => {
    const start = row[iStart as number];
    const end = row[iEnd as number];
    if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > body.length) throw new Error('number range outside the body');
    const text = row[iText as number];
    let context = row[iContext as number];
    if (typeof context !== 'string') {
      const c = row[iC as number];
      const cl = row[iCl as number];
      if (typeof c !== 'number' || typeof cl !== 'number' || c < 0 || c + cl > body.length) throw new Error('number context outside the body');
      context = body.slice(c, c + cl);
    }
    const item: NumberMention = {
      start,
      end,
      text: typeof text === 'string' ? text : body.slice(start, end),
      value: row[iValue as number] as number | null,
      unit: row[iUnit as number] as string | null,
      kind: row[iKind as number] as NumberMention['kind'],
      context: context as string,
      score: row[iScore as number] as number,
    };
    return withExtras(item, row, extras);
  });
}

const QUOTE_KEYS = ['start', 'end', 'text', 'speaker', 'kind', 'cue', 'score'];

function unpackQuotes(table: unknown, body: string): Quote[] {
  const cols = columnsOf(table, 'quotes');
  const [iStart, iEnd, iText, iSpeaker, iKind, iCue, iScore] = QUOTE_KEYS.map((key) => cols.at(key)) as number[];
  const extras = cols.extra(QUOTE_KEYS);
  return cols.rows.map((row) => {
    const start = row[iStart as number];
    const end = row[iEnd as number];
    if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > body.length) throw new Error('quote range outside the body');
    const text = row[iText as number];
    const item: Quote = {
      start,
      end,
      text: typeof text === 'string' ? text : body.slice(start, end),
      speaker: row[iSpeaker as number] as string | null,
      kind: row[iKind as number] as Quote['kind'],
      cue: row[iCue as number] as string | null,
      score: row[iScore as number] as number,
    };
    return withExtras(item, row, extras);
  });
}

const PERSON_KEYS = ['name', 'role', 'mentions', 'aliases', 'spans'];

function unpackPeople(table: unknown, bodyLength: number): Person[] {
  const cols = columnsOf(table, 'people');
  const [iName, iRole, iMentions, iAliases, iSpans] = PERSON_KEYS.map((key) => cols.at(key)) as number[];
  const extras = cols.extra(PERSON_KEYS);
  return cols.rows.map((row) => {
    const name = row[iName as number];
    const spans = row[iSpans as number];
    const aliases = row[iAliases as number];
    if (typeof name !== 'string' || !Array.isArray(spans) || !Array.isArray(aliases)) throw new Error('malformed person');
    const ranges = spans.map((span: unknown) => {
      if (!Array.isArray(span) || typeof span[0] !== 'number' || typeof span[1] !== 'number' || span[1] > bodyLength) throw new Error('person span outside the body');
      return { start: span[0] as number, end: span[1] as number };
    });
    const item: Person = { name, role: row[iRole as number] as string | null, mentions: row[iMentions as number] as number, aliases: aliases as string[], spans: ranges };
    return withExtras(item, row, extras);
  });
}

/**
 * A list of same-shaped objects as one key list and rows of values: the key names, repeated in every
 * quote and number, were a third of the cache. A key a row lacks becomes null.
 */
interface Table {
  readonly k: string[];
  readonly r: unknown[][];
}

function toTable(rows: readonly object[]): Table {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  return { k: keys, r: rows.map((row) => keys.map((key) => (row as Record<string, unknown>)[key] ?? null)) };
}

function packPerson(person: Person): object {
  return { ...person, spans: person.spans.map((span) => [span.start, span.end]) };
}

function sameSentence(a: Sentence, b: Sentence | undefined): boolean {
  return b !== undefined && a.start === b.start && a.end === b.end && a.text === b.text && a.paragraph === b.paragraph && a.index === b.index;
}

function firstParagraph(body: string): string {
  const end = body.indexOf('\n\n');
  return end < 0 ? body : body.slice(0, end);
}

export function packBriefing(briefing: Briefing): PackedBriefing {
  const { sentences, summary, quotes, standfirst, numbers, people, ...rest } = briefing;
  const { body } = briefing;
  const q = quotes.map((x) => {
    if (body.slice(x.start, x.end) !== x.text) return x;
    const { text: _text, ...range } = x;
    return range;
  });
  const f = standfirst !== null && standfirst === firstParagraph(body) ? 1 : standfirst;
  const s = sentences.map((x, i): PackedSentence => {
    const plain = x.index === i && briefing.body.slice(x.start, x.end) === x.text;
    return plain ? [x.start, x.end, x.paragraph] : [x.start, x.end, x.paragraph, `${x.index}\u0000${x.text}`];
  });
  const m = summary.map((x) => (sameSentence(x, sentences[x.index]) ? x.index : x));
  const n = toTable(numbers.map((x) => packNumber(x, body)));
  return { ...rest, s, m, q: toTable(q), f, n, p: toTable(people.map(packPerson)) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rebuilds a Briefing; throws on anything that is not a well-formed packed briefing (never trust a cache). */
export function unpackBriefing(value: unknown): Briefing {
  if (!isObject(value)) throw new Error('entry is not an object');
  const { s, m, q, f, n, p, ...rest } = value;
  const body = rest['body'];
  if (typeof body !== 'string') throw new Error('entry has no body');
  if (!Array.isArray(s) || !Array.isArray(m)) throw new Error('entry has no sentences');
  if (f !== 1 && f !== null && typeof f !== 'string') throw new Error('entry has a malformed standfirst');
  if (!Array.isArray(rest['tags'])) throw new Error('entry has no tags');
  if (typeof rest['wordCount'] !== 'number' || typeof rest['format'] !== 'string') throw new Error('entry has no word count or format');
  // Sentences, summary and numbers are rebuilt on first use: a warm start of 10,000 articles touches
  // only titles, people, quotes and bodies (the search index), and most briefings are never opened.
  // Their shape is still checked now, so a malformed entry is refused here, not later.
  for (const raw of s as unknown[]) {
    const [start, end, paragraph] = Array.isArray(raw) ? (raw as unknown[]) : [];
    if (typeof start !== 'number' || typeof end !== 'number' || typeof paragraph !== 'number' || start < 0 || end > body.length || start > end) {
      throw new Error('sentence range outside the body');
    }
  }
  if (!m.every((x) => typeof x !== 'number' || (x >= 0 && x < s.length))) throw new Error('summary index outside the sentences');
  if (!m.every((x) => typeof x === 'number' || (isObject(x) && typeof x['text'] === 'string'))) throw new Error('malformed summary sentence');
  columnsOf(n, 'numbers');
  const buildSentences = (): Sentence[] =>
    s.map((raw: unknown, i) => {
      const [start, end, paragraph, extra] = raw as unknown[];
      if (typeof start !== 'number' || typeof end !== 'number' || typeof paragraph !== 'number' || start < 0 || end > body.length || start > end) {
        throw new Error('sentence range outside the body');
      }
      if (typeof extra === 'string') {
        const cut = extra.indexOf('\u0000');
        return { start, end, paragraph, index: Number(extra.slice(0, cut)), text: extra.slice(cut + 1) };
      }
      return { start, end, paragraph, index: i, text: body.slice(start, end) };
    });
  const quotes = unpackQuotes(q, body);
  const people = unpackPeople(p, body.length);
  const standfirst = f === 1 ? firstParagraph(body) : (f as string | null);
  const restFields = rest as unknown as Omit<Briefing, 'sentences' | 'summary' | 'quotes' | 'standfirst' | 'numbers' | 'people'>;
  const briefing = { ...restFields, standfirst, quotes, people } as unknown as Briefing;
  lazy(briefing, 'sentences', buildSentences);
  lazy(briefing, 'summary', () =>
    m.map((x: unknown) => {
      if (typeof x !== 'number') return x as Sentence;
      const sentence = briefing.sentences[x];
      if (!sentence) throw new Error('summary index outside the sentences');
      return sentence;
    }),
  );
  lazy(briefing, 'numbers', () => unpackNumbers(n, body));
  return briefing;
}

/** Defines `key` as computed on first read, then stored (an ordinary enumerable value from then on). */
function lazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      try {
        Object.defineProperty(target, key, { value, enumerable: true, configurable: false, writable: false });
      } catch {
        // A caller froze the object: still correct, just computed again on the next read.
      }
      return value;
    },
  });
}

/**
 * What a warm start needs of a briefing before the first answer: what lists, sorting, duplicate checks
 * and autocomplete read (title, date, url, people). The rest (body, sentences, quotes, numbers…) is
 * stored apart and decoded only when first read, so a warm start parses a small part of the cache.
 */
export interface LightFields {
  readonly title: unknown;
  readonly date: unknown;
  readonly url: unknown;
  readonly p: Table;
  /** The body's length: people's spans are checked against it now, and the body against it later. */
  readonly bl: number;
}

const EAGER_FIELDS = new Set<string>(['title', 'date', 'url', 'people']);

/** Splits a packed briefing into its light fields and the rest. */
export function splitPacked(packed: PackedBriefing): { light: LightFields; heavy: Record<string, unknown> } {
  const { title, date, url, p, ...heavy } = packed;
  return { light: { title, date, url, p, bl: packed.body.length }, heavy };
}

function nullableString(value: unknown, what: string): string | null {
  if (value !== null && typeof value !== 'string') throw new Error(`entry has a malformed ${what}`);
  return value;
}

/**
 * A Briefing whose light fields are decoded (and checked) now and whose other fields are decoded on
 * first read, all at once, by `loadHeavy` (which returns the full Briefing or throws). `keys` are the
 * stored briefing's field names (so a field the engine adds later is not lost). Throws now on
 * malformed light fields.
 */
export interface EagerFields {
  readonly title: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly people: Person[];
}

export function lazyBriefing(value: unknown, keys: readonly string[], loadHeavy: (eager: EagerFields) => Briefing): Briefing {
  if (!isObject(value)) throw new Error('light entry is not an object');
  const light = value as unknown as LightFields;
  if (typeof light.bl !== 'number' || light.bl < 0) throw new Error('light entry has no body length');
  const eager: EagerFields = {
    title: nullableString(light.title, 'title'),
    date: nullableString(light.date, 'date'),
    url: nullableString(light.url, 'url'),
    people: unpackPeople(light.p, light.bl),
  };
  // The handler keeps no parsed JSON alive (less for the garbage collector to trace and move).
  return new Proxy(eager as unknown as Record<string, unknown>, new LazyFields(keys, eager, loadHeavy)) as unknown as Briefing;
}

/**
 * Proxy handler of a lazily decoded briefing: one small object per briefing (defining 11 lazy
 * properties on each of 10,000 briefings cost more than it saved). Reads, key listing, spreading and
 * `toEqual` see the full briefing; the first read of a heavy field decodes them all. Freezing or
 * defining a property first materialises every field on the target, after which the proxy is plain.
 */
class LazyFields implements ProxyHandler<Record<string, unknown>> {
  private full: Briefing | null = null;
  private materialised = false;

  constructor(
    private readonly keys: readonly string[],
    private readonly eager: EagerFields,
    private readonly loadHeavy: (eager: EagerFields) => Briefing,
  ) {}

  private value(target: Record<string, unknown>, key: string): unknown {
    if (this.materialised || EAGER_FIELDS.has(key)) return target[key];
    this.full ??= this.loadHeavy(this.eager);
    return (this.full as unknown as Record<string, unknown>)[key];
  }

  private isField(target: Record<string, unknown>, key: string | symbol): key is string {
    return typeof key === 'string' && !this.materialised && !EAGER_FIELDS.has(key) && this.keys.includes(key) && !Object.hasOwn(target, key);
  }

  private materialise(target: Record<string, unknown>): void {
    if (this.materialised) return;
    for (const key of this.keys) if (!EAGER_FIELDS.has(key)) target[key] = this.value(target, key);
    this.materialised = true;
  }

  get(target: Record<string, unknown>, key: string | symbol, receiver: unknown): unknown {
    return this.isField(target, key) ? this.value(target, key) : Reflect.get(target, key, receiver);
  }

  has(target: Record<string, unknown>, key: string | symbol): boolean {
    return this.isField(target, key) || Reflect.has(target, key);
  }

  ownKeys(target: Record<string, unknown>): (string | symbol)[] {
    if (this.materialised) return Reflect.ownKeys(target);
    const own = Reflect.ownKeys(target);
    return [...own, ...this.keys.filter((key) => !own.includes(key))];
  }

  getOwnPropertyDescriptor(target: Record<string, unknown>, key: string | symbol): PropertyDescriptor | undefined {
    if (!this.isField(target, key)) return Reflect.getOwnPropertyDescriptor(target, key);
    return { value: this.value(target, key), writable: true, enumerable: true, configurable: true };
  }

  defineProperty(target: Record<string, unknown>, key: string | symbol, descriptor: PropertyDescriptor): boolean {
    this.materialise(target);
    return Reflect.defineProperty(target, key, descriptor);
  }

  set(target: Record<string, unknown>, key: string | symbol, value: unknown, receiver: unknown): boolean {
    this.materialise(target);
    return Reflect.set(target, key, value, receiver);
  }

  deleteProperty(target: Record<string, unknown>, key: string | symbol): boolean {
    this.materialise(target);
    return Reflect.deleteProperty(target, key);
  }

  preventExtensions(target: Record<string, unknown>): boolean {
    this.materialise(target);
    return Reflect.preventExtensions(target);
  }
}

/** The full Briefing from the eager fields and the heavy part. Throws on anything malformed. */
export function unpackSplit(eager: EagerFields, heavy: unknown): Briefing {
  if (!isObject(heavy)) throw new Error('heavy entry is not an object');
  const merged: Record<string, unknown> = { ...heavy, title: eager.title, date: eager.date, url: eager.url, p: { k: [], r: [] } };
  const full = unpackBriefing(merged) as unknown as Record<string, unknown>;
  full['people'] = eager.people; // already decoded and checked
  return full as unknown as Briefing;
}

/** The light fields of a briefing whose body has `bodyLength` characters (reads no lazy field). */
export function packLight(briefing: Briefing, bodyLength: number): LightFields {
  return { title: briefing.title, date: briefing.date, url: briefing.url, p: toTable(briefing.people.map(packPerson)), bl: bodyLength };
}
