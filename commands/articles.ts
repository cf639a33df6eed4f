import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { defineCommand } from '../src/bot/command.js';
import { renderArticlesPage } from '../src/bot/render/lists.js';

export const articlesCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'articles',
    description: 'The stored briefings, newest first',
    options: [{ type: ApplicationCommandOptionType.Integer, name: 'page', description: 'Page number (10 per page)', min_value: 1, max_value: 100000 }],
  } as const,
  execute({ scope, args }) {
    return { message: renderArticlesPage(scope.source.list(), scope.source.skipped(), args.page ?? 1) };
  },
});
