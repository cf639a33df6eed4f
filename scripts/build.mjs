/* global process, console, URL, performance */
// Compiles the bot, the CLI and the analysis worker ahead of time into dist/ (run by `npm ci` through
// `prepare`, and by the test suite's global setup), so `npm start` and `npm run cli` run plain node.
// One ES module per entry with shared chunks beside them (code splitting keeps lazy imports lazy);
// packages in node_modules stay external. Plain JavaScript so it needs no TypeScript runner itself.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { buildGenderTable } from './gender-table.mjs';
import { buildCommonWordTable, buildNameTable } from './word-tables.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist`;

export async function buildDist() {
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      bot: 'src/bot/main.ts',
      deploy: 'src/bot/deploy.ts',
      shard: 'src/bot/shard.ts',
      cli: 'src/cli/main.ts',
      // Started by the analysis pool as new URL('./analyze-worker.js', import.meta.url): same folder.
      'analyze-worker': 'src/library/analyze-worker.ts',
      // Started by the cross-briefing runner as new URL('./across-worker.js', import.meta.url).
      'across-worker': 'src/bot/across/worker.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Read by src/core/people/gender.ts and gazetteer.ts as new URL('./….txt', import.meta.url) from their chunk.
  await writeFile(`${outdir}/gender-names.txt`, buildGenderTable());
  await writeFile(`${outdir}/people-names.txt`, buildNameTable());
  await writeFile(`${outdir}/common-words.txt`, buildCommonWordTable());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildDist();
  console.error(`built dist/ in ${Math.round(performance.now() - started)} ms`);
}
