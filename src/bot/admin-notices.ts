/**
 * What went wrong with a server's deliveries (a channel gone, a schedule paused) is told to its admins
 * on their next command, whatever the command: privately, after its own answer, each notice once.
 */
import { MessageFlags, PermissionFlagsBits, type Interaction } from 'discord.js';
import type { BotContext } from './command.js';
import { fitContent } from './limits.js';
import { scopeGuildOf } from './scope-guild.js';

/** The part of an interaction this needs (a real one, or a test's plain object). */
export type NoticeTarget = Pick<Interaction, 'guildId' | 'authorizingIntegrationOwners' | 'memberPermissions'> & {
  followUp(options: object): Promise<unknown>;
};

export function formatNotices(notices: readonly string[]): string {
  return notices.map((n) => `⚠️ ${n}`).join('\n');
}

/** Follows the answer up with the server's pending notices when the member is an admin (Manage Server). Never rejects. */
export async function followUpNotices(interaction: NoticeTarget, ctx: Pick<BotContext, 'delivery' | 'logger'>): Promise<void> {
  const delivery = ctx.delivery;
  const guildId = scopeGuildOf(interaction);
  if (!guildId || !delivery || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return;
  try {
    const notices = await delivery.takeNotices(guildId);
    if (notices.length === 0) return;
    await interaction.followUp({ content: fitContent(formatNotices(notices)), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  } catch (error) {
    ctx.logger.warn({ err: error, guildId }, 'could not tell an admin the pending notices');
  }
}
