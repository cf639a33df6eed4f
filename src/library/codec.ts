import type { Briefing, Sentence } from '../core/types.js';

/**
 * A compact, JSON-safe form of a Briefing for the on-disk cache. Sentence text is almost always a slice
 * of the body, so it is stored as a range only (halving the cache); summary sentences are stored as
 * indices into the sentence list. Anything that does not follow that pattern is stored in full.
 */
type PackedSentence = [start: number, end: number, paragraph: number] | [start: number, end: number, paragraph: number, text: string];

export interface PackedBriefing extends Omit<Briefing, 'sentences' | 'summary'> {
  readonly s: PackedSentence[];
  readonly m: (number | Sentence)[];
}

function sameSentence(a: Sentence, b: Sentence | undefined): boolean {
  return b !== undefined && a.start === b.start && a.end === b.end && a.text === b.text && a.paragraph === b.paragraph && a.index === b.index;
}

export function packBriefing(briefing: Briefing): PackedBriefing {
  const { sentences, summary, ...rest } = briefing;
  const s = sentences.map((x, i): PackedSentence => {
    const plain = x.index === i && briefing.body.slice(x.start, x.end) === x.text;
    return plain ? [x.start, x.end, x.paragraph] : [x.start, x.end, x.paragraph, `${x.index}\u0000${x.text}`];
  });
  const m = summary.map((x) => (sameSentence(x, sentences[x.index]) ? x.index : x));
  return { ...rest, s, m };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rebuilds a Briefing; throws on anything that is not a well-formed packed briefing (never trust a cache). */
export function unpackBriefing(value: unknown): Briefing {
  if (!isObject(value)) throw new Error('entry is not an object');
  const { s, m, ...rest } = value;
  const body = rest['body'];
  if (typeof body !== 'string') throw new Error('entry has no body');
  if (!Array.isArray(s) || !Array.isArray(m)) throw new Error('entry has no sentences');
  for (const key of ['quotes', 'people', 'numbers', 'tags']) if (!Array.isArray(rest[key])) throw new Error(`entry has no ${key}`);
  if (typeof rest['wordCount'] !== 'number' || typeof rest['format'] !== 'string') throw new Error('entry has no word count or format');
  const sentences: Sentence[] = s.map((raw: unknown, i) => {
    if (!Array.isArray(raw) || raw.length < 3) throw new Error('malformed sentence');
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
  const summary = m.map((x: unknown) => {
    if (typeof x === 'number') {
      const sentence = sentences[x];
      if (!sentence) throw new Error('summary index outside the sentences');
      return sentence;
    }
    if (!isObject(x) || typeof x['text'] !== 'string') throw new Error('malformed summary sentence');
    return x as unknown as Sentence;
  });
  return { ...(rest as unknown as Omit<Briefing, 'sentences' | 'summary'>), sentences, summary };
}
