/**
 * Posting a message to a channel through discord.js's REST client (which waits out 429s itself and
 * keeps the per-route buckets). Answers Discord gives when the channel is gone or closed to the bot
 * are outcomes, not errors: the caller pauses what posts there instead of retrying forever.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { BotMessage } from '../bot/command.js';
import { fitContent } from '../bot/limits.js';

export type GoneReason = 'unknown-channel' | 'missing-access' | 'missing-permissions' | 'rejected';

export type PostResult = { readonly kind: 'sent'; readonly messageId: string } | { readonly kind: 'gone'; readonly reason: GoneReason; readonly detail: string };

export interface ChannelPoster {
  /** Posts once per nonce: Discord returns the message already made with it (enforce_nonce). Transient failures reject. */
  post(channelId: string, message: BotMessage, nonce: string): Promise<PostResult>;
  /**
   * The id of this message if the bot already posted it among the channel's latest messages (same
   * content and embeds), else null; null too when the channel cannot be read. For a retry that comes
   * after Discord has forgotten the nonce.
   */
  findPosted(channelId: string, message: BotMessage): Promise<string | null>;
}

/** How many of a channel's latest messages a late retry looks through for its own post. */
const RECENT_MESSAGES = 50;

interface ApiMessage {
  readonly id: string;
  readonly author?: { readonly id?: string };
  readonly content?: string;
  readonly embeds?: readonly { readonly title?: string; readonly description?: string }[];
}

/** Same post as far as a reader sees: its text and each embed's title and description. */
function samePost(sent: ApiMessage, message: BotMessage): boolean {
  if ((sent.content ?? '') !== (message.content !== undefined ? fitContent(message.content) : '')) return false;
  const wanted = message.embeds ?? [];
  const got = sent.embeds ?? [];
  if (wanted.length !== got.length) return false;
  return wanted.every((embed, i) => (embed.title ?? '') === (got[i]?.title ?? '') && (embed.description ?? '') === (got[i]?.description ?? ''));
}

/** Discord's nonce is at most 25 characters: a hash of the delivery key. */
export function nonceOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 25);
}

const GONE: Readonly<Record<number, GoneReason>> = {
  10003: 'unknown-channel',
  10004: 'unknown-channel', // Unknown Guild: the bot was removed
  50001: 'missing-access',
  50013: 'missing-permissions',
  50035: 'rejected', // Invalid Form Body: sending it again would not help
};

export function restPoster(rest: REST, botUserId: string): ChannelPoster {
  return {
    async findPosted(channelId, message) {
      try {
        const latest = (await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }) })) as ApiMessage[];
        return latest.find((m) => m.author?.id === botUserId && samePost(m, message))?.id ?? null;
      } catch {
        return null; // cannot read the channel: posting will tell whether it is gone
      }
    },
    async post(channelId, message, nonce) {
      const body = {
        ...(message.content !== undefined ? { content: fitContent(message.content) } : {}),
        ...(message.embeds ? { embeds: message.embeds } : {}),
        ...(message.components ? { components: message.components } : {}),
        allowed_mentions: { parse: [] },
        nonce,
        enforce_nonce: true,
      };
      try {
        const sent = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
        return { kind: 'sent', messageId: sent.id };
      } catch (error) {
        if (error instanceof DiscordAPIError && typeof error.code === 'number' && GONE[error.code]) {
          return { kind: 'gone', reason: GONE[error.code]!, detail: `${error.code} ${error.message}` };
        }
        throw error;
      }
    },
  };
}

export function describeGone(reason: GoneReason): string {
  switch (reason) {
    case 'unknown-channel':
      return 'the channel no longer exists';
    case 'missing-access':
      return 'I cannot see that channel any more';
    case 'missing-permissions':
      return 'I am not allowed to post there (I need View Channel, Send Messages and Embed Links)';
    case 'rejected':
      return 'Discord refused the message';
  }
}
