import { foldTerm } from '../text/fold.js';

const DEFAULT_WIDTH = 200;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Index of the first whole-word-start occurrence of any term in `folded`, or -1. Linear in the text per term. */
function firstMatch(folded: string, terms: readonly string[]): number {
  let best = -1;
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0 || (best >= 0 && at >= best)) break;
      if (!isWordChar(folded[at - 1])) {
        best = at;
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

/**
 * About `width` characters of `body` around the first matched term, cut at word boundaries with an
 * ellipsis on each cut side; the start of the body when no term is found.
 */
export function makeSnippet(body: string, terms: readonly string[], width = DEFAULT_WIDTH): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  // Folding can change lengths (e.g. ligatures); fall back to the start if it does.
  const folded = foldTerm(flat);
  const hit = folded.length === flat.length ? firstMatch(folded, terms.map(foldTerm)) : -1;
  let start = hit < 0 ? 0 : Math.max(0, hit - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space < 0 || space > hit ? start : space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const text = flat.slice(start, end).replace(/[\s,;:]+$/, '');
  return `${start > 0 ? '…' : ''}${text}${end < flat.length ? '…' : ''}`;
}
