/**
 * A loopback Discord: REST under /api/v10 and the gateway over WebSocket, both on 127.0.0.1, so the real
 * discord.js Client (pointed here with `rest.api`) runs unchanged. Every request is recorded; every
 * rule the bot breaks (limits, deadlines, double acknowledgements, early retries) is a violation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelPosts } from './channels.js';
import { CommandStore } from './commands.js';
import { DiscordErrors, invalidFormBody } from './errors.js';
import { GatewayServer, type IdentifyRecord } from './gateway.js';
import { InteractionHandle, InteractionType } from './handle.js';
import { matchTemplate, readBody, sendJson } from './http.js';
import { checkCommand, checkCommandList } from './limits.js';
import { MessageStore, type RecordedMessage } from './messages.js';
import { basePayload, commandData, type AttachmentInput, type InteractionContext, type OptionValue, type PayloadDeps, type StoredAttachment } from './payloads.js';
import { InteractionResponder, type Reply, type Violation, type ViolationKind } from './responses.js';
import { nextSnowflake } from './snowflake.js';
import { addUser, createWorld, guildCreatePayload, type EmulatedUser, type World } from './world.js';

export interface EmulatorOptions {
  /** Bot token the client must present (REST `Bot <token>` and gateway IDENTIFY). */
  token?: string;
  /** HELLO heartbeat interval; Discord says ~41 s, tests want it short. Default 1000. */
  heartbeatIntervalMs?: number;
  /** Initial response deadline. Default 3000 (Discord's). */
  ackDeadlineMs?: number;
  /** Interaction token lifetime for edits and follow-ups. Default 15 minutes. */
  tokenLifetimeMs?: number;
  /** Shard count suggested by GET /gateway/bot. Default 1. */
  shards?: number;
  /** session_start_limit.max_concurrency: identifies allowed per 5 s. Discord gives small bots 1. */
  maxConcurrency?: number;
  /** Privileged intent bits the application may use. Default none. */
  allowedPrivilegedIntents?: number;
  /** How long handle.response()/final() wait before failing. Default 5000. */
  waitTimeoutMs?: number;
  botName?: string;
  guildName?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. /interactions/123/abc/callback. */
  path: string;
  query: Record<string, string>;
  authorized: boolean;
  body: unknown;
  files: { field: string; filename: string; size: number; contentType: string }[];
  status: number;
  at: number;
}

export interface RateLimitRule {
  /** HTTP method to match; any when omitted. */
  method?: string;
  /** Path template below /api/v10 (':x' = one segment, trailing '*' = rest) or a RegExp. */
  route: string | RegExp;
  /** How many matching requests answer 429. Default 1. */
  count?: number;
  /** Seconds, as in Discord's body `retry_after`. Default 0.25. */
  retryAfter?: number;
  /** Global rate limit (adds X-RateLimit-Global and `global: true`). */
  global?: boolean;
  scope?: 'user' | 'global' | 'shared';
}

interface ActiveRateLimit {
  rule: Required<Pick<RateLimitRule, 'count' | 'retryAfter' | 'global' | 'scope'>> & RateLimitRule;
  /** Requests that hit 429 and when their window ends, keyed by method + path. */
  windows: Map<string, number>;
}

const API_PREFIX = '/api/v10';

export class Emulator {
  readonly token: string;
  readonly world: World;
  readonly commands: CommandStore;
  readonly messages: MessageStore;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly interactions: InteractionHandle[] = [];
  readonly gateway: GatewayServer;
  /** Messages posted to channels, deleted channels and refused permissions. */
  readonly channels: ChannelPosts;
  private readonly byId = new Map<string, InteractionHandle>();
  private readonly byToken = new Map<string, InteractionHandle>();
  private readonly attachments = new Map<string, StoredAttachment>();
  private readonly rateLimits: ActiveRateLimit[] = [];
  private readonly responder: InteractionResponder;
  private readonly options: Required<Pick<EmulatorOptions, 'ackDeadlineMs' | 'tokenLifetimeMs' | 'shards' | 'maxConcurrency' | 'waitTimeoutMs'>>;
  private readonly server: Server;
  private port = 0;

