/**
 * PostgreSQL tells every bot process when a server's briefings or settings change (LISTEN/NOTIFY on
 * the revision bump), so an interaction need not ask the database "has anything changed?" each time:
 * with ten machines and 200 interactions a second that question was most of the database's load and,
 * on a busy host, most of an answer's time. While the listening connection is down, `healthy` is false
 * and callers check the revision as before; after it reconnects they are told everything may have
 * changed (notifications sent meanwhile are lost).
 */
import pg from 'pg';

export const REVISION_CHANNEL = 'briefbot_guild_revision';

export interface RevisionWatchEvents {
  /** A server's revision moved (this process's own writes included). */
  changed(guildId: string): void;
  /** The connection is (back) up: notifications may have been missed while it was down. */
  resumed(): void;
  error(error: Error): void;
}

export class RevisionWatch {
  private client: pg.Client | null = null;
  private up = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  private constructor(
    private readonly url: string,
    private readonly events: RevisionWatchEvents,
    private readonly retryMs: number,
  ) {}

  /** Starts listening; resolves once the first attempt succeeded or failed (it keeps retrying after a failure). */
  static async start(url: string, events: RevisionWatchEvents, options: { retryMs?: number } = {}): Promise<RevisionWatch> {
    const watch = new RevisionWatch(url, events, options.retryMs ?? 2000);
    await watch.connect();
    return watch;
  }

  /** True while notifications are being received: a server not notified since its last check has not changed. */
  get healthy(): boolean {
    return this.up;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, keepAlive: true });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.up = false;
      if (error) this.events.error(error);
      client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === REVISION_CHANNEL && message.payload) this.events.changed(message.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${REVISION_CHANNEL}`);
      if (this.closed || this.client !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      this.up = true;
      this.events.resumed();
    } catch (error) {
      lost(error as Error);
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.up = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
