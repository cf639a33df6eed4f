/**
 * The gender a given name usually goes with, from the `gender-detection-from-name` tables (MIT, shipped
 * in node_modules, English first and then Italian, Spanish, French, German and Turkish). Used only to
 * tell which earlier person a "he" or "she" can stand for, so an unknown or unusual name just says nothing.
 *
 * The compiled build carries the tables merged into one sorted text file (scripts/gender-table.mjs),
 * searched in place: loading it costs a few milliseconds, where the package's Map literals cost ~110 ms
 * of a one-file `analyze`. Run from source, the package itself answers (the same answers).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sortedTable } from '../../text/sorted-table.js';

export type Gender = 'female' | 'male';

type Lookup = (name: string) => Gender | undefined;

let lookup: Lookup | null = null;

/** Lookups in the sorted "name<TAB>f|m" lines of the merged table. */
export function tableLookup(table: string): Lookup {
  const find = sortedTable(table);
  return (name) => {
    const tab = find(name);
    if (tab < 0) return undefined;
    return table.charCodeAt(tab + 1) === 102 /* f */ ? 'female' : 'male';
  };
}

/** The package's own lookup (what the table is made from). */
export function packageLookup(): Lookup {
  const require = createRequire(import.meta.url);
  const getGender = (require('gender-detection-from-name') as { getGender: (name: string, lang?: string) => string }).getGender;
  return (name) => {
    const g = getGender(name, 'en');
    return g === 'female' || g === 'male' ? g : undefined;
  };
}

function load(): Lookup {
  try {
    return tableLookup(readFileSync(new URL('./gender-names.txt', import.meta.url), 'utf8'));
  } catch {
    return packageLookup();
  }
}

/** The usual gender of a given name ("Hillary" → female), or undefined when the tables do not know it. */
export function givenNameGender(word: string): Gender | undefined {
  // An initial ("J.") or an abbreviation says nothing.
  if (word.length < 2 || word.endsWith('.')) return undefined;
  lookup ??= load();
  return lookup(word.toLowerCase());
}
