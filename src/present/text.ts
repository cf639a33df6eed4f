import { buildBriefView, describePerson, describeQuote } from './brief-view.js';
import { formatDate } from './format.js';
import type { Briefing } from '../core/types.js';

/** A plain-text briefing for a terminal, with the same selection of items as the bot's reply. */
export function renderBriefingText(briefing: Briefing, fallbackTitle: string): string {
  const view = buildBriefView(briefing, fallbackTitle);
  const lines: string[] = [view.title];
  const meta = [view.source, formatDate(view.date), view.url].filter((x): x is string => x !== null);
  if (meta.length > 0) lines.push(meta.join(' · '));
  lines.push('', 'Summary');
  for (const s of view.summary) lines.push(`  • ${s}`);
  if (view.quotes.length > 0) {
    lines.push('', 'Key quotes');
    for (const q of view.quotes) lines.push(`  • ${describeQuote(q)}`);
  }
  if (view.people.length > 0) {
    lines.push('', 'People');
    for (const p of view.people) lines.push(`  • ${describePerson(p)} (${p.mentions}×)`);
  }
  if (view.numbers.length > 0) {
    lines.push('', 'Numbers');
    for (const n of view.numbers) lines.push(`  • ${n.text} — ${n.context}`);
  }
  lines.push('', `${view.wordsIn} words → ${view.wordsOut} words (${view.percentShorter}% shorter)`);
  return lines.join('\n');
}
