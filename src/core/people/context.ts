/**
 * Layout cues of results tables and line-ups, where names stand without titles: a ranked line
 * ("1. Name (Country) 12.71", "4 - Name (Croatia) beat ..."), a name followed by its country or
 * team in brackets, or a name beside another name in a comma-separated line-up.
 */
import type { Token } from './tokens.js';

/** Extra evidence from the layout around the name at tokens [first, last). */
export function layoutEvidence(tokens: readonly Token[], first: number, last: number): number {
  let evidence = 0;
  // "(Jamaica)", "(U.S.)", "(Bayern Munich)": a bracket of one to three capitalised words right after.
  if (tokens[last]?.text === '(') {
    let k = last + 1;
    while (k < tokens.length && k - last <= 3 && tokens[k]!.word && (tokens[k]!.capitalised || tokens[k]!.initial)) k++;
    if (k > last + 1 && tokens[k]?.text === ')') evidence += 1;
  }
  // A ranked line: "1." or "4 -" opening the line before the name.
  const lead = tokens[first - 1];
  const num = tokens[first - 2];
  if (lead && num && num.lineStart && /^\d{1,3}$/.test(num.text) && (lead.text === '.' || lead.text === '-')) evidence += 1;
  if (tokens[first]?.lineStart && /^\d{1,3}\.$/.test(tokens[first - 1]?.text ?? '')) evidence += 1;
  return evidence;
}
