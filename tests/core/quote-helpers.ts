/** Finding one quote of an analysed text by how its words start (the quote tests' shared lookup). */
import { analyzeText } from '../../src/core/analyze.js';
import type { Quote } from '../../src/core/types.js';

/** The quote whose words start with `opening`. */
export function quoteAt(text: string, opening: string): Quote | undefined {
  return analyzeText(text, 'text').quotes.find((q) => q.text.startsWith(opening));
}

/** The speaker of the quote whose words start with `opening`. */
export function speakerOf(text: string, opening: string): string | null | undefined {
  return quoteAt(text, opening)?.speaker;
}
