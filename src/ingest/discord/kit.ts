/**
 * Shared plumbing of the library commands (/ingest, /remove): who may use them, how they reach the
 * writable library, and one error policy. These commands need what the read-only commands' framework
 * does not give (subcommands, attachments, a modal, permission checks, their own buttons), so they
 * take the raw interaction and answer through the bot's Responder (same payload rules: no mentions,
 * fitted content, ephemeral errors).
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, type GuildMember, type Interaction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { followUpNotices, type NoticeTarget } from '../../bot/admin-notices.js';
import type { BotContext, BotMessage } from '../../bot/command.js';
import { UserError } from '../../bot/command.js';
import { APOLOGY, DEFER_AFTER_MS, Responder, type Acknowledgeable } from '../../bot/router.js';
import { FetchError } from '../../fetch/index.js';
import { BriefingPendingError } from '../../library/errors.js';
import { fitContent } from '../../bot/limits.js';
import { IngestError, type IngestTarget } from '../ingest.js';
import { scopeGuildOf } from '../../bot/scope-guild.js';
import type { GuildCatalogue, Scope, SearchView } from '../../scope/index.js';
import type { GuildStore } from '../../store/index.js';
import { StoreError } from '../../store/index.js';

export interface LibraryCommandContext {
  readonly bot: BotContext;
}

export interface LibraryCommand {
  readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** True when this module answers the interaction (its command, its autocomplete, its modal or buttons). */
  owns(interaction: Interaction): boolean;
  handle(interaction: Interaction, ctx: LibraryCommandContext): Promise<void>;
}

/** Discord hides the commands from members without Manage Server unless a server admin changes it. */
export const MANAGE_GUILD = String(PermissionFlagsBits.ManageGuild);

/** Who sees /ingest and /remove by default: members with Manage Server, in servers only (INGEST_ROLE_ID is checked in the handler). */
export const LIBRARY_COMMAND_ACCESS = {
  default_member_permissions: MANAGE_GUILD,
  contexts: [InteractionContextType.Guild],
};

/** Manage Server, or the configured role. Pure, so it is tested without Discord. */
export function mayManageLibrary(member: { permissions: bigint | null; roleIds: readonly string[] }, ingestRoleId?: string): boolean {
  if (member.permissions !== null && (member.permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild) return true;
  return ingestRoleId !== undefined && member.roleIds.includes(ingestRoleId);
}

function roleIdsOf(member: Interaction['member']): string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return member.roles;
  return [...(member as GuildMember).roles.cache.keys()];
}

/** Where a member who may manage this server's briefings works: its scope, store and ingest target. */
export interface ManagedLibrary {
  readonly scope: Scope & { readonly own: GuildCatalogue; readonly ownIndex: SearchView; readonly store: GuildStore };
  readonly target: IngestTarget;
}

/** Throws a UserError unless the member may add or remove briefings in this server (and the database answers). */
export async function requireLibraryAccess(interaction: Interaction, ctx: LibraryCommandContext): Promise<ManagedLibrary> {
  if (!interaction.inGuild()) throw new UserError('Briefings can only be added or removed in a server.');
  const scope = await ctx.bot.scopes.forGuild(scopeGuildOf(interaction));
  if (scope.guildId === null) throw new UserError('Add the bot to this server to keep briefings here (it is only installed for you).');
  const roleId = scope.settings?.ingestRoleId ?? ctx.bot.ingestRoleId;
  const member = { permissions: interaction.memberPermissions?.bitfield ?? null, roleIds: roleIdsOf(interaction.member) };
  if (!mayManageLibrary(member, roleId ?? undefined)) {
    throw new UserError(`You need the Manage Server permission${roleId ? ' or the briefing editors role' : ''} to add or remove briefings.`);
  }
  const target = ctx.bot.scopes.ingestTarget(scope);
  if (!target || !scope.own || !scope.ownIndex || !scope.store) {
    throw new UserError('The database is not reachable right now, so briefings cannot be added or removed. Nothing was changed; please try again later.');
  }
  return { scope: { ...scope, own: scope.own, ownIndex: scope.ownIndex, store: scope.store }, target };
}

/** Who did it, for the file's `ingested_by`. */
export function actorOf(interaction: Interaction): string {
  return `${interaction.user.username} (Discord ${interaction.user.id})`;
}

