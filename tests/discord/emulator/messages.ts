/** Messages the bot created through interaction responses and webhooks, kept as Discord would store them. */
import type { APIEmbed } from 'discord.js';
import { EPHEMERAL, LOADING } from './limits.js';
import { nextSnowflake } from './snowflake.js';
import type { EmulatedUser } from './world.js';

export interface MessageComponent {
  type: number;
  custom_id?: string;
  label?: string;
  style?: number;
  url?: string;
  disabled?: boolean;
  components?: MessageComponent[];
  options?: { label: string; value: string; description?: string }[];
  [key: string]: unknown;
}

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
  content: Buffer;
}

export interface RecordedMessage {
  id: string;
  channel_id: string;
  guild_id: string | null;
  content: string;
  embeds: APIEmbed[];
  components: MessageComponent[];
  flags: number;
  attachments: { id: string; filename: string; size: number; content_type: string }[];
  /** What the bot asked Discord to ping; the bot should send `{ parse: [] }`. */
  allowed_mentions: unknown;
  /** Convenience views of `flags`. */
  ephemeral: boolean;
  loading: boolean;
  /** The interaction whose token created this message. */
  interactionId: string;
  /** `channel`: posted with POST /channels/{id}/messages (announcements, digests), not through an interaction. */
  kind: 'original' | 'follow-up' | 'channel';
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  /** Every body the bot sent for this message, first to last. */
  versions: Record<string, unknown>[];
}

export class MessageStore {
  private readonly byId = new Map<string, RecordedMessage>();

  constructor(private readonly author: EmulatedUser, private readonly applicationId: string) {}

  get(id: string): RecordedMessage | undefined {
    return this.byId.get(id);
  }

  /** Drop messages except those created by the given interactions. */
  forgetExcept(interactionIds: Set<string>): void {
    for (const [id, message] of this.byId) if (!interactionIds.has(message.interactionId)) this.byId.delete(id);
  }

  all(): RecordedMessage[] {
    return [...this.byId.values()];
  }

  create(input: { channelId: string; guildId: string | null; interactionId: string; kind: RecordedMessage['kind']; body: Record<string, unknown>; files: UploadedFile[]; loading?: boolean }): RecordedMessage {
    const flags = (typeof input.body.flags === 'number' ? input.body.flags : 0) | (input.loading ? LOADING : 0);
    const message: RecordedMessage = {
      id: nextSnowflake(),
      channel_id: input.channelId,
      guild_id: input.guildId,
      content: '',
      embeds: [],
      components: [],
      flags,
      attachments: [],
      allowed_mentions: undefined,
      ephemeral: (flags & EPHEMERAL) !== 0,
      loading: Boolean(input.loading),
      interactionId: input.interactionId,
      kind: input.kind,
      createdAt: Date.now(),
      editedAt: null,
      deleted: false,
      versions: [],
    };
    this.apply(message, input.body, input.files);
    message.editedAt = null;
    if (input.loading) {
      message.loading = true;
      message.flags |= LOADING;
    }
    this.byId.set(message.id, message);
    return message;
  }

  /** PATCH semantics: fields present in the body replace the stored ones; ephemerality never changes. */
  apply(message: RecordedMessage, body: Record<string, unknown>, files: UploadedFile[]): void {
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]) : [];
    if ('components' in body) message.components = Array.isArray(body.components) ? (body.components as MessageComponent[]) : [];
    if ('allowed_mentions' in body) message.allowed_mentions = body.allowed_mentions;
    if ('attachments' in body && Array.isArray(body.attachments)) {
      const keep = new Set((body.attachments as { id?: unknown }[]).map((attachment) => String(attachment.id)));
      message.attachments = message.attachments.filter((attachment) => keep.has(attachment.id));
    }
    for (const file of files) {
      message.attachments.push({ id: nextSnowflake(), filename: file.filename, size: file.size, content_type: file.contentType });
    }
    if (typeof body.flags === 'number') {
      // Only SUPPRESS_EMBEDS-like flags can change after creation; keep EPHEMERAL as it was.
      message.flags = (body.flags & ~EPHEMERAL) | (message.flags & EPHEMERAL);
    }
    message.loading = false;
    message.flags &= ~LOADING;
    message.editedAt = Date.now();
    message.versions.push(body);
  }

  /** The message object Discord returns from webhook calls and puts in component interactions. */
  toApi(message: RecordedMessage, interaction?: { id: string; type: number; user: EmulatedUser; name?: string }): Record<string, unknown> {
    return {
      id: message.id,
      type: message.kind === 'original' ? 20 : 0,
      channel_id: message.channel_id,
      ...(message.guild_id ? { guild_id: message.guild_id } : {}),
      author: this.author,
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachments: message.attachments.map((attachment) => ({ ...attachment, url: `https://cdn.discordapp.com/attachments/${message.channel_id}/${attachment.id}/${attachment.filename}`, proxy_url: `https://media.discordapp.net/attachments/${message.channel_id}/${attachment.id}/${attachment.filename}` })),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
      flags: message.flags,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      position: 0,
      ...(interaction
        ? { interaction_metadata: { id: interaction.id, type: interaction.type, user: interaction.user, authorizing_integration_owners: {}, ...(interaction.name ? { name: interaction.name } : {}) } }
        : {}),
    };
  }
}
