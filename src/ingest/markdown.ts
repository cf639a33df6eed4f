import { stringify } from 'yaml';

/** What an ingested briefing's file records about it, besides its body. */
export interface BriefingMeta {
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly date: string | null;
  readonly author: string | null;
  /** ISO timestamp of the ingest. */
  readonly ingested_at: string;
  /** Who ingested it ("Discord user 123 (name)"), or null. */
  readonly ingested_by: string | null;
}

/** Characters that would change meaning inside a Markdown paragraph; backslash-escaped so the words survive. */
const INLINE_SPECIAL = new Set(['\\', '`', '*', '_', '[', ']', '~', '<', '>', '|']);

function escapeLine(line: string): string {
  let out = '';
  for (const ch of line) out += INLINE_SPECIAL.has(ch) ? `\\${ch}` : ch;
  // A line that opens like a heading, list item, ordered item, rule or table rule would become one: escape
  // its marker (the reader takes a backslash before any ASCII punctuation as a literal).
  const lead = /^(\s*)(#|[-+:=]|\d{1,9}[.)])/.exec(out);
  if (lead) {
    const [, space = '', marker = ''] = lead;
    const escaped = `${marker.slice(0, -1)}\\${marker.slice(-1)}`;
    out = `${space}${escaped}${out.slice(space.length + marker.length)}`;
  }
  return out;
}

/**
 * The stored form of an ingested briefing: YAML front matter with its metadata, then the cleaned body
 * as Markdown paragraphs. Readable and editable by a person, and read back by the engine to the same words.
 */
export function renderBriefingMarkdown(meta: BriefingMeta, body: string): string {
  const front: Record<string, string> = { title: meta.title };
  for (const key of ['source', 'url', 'date', 'author'] as const) {
    const value = meta[key];
    if (value) front[key] = value;
  }
  front['ingested_at'] = meta.ingested_at;
  if (meta.ingested_by) front['ingested_by'] = meta.ingested_by;
  const yaml = stringify(front, { lineWidth: 0 });
  const paragraphs = body
    .split('\n\n') // the engine joins paragraphs with exactly one blank line
    .map((p) => p.split('\n').map((line) => escapeLine(line.trim())).join('\n').trim())
    .filter((p) => p !== '');
  return `---\n${yaml}---\n\n${paragraphs.join('\n\n')}\n`;
}
