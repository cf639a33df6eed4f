/**
 * The one entry point for interactions, with one error policy:
 * - a UserError (unknown article, bad option) becomes an ephemeral message saying what to do;
 * - anything else is logged with the interaction id and the member gets a short ephemeral apology;
 * - nothing a handler does can reject out of `handle`, so the process never dies from a handler.
 * Replies go out directly when ready (answers come from memory); a handler that is about to do slow
 * work defers first, and a safety timer defers anything still running after DEFER_AFTER_MS.
 */
import { MessageFlags, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { readArgs, UserError, type BotContext, type BotMessage, type CommandModule, type Reply } from './command.js';
import { BriefingPendingError } from '../library/errors.js';
import { followUpNotices } from './admin-notices.js';
import { scopeGuildOf } from './scope-guild.js';
import { handleComponent, modeOf, type ComponentMode } from './components.js';
import { decodeState } from './custom-id.js';
import { clip, fitChoices, fitContent } from './limits.js';

/** Well inside Discord's 3 s, leaving room for the defer request itself. */
export const DEFER_AFTER_MS = 2000;

const NO_MENTIONS = { parse: [] as never[] };

export type Outcome = 'ok' | 'user-error' | 'error' | 'ignored';

/** The part of a discord.js interaction the responder uses (so tests can pass plain fakes). */
export interface Acknowledgeable {
  readonly id: string;
  readonly replied: boolean;
  readonly deferred: boolean;
  reply(options: object): Promise<unknown>;
  deferReply(options?: object): Promise<unknown>;
  editReply(options: object): Promise<unknown>;
  followUp(options: object): Promise<unknown>;
  deleteReply(): Promise<unknown>;
  update?(options: object): Promise<unknown>;
  deferUpdate?(): Promise<unknown>;
}

function payload(message: BotMessage, ephemeral: boolean): object {
  const out: Record<string, unknown> = { allowedMentions: NO_MENTIONS };
  if (message.content !== undefined) out['content'] = fitContent(message.content);
  if (message.embeds) out['embeds'] = message.embeds;
  if (message.components) out['components'] = message.components;
  if (ephemeral) out['flags'] = MessageFlags.Ephemeral;
  return out;
}

/** Sends the one initial response (reply, update or defer) and whatever follows it. */
export class Responder {
  private deferring: Promise<void> | null = null;
  private acknowledged = false;
  private deferredEphemeral = false;
  deferred = false;

  constructor(
    private readonly interaction: Acknowledgeable,
    private readonly mode: ComponentMode,
  ) {}

  /** `ephemeral`: the "thinking…" is private too (for answers that will be private), so it is edited, not replaced. */
  defer(ephemeral = false): Promise<void> {
    if (this.acknowledged) return this.deferring ?? Promise.resolve();
    this.acknowledged = true;
    this.deferred = true;
    const i = this.interaction;
    this.deferredEphemeral = ephemeral && this.mode === 'reply';
    this.deferring = (this.mode === 'update' && i.deferUpdate ? i.deferUpdate() : i.deferReply(this.deferredEphemeral ? { flags: MessageFlags.Ephemeral } : undefined)).then(() => undefined);
    return this.deferring;
  }

  async send(reply: Reply): Promise<void> {
    if (this.deferring) await this.deferring;
    const i = this.interaction;
    const ephemeral = reply.ephemeral ?? false;
    if (!this.acknowledged) {
      this.acknowledged = true;
      if (this.mode === 'update' && !ephemeral && i.update) await i.update(payload(reply.message, false));
      else await i.reply(payload(reply.message, ephemeral));
      return;
    }
    if (!ephemeral || this.deferredEphemeral) {
      await i.editReply(payload(reply.message, false));
      return;
    }
    // A public "thinking…" cannot become ephemeral: remove it and say it privately instead.
    if (this.mode === 'reply') await i.deleteReply().catch(() => undefined);
    await i.followUp(payload(reply.message, true));
  }
}

export interface InteractionLog {
  readonly interactionId: string;
  readonly kind: 'command' | 'autocomplete' | 'component' | 'other';
  readonly command?: string;
  readonly options?: Record<string, unknown>;
  readonly customId?: string;
  readonly userId?: string;
  readonly guildId?: string | null;
}

function optionsOf(data: readonly { name: string; value?: unknown }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of data) out[o.name] = typeof o.value === 'string' ? clip(o.value, 100) : o.value;
  return out;
}

