/**
 * Messages the bot posts to channels (POST /channels/{id}/messages): announcements and digests. A
 * deleted channel answers 404 Unknown Channel (10003), a channel where the bot may not post 403
 * Missing Permissions (50013), as Discord does; `enforce_nonce` returns the message already made
 * with that nonce instead of a second one (Discord keeps nonces for a few minutes: `forgetNonces`
 * stands for that window passing). GET /channels/{id}/messages lists the channel, newest first.
 */
import { DiscordErrors, invalidFormBody, type DiscordErrorBody } from './errors.js';
import { checkMessage, isEmptyMessage } from './limits.js';
import type { MessageStore, RecordedMessage } from './messages.js';
import type { Reply, Violation } from './responses.js';
import type { World } from './world.js';

export const ChannelErrors = {
  unknownChannel: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
  missingPermissions: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
} as const satisfies Record<string, { status: number; body: DiscordErrorBody }>;

export class ChannelPosts {
  private readonly deleted = new Set<string>();
  private readonly denied = new Map<string, keyof typeof ChannelErrors>();
  private readonly nonces = new Map<string, string>();

  constructor(
    private readonly world: World,
    private readonly messages: MessageStore,
    private readonly violate: (violation: Omit<Violation, 'at'>) => void,
  ) {}

  /** The channel is gone (every later post answers 10003). */
  deleteChannel(channelId: string): void {
    this.deleted.add(channelId);
  }

  /** The bot loses the right to post there (403 50013, or 50001 when it cannot even see it). */
  deny(channelId: string, error: 'missingPermissions' | 'missingAccess' = 'missingPermissions'): void {
    this.denied.set(channelId, error);
  }

  allow(channelId: string): void {
    this.denied.delete(channelId);
  }

  /** Discord's few minutes of nonce memory have passed: a repeated nonce makes a new message. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  /** GET /channels/{id}/messages: the latest `limit` (1–100, default 50), newest first. */
  list(channelId: string, query: URLSearchParams): Reply {
    const channel = this.world.channels.find((c) => c.id === channelId);
    if (!channel || this.deleted.has(channelId)) return ChannelErrors.unknownChannel;
    const denied = this.denied.get(channelId);
    if (denied === 'missingAccess') return ChannelErrors.missingAccess;
    const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
    const latest = this.inChannel(channelId).reverse().slice(0, limit);
    return { status: 200, body: latest.map((m) => this.messages.toApi(m)) };
  }

  /** What the bot posted in a channel, oldest first. */
  inChannel(channelId: string): RecordedMessage[] {
    return this.messages
      .all()
      .filter((m) => m.kind === 'channel' && m.channel_id === channelId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  post(channelId: string, json: unknown, path: string): Reply {
    const method = 'POST';
    const channel = this.world.channels.find((c) => c.id === channelId);
    if (!channel || this.deleted.has(channelId)) return ChannelErrors.unknownChannel;
    const denied = this.denied.get(channelId);
    if (denied) return ChannelErrors[denied];
    const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
    const errors = checkMessage(body, [], { isNew: true, fileCount: 0 });
    if (errors.length > 0) {
      this.violate({ kind: 'invalid-form-body', method, path, detail: JSON.stringify(errors), body: json });
      return { status: 400, body: invalidFormBody(errors) };
    }
    if (isEmptyMessage(body, 0)) {
      this.violate({ kind: 'empty-message', method, path, detail: 'Channel message with no content, embeds or components', body: json });
      return DiscordErrors.emptyMessage;
    }
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? `${channelId}:${String(body.nonce)}` : null;
    if (nonce && body.enforce_nonce === true) {
      const existing = this.nonces.get(nonce);
      const message = existing ? this.messages.get(existing) : undefined;
      if (message) return { status: 200, body: this.messages.toApi(message) };
    }
    const message = this.messages.create({ channelId, guildId: channel.guild_id, interactionId: '', kind: 'channel', body, files: [] });
    if (nonce) this.nonces.set(nonce, message.id);
    return { status: 200, body: this.messages.toApi(message) };
  }
}
