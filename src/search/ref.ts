import { createHash } from 'node:crypto';

export const HASH_PREFIX = '#';

/** A short, stable hash of an article id: the same on every run, so old buttons still resolve. */
export function hashId(id: string): string {
  return HASH_PREFIX + createHash('sha256').update(id).digest('base64url').slice(0, 16);
}

/**
 * A reference to an article that fits in `max` characters: the id itself when it fits (and cannot be
 * mistaken for a hash), else its hash, which the search index resolves back to the id.
 */
export function articleRef(id: string, max: number): string {
  return id.length <= max && !id.startsWith(HASH_PREFIX) ? id : hashId(id);
}
