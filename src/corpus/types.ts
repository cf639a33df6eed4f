/**
 * The cross-briefing engine's data model. Input: briefings already analysed by src/core (never
 * re-analysed), each with an id the caller chooses (a file path, a stored article id). Output: plain
 * data naming briefings by those ids and sentences by their character ranges.
 */
import type { Briefing, Span } from '../core/types.js';

export interface SourceBriefing {
  /** The caller's id for the briefing; every result names briefings by it. */
  readonly id: string;
  readonly briefing: Briefing;
}

/** An unchanged article sentence and where it stands. */
export interface SentenceRef extends Span {
  readonly source: string;
  readonly text: string;
  /** Index among the briefing's sentences. */
  readonly index: number;
}

export interface DigestPoint {
  /** The sentence as the first (best) source writes it. */
  readonly text: string;
  /** Every briefing that tells this fact, the one quoted first. */
  readonly sources: readonly string[];
  /** The same fact in each source (the first is the one shown). */
  readonly sentences: readonly SentenceRef[];
  /**
   * Its value when it was chosen: its own score mixed with what it added to the points before it. A
   * candidate's value only falls as points are chosen, so the points' scores never rise along the digest.
   */
  readonly score: number;
}

export interface KeyNumber {
  readonly text: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly kind: string;
  readonly context: string;
  readonly sources: readonly string[];
}

export interface RoleRef {
  readonly role: string;
  readonly source: string;
  /** The briefing's date (ISO or `--MM-DD`), when it has one. */
  readonly date: string | null;
}

export interface QuoteRef extends Span {
  readonly text: string;
  readonly kind: 'direct' | 'reported';
  readonly source: string;
}

export interface CoPerson {
  readonly id: string;
  readonly name: string;
  /** Briefings the two share. */
  readonly shared: number;
}

export interface CorpusPerson {
  /** Stable within one result: "p0", "p1", … in order of importance. */
  readonly id: string;
  /** The fullest name the set gives. */
  readonly name: string;
  /** Every form the set uses for them, the name included. */
  readonly forms: readonly string[];
  /** Roles as each briefing gives them, latest briefing first. */
  readonly roles: readonly RoleRef[];
  readonly quotes: readonly QuoteRef[];
  /** Briefings they appear in, in input order. */
  readonly sources: readonly string[];
  readonly mentions: number;
  readonly coPeople: readonly CoPerson[];
}

export interface TimelineEvent {
  /** ISO date (`2023-04-15`), month (`2023-04`), year-less (`--04-15`), or null for an undated briefing. */
  readonly date: string | null;
  /** What the date is: the briefing's publication, or a date written in its text. */
  readonly kind: 'published' | 'mentioned';
  /** The sentence that gives the date (the headline or first sentence for a publication date). */
  readonly text: string;
  readonly source: string;
  /** The date expression as written ("last month"), for mentioned dates. */
  readonly expression: string | null;
  readonly span: Span | null;
}

export interface RelatedBriefing {
  readonly id: string;
  readonly score: number;
  /** People the two share, by name. */
  readonly people: readonly string[];
}

export interface DigestOptions {
  /** Focus words: the digest then answers this topic (query-focused). */
  readonly about?: string;
  /** Length in words (points are added until the digest reaches it). */
  readonly words?: number;
  /** Length in points. */
  readonly points?: number;
}

export interface Digest {
  readonly points: readonly DigestPoint[];
  readonly people: readonly CorpusPerson[];
  readonly numbers: readonly KeyNumber[];
  readonly timeline: readonly TimelineEvent[];
}
