/**
 * `digest [--json] [--about WORDS] [--words N | --points N] FILE...`: the cross-briefing digest of the
 * files given. With --json, ONE object (the evaluation contract, see README "CLI"); files are named
 * exactly as given. A file that cannot be read is reported on stderr and left out of the set.
 */
import { parseArgs } from 'node:util';
import { analyzeFile } from '../core/read-file.js';
import { digest } from '../corpus/index.js';
import type { Digest, SourceBriefing } from '../corpus/types.js';
import { renderDigestText } from '../present/digest-text.js';

export class DigestUsageError extends Error {}

function positiveInt(name: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new DigestUsageError(`--${name} takes a whole number from 1 to ${max}, not "${raw}"`);
  return n;
}

/** The JSON record the evaluation reads. */
export function digestRecord(d: Digest) {
  return {
    points: d.points.map((p) => ({ text: p.text, sources: p.sources })),
    people: d.people.map((p) => ({ name: p.name, roles: [...new Set(p.roles.map((r) => r.role))], files: p.sources, mentions: p.mentions })),
    timeline: d.timeline.map((e) => ({ date: e.date, text: e.text, file: e.source })),
    numbers: d.numbers.map((n) => ({ text: n.text, value: n.value, unit: n.unit, kind: n.kind, context: n.context, files: n.sources })),
  };
}

export async function digestCommand(args: string[], write: (text: string) => Promise<void>): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, about: { type: 'string' }, words: { type: 'string' }, points: { type: 'string' } },
  });
  if (positionals.length === 0) throw new DigestUsageError('digest needs at least one FILE');
  const words = positiveInt('words', values.words, 5000);
  const points = positiveInt('points', values.points, 100);
  const sources: SourceBriefing[] = [];
  for (const file of positionals) {
    try {
      sources.push({ id: file, briefing: await analyzeFile(file) });
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (sources.length === 0) return 1;
  const started = performance.now();
  const result = digest(sources, {
    ...(values.about ? { about: values.about } : {}),
    ...(words !== undefined ? { words } : {}),
    ...(points !== undefined ? { points } : {}),
  });
  if (process.env['BRIEFBOT_TIMING']) console.error(`digest engine: ${(performance.now() - started).toFixed(1)} ms for ${sources.length} briefings`);
  await write(values.json ? `${JSON.stringify(digestRecord(result))}\n` : `${renderDigestText(result)}\n`);
  return 0;
}
