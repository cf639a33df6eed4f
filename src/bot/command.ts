/**
 * The shape of a command module: a definition (plain JSON, exactly what is registered with Discord)
 * kept apart from its handler, and arguments typed from the definition itself, so a handler cannot
 * read an option the command does not declare.
 */
import type { ApplicationCommandType} from 'discord.js';
import { ApplicationCommandOptionType, type APIEmbed, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import type { Logger } from 'pino';
import type { Delivery } from '../delivery/hub.js';
import type { Scope, Scopes } from '../scope/scopes.js';
import type { Choice } from './limits.js';
import type { SummaryCache } from './summaries.js';

export interface OptionChoice<V extends string | number = string | number> {
  readonly name: string;
  readonly value: V;
}

export interface StringOptionDefinition {
  readonly type: ApplicationCommandOptionType.String;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly choices?: readonly OptionChoice<string>[];
  readonly min_length?: number;
  readonly max_length?: number;
}

export interface IntegerOptionDefinition {
  readonly type: ApplicationCommandOptionType.Integer;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly min_value?: number;
  readonly max_value?: number;
}

export type OptionDefinition = StringOptionDefinition | IntegerOptionDefinition;

export interface CommandDefinition {
  readonly type: ApplicationCommandType.ChatInput;
  readonly name: string;
  readonly description: string;
  readonly options?: readonly OptionDefinition[];
}

type ValueOf<O extends OptionDefinition> = O extends { readonly choices: readonly OptionChoice<infer V>[] }
  ? V
  : O extends StringOptionDefinition
    ? string
    : number;

/** `{ article: string; length: 'short' | 'standard' | 'detailed' | undefined }` from a definition. */
export type ArgsOf<D extends CommandDefinition> = D extends { readonly options: readonly OptionDefinition[] }
  ? { readonly [O in D['options'][number] as O['name']]: O extends { readonly required: true } ? ValueOf<O> : ValueOf<O> | undefined }
  : Record<string, never>;

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** What a handler answers with: plain data; the router sends it. */
export interface BotMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly ActionRow[];
}

export interface Reply {
  readonly message: BotMessage;
  readonly ephemeral?: boolean;
}

/** An error the member caused (unknown article, bad option): shown to them, ephemerally, as is. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Built once at start and shared by every interaction. */
export interface BotContext {
  /** What each interaction may see: the shared folder plus, in a server, that server's own briefings. */
  readonly scopes: Scopes;
  readonly summaries: SummaryCache;
  readonly logger: Logger;
  /** A role that may add and remove briefings besides Manage Server (INGEST_ROLE_ID); a server's own setting wins. */
  readonly ingestRoleId?: string;
  /** INGEST_ALLOW_PRIVATE=true: fetch from private/loopback addresses (tests, intranets). */
  readonly allowPrivate: boolean;
  /** Feeds, announcements and scheduled digests; absent without a database. */
  readonly delivery?: Delivery;
}

export interface CommandCall<A> {
  readonly ctx: BotContext;
  /** The briefings this member may see here (their server's and the shared folder's). */
  readonly scope: Scope;
  readonly args: A;
  /** Acknowledges now ("thinking…") when the handler is about to do slow work. Idempotent. */
  defer(): Promise<void>;
}

export interface CommandModule<D extends CommandDefinition = CommandDefinition> {
  readonly definition: D;
  execute(call: CommandCall<ArgsOf<D>>): Reply | Promise<Reply>;
  /** Answers from memory: autocomplete cannot be deferred. */
  autocomplete?(scope: Scope, focused: { readonly name: string; readonly value: string }): readonly Choice[];
}

/** Identity helper that keeps the definition's literal types for `ArgsOf`. */
export function defineCommand<const D extends CommandDefinition>(module: CommandModule<D>): CommandModule<D> {
  return module;
}

/** Reads typed options the way discord.js exposes them; anything else is a UserError (bad option). */
export interface OptionReader {
  getString(name: string, required?: boolean): string | null;
  getInteger(name: string, required?: boolean): number | null;
}

export function readArgs<D extends CommandDefinition>(definition: D, options: OptionReader): ArgsOf<D> {
  const args: Record<string, string | number | undefined> = {};
  for (const option of definition.options ?? []) {
    const value = option.type === ApplicationCommandOptionType.String ? options.getString(option.name) : options.getInteger(option.name);
    if (value === null || value === undefined) {
      if (option.required) throw new UserError(`The \`${option.name}\` option is required.`);
      args[option.name] = undefined;
      continue;
    }
    if (option.type === ApplicationCommandOptionType.String) {
      const text = String(value);
      if (option.choices && !option.choices.some((c) => c.value === text)) {
        throw new UserError(`\`${option.name}\` must be one of: ${option.choices.map((c) => c.value).join(', ')}.`);
      }
      args[option.name] = text;
    } else {
      const n = Number(value);
      const tooLow = option.min_value !== undefined && n < option.min_value;
      const tooHigh = option.max_value !== undefined && n > option.max_value;
      if (!Number.isInteger(n) || tooLow || tooHigh) {
        const range = `${option.min_value ?? '…'} to ${option.max_value ?? '…'}`;
        throw new UserError(`\`${option.name}\` must be a whole number from ${range}.`);
      }
      args[option.name] = n;
    }
  }
  return args as ArgsOf<D>;
}
