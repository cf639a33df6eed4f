/**
 * `npm run eval [-- TASK...]`: scores the engine on the dev data and prints each score beside its
 * baseline and target, and on the tuning and check parts of the dev data where the task splits it
 * (lib.ts partOf). Tasks live in scripts/eval/tasks/*.ts, each exporting `task: EvalTask`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evalDir, hasEvalData, type EvalTask, type ScoreRow } from './lib.js';

const tasksDir = join(dirname(fileURLToPath(import.meta.url)), 'tasks');

function fmt(x: number | undefined): string {
  return x === undefined ? '' : x.toFixed(3);
}

async function main(): Promise<void> {
  if (!hasEvalData()) {
    console.error(`No evaluation data at ${evalDir()} (set BRIEFBOT_EVAL_DIR).`);
    process.exitCode = 1;
    return;
  }
  const wanted = process.argv.slice(2);
  const files = readdirSync(tasksDir).filter((f) => f.endsWith('.ts')).sort();
  const rows: (ScoreRow & { task: string })[] = [];
  for (const file of files) {
    const { task } = (await import(pathToFileURL(join(tasksDir, file)).href)) as { task: EvalTask };
    if (wanted.length > 0 && !wanted.includes(task.name)) continue;
    const started = performance.now();
    const scores = await task.run();
    console.error(`${task.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const s of scores) rows.push({ ...s, task: task.name });
  }
  const header = ['metric', 'briefbot', 'tuning', 'check', 'baseline', '(which)', 'target', 'met'];
  const table = rows.map((r) => [
    r.metric,
    fmt(r.value),
    fmt(r.tuning),
    fmt(r.check),
    fmt(r.baseline),
    r.baseline === undefined ? '' : (r.baselineName ?? 'lead'),
    fmt(r.target),
    r.target === undefined ? '' : r.value >= r.target ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) console.log(line(row));
}

await main();