  constructor(options: EmulatorOptions = {}) {
    this.token = options.token ?? `emulator.${nextSnowflake()}.token`;
    this.world = createWorld({ botName: options.botName, guildName: options.guildName });
    this.commands = new CommandStore(this.world.applicationId);
    this.messages = new MessageStore(this.world.botUser, this.world.applicationId);
    this.options = {
      ackDeadlineMs: options.ackDeadlineMs ?? 3000,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60 * 1000,
      shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
      waitTimeoutMs: options.waitTimeoutMs ?? 5000,
    };
    this.responder = new InteractionResponder({
      world: this.world,
      messages: this.messages,
      byId: this.byId,
      byToken: this.byToken,
      ackDeadlineMs: this.options.ackDeadlineMs,
      tokenLifetimeMs: this.options.tokenLifetimeMs,
      violate: (violation) => this.violations.push({ ...violation, at: Date.now() }),
    });
    this.channels = new ChannelPosts(this.world, this.messages, (violation) => this.violations.push({ ...violation, at: Date.now() }));
    this.gateway = new GatewayServer({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
      allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? 0,
      readyPayload: (session) => ({
        v: 10,
        user: { ...this.world.botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
        guilds: this.guildsOfShard(session.shard).map((id) => ({ id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: `${this.wsBase}/gateway-resume`,
        shard: session.shard,
        application: { id: this.world.applicationId, flags: 0 },
        session_type: 'normal',
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
        _trace: ['["emulator",{}]'],
      }),
      guildCreates: (shard) => (this.guildsOfShard(shard).length > 0 ? [guildCreatePayload(this.world)] : []),
    });
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        // A client that resets mid-request is its own problem (as on Discord); never crash the test process.
        if (!response.headersSent) sendJson(response, 500, { message: `Emulator error: ${String(error)}`, code: 0 });
        else response.destroy();
      });
    });
    this.server.on('clientError', (_error, socket) => socket.destroy());
    this.server.on('connection', (socket) => socket.on('error', () => undefined));
    this.server.on('upgrade', (request, socket, head) => {
      const path = new URL(request.url ?? '/', 'http://emulator').pathname;
      if (path === '/gateway' || path === '/gateway-resume') this.gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  }

  private guildsOfShard(shard: [number, number]): string[] {
    const shardOf = Number((BigInt(this.world.guild.id) >> 22n) % BigInt(shard[1]));
    return shardOf === shard[0] ? [this.world.guild.id] : [];
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** http://127.0.0.1:PORT */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** REST base for the client's `rest.api` option / the bot's DISCORD_API_URL: http://127.0.0.1:PORT/api */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  private get wsBase(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  get guildId(): string {
    return this.world.guild.id;
  }

  get user(): EmulatedUser {
    return this.world.user;
  }

  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }

  /** Violations of one kind, or all; a clean run has none. */
  violationsOf(kind?: ViolationKind): Violation[] {
    return kind ? this.violations.filter((violation) => violation.kind === kind) : [...this.violations];
  }

  /** Requests whose path matches a template (see RateLimitRule.route), optionally by method. */
  requestsTo(route: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter((request) => (!method || request.method === method) && (typeof route === 'string' ? matchTemplate(route, request.path) : route.test(request.path)));
  }

  addUser(username: string): EmulatedUser {
    return addUser(this.world, username);
  }

  /** Make the next `count` requests matching the rule answer 429 with Discord's headers and body. */
  rateLimitNext(rule: RateLimitRule): void {
    this.rateLimits.push({ rule: { count: 1, retryAfter: 0.25, global: false, scope: rule.global ? 'global' : 'user', ...rule }, windows: new Map() });
  }

  // ---- Gateway controls -------------------------------------------------------------------------

  /** Close the bot's socket(s) with a resumable code (4000), or abruptly; resolves when closed. */
  dropConnection(options: { code?: number; abrupt?: boolean } = {}): Promise<void> {
    return this.gateway.dropConnections(options);
  }

  /** Resolves on the next successful RESUME (call before dropping the connection). */
  waitForResume(timeoutMs = 10_000): Promise<{ sessionId: string; seq: number; replayed: number; path: string }> {
    return this.gateway.waitFor('resume', timeoutMs);
  }

  /** Resolves on the next IDENTIFY. */
  waitForIdentify(timeoutMs = 10_000): Promise<IdentifyRecord> {
    return this.gateway.waitFor('identify', timeoutMs);
  }

  // ---- Interactions --------------------------------------------------------------------------------

  private payloadDeps(): PayloadDeps {
    return { world: this.world, baseUrl: this.baseUrl, storeAttachment: (input) => this.storeAttachment(input) };
  }

  private storeAttachment(input: AttachmentInput): StoredAttachment {
    const stored: StoredAttachment = { id: nextSnowflake(), filename: input.filename, contentType: input.contentType ?? 'application/octet-stream', content: Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content) };
    this.attachments.set(stored.id, stored);
    return stored;
  }

