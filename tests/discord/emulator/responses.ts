/**
 * Interaction callbacks and the interaction webhook (edit original, follow-ups), with Discord's rules:
 * one initial response, within the acknowledgement deadline, of a type that fits the interaction;
 * the token then works for edits and follow-ups until it expires; every message body within limits.
 */
import { DiscordErrors, invalid, invalidFormBody, type FieldError } from './errors.js';
import { CallbackType, InteractionType, type InteractionHandle } from './handle.js';
import { checkChoices, checkMessage, checkModal, isEmptyMessage } from './limits.js';
import type { MessageStore, RecordedMessage, UploadedFile } from './messages.js';
import type { World } from './world.js';

export interface Reply {
  status: number;
  body?: unknown;
}

export type ViolationKind =
  | 'invalid-form-body'
  | 'empty-message'
  | 'already-acknowledged'
  | 'late-response'
  | 'expired-token'
  | 'wrong-callback-type'
  | 'unknown-interaction'
  | 'unauthorized'
  | 'early-retry'
  | 'unknown-route';

export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  interactionId?: string;
  /** Field errors for 'invalid-form-body'; otherwise a sentence. */
  detail: FieldError[] | string;
  body?: unknown;
  at: number;
}

export interface ResponderContext {
  world: World;
  messages: MessageStore;
  byId: Map<string, InteractionHandle>;
  byToken: Map<string, InteractionHandle>;
  ackDeadlineMs: number;
  tokenLifetimeMs: number;
  violate(violation: Omit<Violation, 'at'>): void;
}

const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [CallbackType.Message, CallbackType.DeferredMessage, CallbackType.Modal],
  [InteractionType.MessageComponent]: [CallbackType.Message, CallbackType.DeferredMessage, CallbackType.DeferredUpdate, CallbackType.UpdateMessage, CallbackType.Modal],
  [InteractionType.Autocomplete]: [CallbackType.AutocompleteResult],
  [InteractionType.ModalSubmit]: [CallbackType.Message, CallbackType.DeferredMessage, CallbackType.DeferredUpdate, CallbackType.UpdateMessage],
};

/** A copy of the message as it stands; arrays are copied because attachments and versions grow in place. */
const snapshot = (message: RecordedMessage | undefined): RecordedMessage | undefined =>
  message ? { ...message, attachments: [...message.attachments], versions: [...message.versions] } : undefined;

export class InteractionResponder {
  constructor(private readonly context: ResponderContext) {}

  private reject(handle: InteractionHandle | undefined, method: string, path: string, error: { status: number; body: { code: number; message: string } }, violation?: Omit<Violation, 'at' | 'method' | 'path' | 'interactionId'>): Reply {
    if (violation) this.context.violate({ ...violation, method, path, ...(handle ? { interactionId: handle.id } : {}) });
    if (handle) {
      handle.rejected.push({ method, path, status: error.status, code: error.body.code, message: error.body.message });
      handle.notify();
    }
    return { status: error.status, body: error.body };
  }

  private formErrors(handle: InteractionHandle | undefined, method: string, path: string, errors: FieldError[], body: unknown): Reply {
    const error = { status: 400, body: invalidFormBody(errors) };
    return this.reject(handle, method, path, error, { kind: 'invalid-form-body', detail: errors, body });
  }

  private interactionMessageApi(handle: InteractionHandle, message: RecordedMessage): Record<string, unknown> {
    const user = (handle.payload.member as { user?: unknown } | undefined)?.user ?? handle.payload.user;
    const data = handle.payload.data as { name?: string } | undefined;
    return this.context.messages.toApi(message, { id: handle.id, type: handle.type, user: user as never, ...(data?.name ? { name: data.name } : {}) });
  }

