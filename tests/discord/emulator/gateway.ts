/**
 * The gateway half of the emulator: HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats, sequence
 * numbers, RESUME with replay, invalid sessions and dropped sockets. Sessions survive a dropped socket
 * (as on Discord) so a client can resume and receive what it missed.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceStateUpdate: 4, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

export const GatewayClose = { UnknownError: 4000, UnknownOpcode: 4001, DecodeError: 4002, NotAuthenticated: 4003, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidShard: 4010, InvalidApiVersion: 4012, DisallowedIntents: 4014 } as const;

/** Intents Discord only grants when enabled in the developer portal. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
/** How many past dispatches a session keeps for RESUME. */
const REPLAY_BUFFER = 10_000;

export interface IdentifyRecord {
  token: string;
  intents: number;
  shard: [number, number];
  properties: Record<string, unknown>;
  at: number;
}

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  log: GatewayPayload[];
  socket: WebSocket | null;
}

interface Connection {
  socket: WebSocket;
  path: string;
  session: Session | null;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Bits of PRIVILEGED_INTENTS the application is allowed to request. */
  allowedPrivilegedIntents: number;
  /** Builds the READY `d` for a new session. */
  readyPayload(session: { id: string; shard: [number, number] }): Record<string, unknown>;
  /** GUILD_CREATE payloads to send after READY for a shard. */
  guildCreates(shard: [number, number]): Record<string, unknown>[];
}