  private fire(payload: Record<string, unknown>): InteractionHandle {
    const handle = new InteractionHandle(String(payload.id), String(payload.token), Number(payload.type), payload, Date.now(), (id) => this.messages.get(id), this.options.waitTimeoutMs);
    // Dispatch first (it throws when no bot is connected); the answer can only arrive on a later tick.
    this.gateway.dispatch('INTERACTION_CREATE', payload, (payload.guild_id as string | undefined) ?? null);
    this.byId.set(handle.id, handle);
    this.byToken.set(handle.token, handle);
    this.interactions.push(handle);
    return handle;
  }

  private registered(name: string, inGuild: boolean, otherGuild?: string) {
    // Another server sees the commands registered for the world's guild too (as if registered there as well).
    const command = this.commands.find(name, inGuild ? (otherGuild ?? this.world.guild.id) : null) ?? (otherGuild ? this.commands.find(name, this.world.guild.id) : undefined);
    if (!command) throw new Error(`Emulator: /${name} is not registered (register commands through REST first)`);
    return command;
  }

  /**
   * A member runs a slash command. `name` may include sub-commands: "config set".
   * Options are checked against the registered definition (types, choices, required).
   */
  sendCommand(name: string, options: Record<string, OptionValue> = {}, context: InteractionContext = {}): InteractionHandle {
    const [commandName, ...path] = name.trim().split(/\s+/);
    const command = this.registered(commandName!, context.inGuild ?? true, context.guildId);
    const payload = basePayload(this.payloadDeps(), InteractionType.ApplicationCommand, context);
    payload.data = commandData(this.payloadDeps(), command, path, options);
    return this.fire(payload);
  }

  /** A member types `value` into the autocomplete option `focused`; the other options as already filled in. */
  sendAutocomplete(name: string, focused: string, value: string, otherOptions: Record<string, OptionValue> = {}, context: InteractionContext = {}): InteractionHandle {
    const [commandName, ...path] = name.trim().split(/\s+/);
    const command = this.registered(commandName!, context.inGuild ?? true, context.guildId);
    const payload = basePayload(this.payloadDeps(), InteractionType.Autocomplete, context);
    payload.data = commandData(this.payloadDeps(), command, path, otherOptions, { name: focused, value });
    return this.fire(payload);
  }

  /**
   * A member clicks a button. `message` is the bot's message carrying it (a RecordedMessage or its id);
   * by default the newest live message that has a component with this custom_id.
   */
  sendButton(customId: string, message?: RecordedMessage | string, context: InteractionContext = {}): InteractionHandle {
    const target = this.componentMessage(customId, message);
    const payload = basePayload(this.payloadDeps(), InteractionType.MessageComponent, context);
    payload.data = { custom_id: customId, component_type: 2 };
    payload.message = this.messageApiFor(target);
    return this.fire(payload);
  }

