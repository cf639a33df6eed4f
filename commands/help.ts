import { ApplicationCommandType } from 'discord.js';
import { defineCommand } from '../src/bot/command.js';
import { renderHelp } from '../src/bot/render/lists.js';

export const helpCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'help',
    description: 'What briefbot does and how to use it',
  } as const,
  execute() {
    return { message: renderHelp(), ephemeral: true };
  },
});
