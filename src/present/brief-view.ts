import type { Briefing, NumberMention, Person, Quote } from '../core/types.js';

/** How long a brief the reader asked for, and how many summary sentences that means. */
export const BRIEF_LENGTHS = { short: 2, standard: 3, detailed: 6 } as const;
export type BriefLength = keyof typeof BRIEF_LENGTHS;

/** How many of each item a brief shows; the detailed views show everything. */
export const BRIEF_ITEM_LIMITS = { quotes: 3, people: 5, numbers: 5 } as const;

export interface BriefView {
  readonly title: string;
  readonly source: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly summary: readonly string[];
  readonly quotes: readonly Quote[];
  readonly people: readonly Person[];
  readonly numbers: readonly NumberMention[];
  readonly wordsIn: number;
  readonly wordsOut: number;
  /** Whole percent by which the summary is shorter than the article (0 when it is not). */
  readonly percentShorter: number;
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * What a brief shows, chosen from a briefing: the one place that decides which items are "key",
 * shared by the CLI's text output and the Discord embeds so both say the same thing.
 */
export function buildBriefView(briefing: Briefing, fallbackTitle: string): BriefView {
  const summary = briefing.summary.map((s) => s.text);
  const wordsOut = summary.reduce((sum, s) => sum + words(s), 0);
  const wordsIn = briefing.wordCount;
  return {
    title: briefing.title ?? fallbackTitle,
    source: briefing.source,
    date: briefing.date,
    url: briefing.url,
    summary,
    quotes: briefing.quotes.slice(0, BRIEF_ITEM_LIMITS.quotes),
    people: briefing.people.slice(0, BRIEF_ITEM_LIMITS.people),
    numbers: briefing.numbers.slice(0, BRIEF_ITEM_LIMITS.numbers),
    wordsIn,
    wordsOut,
    percentShorter: wordsIn > 0 ? Math.max(0, Math.round((1 - wordsOut / wordsIn) * 100)) : 0,
  };
}

/** "US$17.8 billion — investment licenses to 229 projects" style line parts, shared by renderers. */
export function describePerson(person: Person): string {
  return person.role ? `${person.name} — ${person.role}` : person.name;
}

export function describeQuote(quote: Quote): string {
  const who = quote.speaker ?? 'unattributed';
  return quote.kind === 'direct' ? `“${quote.text}” — ${who}` : `${who} (reported): ${quote.text}`;
}
