import type { QuoteKind } from '../types.js';
import type { Token } from './tokens.js';

/** An attribution found in the text, before its speaker is resolved and it is ranked. */
export interface Found {
  readonly kind: QuoteKind;
  /** Content range into the body. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Words that name the source, or null when none were found next to it. */
  readonly source: readonly Token[] | null;
  readonly cue: string | null;
  /** Offset of the cue word (-1 when none). */
  readonly cueStart: number;
  /** Where the source is mentioned, for resolving pronouns against what came before. */
  readonly at: number;
  /** Speaker carried over from the previous quote (a quote running on over paragraphs). */
  readonly sameAsPrevious?: boolean;
}