export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';

export class InteractionRouter {
  private readonly byName: ReadonlyMap<string, CommandModule>;

  constructor(
    private readonly ctx: BotContext,
    commands: readonly CommandModule[],
    private readonly logger: Logger = ctx.logger,
  ) {
    this.byName = new Map(commands.map((c) => [c.definition.name, c]));
  }

  /** Handles one interaction. Never rejects. */
  async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const log: InteractionLog = {
      interactionId: interaction.id,
      kind: 'other',
      userId: interaction.user?.id,
      guildId: interaction.guildId,
    };
    let outcome: Outcome = 'ignored';
    let deferred = false;
    let entry: InteractionLog = log;
    try {
      if (interaction.isAutocomplete()) {
        const focused = interaction.options.getFocused(true);
        entry = { ...log, kind: 'autocomplete', command: interaction.commandName, options: { [focused.name]: clip(String(focused.value), 100) } };
        const command = this.byName.get(interaction.commandName);
        const scope = await this.ctx.scopes.forGuild(scopeGuildOf(interaction));
        const choices = command?.autocomplete ? command.autocomplete(scope, { name: focused.name, value: String(focused.value) }) : [];
        await interaction.respond(fitChoices(choices));
        outcome = 'ok';
      } else if (interaction.isChatInputCommand()) {
        entry = { ...log, kind: 'command', command: interaction.commandName, options: optionsOf(interaction.options.data) };
        const command = this.byName.get(interaction.commandName);
        const responder = new Responder(interaction, 'reply');
        outcome = await this.run(responder, entry, async () => {
          if (!command) throw new UserError(`I don't know \`/${clip(interaction.commandName, 32)}\` any more. Try \`/help\`.`);
          let args;
          try {
            args = readArgs(command.definition, interaction.options);
          } catch (error) {
            throw error instanceof UserError ? error : new UserError('One of the options has a value I cannot read. Please pick it again.');
          }
          const scope = await this.ctx.scopes.forGuild(scopeGuildOf(interaction));
          return command.execute({ ctx: this.ctx, scope, args, defer: () => responder.defer() });
        });
        deferred = responder.deferred;
        await followUpNotices(interaction, this.ctx);
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const state = decodeState(interaction.customId);
        entry = { ...log, kind: 'component', customId: interaction.customId };
        const values = interaction.isStringSelectMenu() ? interaction.values : [];
        const responder = new Responder(interaction, state ? modeOf(state) : 'reply');
        outcome = await this.run(responder, entry, async () => {
          if (!state) throw new UserError('This button is from an older version of the bot. Run the command again.');
          const scope = await this.ctx.scopes.forGuild(scopeGuildOf(interaction));
          return handleComponent({ ctx: this.ctx, scope, state, values, defer: () => responder.defer() });
        });
        deferred = responder.deferred;
      }
    } catch (error) {
      // Only reached when sending itself failed (e.g. the interaction expired): nothing more to tell the member.
      outcome = 'error';
      this.logger.error({ err: error, interactionId: interaction.id }, 'could not answer the interaction');
    }
    if (outcome !== 'ignored' || entry.kind !== 'other') {
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      this.logger.info({ ...entry, latencyMs, outcome, deferred }, 'interaction');
    }
  }

  /** Runs a handler under the error policy and sends its reply. Rejects only if sending fails. */
  private async run(responder: Responder, entry: InteractionLog, work: () => Reply | Promise<Reply>): Promise<Outcome> {
    const timer = setTimeout(() => {
      responder.defer().catch((error: unknown) => this.logger.warn({ err: error, interactionId: entry.interactionId }, 'defer failed'));
    }, DEFER_AFTER_MS);
    let reply: Reply;
    let outcome: Outcome = 'ok';
    try {
      reply = await work();
    } catch (error) {
      if (error instanceof UserError || error instanceof BriefingPendingError) {
        outcome = 'user-error';
        reply = { message: { content: error.message }, ephemeral: true };
      } else {
        outcome = 'error';
        this.logger.error({ err: error, interactionId: entry.interactionId, command: entry.command, customId: entry.customId }, 'handler failed');
        reply = { message: { content: APOLOGY }, ephemeral: true };
      }
    } finally {
      clearTimeout(timer);
    }
    await responder.send(reply);
    return outcome;
  }
}
