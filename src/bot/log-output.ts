/**
 * Where the bot's log lines go: a file descriptor (stdout), written asynchronously, that can never keep
 * the process alive or busy. A write that fails for good (EPIPE when the reader of a pipe has gone,
 * EBADF) turns the output off; a full pipe (EAGAIN) is retried on an unref'd timer; beyond
 * MAX_QUEUED_BYTES lines are dropped rather than buffered without bound. No exit hooks, no synchronous
 * flush loops (pino's default destination retries a broken pipe forever in its exit-time flushSync).
 */
import { write } from 'node:fs';

const MAX_QUEUED_BYTES = 4 * 1024 * 1024;
const RETRY_MS = 50;

export class LogOutput {
  private queue: Buffer[] = [];
  private queuedBytes = 0;
  private writing = false;
  private dead = false;
  private waiters: (() => void)[] = [];
  dropped = 0;

  constructor(private readonly fd = 1) {}

  /** pino calls this with one serialized line. */
  write(line: string): boolean {
    if (this.dead) return true;
    const bytes = Buffer.from(line, 'utf8');
    if (this.queuedBytes + bytes.length > MAX_QUEUED_BYTES) {
      this.dropped++;
      return true;
    }
    this.queue.push(bytes);
    this.queuedBytes += bytes.length;
    if (!this.writing) this.next();
    return true;
  }

  /** pino's `logger.flush(cb)`: calls back once drained (or given up on). */
  flush(callback?: (error?: Error) => void): void {
    void this.drained().then(() => callback?.());
  }

  /** Resolves once everything queued is written, the output is gone, or `timeoutMs` passed. */
  drained(timeoutMs = 1000): Promise<void> {
    if (!this.writing || this.dead) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get closed(): boolean {
    return this.dead;
  }

  private next(): void {
    const chunk = this.queue.length > 1 ? Buffer.concat(this.queue.splice(0)) : this.queue.shift();
    if (!chunk || this.dead) return this.idle();
    this.queue.unshift(chunk);
    this.writing = true;
    write(this.fd, chunk, 0, chunk.length, null, (error, written) => {
      if (error) {
        if (error.code === 'EAGAIN' || error.code === 'EINTR') {
          setTimeout(() => this.next(), RETRY_MS).unref();
          return;
        }
        this.dead = true;
        this.queue = [];
        this.queuedBytes = 0;
        return this.idle();
      }
      const head = this.queue.shift() as Buffer;
      this.queuedBytes -= written;
      if (written < head.length) this.queue.unshift(head.subarray(written));
      this.next();
    });
  }

  private idle(): void {
    this.writing = false;
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
