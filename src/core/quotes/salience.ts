/**
 * Who "he" or "she" stands for: the most salient earlier person of a matching gender. Salience decays
 * with each sentence of narration back, and the speaker of a quote or the subject of a sentence counts
 * more than a person merely named, so the subject of the previous sentence beats a person merely named in it
 * ("Rubio took on Trump. “…,” he said" is Rubio). A person of known other gender is never chosen.
 */
import type { Gender } from '../people/gender.js';
import { isUpperStart, tokensIn, type Token } from './tokens.js';

export type Role = 'speaker' | 'subject' | 'other';

export interface Referent {
  readonly at: number;
  readonly name: string;
  /** Index of the sentence that holds the mention. */
  readonly sentence: number;
  /** The speaker of a quote, the subject of the sentence, or another mention. */
  readonly role: Role;
}

/** How many sentences back a pronoun is looked up by salience; beyond it, the latest match is taken. */
const WINDOW = 4;
/** A quote's speaker stays in focus longest; the subject of a sentence comes next (tuned on the tuning part). */
const WEIGHT: Readonly<Record<Role, number>> = { speaker: 3, subject: 2, other: 1 };
/** Salience left after each sentence of narration. */
const DECAY = 0.6;
/** How many earlier mentions the fallback looks at. */
const FALLBACK_MENTIONS = 40;

export class Salience {
  private readonly mentions: Referent[] = [];

  constructor(private readonly genderOf: (name: string) => Gender | undefined) {}

  /** Adds a mention; callers add in text order. */
  add(mention: Referent): void {
    this.mentions.push(mention);
  }

  /** The person a pronoun of `gender` in sentence `sentence` most likely stands for, or null. */
  resolve(gender: Gender, sentence: number): string | null {
    let best: string | null = null;
    let bestScore = 0;
    let latest: string | null = null;
    const stop = Math.max(0, this.mentions.length - FALLBACK_MENTIONS);
    for (let i = this.mentions.length - 1; i >= stop; i--) {
      const m = this.mentions[i]!;
      const known = this.genderOf(m.name);
      if (known !== undefined && known !== gender) continue;
      latest ??= m.name;
      const distance = sentence - m.sentence;
      if (distance > WINDOW) break;
      const score = WEIGHT[m.role] * DECAY ** distance;
      if (score > bestScore) [best, bestScore] = [m.name, score];
    }
    return best ?? latest;
  }
}

/** Words that show a name is not what the clause is about: a preposition, a conjunction or a clause before it. */
const NOT_SUBJECT_BEFORE = new Set(['to', 'with', 'for', 'by', 'about', 'against', 'at', 'on', 'in', 'from', 'of', 'than',
  'like', 'as', 'into', 'over', 'after', 'before', 'under', 'between', 'among', 'toward', 'towards', 'without', 'behind',
  'across', 'around', 'through', 'during', 'including', 'if', 'when', 'while', 'because', 'although', 'though', 'that',
  'who', 'which', 'whom', 'whose', 'where', 'whether', 'unless', 'since', 'until', 'is', 'was', 'are', 'were', 'has',
  'have', 'had', 'said', 'says', 'told', 'asked', 'called', 'and', 'or', 'nor', 'not', 'than', 'even', 'both', 'either']);

/** Words after a name that show it is no subject: another noun phrase or a preposition follows. */
const NOT_SUBJECT_AFTER = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'a', 'an', 'his', 'her', 'their', 'its',
  'this', 'that', 'these', 'those', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'and', 'or', 'as', 'than',
  'about', 'into', 'over', 'after', 'before', 'during', 'since', 'because', 'if', 'when', 'while', 'but']);

const OPENERS = new Set(['and', 'but', 'so', 'yet', 'still', 'then', 'now']);
const MAX_APPOSITION = 16;
const MAX_LEAD_CHARS = 200;

/**
 * Whether the name at `[start, end)` is the subject of its sentence: only modifiers of it before it
 * ("Former Arkansas Gov. Mike Huckabee", "On Monday, Trump"), and a verb after it, past an apposition
 * or a bracket ("Clinton, who was speaking to …, told", "Sen. Marco Rubio (R-Fla.) said").
 */
export function isSubject(body: string, all: readonly Token[], sentence: { start: number; end: number }, start: number, end: number): boolean {
  if (/^['’]s?(?![\p{L}])/u.test(body.slice(end, end + 3))) return false;
  // Bounded windows on both sides: a subject stands near the start of its clause, and a run-on "sentence"
  // of a megabyte must not make this quadratic.
  const before = tokensIn(all, Math.max(sentence.start, start - MAX_LEAD_CHARS), start);
  let from = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (!before[i]!.word && ',;:—–'.includes(before[i]!.text)) {
      from = i + 1;
      break;
    }
  }
  const lead = before.slice(from).filter((t) => t.word);
  for (let i = 0; i < lead.length; i++) {
    const t = lead[i]!;
    if (i === 0 && OPENERS.has(t.lower)) continue;
    if (NOT_SUBJECT_BEFORE.has(t.lower)) return false;
    // A lower-case past form before the name ("… defeated Trump") makes it an object.
    if (!isUpperStart(t.text) && /[a-z]ed$/u.test(t.text)) return false;
  }
  const after = tokensIn(all, end, Math.min(sentence.end, end + 400));
  let k = 0;
  if (after[k]?.text === '(') {
    while (k < after.length && k < 10 && after[k]!.text !== ')') k++;
    k++;
  }
  if (after[k]?.text === ',') {
    let j = k + 1;
    while (j < after.length && j - k <= MAX_APPOSITION && after[j]!.text !== ',') j++;
    if (after[j]?.text !== ',') return false;
    k = j + 1;
  }
  const next = after[k];
  return next !== undefined && next.word && next.text === next.lower && !NOT_SUBJECT_AFTER.has(next.lower) && !/^\d/u.test(next.text);
}
