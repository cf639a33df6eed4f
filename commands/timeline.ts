import { ApplicationCommandType } from 'discord.js';
import { timelineReply } from '../src/bot/across/timeline-reply.js';
import { defineCommand } from '../src/bot/command.js';
import { ABOUT_OPTION, SINCE_OPTION } from './digest.js';

export const timelineCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'timeline',
    description: 'The dated events of the stored briefings, in time order, each with its sentence and source',
    options: [ABOUT_OPTION, SINCE_OPTION],
  } as const,
  async execute({ scope, args, defer }) {
    return timelineReply(scope, args.since ?? 'all', args.about?.trim() ?? '', 1, defer);
  },
});
