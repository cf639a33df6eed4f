/**
 * The library commands as one unit the bot plugs in: their definitions (registered with the others)
 * and a dispatcher that claims the interactions they own before the read-only router sees them.
 */
import type { Interaction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { announceCommand } from '../../../commands/announce.js';
import { feedCommand } from '../../../commands/feed.js';
import { ingestCommand } from '../../../commands/ingest.js';
import { removeCommand } from '../../../commands/remove.js';
import { scheduleCommand } from '../../../commands/schedule.js';
import { settingsCommand } from '../../../commands/settings.js';
import type { BotContext } from '../../bot/command.js';
import type { LibraryCommand, LibraryCommandContext } from './kit.js';

export const LIBRARY_COMMANDS: readonly LibraryCommand[] = [ingestCommand, removeCommand, settingsCommand, feedCommand, announceCommand, scheduleCommand];

export function libraryCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return LIBRARY_COMMANDS.map((c) => c.definition);
}

export interface LibraryInteractions {
  /** Handles the interaction when a library command owns it (returns true); false leaves it to the router. */
  handle(interaction: Interaction): boolean;
}

export function createLibraryInteractions(bot: BotContext): LibraryInteractions {
  const ctx: LibraryCommandContext = { bot };
  return {
    handle(interaction) {
      const command = LIBRARY_COMMANDS.find((c) => c.owns(interaction));
      if (!command) return false;
      command.handle(interaction, ctx).catch((error: unknown) => bot.logger.error({ err: error, interactionId: interaction.id }, 'library command failed'));
      return true;
    },
  };
}

export { mayManageLibrary } from './kit.js';
