/** Lowercase and strip accents, so "Nguyễn" is found by "nguyen". */
export function foldTerm(term: string): string {
  return term.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}
