/**
 * An input the engine refuses on purpose (binary, unknown encoding, too large, empty).
 * Its message is written for the person who supplied the file, so callers may show it as is.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly code: 'empty' | 'binary' | 'encoding' | 'too-large' | 'unsupported-format' | 'unreadable',
  ) {
    super(message);
  }
}
