/**
 * The analysis core's data model. Plain data only: no Discord types, no I/O handles.
 * Every extracted item keeps a character range into `Briefing.body` so that callers
 * can highlight, link or re-check it against the source.
 */

/** Half-open character range `[start, end)` into the cleaned body. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type InputFormat = 'text' | 'markdown' | 'html';

/** What the cleaning stage produces from a raw file. */
export interface CleanDocument {
  readonly title: string | null;
  /** Standfirst / dek when the source gives one (also kept as the first body paragraph). */
  readonly standfirst: string | null;
  readonly source: string | null;
  /** ISO date (`2020-07-06`) or month-day (`--04-15`, ISO 8601 without year) when the year is unknown. */
  readonly date: string | null;
  readonly author: string | null;
  readonly url: string | null;
  readonly tags: readonly string[];
  /** Cleaned main text, paragraphs separated by one blank line. */
  readonly body: string;
}

export interface Sentence extends Span {
  readonly text: string;
  /** Zero-based index of the paragraph that holds it. */
  readonly paragraph: number;
  /** Zero-based index among all sentences. */
  readonly index: number;
}

export type QuoteKind = 'direct' | 'reported';

export interface Quote extends Span {
  /** The quoted words, without the enclosing quote marks (direct) or the reported content (reported). */
  readonly text: string;
  /** Resolved full name or organisation, or null when nobody can be named. */
  readonly speaker: string | null;
  readonly kind: QuoteKind;
  /** The speech verb or phrase ("said", "according to"), when found. */
  readonly cue: string | null;
  /** Higher is more important; quotes are returned best first. */
  readonly score: number;
}

export interface Person {
  /** Full name as the text first gives it ("Vuong Dinh Hue"). */
  readonly name: string;
  /** Role as the text gives it ("US Ambassador to Vietnam"), or null. */
  readonly role: string | null;
  /** How many times the story mentions them, by any form of their name. */
  readonly mentions: number;
  /** Other forms counted to the same person ("Hue", "Kritenbrink"). */
  readonly aliases: readonly string[];
  readonly spans: readonly Span[];
}

export type NumberKind =
  | 'money'
  | 'percent'
  | 'count'
  | 'ordinal'
  | 'duration'
  | 'date'
  | 'quantity'
  | 'number';

export interface NumberMention extends Span {
  /** The number as written ("US$17.8 billion"). */
  readonly text: string;
  /** Normalised value in full (17800000000), or null when it cannot be computed. */
  readonly value: number | null;
  /** ISO currency code, "%", a unit name ("year", "metre"), or null for plain counts. */
  readonly unit: string | null;
  readonly kind: NumberKind;
  /** The short phrase that says what it counts ("investment licenses to 229 projects"). */
  readonly context: string;
  /** Higher is more important; numbers are returned best first. */
  readonly score: number;
}

export interface AnalyzeOptions {
  /** How many summary sentences (default 3). */
  readonly sentences?: number;
}

export interface Briefing extends CleanDocument {
  readonly format: InputFormat;
  readonly sentences: readonly Sentence[];
  /** The chosen summary sentences, in the order they are presented (article order). */
  readonly summary: readonly Sentence[];
  readonly quotes: readonly Quote[];
  readonly people: readonly Person[];
  readonly numbers: readonly NumberMention[];
  readonly wordCount: number;
}
