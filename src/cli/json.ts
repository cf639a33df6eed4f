import type { Briefing } from '../core/types.js';

/** The CLI's JSON record: the contract the evaluation harness reads (see README, "CLI"). */
export interface BriefingRecord {
  file: string;
  title: string | null;
  source: string | null;
  date: string | null;
  body: string;
  summary: string[];
  quotes: { text: string; speaker: string | null; kind: string; start: number; end: number }[];
  people: { name: string; role: string | null; mentions: number }[];
  numbers: { text: string; value: number | null; unit: string | null; kind: string; context: string; start: number; end: number }[];
}

export interface ErrorRecord {
  file: string;
  error: string;
}

export function toRecord(file: string, b: Briefing): BriefingRecord {
  return {
    file,
    title: b.title,
    source: b.source,
    date: b.date,
    body: b.body,
    summary: b.summary.map((s) => s.text),
    quotes: b.quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind, start: q.start, end: q.end })),
    people: b.people.map((p) => ({ name: p.name, role: p.role, mentions: p.mentions })),
    numbers: b.numbers.map((n) => ({
      text: n.text,
      value: n.value !== null && Number.isFinite(n.value) ? n.value : null,
      unit: n.unit,
      kind: n.kind,
      context: n.context,
      start: n.start,
      end: n.end,
    })),
  };
}