/** Events: 'identify' (IdentifyRecord), 'resume' ({ sessionId, seq, replayed, path }), 'heartbeat', 'close' ({ code }). */
export class GatewayServer extends EventEmitter {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: { sessionId: string; seq: number; replayed: number; path: string; at: number }[] = [];
  heartbeats = 0;
  /** When false the server stops acknowledging heartbeats (to simulate a zombie connection). */
  ackHeartbeats = true;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  /** The newest session per shard id: where dispatches for that shard go. */
  private readonly byShard = new Map<number, Session>();
  private readonly connections = new Set<Connection>();

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://emulator');
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, url));
  }

  private accept(socket: WebSocket, url: URL): void {
    const connection: Connection = { socket, path: url.pathname, session: null };
    this.connections.add(connection);
    socket.on('close', (code) => {
      this.connections.delete(connection);
      if (connection.session?.socket === socket) connection.session.socket = null;
      this.emit('close', { code });
    });
    socket.on('error', () => undefined);
    if (url.searchParams.get('v') !== '10') {
      socket.close(GatewayClose.InvalidApiVersion, 'Invalid API version');
      return;
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      socket.close(GatewayClose.DecodeError, 'Only JSON encoding is emulated');
      return;
    }
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["emulator",{}]'] }, s: null, t: null });
    socket.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));
  }

  private send(socket: WebSocket, payload: GatewayPayload): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary frames are not emulated');
      payload = JSON.parse(data.toString()) as typeof payload;
    } catch {
      connection.socket.close(GatewayClose.DecodeError, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case Op.Heartbeat:
        this.heartbeats++;
        this.emit('heartbeat');
        if (this.ackHeartbeats) this.send(connection.socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        return this.identify(connection, payload.d as Record<string, unknown>);
      case Op.Resume:
        return this.resume(connection, payload.d as Record<string, unknown>);
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) connection.socket.close(GatewayClose.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        connection.socket.close(GatewayClose.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    if (connection.session) return connection.socket.close(GatewayClose.AlreadyAuthenticated, 'Already authenticated.');
    if (d?.token !== this.options.token) return connection.socket.close(GatewayClose.AuthenticationFailed, 'Authentication failed.');
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    const shard = Array.isArray(d.shard) ? ([Number(d.shard[0]), Number(d.shard[1])] as [number, number]) : ([0, 1] as [number, number]);
    this.identifies.push({ token: String(d.token), intents, shard, properties: (d.properties as Record<string, unknown>) ?? {}, at: Date.now() });
    this.emit('identify', this.identifies.at(-1));
    if ((intents & PRIVILEGED_INTENTS & ~this.options.allowedPrivilegedIntents) !== 0) {
      return connection.socket.close(GatewayClose.DisallowedIntents, 'Disallowed intent(s).');
    }
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return connection.socket.close(GatewayClose.InvalidShard, 'Invalid shard.');
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, log: [], socket: connection.socket };
    connection.session = session;
    this.sessions.set(session.id, session);
    this.byShard.set(shard[0], session);
    this.dispatchTo(session, 'READY', this.options.readyPayload({ id: session.id, shard }));
    for (const guild of this.options.guildCreates(shard)) this.dispatchTo(session, 'GUILD_CREATE', guild);
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    if (connection.session) return connection.socket.close(GatewayClose.AlreadyAuthenticated, 'Already authenticated.');
    if (d?.token !== this.options.token) return connection.socket.close(GatewayClose.AuthenticationFailed, 'Authentication failed.');
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : -1;
    const oldest = session?.log[0]?.s ?? 1;
    if (!session || seq > session.seq || seq < oldest - 1) {
      // Not resumable: the client must IDENTIFY again.
      this.send(connection.socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    session.socket?.close(GatewayClose.UnknownError, 'Session resumed elsewhere');
    session.socket = connection.socket;
    connection.session = session;
    const missed = session.log.filter((payload) => (payload.s ?? 0) > seq);
    for (const payload of missed) this.send(connection.socket, payload);
    this.resumes.push({ sessionId: session.id, seq, replayed: missed.length, path: connection.path, at: Date.now() });
    this.dispatchTo(session, 'RESUMED', null);
    this.emit('resume', this.resumes.at(-1));
  }

  private dispatchTo(session: Session, event: string, data: unknown): void {
    session.seq++;
    const payload: GatewayPayload = { op: Op.Dispatch, t: event, s: session.seq, d: data };
    session.log.push(payload);
    if (session.log.length > REPLAY_BUFFER) session.log.shift();
    if (session.socket) this.send(session.socket, payload);
  }

  /** The shard a guild's events go to: (guild_id >> 22) % shard_count, as Discord routes them. */
  private sessionFor(guildId: string | null): Session | undefined {
    const any = [...this.byShard.values()][0];
    if (!any) return undefined;
    const shardId = guildId ? Number((BigInt(guildId) >> 22n) % BigInt(any.shard[1])) : 0;
    return this.byShard.get(shardId);
  }

  /** Send a dispatch event; queued in the session if its socket is down and delivered on RESUME. */
  dispatch(event: string, data: unknown, guildId: string | null): void {
    const session = this.sessionFor(guildId);
    if (!session) throw new Error(`No bot session is connected to the emulator gateway to receive ${event}`);
    this.dispatchTo(session, event, data);
  }

  get hasSession(): boolean {
    return this.byShard.size > 0;
  }

  /** Whether every shard's session currently has an open socket. */
  get connected(): boolean {
    return this.byShard.size > 0 && [...this.byShard.values()].every((session) => session.socket?.readyState === WebSocket.OPEN);
  }

  /**
   * Drop every open socket. By default close code 4000 (resumable); `abrupt` destroys the TCP socket
   * without a close frame (the client sees 1006), like a network failure. Resolves once closed.
   */
  async dropConnections(options: { code?: number; abrupt?: boolean } = {}): Promise<void> {
    const closing = [...this.connections].map((connection) => new Promise<void>((resolve) => {
      if (connection.socket.readyState === WebSocket.CLOSED) return resolve();
      connection.socket.once('close', () => resolve());
      if (options.abrupt) connection.socket.terminate();
      else connection.socket.close(options.code ?? GatewayClose.UnknownError, 'Emulator dropped the connection');
    }));
    await Promise.all(closing);
  }

  /** Tell the connected clients to reconnect and resume (op 7). */
  requestReconnect(): void {
    for (const connection of this.connections) this.send(connection.socket, { op: Op.Reconnect, d: null, s: null, t: null });
  }

  /** Op 9 on every socket; resumable=false also forgets the sessions so only a new IDENTIFY works. */
  invalidateSessions(resumable: boolean): void {
    for (const connection of this.connections) {
      if (!connection.session) continue;
      if (!resumable) {
        this.sessions.delete(connection.session.id);
        connection.session = null;
      }
      this.send(connection.socket, { op: Op.InvalidSession, d: resumable, s: null, t: null });
    }
  }

  /** Wait for the next event of this server, e.g. waitFor('resume'). */
  waitFor<T = unknown>(event: 'identify' | 'resume' | 'close' | 'heartbeat', timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, onEvent);
        reject(new Error(`Emulator gateway: no ${event} within ${timeoutMs} ms`));
      }, timeoutMs).unref();
      const onEvent = (value: T) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.once(event, onEvent);
    });
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
