/**
 * The library commands as one unit the bot plugs in: their definitions (registered with the others)
 * and a dispatcher that claims the interactions they own before the read-only router sees them.
 */
import type { Interaction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ingestCommand } from '../../../commands/ingest.js';
import { removeCommand } from '../../../commands/remove.js';
import type { BotContext } from '../../bot/command.js';
import { isWritableLibrary, type LibraryCommand, type LibraryCommandContext } from './kit.js';

export const LIBRARY_COMMANDS: readonly LibraryCommand[] = [ingestCommand, removeCommand];

export function libraryCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return LIBRARY_COMMANDS.map((c) => c.definition);
}

export interface LibraryInteractions {
  /** Handles the interaction when a library command owns it (returns true); false leaves it to the router. */
  handle(interaction: Interaction): boolean;
}

export function createLibraryInteractions(bot: BotContext, options: { ingestRoleId?: string | undefined } = {}): LibraryInteractions {
  const ctx: LibraryCommandContext = {
    bot,
    library: isWritableLibrary(bot.source) ? bot.source : null,
    ...(options.ingestRoleId ? { ingestRoleId: options.ingestRoleId } : {}),
    // Read at each use, so the operator's setting (and a test's) takes effect without a restart.
    get allowPrivate() {
      return process.env['INGEST_ALLOW_PRIVATE'] === 'true';
    },
  };
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
