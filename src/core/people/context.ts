/**
 * Layout cues of results tables and line-ups, where names stand without titles: a ranked line
 * ("1. Name (Country) 12.71", "4 - Name (Croatia) beat ..."), a name followed by its country or
 * team in brackets, or a name beside another name in a comma-separated line-up.
 */
import type { Token } from './tokens.js';

const SCORECARD_MARKERS = new Set(['b', 'c', 'st', 'lbw']);

/** Figures that may follow a name in a line-up or scorecard ("69", "4-38", "9.5-0-44-1"). */
function isFigure(t: Token): boolean {
  return /^\d/.test(t.text) || t.text === '-' || t.text === '.' || t.text === '/' || t.text === '*';
}

export interface NameRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Groups names that stand in one list: separated only by figures, a short bracket
 * ("Healy (captain), Bevan") and one comma, semicolon, "and" or "&". Returns a group id per
 * name (names in no list get their own id). `names` must be in text order.
 */
export function listGroups(tokens: readonly Token[], names: readonly NameRange[]): number[] {
  const group = names.map((_, i) => i);
  for (let i = 1; i < names.length; i++) {
    let k = names[i - 1]!.last;
    const to = names[i]!.first;
    while (k < to && isFigure(tokens[k]!)) k++;
    if (k < to && tokens[k]!.text === '(') {
      const close = k + 4;
      while (k < to && k < close && tokens[k]!.text !== ')') k++;
      if (tokens[k]?.text === ')') k++;
    }
    const sep = tokens[k];
    if (sep && k + 1 === to && (sep.text === ',' || sep.text === ';')) group[i] = group[i - 1]!;
  }
  return group;
}

/** Extra evidence from the layout around the name at tokens [first, last). */
export function layoutEvidence(tokens: readonly Token[], first: number, last: number): number {
  let evidence = 0;
  // Cricket scorecards: "c Vaas b Chandana", "st Kaluwitharana", "lbw b Warne".
  const marker = tokens[first - 1];
  if (marker?.word && SCORECARD_MARKERS.has(marker.text)) evidence += 1.5;
  if (last - first < 2) return evidence;
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
