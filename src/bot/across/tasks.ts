/**
 * The cross-briefing questions the bot asks, as plain messages: what a worker thread receives and
 * answers (src/corpus is pure, so the same function runs inline in tests and in the worker).
 */
import { aboutFilter, buildTimeline, digest, identifyPeople, relatedIndex } from '../../corpus/index.js';
import type { CorpusPerson, Digest, RelatedBriefing, SourceBriefing, TimelineEvent } from '../../corpus/types.js';

export type AcrossTask =
  | { readonly kind: 'digest'; readonly sources: readonly SourceBriefing[]; readonly about?: string; readonly points: number }
  | { readonly kind: 'timeline'; readonly sources: readonly SourceBriefing[]; readonly about?: string }
  | { readonly kind: 'person'; readonly sources: readonly SourceBriefing[]; readonly name: string }
  | { readonly kind: 'related'; readonly sources: readonly SourceBriefing[]; readonly id: string; readonly limit: number };

export type AcrossResult =
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'timeline'; readonly events: readonly TimelineEvent[] }
  | { readonly kind: 'person'; readonly person: CorpusPerson | null }
  | { readonly kind: 'related'; readonly related: readonly RelatedBriefing[] };

export function runTask(task: AcrossTask): AcrossResult {
  switch (task.kind) {
    case 'digest':
      return { kind: 'digest', digest: digest(task.sources, { ...(task.about ? { about: task.about } : {}), points: task.points }) };
    case 'timeline': {
      const keep = aboutFilter(task.about);
      return { kind: 'timeline', events: buildTimeline(task.sources, keep ? { keep } : {}) };
    }
    case 'person': {
      const index = identifyPeople(task.sources);
      const exact = index.people.find((p) => p.forms.some((f) => f.toLowerCase() === task.name.trim().toLowerCase()));
      return { kind: 'person', person: exact ?? index.search(task.name, 1)[0] ?? null };
    }
    case 'related': {
      const index = relatedIndex(task.sources, identifyPeople(task.sources));
      return { kind: 'related', related: index.related(task.id, task.limit) };
    }
  }
}
