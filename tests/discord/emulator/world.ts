/** The small Discord world the emulator serves: one application with its bot user, one guild, channels, members. */
import { nextSnowflake } from './snowflake.js';

export interface EmulatedUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  public_flags?: number;
}

export interface EmulatedChannel {
  id: string;
  type: number;
  name: string;
  guild_id: string;
  position: number;
  parent_id: string | null;
  nsfw: boolean;
  topic: string | null;
  permission_overwrites: unknown[];
}

export interface World {
  applicationId: string;
  botUser: EmulatedUser;
  user: EmulatedUser;
  guild: { id: string; name: string; ownerId: string; everyoneRoleId: string };
  channel: EmulatedChannel;
  channels: EmulatedChannel[];
  users: Map<string, EmulatedUser>;
}

/** The permissions a plain member has by default (View, Send, Embed, Attach, History, Use App Commands…). */
export const MEMBER_PERMISSIONS = '2248473465835073';
/** Everything (the Administrator bit and all others) for an owner/admin. */
export const ADMIN_PERMISSIONS = '4503599627370495';
/** What the bot was granted when invited with the applications.commands and bot scopes. */
export const BOT_PERMISSIONS = '2248473465835073';

function makeUser(username: string, bot = false): EmulatedUser {
  return { id: nextSnowflake(), username, global_name: bot ? null : username, discriminator: bot ? '0001' : '0', avatar: null, ...(bot ? { bot: true } : {}), public_flags: 0 };
}

export function createWorld(options: { botName?: string; guildName?: string } = {}): World {
  const applicationId = nextSnowflake();
  const botUser: EmulatedUser = { ...makeUser(options.botName ?? 'briefbot', true), id: applicationId };
  const user = makeUser('reader');
  const guildId = nextSnowflake();
  const channel = (name: string, position: number): EmulatedChannel => ({
    id: nextSnowflake(),
    type: 0,
    name,
    guild_id: guildId,
    position,
    parent_id: null,
    nsfw: false,
    topic: null,
    permission_overwrites: [],
  });
  const channels = [channel('general', 0), channel('news', 1)];
  const users = new Map([botUser, user].map((entry) => [entry.id, entry]));
  return {
    applicationId,
    botUser,
    user,
    guild: { id: guildId, name: options.guildName ?? 'Newsroom', ownerId: user.id, everyoneRoleId: guildId },
    channel: channels[0]!,
    channels,
    users,
  };
}

export function addUser(world: World, username: string): EmulatedUser {
  const user = makeUser(username);
  world.users.set(user.id, user);
  return user;
}

export function memberObject(world: World, user: EmulatedUser, permissions?: string): Record<string, unknown> {
  return {
    user,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: new Date(Date.UTC(2024, 0, 1)).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(permissions !== undefined ? { permissions } : {}),
  };
}

/** GUILD_CREATE payload, as Discord sends it to a bot with only the Guilds intent (no member list). */
export function guildCreatePayload(world: World): Record<string, unknown> {
  const { guild } = world;
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: [
      { id: guild.everyoneRoleId, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: MEMBER_PERMISSIONS, managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.channel.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: new Date(Date.UTC(2024, 0, 1)).toISOString(),
    large: false,
    unavailable: false,
    member_count: world.users.size,
    voice_states: [],
    members: [memberObject(world, world.botUser)],
    channels: world.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The partial channel object Discord puts in an interaction payload. */
export function interactionChannel(channel: EmulatedChannel): Record<string, unknown> {
  return { id: channel.id, type: channel.type, name: channel.name, guild_id: channel.guild_id, position: channel.position, parent_id: channel.parent_id, nsfw: channel.nsfw, topic: channel.topic, flags: 0, permissions: MEMBER_PERMISSIONS, last_message_id: null, rate_limit_per_user: 0 };
}
