/**
 * How one briefing's body writes name words, for the identity's look through bodies (identity.ts
 * step 3): which capitalised words it writes and how often, whether a word that is also an ordinary
 * English word ("Bush", "Gray") is used as a name there, and whether a given name is written just
 * before a surname ("Vincent 'The Chin' Gigante"). One pass over the body, no regular expression
 * that backtracks.
 */
import { foldTerm } from '../../text/fold.js';
import { SUFFIXES } from './names.js';

interface Token {
  /** Folded word without a possessive; '' for punctuation. */
  readonly word: string;
  readonly capital: boolean;
  /** A lower-case word (not punctuation, not capitalised). */
  readonly lower: boolean;
}

/** Punctuation that may stand between two words of one phrase: "(Bush)", 'the "Bush" rule'. */
const SOFT = new Set(['(', ')', '"', '“', '”', "'", '‘', '’', ',']);

/** Punctuation that ends a phrase (and the start of each text). */
const BREAK: Token = { word: '', capital: false, lower: false };
/** Every lower-case word: its text is never compared, only that it is a word. */
const LOWER: Token = { word: '·', capital: false, lower: true };

/** How many words (a nickname, a middle name) may stand between a given name and its surname. */
const GIVEN_WINDOW = 4;

export class BodyNames {
  private readonly tokens: Token[] = [];
  private readonly counts = new Map<string, number>();
  private readonly at = new Map<string, number[]>();

  /** `texts`: the headline and the body, read as separate runs of text. */
  constructor(texts: readonly string[]) {
    for (const text of texts) this.read(text);
  }

  private read(text: string): void {
    this.tokens.push(BREAK);
    for (const m of text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*|[^\s\p{L}\p{M}]/gu)) {
      const raw = m[0];
      const isWord = /^[\p{L}\p{M}]/u.test(raw);
      if (!isWord) {
        if (!SOFT.has(raw)) this.tokens.push(BREAK);
        continue;
      }
      const capital = /^\p{Lu}/u.test(raw);
      if (!capital) {
        // Only capitalised words are looked up; a lower-case one just keeps the phrase going (most of a body).
        this.tokens.push(LOWER);
        continue;
      }
      const word = foldTerm(raw).replace(/['’]s$/, '').replace(/['’]$/, '');
      this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
      const list = this.at.get(word) ?? [];
      list.push(this.tokens.length);
      this.at.set(word, list);
      this.tokens.push({ word, capital: true, lower: false });
    }
  }

  /** Every capitalised word of the body with how many times it is written. */
  capitalised(): ReadonlyMap<string, number> {
    return this.counts;
  }

  /**
   * How often `word` is written as a name inside running text: capitalised after a lower-case word
   * (not a sentence start, not a title-case headline) and not followed by another capitalised word
   * ("the Bush administration", "placed Bush on injured reserve"; not "the White House").
   */
  usesAsName(word: string): number {
    let n = 0;
    for (const i of this.at.get(word) ?? []) {
      const before = this.tokens[i - 1];
      const after = this.tokens[i + 1];
      if (before?.lower && !after?.capital) n++;
    }
    return n;
  }

  /**
   * The generational suffix ("Jr", "Sr", "III") written just after `surname` where `given` stands a few
   * words before it ("Arcade Joseph Comeaux Jr.", "Martin Luther King, Jr."), folded; null when none is.
   */
  suffixAfter(given: string, surname: string): string | null {
    for (const i of this.at.get(surname) ?? []) {
      const next = this.tokens[i + 1];
      if (!next?.capital || !SUFFIXES.has(next.word) || !this.givenBefore(given, i)) continue;
      return next.word;
    }
    return null;
  }

  private givenBefore(given: string, i: number): boolean {
    for (let k = i - 1; k >= 0 && k >= i - GIVEN_WINDOW; k--) {
      const t = this.tokens[k]!;
      if (t.word === '') return false;
      if (t.capital && t.word === given) return true;
    }
    return false;
  }

  /** Whether `given` is written capitalised at most a few words before a capitalised `surname`. */
  writesBefore(given: string, surname: string): boolean {
    return (this.at.get(surname) ?? []).some((i) => this.givenBefore(given, i));
  }
}
