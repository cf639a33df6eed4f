/** Per-server settings as the commands use them. */
import { BRIEF_LENGTHS, type BriefLength } from '../present/brief-view.js';
import type { Scope } from './scopes.js';

export function isBriefLength(value: string | null | undefined): value is BriefLength {
  return value !== null && value !== undefined && Object.hasOwn(BRIEF_LENGTHS, value);
}

/** The summary length this server chose with /settings length, else standard. */
export function defaultLengthOf(scope: Pick<Scope, 'settings'>): BriefLength {
  const chosen = scope.settings?.defaultLength;
  return isBriefLength(chosen) ? chosen : 'standard';
}
