import type { NumberMention, Sentence } from '../types.js';
import { contextPhrase } from './context.js';
import { extractMentions } from './extract.js';
import { scoreNumber } from './rank.js';

/**
 * Numbers of a story with their normalised value, unit, kind, the phrase saying what they count,
 * and an importance score; best first. Works sentence by sentence (a number never spans two).
 */
export function findNumbers(body: string, sentences: readonly Sentence[]): NumberMention[] {
  const found: NumberMention[] = [];
  for (const sentence of sentences) {
    for (const m of extractMentions(sentence.text)) {
      const text = sentence.text.slice(m.start, m.end);
      const context = contextPhrase(sentence.text, m.start, m.end);
      const score = scoreNumber({ kind: m.kind, value: m.value, unit: m.unit, text, context, sentenceIndex: sentence.index, spelled: m.spelled });
      found.push({ start: sentence.start + m.start, end: sentence.start + m.end, text, value: m.value, unit: m.unit, kind: m.kind, context, score });
    }
  }
  void body;
  return found.sort((a, b) => b.score - a.score || a.start - b.start);
}
