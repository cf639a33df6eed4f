/**
 * The key numbers of a set: each briefing's numbers (already ranked by src/core) merged across
 * briefings when they are the same figure (value, unit and kind), ranked by how many briefings give
 * them, then by their best score. Dates and ordinals are left to the timeline.
 */
import type { KeyNumber, SourceBriefing } from '../types.js';

const SKIPPED = new Set(['date', 'ordinal']);

export function keyNumbers(sources: readonly SourceBriefing[], limit = 10): KeyNumber[] {
  const merged = new Map<string, { n: KeyNumber; sources: string[]; score: number; first: number }>();
  let order = 0;
  for (const s of sources) {
    for (const n of s.briefing.numbers) {
      if (SKIPPED.has(n.kind) || n.value === null || !Number.isFinite(n.value)) continue;
      // Bare small counts ("two", "three") are everywhere and say little without their sentence.
      if ((n.kind === 'count' || n.kind === 'number') && Math.abs(n.value) < 10) continue;
      const key = `${n.kind}|${n.unit ?? ''}|${n.value}`;
      const had = merged.get(key);
      if (had) {
        if (!had.sources.includes(s.id)) had.sources.push(s.id);
        had.score = Math.max(had.score, n.score);
      } else {
        merged.set(key, {
          n: { text: n.text, value: n.value, unit: n.unit, kind: n.kind, context: n.context, sources: [] },
          sources: [s.id],
          score: n.score,
          first: order++,
        });
      }
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.sources.length - a.sources.length || b.score - a.score || a.first - b.first)
    .slice(0, limit)
    .map((m) => ({ ...m.n, sources: m.sources }));
}
