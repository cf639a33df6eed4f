import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { articleChoices, resolveArticle } from '../src/bot/article-arg.js';
import { defineCommand } from '../src/bot/command.js';
import { refFor } from '../src/bot/custom-id.js';
import { renderBrief } from '../src/bot/render/brief.js';

export const quotesCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'quotes',
    description: 'Every quote in a stored article, with who said it',
    options: [{ type: ApplicationCommandOptionType.String, name: 'article', description: 'Title words, a person or the id', required: true, autocomplete: true }],
  } as const,
  execute({ ctx, args }) {
    const article = resolveArticle(ctx, args.article);
    const target = { article, briefing: article.briefing, length: 'standard' as const, ref: refFor(article.id) };
    return { message: renderBrief(target, 'quotes') };
  },
  autocomplete(ctx, focused) {
    return articleChoices(ctx, focused.value);
  },
});
