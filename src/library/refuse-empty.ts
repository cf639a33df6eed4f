import { InputError } from '../core/errors.js';
import type { Briefing } from '../core/types.js';

/**
 * A briefing whose cleaned body has no letter or digit (a page with an empty body, a text of only dots,
 * quotes or `$`) is not an article: refused as empty, like an empty file, instead of listed and briefed.
 */
export function refuseEmpty(briefing: Briefing, name: string): Briefing {
  if (!/[\p{L}\p{N}]/u.test(briefing.body)) {
    throw new InputError(`${name} has no article text: after cleaning, nothing but punctuation or markup is left`, 'empty');
  }
  return briefing;
}

/** What a failed read of a file means, in words (never a raw "ENOENT: …"). */
export function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: the file cannot be read';
  if (code === 'EISDIR') return 'this is a folder, not a file';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files just now; try again';
  if (code === 'EIO') return 'the disk could not read it (I/O error)';
  return error instanceof Error ? error.message : String(error);
}
