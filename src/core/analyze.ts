import { cleanDocument } from './clean/index.js';
import { decodeInput } from './input.js';
import { findNumbers } from './numbers.js';
import { findPeople } from './people.js';
import { findQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { summarize } from './summarize.js';
import type { AnalyzeOptions, Briefing, InputFormat } from './types.js';

export const DEFAULT_SUMMARY_SENTENCES = 3;
/** Bumped whenever a change alters what `analyze` returns, so cached results are rebuilt. */
export const ENGINE_VERSION = '1';

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (const ch of text) {
    const wordish = /[\p{L}\p{N}]/u.test(ch);
    if (wordish && !inWord) count++;
    inWord = wordish;
  }
  return count;
}

/** Analyses already-decoded text of a known format. Pure: same input, same output. */
export function analyzeText(text: string, format: InputFormat, options: AnalyzeOptions = {}): Briefing {
  const doc = cleanDocument(text, format);
  const sentences = splitSentences(doc.body);
  const n = Math.max(1, Math.floor(options.sentences ?? DEFAULT_SUMMARY_SENTENCES));
  const people = findPeople(doc.body, sentences);
  return {
    ...doc,
    format,
    sentences,
    summary: summarize(doc, sentences, n),
    quotes: findQuotes(doc.body, sentences, people),
    people,
    numbers: findNumbers(doc.body, sentences),
    wordCount: countWords(doc.body),
  };
}

/** Analyses a file's bytes; the name decides the format. Throws `InputError` for refused input. */
export function analyzeBytes(bytes: Uint8Array, fileName: string, options: AnalyzeOptions = {}): Briefing {
  const { format, text } = decodeInput(bytes, fileName);
  return analyzeText(text, format, options);
}
