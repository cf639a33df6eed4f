/** Why a fetch was refused or failed. Every code has a message written for the member who asked. */
export type FetchErrorCode =
  | 'bad-url'
  | 'scheme'
  | 'dns'
  | 'private-address'
  | 'connect'
  | 'timeout'
  | 'too-large'
  | 'redirect'
  | 'http-status'
  | 'content-type';

/** A refused or failed fetch. `message` is safe to show to the user as is: no stack, no internals. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
  }
}
