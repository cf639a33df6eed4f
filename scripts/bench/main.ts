/**
 * `npm run bench [-- engine|discord|library|servers|delivery|across|start]`: prints speed figures. Benchmarks, not tests: nothing
 * here fails on a stopwatch. Parts whose modules are not present are skipped with a note.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runEngineBench } from './engine.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = new Set(process.argv.slice(2));
const want = (name: string) => wanted.size === 0 || wanted.has(name);

async function optional(name: string, file: string, fn: string): Promise<void> {
  const path = join(here, file);
  if (!existsSync(path)) {
    console.log(`${name}: not available (${file} missing)`);
    return;
  }
  const mod = (await import(pathToFileURL(path).href)) as Record<string, () => Promise<void>>;
  await mod[fn]!();
}

if (want('engine')) await runEngineBench();
if (want('discord')) await optional('discord', 'discord.ts', 'runDiscordBench');
if (want('library')) await optional('library', 'library.ts', 'runLibraryBench');
if (want('servers')) await optional('servers', 'servers.ts', 'runServersBench');
if (want('delivery')) await optional('delivery', 'delivery.ts', 'runDeliveryBench');
if (want('across')) await optional('across', 'across.ts', 'runAcrossBench');
if (want('start')) await optional('start', 'start.ts', 'runStartBench');
