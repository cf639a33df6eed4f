/**
 * The compiled build's merged gender table answers exactly as the package it is made from, for every
 * name the package knows (in any of its languages) and for names it does not know.
 */
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript build helper without type declarations
import { buildGenderTable } from '../../scripts/gender-table.mjs';
import { packageLookup, tableLookup } from '../../src/core/people/gender.js';

it('gives the package’s answer for every name it knows, and none for names it does not', () => {
  const table = tableLookup(buildGenderTable() as string);
  const reference = packageLookup();
  const require = createRequire(import.meta.url);
  const names = new Set<string>();
  for (const lang of ['en', 'it', 'es', 'fr', 'de', 'tr']) for (const name of (require(`gender-detection-from-name/names/${lang}`) as Map<string, string>).keys()) names.add(name);
  expect(names.size).toBeGreaterThan(50_000);
  const differing = [...names].filter((name) => table(name) !== reference(name));
  expect(differing).toEqual([]);
  for (const unknown of ['zzyzx', 'harbourmaster', 'a', '']) expect(table(unknown)).toBe(reference(unknown));
  expect(table('hillary')).toBe('female');
  expect(table('barack')).toBe('male');
});
