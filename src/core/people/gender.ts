/**
 * The gender a given name usually goes with, from the `gender-detection-from-name` tables (MIT, shipped
 * in node_modules, English first and then Italian, Spanish, French, German and Turkish). Used only to
 * tell which earlier person a "he" or "she" can stand for, so an unknown or unusual name just says nothing.
 */
import { createRequire } from 'node:module';

export type Gender = 'female' | 'male';

type Lookup = (name: string, lang?: string) => string;

let lookup: Lookup | null = null;

function load(): Lookup {
  const require = createRequire(import.meta.url);
  return (require('gender-detection-from-name') as { getGender: Lookup }).getGender;
}

/** The usual gender of a given name ("Hillary" → female), or undefined when the tables do not know it. */
export function givenNameGender(word: string): Gender | undefined {
  // An initial ("J.") or an abbreviation says nothing.
  if (word.length < 2 || word.endsWith('.')) return undefined;
  lookup ??= load();
  const g = lookup(word, 'en');
  return g === 'female' || g === 'male' ? g : undefined;
}
