import type { Digest } from '../corpus/types.js';
import { formatDate } from './format.js';

/** A plain-text digest for a terminal: points with their sources, people, numbers, timeline. */
export function renderDigestText(d: Digest, label: (source: string) => string = (s) => s): string {
  const lines: string[] = ['Digest'];
  if (d.points.length === 0) lines.push('  (nothing to report)');
  for (const p of d.points) lines.push(`  • ${p.text}`, `    — ${p.sources.map(label).join('; ')}`);
  if (d.people.length > 0) {
    lines.push('', 'People');
    for (const p of d.people.slice(0, 10)) {
      const role = p.roles[0]?.role;
      lines.push(`  • ${p.name}${role ? `, ${role}` : ''} (${p.mentions}× in ${p.sources.length} briefing${p.sources.length === 1 ? '' : 's'})`);
    }
  }
  if (d.numbers.length > 0) {
    lines.push('', 'Numbers');
    for (const n of d.numbers) lines.push(`  • ${n.text} — ${n.context} (${n.sources.map(label).join('; ')})`);
  }
  if (d.timeline.length > 0) {
    lines.push('', 'Timeline');
    for (const e of d.timeline) lines.push(`  • ${formatDate(e.date) ?? e.date}: ${e.text} (${label(e.source)})`);
  }
  return lines.join('\n');
}
