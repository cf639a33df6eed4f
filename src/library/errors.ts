/**
 * A briefing that cannot be shown this moment but will be shortly (its analysis is being redone in the
 * background). The message is written for the member; the bot answers it privately, not as a failure.
 */
export class BriefingPendingError extends Error {
  override readonly name = 'BriefingPendingError';
}
