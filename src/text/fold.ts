/**
 * Accent folding and word splitting shared by both engines, search, the library and slugs: one
 * definition of "the same word" ("Nguyễn" = "nguyen") instead of one per module.
 */

/** Strips combining marks after canonical decomposition: "Nguyễn" → "Nguyen". Case is kept. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** Lower-cased and accent-folded: the form terms are compared in. */
export function foldTerm(term: string): string {
  return foldAccents(term.toLowerCase());
}

/** The ASCII words of a text, folded: lower-case runs of `[a-z0-9]`. */
export function asciiWords(text: string): string[] {
  return foldTerm(text).match(/[a-z0-9]+/g) ?? [];
}
