/**
 * INTERACTION_CREATE payloads shaped like Discord's: typed option arrays (nested for sub-commands),
 * `resolved` objects for users, channels, roles and attachments, the member with its permission string.
 * Options are checked against the registered command so a test cannot send what Discord's client would not.
 */
import type { CommandOptionDef, RegisteredCommand } from './commands.js';
import { InteractionType } from './handle.js';
import { nextSnowflake, nextToken } from './snowflake.js';
import { BOT_PERMISSIONS, MEMBER_PERMISSIONS, interactionChannel, memberObject, type EmulatedChannel, type EmulatedUser, type World } from './world.js';

export const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10, Attachment: 11 } as const;

export interface AttachmentInput {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

/** A value for one command option: plain values, a user, or a file for ATTACHMENT options. */
export type OptionValue = string | number | boolean | EmulatedUser | { attachment: AttachmentInput };

export interface InteractionContext {
  /** Who invokes it; default the world's member "reader". */
  user?: EmulatedUser;
  /** Member permission bit string; default a plain member's. */
  permissions?: string;
  /** false → in a DM with the bot (no guild, no member). Default true. */
  inGuild?: boolean;
  channel?: EmulatedChannel;
  locale?: string;
  appPermissions?: string;
  /** Another server than the world's own (its id): the same channels and members, a different guild_id. */
  guildId?: string;
  /** Role ids the member has (roles option values may name any of them). */
  roles?: string[];
  /** The app is installed only by the member (user install), not in the server. */
  userInstallOnly?: boolean;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface PayloadDeps {
  world: World;
  baseUrl: string;
  storeAttachment(input: AttachmentInput): StoredAttachment;
}

interface Resolved {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  channels?: Record<string, unknown>;
  roles?: Record<string, unknown>;
  attachments?: Record<string, unknown>;
}

type ApiOption = { type: number; name: string; value?: string | number | boolean; focused?: boolean; options?: ApiOption[] };

export function basePayload(deps: PayloadDeps, type: number, context: InteractionContext): Record<string, unknown> {
  const { world } = deps;
  const user = context.user ?? world.user;
  const inGuild = context.inGuild ?? true;
  const channel = context.channel ?? world.channel;
  const common = {
    id: nextSnowflake(),
    application_id: world.applicationId,
    type,
    token: nextToken('interaction'),
    version: 1,
    locale: context.locale ?? 'en-US',
    app_permissions: context.appPermissions ?? BOT_PERMISSIONS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (!inGuild) {
    return {
      ...common,
      user,
      channel: { id: nextSnowflake(), type: 1, flags: 0, last_message_id: null, recipients: [user] },
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  }
  const guildId = context.guildId ?? world.guild.id;
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: channel.id,
    channel: interactionChannel(channel),
    member: { ...memberObject(world, user, context.permissions ?? MEMBER_PERMISSIONS), roles: context.roles ?? [] },
    authorizing_integration_owners: context.userInstallOnly ? { '1': user.id } : { '0': guildId },
    context: 0,
  };
}

function fail(message: string): never {
  throw new Error(`Emulator: ${message}`);
}

/** Split "group sub" paths and find the leaf option list of a command. */
function descend(command: RegisteredCommand, path: string[]): { defs: CommandOptionDef[]; wrap: (leaf: ApiOption[]) => ApiOption[] } {
  let defs = command.options ?? [];
  const wrappers: ((inner: ApiOption[]) => ApiOption)[] = [];
  for (const part of path) {
    const def = defs.find((option) => option.name === part && (option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup));
    if (!def) fail(`/${command.name} has no sub-command "${part}"`);
    wrappers.push((inner) => ({ type: def.type, name: def.name, options: inner }));
    defs = def.options ?? [];
  }
  if (defs.some((def) => def.type === OptionType.Subcommand || def.type === OptionType.SubcommandGroup)) {
    fail(`/${command.name} needs a sub-command: name it like "${command.name} <sub>"`);
  }
  return { defs, wrap: (leaf) => wrappers.reduceRight<ApiOption[]>((inner, wrapper) => [wrapper(inner)], leaf) };
}

function isUser(value: OptionValue): value is EmulatedUser {
  return typeof value === 'object' && value !== null && 'username' in value;
}

function toOption(def: CommandOptionDef, value: OptionValue, deps: PayloadDeps, resolved: Resolved, strict: boolean): ApiOption {
  const { world } = deps;
  const where = `option "${def.name}"`;
  switch (def.type) {
    case OptionType.String: {
      if (typeof value !== 'string') fail(`${where} takes a string`);
      if (strict && def.choices && !def.choices.some((choice) => choice.value === value)) fail(`${where} must be one of its choices`);
      if (strict && def.max_length !== undefined && value.length > def.max_length) fail(`${where} is longer than max_length`);
      if (strict && def.min_length !== undefined && value.length < def.min_length) fail(`${where} is shorter than min_length`);
      return { type: def.type, name: def.name, value };
    }
    case OptionType.Integer:
    case OptionType.Number: {
      if (typeof value !== 'number' || (def.type === OptionType.Integer && !Number.isInteger(value))) fail(`${where} takes ${def.type === OptionType.Integer ? 'an integer' : 'a number'}`);
      if (strict && ((def.min_value !== undefined && value < def.min_value) || (def.max_value !== undefined && value > def.max_value))) fail(`${where} is out of range`);
      if (strict && def.choices && !def.choices.some((choice) => choice.value === value)) fail(`${where} must be one of its choices`);
      return { type: def.type, name: def.name, value };
    }
    case OptionType.Boolean:
      if (typeof value !== 'boolean') fail(`${where} takes a boolean`);
      return { type: def.type, name: def.name, value };
    case OptionType.User:
    case OptionType.Mentionable: {
      const user = isUser(value) ? value : world.users.get(String(value));
      if (!user) fail(`${where}: unknown user ${String(value)}`);
      resolved.users = { ...resolved.users, [user.id]: user };
      const { user: _omit, ...member } = memberObject(world, user, MEMBER_PERMISSIONS);
      resolved.members = { ...resolved.members, [user.id]: member };
      return { type: def.type, name: def.name, value: user.id };
    }
    case OptionType.Channel: {
      const channel = world.channels.find((entry) => entry.id === value || entry.name === value);
      if (!channel) fail(`${where}: unknown channel ${String(value)}`);
      resolved.channels = { ...resolved.channels, [channel.id]: interactionChannel(channel) };
      return { type: def.type, name: def.name, value: channel.id };
    }
    case OptionType.Role: {
      const id = String(value);
      if (!/^\d{17,20}$/.test(id)) fail(`${where}: a role id`);
      resolved.roles = { ...resolved.roles, [id]: { id, name: id === world.guild.everyoneRoleId ? '@everyone' : 'editors', color: 0, hoist: false, position: 0, permissions: MEMBER_PERMISSIONS, managed: false, mentionable: false, flags: 0 } };
      return { type: def.type, name: def.name, value: id };
    }
    case OptionType.Attachment: {
      if (typeof value !== 'object' || value === null || !('attachment' in value)) fail(`${where} takes { attachment: { filename, content } }`);
      const stored = deps.storeAttachment(value.attachment);
      const url = `${deps.baseUrl}/attachments/${world.channel.id}/${stored.id}/${encodeURIComponent(stored.filename)}`;
      resolved.attachments = {
        ...resolved.attachments,
        [stored.id]: { id: stored.id, filename: stored.filename, size: stored.content.length, url, proxy_url: url, content_type: stored.contentType, ephemeral: true },
      };
      return { type: def.type, name: def.name, value: stored.id };
    }
    default:
      return fail(`${where}: option type ${def.type} is not emulated`);
  }
}

/** Build `data` for a chat-input command, or for its autocomplete when `focused` is given. */
export function commandData(
  deps: PayloadDeps,
  command: RegisteredCommand,
  path: string[],
  values: Record<string, OptionValue>,
  focused?: { name: string; value: string },
): Record<string, unknown> {
  const { defs, wrap } = descend(command, path);
  const resolved: Resolved = {};
  const isAutocomplete = focused !== undefined;
  const leaf: ApiOption[] = [];
  for (const [name, value] of Object.entries(values)) {
    const def = defs.find((option) => option.name === name);
    if (!def) fail(`/${[command.name, ...path].join(' ')} has no option "${name}"`);
    leaf.push(toOption(def, value, deps, resolved, !isAutocomplete));
  }
  if (focused) {
    const def = defs.find((option) => option.name === focused.name);
    if (!def) fail(`/${command.name} has no option "${focused.name}"`);
    if (!def.autocomplete) fail(`option "${focused.name}" of /${command.name} is not registered with autocomplete: true`);
    leaf.push({ type: def.type, name: def.name, value: focused.value, focused: true });
  } else {
    const missing = defs.filter((def) => def.required && !(def.name in values));
    if (missing.length > 0) fail(`/${command.name} is missing required option(s): ${missing.map((def) => def.name).join(', ')}`);
  }
  const options = wrap(leaf);
  return {
    id: command.id,
    name: command.name,
    type: 1,
    ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    ...(options.length > 0 ? { options } : {}),
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

export function commandInteractionType(autocomplete: boolean): number {
  return autocomplete ? InteractionType.Autocomplete : InteractionType.ApplicationCommand;
}
