import { ApplicationIntegrationType, type Interaction } from 'discord.js';

/**
 * The server whose briefings an interaction may see: its guild when the bot is installed there. In DMs,
 * and where only a member installed the app (user install, no guild install), only the shared library.
 */
export function scopeGuildOf(interaction: Pick<Interaction, 'guildId' | 'authorizingIntegrationOwners'>): string | null {
  const guildId = interaction.guildId;
  if (!guildId) return null;
  const owners = interaction.authorizingIntegrationOwners as Partial<Record<ApplicationIntegrationType, string>> | undefined | null;
  // Older payloads carry no owners at all: a guild interaction then comes from the guild install.
  if (owners && Object.keys(owners).length > 0 && owners[ApplicationIntegrationType.GuildInstall] !== guildId) return null;
  return guildId;
}
