/**
 * Timeline across briefings: each briefing's publication date (with its headline) and every date its
 * sentences write (with the sentence), in time order. Nothing is invented: an undated briefing has no
 * publication event, and relative dates ("last month") are resolved only against a briefing's own date.
 */
import type { SourceBriefing, TimelineEvent } from '../types.js';
import { findDates } from './dates.js';
import { compareDates } from './order.js';

export interface TimelineOptions {
  /** Keep only events whose sentence (or, for a publication, the briefing) matches this test. */
  readonly keep?: (text: string, source: SourceBriefing) => boolean;
}

export function buildTimeline(sources: readonly SourceBriefing[], options: TimelineOptions = {}): TimelineEvent[] {
  const events: (TimelineEvent & { order: number })[] = [];
  let order = 0;
  for (const s of sources) {
    const b = s.briefing;
    const headline = b.title ?? b.sentences[0]?.text ?? null;
    if (b.date && headline && (!options.keep || options.keep(`${headline} ${b.summary.map((x) => x.text).join(' ')}`, s))) {
      events.push({ date: b.date, kind: 'published', text: headline, source: s.id, expression: null, span: null, order: order++ });
    }
    for (const sentence of b.sentences) {
      const dates = findDates(sentence.text, b.date);
      if (dates.length === 0 || (options.keep && !options.keep(sentence.text, s))) continue;
      for (const d of dates) {
        events.push({
          date: d.date,
          kind: 'mentioned',
          text: sentence.text,
          source: s.id,
          expression: d.expression,
          span: { start: sentence.start + d.start, end: sentence.start + d.end },
          order: order++,
        });
      }
    }
  }
  events.sort((a, b) => compareDates(a.date, b.date) || a.order - b.order);
  return events.map(({ order: _order, ...e }) => e);
}