  /** A member picks values in a string select menu on one of the bot's messages. */
  sendSelect(customId: string, values: string[], message?: RecordedMessage | string, context: InteractionContext = {}): InteractionHandle {
    const target = this.componentMessage(customId, message);
    const payload = basePayload(this.payloadDeps(), InteractionType.MessageComponent, context);
    payload.data = { custom_id: customId, component_type: 3, values };
    payload.message = this.messageApiFor(target);
    return this.fire(payload);
  }

  /** A member submits a modal with text input values keyed by their custom_id. */
  sendModalSubmit(customId: string, fields: Record<string, string>, context: InteractionContext = {}): InteractionHandle {
    const payload = basePayload(this.payloadDeps(), InteractionType.ModalSubmit, context);
    payload.data = {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
    };
    return this.fire(payload);
  }

  private componentMessage(customId: string, message?: RecordedMessage | string): RecordedMessage {
    const hasComponent = (candidate: RecordedMessage) =>
      candidate.components.some((row) => (row.components ?? []).some((component) => component.custom_id === customId));
    const target =
      typeof message === 'string'
        ? this.messages.get(message)
        : message
          ? this.messages.get(message.id)
          : this.messages.all().filter((candidate) => !candidate.deleted && hasComponent(candidate)).at(-1);
    if (!target) throw new Error(`Emulator: no bot message carries a component "${customId}"`);
    if (!hasComponent(target)) throw new Error(`Emulator: message ${target.id} has no component "${customId}" (a member cannot click it)`);
    const disabled = target.components.some((row) => (row.components ?? []).some((component) => component.custom_id === customId && component.disabled));
    if (disabled) throw new Error(`Emulator: component "${customId}" is disabled`);
    return target;
  }

  private messageApiFor(message: RecordedMessage): Record<string, unknown> {
    const origin = this.byId.get(message.interactionId);
    const user = (origin?.payload.member as { user?: EmulatedUser } | undefined)?.user ?? (origin?.payload.user as EmulatedUser | undefined) ?? this.world.user;
    const name = (origin?.payload.data as { name?: string } | undefined)?.name;
    return this.messages.toApi(message, origin ? { id: origin.id, type: origin.type, user, ...(name ? { name } : {}) } : undefined);
  }

  /**
   * Forget what was recorded so far (requests, violations, finished interactions and their messages),
   * so a long benchmark does not hold every payload in memory. Pending interactions stay answerable.
   */
  clearRecords(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    const pending = this.interactions.filter((handle) => !handle.acknowledgement || !handle.finalized);
    const keep = new Set(pending);
    for (const handle of this.interactions) {
      if (keep.has(handle)) continue;
      this.byId.delete(handle.id);
      this.byToken.delete(handle.token);
    }
    this.messages.forgetExcept(new Set(pending.map((handle) => handle.id)));
    this.interactions.splice(0, this.interactions.length, ...pending);
  }

