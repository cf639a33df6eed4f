/**
 * Registering slash commands. `syncCommands` compares what Discord has with our definitions and
 * overwrites only when they differ, so restarts don't burn the daily command-create limit.
 */
import { Routes, type REST } from 'discord.js';
import type { CommandDefinition, OptionDefinition } from './command.js';

/** The fields we set, with Discord's defaults filled in, so our JSON and Discord's compare equal. */
function normalizeOption(o: Partial<OptionDefinition> & Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: o['type'],
    name: o['name'],
    description: o['description'],
    required: o['required'] ?? false,
    autocomplete: o['autocomplete'] ?? false,
    choices: ((o['choices'] as { name: string; value: unknown }[] | undefined) ?? []).map((c) => ({ name: c.name, value: c.value })),
  };
  for (const key of ['min_value', 'max_value', 'min_length', 'max_length'] as const) {
    if (o[key] !== undefined && o[key] !== null) out[key] = o[key];
  }
  // Subcommands and groups nest their own options (e.g. `/ingest url|file|text`).
  const nested = o['options'] as Record<string, unknown>[] | undefined;
  if (nested && nested.length > 0) out['options'] = nested.map(normalizeOption);
  const channelTypes = o['channel_types'] as number[] | undefined;
  if (channelTypes && channelTypes.length > 0) out['channel_types'] = [...channelTypes].sort();
  return out;
}

/** Discord returns permissions as a decimal string, or null for "everyone". */
function normalizePermissions(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return String(value);
}

export function normalizeCommand(c: Record<string, unknown>): Record<string, unknown> {
  return {
    type: c['type'] ?? 1,
    name: c['name'],
    description: c['description'],
    options: ((c['options'] as Record<string, unknown>[] | undefined) ?? []).map(normalizeOption),
    default_member_permissions: normalizePermissions(c['default_member_permissions']),
    // Discord fills `contexts` with every context when it was not set; compare only what we set.
    ...(c['contexts'] !== undefined && c['contexts'] !== null ? { contexts: [...(c['contexts'] as number[])].sort() } : {}),
  };
}

/** True when the registered commands already match the definitions (order does not matter). */
export function sameCommands(registered: readonly Record<string, unknown>[], wanted: readonly CommandDefinition[]): boolean {
  const key = (list: readonly Record<string, unknown>[]): string =>
    JSON.stringify(list.map(normalizeCommand).sort((a, b) => String(a['name']).localeCompare(String(b['name']))));
  return key(registered) === key(wanted as unknown as Record<string, unknown>[]);
}

function route(clientId: string, guildId?: string): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
}

/** Overwrites the command set (one bulk request). */
export async function registerCommands(rest: REST, clientId: string, definitions: readonly CommandDefinition[], guildId?: string): Promise<void> {
  await rest.put(route(clientId, guildId), { body: definitions });
}

/** Registers only when Discord's set differs from ours. Returns whether it had to register. */
export async function syncCommands(rest: REST, clientId: string, definitions: readonly CommandDefinition[], guildId?: string): Promise<boolean> {
  const registered = (await rest.get(route(clientId, guildId))) as Record<string, unknown>[];
  if (sameCommands(registered, definitions)) return false;
  await registerCommands(rest, clientId, definitions, guildId);
  return true;
}
