/** What a test holds after firing an interaction: the bot's answers as they arrive. */
import type { RecordedMessage } from './messages.js';

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
export const CallbackType = { Message: 4, DeferredMessage: 5, DeferredUpdate: 6, UpdateMessage: 7, AutocompleteResult: 8, Modal: 9 } as const;

export interface InteractionResponse {
  /** Callback type: 4 reply, 5 defer, 6 deferUpdate, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: Record<string, unknown> | undefined;
  /** Milliseconds (fractional) from dispatch to the arrival of the accepted callback request. */
  latencyMs: number;
  withResponse: boolean;
}

export interface RejectedCall {
  method: string;
  path: string;
  status: number;
  code: number;
  message: string;
}

export class InteractionHandle {
  readonly followUps: RecordedMessage[] = [];
  /** The original response message after every change (creation, edits), oldest first. */
  readonly history: RecordedMessage[] = [];
  /** Calls Discord rejected for this interaction (validation 50035, 40060, 10062, expired token…). */
  readonly rejected: RejectedCall[] = [];
  /** True when the bot tried to acknowledge after the deadline. */
  late = false;
  /** Set when the original message has its real content (not a loading state). */
  finalized = false;
  tokenExpired = false;
  acknowledgement: InteractionResponse | null = null;
  originalMessageId: string | null = null;
  /** performance.now() when the INTERACTION_CREATE was sent; latencies are measured from here. */
  readonly dispatchedAt = performance.now();
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly token: string,
    /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    readonly type: number,
    /** The INTERACTION_CREATE `d` as dispatched. */
    readonly payload: Record<string, unknown>,
    /** Wall-clock creation time (Date.now()), for the token's lifetime. */
    readonly createdAt: number,
    private readonly lookup: (id: string) => RecordedMessage | undefined,
    private readonly defaultTimeoutMs: number,
  ) {}

  /** The original response message as it stands now. */
  get message(): RecordedMessage | undefined {
    return this.originalMessageId ? this.lookup(this.originalMessageId) : undefined;
  }

  /** @internal Called by the emulator after every change to this interaction. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const ready = probe();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const rejected = this.rejected.map((call) => `${call.status} ${call.code} ${call.message} (${call.method} ${call.path})`).join('; ');
        reject(new Error(`Interaction ${this.id}: no ${what} within ${timeoutMs} ms${rejected ? `; rejected calls: ${rejected}` : ''}${this.late ? '; the bot answered late' : ''}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** The first accepted callback (reply, defer, update, autocomplete result or modal). */
  response(timeoutMs?: number): Promise<InteractionResponse> {
    return this.waitUntil('initial response', () => this.acknowledgement ?? undefined, timeoutMs);
  }

  /** The original message once it holds the bot's real answer (after a deferral: once edited). */
  final(timeoutMs?: number): Promise<RecordedMessage> {
    return this.waitUntil('final message', () => (this.finalized ? this.message : undefined), timeoutMs);
  }

  /** Autocomplete choices (callback type 8). */
  async choices(timeoutMs?: number): Promise<{ name: string; value: string | number }[]> {
    const response = await this.response(timeoutMs);
    if (response.type !== CallbackType.AutocompleteResult) throw new Error(`Interaction ${this.id} was answered with callback type ${response.type}, not autocomplete`);
    return (response.data?.choices ?? []) as { name: string; value: string | number }[];
  }

  /** Wait until at least `count` follow-up messages exist (the first after a deferral edits the original instead). */
  waitForFollowUps(count = 1, timeoutMs?: number): Promise<RecordedMessage[]> {
    return this.waitUntil(`${count} follow-up(s)`, () => (this.followUps.length >= count ? [...this.followUps] : undefined), timeoutMs);
  }

  /** Wait until the original message has been changed at least `count` times after creation. */
  waitForEdits(count = 1, timeoutMs?: number): Promise<RecordedMessage> {
    return this.waitUntil(`${count} edit(s)`, () => (this.history.length > count ? this.message : undefined), timeoutMs);
  }

  /** Make this interaction's token expire now, as 15 minutes after creation would. */
  expireToken(): void {
    this.tokenExpired = true;
  }
}