  /** Interactions still without an accepted initial response. */
  unanswered(): InteractionHandle[] {
    return this.interactions.filter((handle) => !handle.acknowledgement);
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Discord's deadline is met when the request reaches it, not when its body has been parsed.
    const receivedAt = performance.now();
    const url = new URL(request.url ?? '/', this.baseUrl);
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith('/attachments/')) return this.serveAttachment(url.pathname, response);
    const parsed = await readBody(request);
    // Clients percent-encode some characters ('@original' arrives as '%40original'); Discord decodes them.
    const pathname = safeDecode(url.pathname);
    const path = pathname.startsWith(API_PREFIX) ? pathname.slice(API_PREFIX.length) || '/' : pathname;
    const authorized = request.headers.authorization === `Bot ${this.token}`;
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      authorized,
      body: parsed.json,
      files: parsed.files.map(({ field, filename, size, contentType }) => ({ field, filename, size, contentType })),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const limited = this.rateLimited(method, path);
    let reply: Reply & { headers?: Record<string, string> };
    if (limited) reply = limited;
    else if (!url.pathname.startsWith(API_PREFIX + '/')) reply = this.notFound(method, path);
    else if (parsed.tooLarge) reply = DiscordErrors.tooLarge;
    else if (parsed.malformed) reply = DiscordErrors.badJson;
    else reply = this.route(method, path, url.searchParams, parsed.json, parsed.files, authorized, request.headers.authorization, receivedAt);
    record.status = reply.status;
    sendJson(response, reply.status, reply.body, reply.headers);
  }

  private serveAttachment(pathname: string, response: ServerResponse): void {
    const id = pathname.split('/')[3] ?? '';
    const stored = this.attachments.get(id);
    if (!stored) return sendJson(response, 404, DiscordErrors.notFound.body);
    response.writeHead(200, { 'content-type': stored.contentType, 'content-length': stored.content.length }).end(stored.content);
  }

  private rateLimited(method: string, path: string): (Reply & { headers: Record<string, string> }) | undefined {
    const key = `${method} ${path}`;
    const now = Date.now();
    for (const limit of this.rateLimits) {
      const { rule } = limit;
      const until = limit.windows.get(key);
      if (until !== undefined && now < until) {
        this.violations.push({ kind: 'early-retry', method, path, detail: `Retried ${until - now} ms before retry_after elapsed`, at: now });
        return this.tooManyRequests(rule, (until - now) / 1000);
      }
    }
    for (const limit of this.rateLimits) {
      const { rule } = limit;
      if (rule.count <= 0) continue;
      if (rule.method && rule.method !== method) continue;
      if (!(typeof rule.route === 'string' ? matchTemplate(rule.route, path) : rule.route.test(path))) continue;
      rule.count--;
      limit.windows.set(key, now + rule.retryAfter * 1000);
      return this.tooManyRequests(rule, rule.retryAfter);
    }
    return undefined;
  }

  private tooManyRequests(rule: ActiveRateLimit['rule'], retryAfter: number): Reply & { headers: Record<string, string> } {
    const seconds = Math.round(retryAfter * 1000) / 1000;
    const headers: Record<string, string> = {
      // Discord's header is whole seconds (rounded up); the body carries the precise value.
      'retry-after': String(Math.max(1, Math.ceil(seconds))),
      'x-ratelimit-scope': rule.scope,
    };
    if (rule.global) headers['x-ratelimit-global'] = 'true';
    else {
      Object.assign(headers, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() + seconds * 1000) / 1000),
        'x-ratelimit-reset-after': String(seconds),
        'x-ratelimit-bucket': 'emulator-bucket',
      });
    }
    return { status: 429, body: { message: 'You are being rate limited.', retry_after: seconds, global: rule.global, ...(rule.global ? {} : { code: 0 }) }, headers };
  }

  private notFound(method: string, path: string): Reply {
    this.violations.push({ kind: 'unknown-route', method, path, detail: 'Route not emulated (or not a Discord route)', at: Date.now() });
    return DiscordErrors.notFound;
  }

  private unauthorized(method: string, path: string, header: string | undefined): Reply {
    this.violations.push({ kind: 'unauthorized', method, path, detail: header ? 'Wrong token' : 'Missing Authorization header', at: Date.now() });
    return DiscordErrors.unauthorized;
  }

  private route(method: string, path: string, query: URLSearchParams, json: unknown, files: Parameters<InteractionResponder['callback']>[4], authorized: boolean, header: string | undefined, receivedAt: number): Reply {
    const parts = path.split('/').filter(Boolean);
    const fullPath = API_PREFIX + path;
    // Interaction endpoints authenticate with the interaction token, not the bot token.
    if (parts[0] === 'interactions' && parts.length === 4 && parts[3] === 'callback') {
      return method === 'POST' ? this.responder.callback(parts[1]!, parts[2]!, query, json, files, fullPath, receivedAt) : DiscordErrors.methodNotAllowed;
    }
    if (parts[0] === 'webhooks' && parts.length >= 3) {
      const [, appId, token, sub, messageId] = parts;
      if (parts.length === 3 && method === 'POST') return this.responder.followUp(appId!, token!, query, json, files, fullPath);
      if (parts.length === 5 && sub === 'messages' && ['GET', 'PATCH', 'DELETE'].includes(method)) {
        return this.responder.webhookMessage(method, appId!, token!, messageId!, json, files, fullPath);
      }
      return this.notFound(method, path);
    }
    if (path === '/gateway' && method === 'GET') return { status: 200, body: { url: this.wsBase + '/gateway' } };
    if (!authorized) return this.unauthorized(method, path, header);
    if (path === '/gateway/bot' && method === 'GET') {
      return {
        status: 200,
        body: { url: `${this.wsBase}/gateway`, shards: this.options.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: this.options.maxConcurrency } },
      };
    }
    if (path === '/users/@me' && method === 'GET') return { status: 200, body: { ...this.world.botUser, verified: true, mfa_enabled: false, flags: 0, email: null, locale: 'en-US' } };
    if (path === '/applications/@me' && method === 'GET') {
      return {
        status: 200,
        body: { id: this.world.applicationId, name: this.world.botUser.username, icon: null, description: '', bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0, owner: this.world.user, team: null, bot: this.world.botUser, approximate_guild_count: 1, integration_types_config: { '0': {} } },
      };
    }
    if (parts[0] === 'applications' && parts[1] !== undefined) return this.commandRoute(method, path, parts, json);
    if (parts[0] === 'channels' && parts.length === 3 && parts[2] === 'messages' && method === 'POST') return this.channels.post(parts[1]!, json, fullPath);
    if (parts[0] === 'channels' && parts.length === 3 && parts[2] === 'messages' && method === 'GET') return this.channels.list(parts[1]!, query);
    return this.notFound(method, path);
  }

  /** /applications/{app}/commands[/{id}] and /applications/{app}/guilds/{guild}/commands[/{id}] */
  private commandRoute(method: string, path: string, parts: string[], json: unknown): Reply {
    if (parts[1] !== this.world.applicationId) return DiscordErrors.unknownApplication;
    let guildId: string | undefined;
    let rest = parts.slice(2);
    if (rest[0] === 'guilds') {
      guildId = rest[1];
      if (guildId !== this.world.guild.id) return DiscordErrors.unknownGuild;
      rest = rest.slice(2);
    }
    if (rest[0] !== 'commands' || rest.length > 2) return this.notFound(method, path);
    const commandId = rest[1];
    const formError = (errors: ReturnType<typeof checkCommandList>): Reply => {
      this.violations.push({ kind: 'invalid-form-body', method, path, detail: errors, body: json, at: Date.now() });
      return { status: 400, body: invalidFormBody(errors) };
    };
    if (commandId === undefined) {
      if (method === 'GET') return { status: 200, body: this.commands.list(guildId) };
      if (method === 'PUT') {
        const errors = checkCommandList(json);
        if (errors.length > 0) return formError(errors);
        return { status: 200, body: this.commands.overwrite(json as Record<string, unknown>[], guildId) };
      }
      if (method === 'POST') {
        const errors = checkCommand(json, []);
        if (errors.length > 0) return formError(errors);
        const { command, created } = this.commands.upsert(json as Record<string, unknown>, guildId);
        return { status: created ? 201 : 200, body: command };
      }
      return DiscordErrors.methodNotAllowed;
    }
    const existing = this.commands.get(commandId, guildId);
    if (!existing) return DiscordErrors.unknownCommand;
    if (method === 'GET') return { status: 200, body: existing };
    if (method === 'DELETE') {
      this.commands.delete(commandId, guildId);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const errors = checkCommand({ ...existing, ...(json as Record<string, unknown>) }, []);
      if (errors.length > 0) return formError(errors);
      return { status: 200, body: this.commands.patch(commandId, json as Record<string, unknown>, guildId) };
    }
    return DiscordErrors.methodNotAllowed;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** Start an emulator on 127.0.0.1 with a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).listen();
}
