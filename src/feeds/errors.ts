/** Why a feed could not be read. The message is written for the member who added the feed. */
export type FeedErrorCode = 'malformed' | 'not-a-feed';

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}
