/**
 * Button and menu state lives in the custom_id (≤ 100 characters), never in memory, so the buttons of
 * an old message keep working after a restart. Format: `<kind>:v1:<field>:...`; the article reference
 * comes last because ids may contain colons.
 */
import { BRIEF_LENGTHS, type BriefLength } from '../present/brief-view.js';
import { articleRef } from '../search/ref.js';
import { checkCustomId, LIMITS } from './limits.js';

export const BRIEF_VIEWS = ['brief', 'quotes', 'people', 'numbers'] as const;
export type BriefView = (typeof BRIEF_VIEWS)[number];

const VIEW_CODES: Record<BriefView, string> = { brief: 'b', quotes: 'q', people: 'p', numbers: 'n' };
const LENGTH_CODES: Record<BriefLength, string> = { short: 's', standard: 't', detailed: 'd' };

function invert<K extends string>(map: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as string, k as K]));
}
const VIEW_BY_CODE = invert(VIEW_CODES);
const LENGTH_BY_CODE = invert(LENGTH_CODES);

export type ComponentState =
  | { readonly kind: 'brief'; readonly view: BriefView; readonly length: BriefLength; readonly ref: string }
  /** Opens a new brief message (from search results), rather than switching the current one. */
  | { readonly kind: 'open'; readonly length: BriefLength; readonly ref: string }
  | { readonly kind: 'articles'; readonly page: number }
  /** A select menu whose picked value is the article reference; opens a new brief message. */
  | { readonly kind: 'pick'; readonly length: BriefLength }
  /** A page of /timeline; `about` is the focus as given (clipped to fit the custom_id). */
  | { readonly kind: 'timeline'; readonly page: number; readonly since: SinceCode; readonly about: string }
  /** "Related" on a brief: the briefings about the same story or people. */
  | { readonly kind: 'related'; readonly ref: string };

/** /digest and /timeline periods. */
export const SINCE_CHOICES = ['1d', '7d', '30d', 'all'] as const;
export type SinceCode = (typeof SINCE_CHOICES)[number];

const VERSION = 'v1';

export function encodeState(state: ComponentState): string {
  switch (state.kind) {
    case 'brief':
      return checkCustomId(`brief:${VERSION}:${VIEW_CODES[state.view]}:${LENGTH_CODES[state.length]}:${state.ref}`);
    case 'open':
      return checkCustomId(`open:${VERSION}:${LENGTH_CODES[state.length]}:${state.ref}`);
    case 'articles':
      return checkCustomId(`articles:${VERSION}:${state.page}`);
    case 'pick':
      return checkCustomId(`pick:${VERSION}:${LENGTH_CODES[state.length]}`);
    case 'timeline': {
      const head = `tl:${VERSION}:${state.page}:${state.since}:`;
      return checkCustomId(head + state.about.slice(0, LIMITS.customId - head.length));
    }
    case 'related':
      return checkCustomId(`rel:${VERSION}:${state.ref}`);
  }
}

/** The longest article reference that still fits a brief custom_id. */
export const MAX_REF_LENGTH = LIMITS.customId - 'brief:v1:b:t:'.length;

/** A reference to an article that fits in a custom_id: the id itself, or `#hash` for a long one. */
export function refFor(id: string): string {
  return articleRef(id, MAX_REF_LENGTH);
}

/** Parses a custom_id this bot made; null for anything else (old versions, other bots' ids). */
export function decodeState(customId: string): ComponentState | null {
  const parts = customId.split(':');
  const [kind, version] = parts;
  if (version !== VERSION) return null;
  if (kind === 'brief' && parts.length >= 5) {
    const view = VIEW_BY_CODE.get(parts[2] ?? '');
    const length = LENGTH_BY_CODE.get(parts[3] ?? '');
    const ref = parts.slice(4).join(':');
    if (!view || !length || !ref) return null;
    return { kind, view, length, ref };
  }
  if (kind === 'open' && parts.length >= 4) {
    const length = LENGTH_BY_CODE.get(parts[2] ?? '');
    const ref = parts.slice(3).join(':');
    if (!length || !ref) return null;
    return { kind, length, ref };
  }
  if (kind === 'pick' && parts.length === 3) {
    const length = LENGTH_BY_CODE.get(parts[2] ?? '');
    return length ? { kind, length } : null;
  }
  if (kind === 'tl' && parts.length >= 5) {
    const page = Number(parts[2]);
    const since = SINCE_CHOICES.find((c) => c === parts[3]);
    if (!Number.isInteger(page) || page < 1 || !since) return null;
    return { kind: 'timeline', page, since, about: parts.slice(4).join(':') };
  }
  if (kind === 'rel' && parts.length >= 3) {
    const ref = parts.slice(2).join(':');
    return ref ? { kind: 'related', ref } : null;
  }
  if (kind === 'articles' && parts.length === 3) {
    const page = Number(parts[2]);
    if (!Number.isInteger(page) || page < 1) return null;
    return { kind, page };
  }
  return null;
}

export function isBriefLength(value: string): value is BriefLength {
  return Object.hasOwn(BRIEF_LENGTHS, value);
}
