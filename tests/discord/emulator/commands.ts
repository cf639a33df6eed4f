/** Registered application commands, global and per guild, with Discord's id/version bookkeeping. */
import { nextSnowflake } from './snowflake.js';

export interface CommandOptionDef {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: CommandOptionDef[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: CommandOptionDef[];
  default_member_permissions: string | null;
  dm_permission?: boolean;
  contexts?: number[] | null;
  integration_types?: number[];
  nsfw: boolean;
  [key: string]: unknown;
}

const GLOBAL = 'global';

export class CommandStore {
  private readonly scopes = new Map<string, RegisteredCommand[]>();
  /** Creates and updates counted like Discord's 200-per-day budget (a bulk overwrite counts each changed command). */
  writes = 0;

  constructor(private readonly applicationId: string) {}

  list(guildId?: string): RegisteredCommand[] {
    return [...(this.scopes.get(guildId ?? GLOBAL) ?? [])];
  }

  /** The command a member would invoke: a guild command shadows a global one of the same name. */
  find(name: string, guildId?: string | null): RegisteredCommand | undefined {
    const matches = (command: RegisteredCommand) => command.name === name && command.type === 1;
    return (guildId ? this.list(guildId).find(matches) : undefined) ?? this.list().find(matches);
  }

  private materialize(definition: Record<string, unknown>, guildId: string | undefined, previous?: RegisteredCommand): RegisteredCommand {
    const type = typeof definition.type === 'number' ? definition.type : 1;
    const normalized = Array.isArray(definition.options) ? (definition.options as Record<string, unknown>[]).map(asDiscordReturnsOption) : [];
    const options = normalized.length > 0 ? normalized : undefined;
    const command: RegisteredCommand = {
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...definition,
      options: options as CommandOptionDef[] | undefined,
      id: previous?.id ?? nextSnowflake(),
      application_id: this.applicationId,
      version: previous && sameDefinition(previous, { ...definition, options }) ? previous.version : nextSnowflake(),
      type,
      name: String(definition.name),
      description: typeof definition.description === 'string' ? definition.description : '',
      ...(guildId ? { guild_id: guildId } : {}),
    };
    if (!previous || previous.version !== command.version) this.writes++;
    return command;
  }

  overwrite(definitions: Record<string, unknown>[], guildId?: string): RegisteredCommand[] {
    const previous = this.list(guildId);
    const next = definitions.map((definition) =>
      this.materialize(definition, guildId, previous.find((command) => command.name === definition.name && command.type === (definition.type ?? 1))),
    );
    this.scopes.set(guildId ?? GLOBAL, next);
    return next;
  }

  /** POST: create, or replace the command with the same name and type (Discord's upsert). */
  upsert(definition: Record<string, unknown>, guildId?: string): { command: RegisteredCommand; created: boolean } {
    const list = this.list(guildId);
    const index = list.findIndex((command) => command.name === definition.name && command.type === (definition.type ?? 1));
    const command = this.materialize(definition, guildId, index >= 0 ? list[index] : undefined);
    if (index >= 0) list[index] = command;
    else list.push(command);
    this.scopes.set(guildId ?? GLOBAL, list);
    return { command, created: index < 0 };
  }

  get(id: string, guildId?: string): RegisteredCommand | undefined {
    return this.list(guildId).find((command) => command.id === id);
  }

  patch(id: string, changes: Record<string, unknown>, guildId?: string): RegisteredCommand | undefined {
    const list = this.list(guildId);
    const index = list.findIndex((command) => command.id === id);
    if (index < 0) return undefined;
    const current = list[index]!;
    const command = this.materialize({ ...current, ...changes }, guildId, current);
    list[index] = command;
    this.scopes.set(guildId ?? GLOBAL, list);
    return command;
  }

  delete(id: string, guildId?: string): boolean {
    const list = this.list(guildId);
    const next = list.filter((command) => command.id !== id);
    this.scopes.set(guildId ?? GLOBAL, next);
    return next.length !== list.length;
  }
}

const DEFINITION_KEYS = ['type', 'name', 'description', 'options', 'default_member_permissions', 'dm_permission', 'contexts', 'integration_types', 'nsfw', 'name_localizations', 'description_localizations'];

function sameDefinition(previous: RegisteredCommand, next: Record<string, unknown>): boolean {
  return DEFINITION_KEYS.every((key) => JSON.stringify(previous[key] ?? null) === JSON.stringify(next[key] ?? (key === 'type' ? 1 : key === 'nsfw' ? false : key === 'integration_types' ? [0] : null)) || next[key] === undefined);
}

/**
 * Discord leaves out option fields that are false or empty when it returns commands ("required is
 * included only if true", discord/discord-api-docs#3161), so a bot comparing its definitions with
 * GET's answer must fill in the defaults, as it must against the real API.
 */
function asDiscordReturnsOption(option: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(option)) {
    if (value === false || value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = key === 'options' && Array.isArray(value) ? (value as Record<string, unknown>[]).map(asDiscordReturnsOption) : value;
  }
  return out;
}