  /** POST /interactions/{id}/{token}/callback; `receivedAt` is performance.now() when the request arrived. */
  callback(id: string, token: string, query: URLSearchParams, json: unknown, files: UploadedFile[], path: string, receivedAt: number): Reply {
    const method = 'POST';
    const handle = this.context.byId.get(id);
    if (!handle || handle.token !== token) {
      return this.reject(undefined, method, path, DiscordErrors.unknownInteraction, { kind: 'unknown-interaction', detail: `No interaction ${id} with that token` });
    }
    const latencyMs = receivedAt - handle.dispatchedAt;
    if (handle.acknowledgement) {
      return this.reject(handle, method, path, DiscordErrors.alreadyAcknowledged, { kind: 'already-acknowledged', detail: `A second initial response (type ${String((json as { type?: unknown })?.type)})`, body: json });
    }
    if (latencyMs > this.context.ackDeadlineMs) {
      handle.late = true;
      return this.reject(handle, method, path, DiscordErrors.unknownInteraction, { kind: 'late-response', detail: `Acknowledged after ${Math.round(latencyMs)} ms (deadline ${this.context.ackDeadlineMs} ms)` });
    }
    const body = (typeof json === 'object' && json !== null ? json : {}) as { type?: unknown; data?: unknown };
    const type = typeof body.type === 'number' ? body.type : -1;
    if (!(ALLOWED_CALLBACKS[handle.type] ?? []).includes(type)) {
      const errors = [invalid(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', `Callback type ${type} is not valid for interaction type ${handle.type}`)];
      const reply = this.formErrors(handle, method, path, errors, json);
      this.context.violate({ kind: 'wrong-callback-type', method, path, interactionId: handle.id, detail: errors, body: json });
      return reply;
    }
    const data = (typeof body.data === 'object' && body.data !== null ? body.data : undefined) as Record<string, unknown> | undefined;
    const errors =
      type === CallbackType.Message || type === CallbackType.UpdateMessage
        ? checkMessage(data ?? {}, ['data'], { isNew: type === CallbackType.Message, fileCount: files.length })
        : type === CallbackType.AutocompleteResult
          ? checkChoices(data, ['data'])
          : type === CallbackType.Modal
            ? checkModal(data, ['data'])
            : checkMessage(data ?? {}, ['data'], { isNew: false });
    if (errors.length > 0) return this.formErrors(handle, method, path, errors, json);
    if (type === CallbackType.Message && isEmptyMessage(data, files.length)) {
      return this.reject(handle, method, path, DiscordErrors.emptyMessage, { kind: 'empty-message', detail: 'Reply with no content, embeds, components or files', body: json });
    }

    const channelId = (handle.payload.channel as { id: string }).id;
    const guildId = (handle.payload.guild_id as string | undefined) ?? null;
    const componentMessageId = (handle.payload.message as { id?: string } | undefined)?.id;
    if (type === CallbackType.Message || type === CallbackType.DeferredMessage) {
      const message = this.context.messages.create({ channelId, guildId, interactionId: handle.id, kind: 'original', body: data ?? {}, files, loading: type === CallbackType.DeferredMessage });
      handle.originalMessageId = message.id;
      handle.finalized = type === CallbackType.Message;
    } else if (type === CallbackType.UpdateMessage || type === CallbackType.DeferredUpdate) {
      const message = componentMessageId ? this.context.messages.get(componentMessageId) : undefined;
      if (message) {
        handle.originalMessageId = message.id;
        if (type === CallbackType.UpdateMessage) this.context.messages.apply(message, data ?? {}, files);
      }
      handle.finalized = type === CallbackType.UpdateMessage;
    }
    const withResponse = query.get('with_response') === 'true';
    handle.acknowledgement = { type, data, latencyMs, withResponse };
    const current = snapshot(handle.message);
    if (current) handle.history.push(current);
    handle.notify();
    if (!withResponse) return { status: 204 };
    const message = handle.message;
    return {
      status: 200,
      body: {
        interaction: {
          id: handle.id,
          type: handle.type,
          ...(message ? { response_message_id: message.id, response_message_loading: message.loading, response_message_ephemeral: message.ephemeral } : {}),
        },
        resource: { type, ...(message && type !== CallbackType.AutocompleteResult && type !== CallbackType.Modal ? { message: this.interactionMessageApi(handle, message) } : {}) },
      },
    };
  }

  /** Resolve an interaction webhook token; null reply when usable. */
  private webhookHandle(applicationId: string, token: string, method: string, path: string): { handle?: InteractionHandle; reply?: Reply } {
    const handle = this.context.byToken.get(token);
    if (applicationId !== this.context.world.applicationId || !handle) {
      return { reply: this.reject(undefined, method, path, DiscordErrors.unknownWebhook, { kind: 'unknown-interaction', detail: 'Unknown webhook token' }) };
    }
    if (handle.tokenExpired || Date.now() - handle.createdAt > this.context.tokenLifetimeMs) {
      return { reply: this.reject(handle, method, path, DiscordErrors.invalidWebhookToken, { kind: 'expired-token', detail: 'Interaction token used after it expired' }) };
    }
    if (!handle.acknowledgement) {
      return { reply: this.reject(handle, method, path, DiscordErrors.unknownWebhook, { kind: 'unknown-interaction', detail: 'Webhook used before the interaction was acknowledged' }) };
    }
    return { handle };
  }

  private messageFor(handle: InteractionHandle, messageId: string): RecordedMessage | undefined {
    if (messageId === '@original') return handle.message;
    const message = this.context.messages.get(messageId);
    return message && (message.interactionId === handle.id || message.id === handle.originalMessageId) ? message : undefined;
  }

  /** GET / PATCH / DELETE /webhooks/{app}/{token}/messages/{id|@original} */
  webhookMessage(method: string, applicationId: string, token: string, messageId: string, json: unknown, files: UploadedFile[], path: string): Reply {
    const { handle, reply } = this.webhookHandle(applicationId, token, method, path);
    if (!handle) return reply!;
    const message = this.messageFor(handle, messageId);
    if (!message || message.deleted) return this.reject(handle, method, path, DiscordErrors.unknownMessage);
    if (method === 'GET') return { status: 200, body: this.interactionMessageApi(handle, message) };
    if (method === 'DELETE') {
      message.deleted = true;
      handle.notify();
      return { status: 204 };
    }
    const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const errors = checkMessage(body, [], { isNew: false, fileCount: files.length });
    if (errors.length > 0) return this.formErrors(handle, method, path, errors, json);
    this.context.messages.apply(message, body, files);
    if (message.id === handle.originalMessageId) {
      handle.finalized = true;
      handle.history.push(snapshot(message)!);
    }
    handle.notify();
    return { status: 200, body: this.interactionMessageApi(handle, message) };
  }

  /** POST /webhooks/{app}/{token}?wait=true — a follow-up; the first after a deferral fills the loading message. */
  followUp(applicationId: string, token: string, query: URLSearchParams, json: unknown, files: UploadedFile[], path: string): Reply {
    const method = 'POST';
    const { handle, reply } = this.webhookHandle(applicationId, token, method, path);
    if (!handle) return reply!;
    const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const errors = checkMessage(body, [], { isNew: true, fileCount: files.length });
    if (errors.length > 0) return this.formErrors(handle, method, path, errors, json);
    if (isEmptyMessage(body, files.length)) {
      return this.reject(handle, method, path, DiscordErrors.emptyMessage, { kind: 'empty-message', detail: 'Follow-up with no content, embeds, components or files', body: json });
    }
    const original = handle.message;
    let message: RecordedMessage;
    if (original?.loading && handle.acknowledgement?.type === CallbackType.DeferredMessage) {
      this.context.messages.apply(original, body, files);
      handle.finalized = true;
      handle.history.push(snapshot(original)!);
      message = original;
    } else {
      const channelId = (handle.payload.channel as { id: string }).id;
      message = this.context.messages.create({ channelId, guildId: (handle.payload.guild_id as string | undefined) ?? null, interactionId: handle.id, kind: 'follow-up', body, files });
      handle.followUps.push(message);
    }
    handle.notify();
    if (query.get('wait') !== 'true') return { status: 204 };
    return { status: 200, body: this.interactionMessageApi(handle, message) };
  }
}
