/**
 * Database failures, sorted into what a member or an operator can act on. The message is written
 * for people; the cause (the driver's error) is for the log.
 */
export type StoreErrorCode = 'unavailable' | 'read-only' | 'full' | 'busy' | 'newer-schema' | 'unknown';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MESSAGES: Record<Exclude<StoreErrorCode, 'newer-schema'>, string> = {
  unavailable: 'The database cannot be reached right now.',
  'read-only': 'The database is read-only.',
  full: 'The disk holding the database is full.',
  busy: 'The database is busy (locked by another process).',
  unknown: 'The database refused the request.',
};

/** What kind of failure a driver error is (better-sqlite3's `code`, PostgreSQL's SQLSTATE, Node's errno). */
export function classify(error: unknown): StoreErrorCode {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS' || code === '25006') return 'read-only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return 'full';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_BUSY_') || code === '55P03' || code === '40P01') return 'busy';
  if (
    code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE' || code === 'ENOTFOUND' ||
    code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code.startsWith('08') || code === '57P01' || code === '57P03'
  ) {
    return 'unavailable';
  }
  const message = error instanceof Error ? error.message : '';
  if (/Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message)) return 'unavailable';
  return 'unknown';
}

/** Wraps a driver error (a StoreError passes through unchanged). */
export function storeErrorOf(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = classify(error);
  return new StoreError(code, MESSAGES[code === 'newer-schema' ? 'unknown' : code], { cause: error });
}

/** True when the failure is the database's (not a bug in our code): say "could not store", keep going. */
export function isStoreFailure(error: unknown): boolean {
  return error instanceof StoreError || classify(error) !== 'unknown';
}
