import { cleanDocument } from './clean/index.js';
import { decodeInput } from './input.js';
import { findNumbers } from './numbers.js';
import { findPeople } from './people.js';
import { findQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { summarize } from './summarize.js';
import type { AnalyzeOptions, Briefing, InputFormat, Sentence } from './types.js';

export const DEFAULT_SUMMARY_SENTENCES = 3;
/** Bumped whenever a change alters what `analyze` returns, so cached results are rebuilt. */
export const ENGINE_VERSION = '26';

/**
 * The extraction stages read at most this much of the body (sentences starting past it are left out).
 * 100,000 characters is about 16,000 words, longer than any news feature; it keeps a hostile 1 MB input
 * within the engine's time bound while the full cleaned body is still returned.
 */
export const MAX_ANALYZED_CHARS = 100_000;

const WORDISH = /[\p{L}\p{N}]/u;

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let wordish: boolean;
    if (c < 128) {
      // ASCII without a regular expression: this runs once per character of the body
      wordish = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      wordish = WORDISH.test(String.fromCodePoint(cp));
      i += cp > 0xffff ? 2 : 1;
    }
    if (wordish && !inWord) count++;
    inWord = wordish;
  }
  return count;
}

/** The sentences that start before `limit`, the last one cut at `limit` (a run-on line can be huge). */
function clipSentences(body: string, sentences: readonly Sentence[], limit: number): readonly Sentence[] {
  if (body.length <= limit) return sentences;
  return sentences
    .filter((s) => s.start < limit)
    .map((s) => {
      if (s.end <= limit) return s;
      const text = body.slice(s.start, limit).trimEnd();
      return { ...s, end: s.start + text.length, text };
    });
}

/** Analyses already-decoded text of a known format. Pure: same input, same output. */
export function analyzeText(text: string, format: InputFormat, options: AnalyzeOptions = {}): Briefing {
  const doc = cleanDocument(text, format);
  const sentences = splitSentences(doc.body);
  const n = Math.max(1, Math.floor(options.sentences ?? DEFAULT_SUMMARY_SENTENCES));
  // A prefix of the body keeps every sentence's offsets valid for the stages that scan the text.
  const analyzed = clipSentences(doc.body, sentences, MAX_ANALYZED_CHARS);
  const scope = doc.body.length <= MAX_ANALYZED_CHARS ? doc.body : doc.body.slice(0, MAX_ANALYZED_CHARS);
  const people = findPeople(scope, analyzed);
  return {
    ...doc,
    format,
    sentences,
    summary: summarize(doc, analyzed, n),
    quotes: findQuotes(scope, analyzed, people),
    people,
    numbers: findNumbers(scope, analyzed),
    wordCount: countWords(doc.body),
  };
}

/** Analyses a file's bytes; the name decides the format. Throws `InputError` for refused input. */
export function analyzeBytes(bytes: Uint8Array, fileName: string, options: AnalyzeOptions = {}): Briefing {
  const { format, text } = decodeInput(bytes, fileName);
  return analyzeText(text, format, options);
}
