import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { defineCommand, UserError } from '../src/bot/command.js';
import { renderSearchResults, SEARCH_RESULTS } from '../src/bot/render/lists.js';

export const searchCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'search',
    description: 'Full-text search over titles, bodies, people and quotes',
    options: [{ type: ApplicationCommandOptionType.String, name: 'query', description: 'Words to look for', required: true, max_length: 200 }],
  } as const,
  execute({ scope, args }) {
    if (args.query.trim() === '') throw new UserError('Give me some words to search for.');
    const hits = scope.index.search(args.query, SEARCH_RESULTS * 4);
    return { message: renderSearchResults(args.query, hits, scope.index.pendingFullText), ephemeral: hits.length === 0 };
  },
});