/** A user-facing message for any failure a member may cause or meet; null for bugs (apology + log). */
export function userMessageOf(error: unknown): string | null {
  if (error instanceof UserError || error instanceof BriefingPendingError) return error.message;
  if (error instanceof FetchError) return `I could not fetch that page: ${error.message}`;
  if (error instanceof IngestError) return error.message;
  if (error instanceof StoreError) return `${error.message} Nothing was changed; please try again later.`;
  return null;
}

/**
 * Runs a handler with the bot's error policy: member-caused problems are ephemeral and say what to
 * do; anything else is logged with the interaction id and answered with a short apology. Never rejects.
 */
export async function answer(
  interaction: Acknowledgeable & NoticeTarget,
  ctx: LibraryCommandContext,
  mode: 'reply' | 'update',
  work: (responder: Responder) => Promise<{ message: BotMessage; ephemeral?: boolean }>,
): Promise<void> {
  const responder = new Responder(interaction, mode);
  const started = performance.now();
  let outcome = 'ok';
  // Safety net, as in the bot's router: anything still running near Discord's 3 s limit is deferred.
  const timer = setTimeout(() => {
    responder.defer().catch((error: unknown) => ctx.bot.logger.warn({ err: error, interactionId: interaction.id }, 'defer failed'));
  }, DEFER_AFTER_MS);
  try {
    let reply: { message: BotMessage; ephemeral?: boolean };
    try {
      reply = await work(responder);
    } catch (error) {
      const text = userMessageOf(error);
      outcome = text === null ? 'error' : 'user-error';
      if (text === null) ctx.bot.logger.error({ err: error, interactionId: interaction.id }, 'library command failed');
      else if (error instanceof IngestError && error.cause) ctx.bot.logger.warn({ err: error.cause, interactionId: interaction.id }, error.message);
      reply = { message: { content: text ?? APOLOGY }, ephemeral: true };
    } finally {
      clearTimeout(timer);
    }
    await responder.send(reply);
    await followUpNotices(interaction, ctx.bot);
  } catch (error) {
    outcome = 'error';
    ctx.bot.logger.error({ err: error, interactionId: interaction.id }, 'could not answer the interaction');
  }
  ctx.bot.logger.info({ interactionId: interaction.id, kind: 'library', latencyMs: Math.round(performance.now() - started), outcome, deferred: responder.deferred }, 'interaction');
}

/** The bot's payload rules for messages sent outside the Responder: no pings, content fitted. */
export function payloadOf(message: BotMessage, ephemeral: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { allowedMentions: { parse: [] } };
  if (message.content !== undefined) out['content'] = fitContent(message.content);
  if (message.embeds) out['embeds'] = message.embeds;
  if (message.components) out['components'] = message.components;
  if (ephemeral) out['flags'] = MessageFlags.Ephemeral;
  return out;
}

export interface PrivateThenPublic {
  /** Edits the member's private "thinking…" message. */
  readonly note: BotMessage;
  /** Posted for the channel to see, after the note. */
  readonly publish?: BotMessage;
}

/**
 * For slow work that may be refused (fetching, saving): acknowledge privately at once, then edit that
 * private message with the outcome or the refusal (so a refusal is never public and never needs a
 * deleted "thinking…"), and post the result for everyone only when there is one.
 */
export async function answerPrivatelyThenPublish(
  interaction: Acknowledgeable & NoticeTarget & { deferReply(options: object): Promise<unknown> },
  ctx: LibraryCommandContext,
  work: () => Promise<PrivateThenPublic>,
): Promise<void> {
  const started = performance.now();
  let outcome = 'ok';
  try {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let result: PrivateThenPublic;
    try {
      result = await work();
    } catch (error) {
      const text = userMessageOf(error);
      outcome = text === null ? 'error' : 'user-error';
      if (text === null) ctx.bot.logger.error({ err: error, interactionId: interaction.id }, 'library command failed');
      else if (error instanceof IngestError && error.cause) ctx.bot.logger.warn({ err: error.cause, interactionId: interaction.id }, error.message);
      result = { note: { content: text ?? APOLOGY } };
    }
    await interaction.editReply(payloadOf(result.note, false));
    if (result.publish) await interaction.followUp(payloadOf(result.publish, false));
    await followUpNotices(interaction, ctx.bot);
  } catch (error) {
    outcome = 'error';
    ctx.bot.logger.error({ err: error, interactionId: interaction.id }, 'could not answer the interaction');
  }
  ctx.bot.logger.info({ interactionId: interaction.id, kind: 'library', latencyMs: Math.round(performance.now() - started), outcome, deferred: true }, 'interaction');
}
