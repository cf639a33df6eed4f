/**
 * Photo credits and bylines name people who are not in the story: "Photo: Thanh Hai",
 * "File Photo by Bonnie Cash/UPI", "By John Smith", "Reporting by Jane Doe; Editing by Tom Roe".
 */
import type { Token } from './tokens.js';

const CREDIT_NOUNS = new Set(['photo', 'photos', 'photograph', 'photographs', 'photographer', 'picture', 'pictures', 'image', 'images', 'credit', 'credits', 'video', 'graphic', 'illustration', 'caption', 'courtesy', 'source']);
const CREDIT_VERBS = new Set(['reporting', 'editing', 'writing', 'additional', 'compiled', 'written', 'reported', 'edited', 'photographed']);
const AGENCIES = new Set(['upi', 'ap', 'afp', 'reuters', 'getty', 'epa', 'xinhua', 'efe', 'ansa', 'dpa', 'pa', 'shutterstock', 'istock', 'corbis', 'alamy', 'vna']);

/** True when the name at tokens [first, last) is a credit or byline rather than a figure of the story. */
export function isCredit(tokens: readonly Token[], first: number, last: number): boolean {
  // "… Cash/UPI", "… Hai (Reuters)".
  const next = tokens[last];
  if (next && (next.text === '/' || next.text === '|') && AGENCIES.has(tokens[last + 1]?.lower ?? '')) return true;
  // "AP Photo/Evan Vucci", "REUTERS/Kevin Lamarque", "Photograph: Jane Doe/Guardian".
  const slash = tokens[first - 1];
  const source = tokens[first - 2];
  if (slash?.text === '/' && source && (CREDIT_NOUNS.has(source.lower) || AGENCIES.has(source.lower))) return true;
  if (next?.text === '/' && tokens[last + 1]?.capitalised) {
    for (let k = first - 1, steps = 0; k >= 0 && steps < 3; k--, steps++) {
      if (tokens[k]!.text === ':' && CREDIT_NOUNS.has(tokens[k - 1]?.lower ?? '')) return true;
    }
  }
  // "Follow Ian Hanchett on Twitter": the author's sign-off.
  if (tokens[first - 1]?.lower === 'follow' && tokens[first - 1]!.capitalised) return true;
  // Look back a few tokens within the line: "Photo:", "Photo by", "Reporting by", or "By" opening a line.
  for (let k = first - 1, steps = 0; k >= 0 && steps < 4; k--, steps++) {
    const t = tokens[k]!;
    // Never look across a line break or a sentence end.
    if (tokens[k + 1]!.lineStart || t.text === '.' || t.text === ';' || t.text === '|') break;
    // "By John Smith" opening a line or a sentence, or after a "|" separator.
    const opener = tokens[k - 1];
    if (t.lower === 'by' && k === first - 1 && t.capitalised && (t.lineStart || opener?.text === '.' || opener?.text === '|')) return true;
    if (t.lower === 'by' && t.lineStart) return true;
    if (t.lower === 'by' || t.text === ':') {
      const before = tokens[k - 1];
      if (before && (CREDIT_NOUNS.has(before.lower) || CREDIT_VERBS.has(before.lower))) return true;
    }
    if (t.word && !t.capitalised && t.lower !== 'by') break;
  }
  return false;
}
