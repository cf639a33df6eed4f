/**
 * Who may set up feeds, announcements and digests (the members who may add briefings: Manage Server
 * or the server's editors role), and the notices their next command tells them.
 */
import type { Interaction } from 'discord.js';
import { formatNotices } from '../bot/admin-notices.js';
import { UserError } from '../bot/command.js';
import { requireLibraryAccess, type LibraryCommandContext } from '../ingest/discord/kit.js';
import type { Delivery } from './hub.js';

export interface DeliveryAccess {
  readonly guildId: string;
  readonly delivery: Delivery;
}

export async function requireDeliveryAccess(interaction: Interaction, ctx: LibraryCommandContext): Promise<DeliveryAccess> {
  const { scope } = await requireLibraryAccess(interaction, ctx);
  const delivery = ctx.bot.delivery;
  if (!delivery || !scope.guildId) throw new UserError('Feeds, announcements and digests need the database, which is not reachable right now. Please try again later.');
  return { guildId: scope.guildId, delivery };
}

/** The reply with what went wrong since the admin last looked (each notice said once) in front. */
export async function withNotices(access: DeliveryAccess, content: string): Promise<string> {
  const notices = await access.delivery.takeNotices(access.guildId).catch(() => []);
  if (notices.length === 0) return content;
  return `${formatNotices(notices)}\n\n${content}`;
}

/** Who did it, for the records. */
export function actorId(interaction: Interaction): string {
  return `${interaction.user.username} (Discord ${interaction.user.id})`;
}
