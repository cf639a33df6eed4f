import { ApplicationCommandType } from 'discord.js';
import { ARTICLE_OPTION, articleChoices, resolveArticle } from '../src/bot/article-arg.js';
import { defineCommand } from '../src/bot/command.js';
import { refFor } from '../src/bot/custom-id.js';
import { renderBrief } from '../src/bot/render/brief.js';

export const quotesCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'quotes',
    description: 'Every quote in a stored article, with who said it',
    options: [ARTICLE_OPTION],
  } as const,
  execute({ scope, args }) {
    const article = resolveArticle(scope, args.article);
    const target = { article, briefing: article.briefing, length: 'standard' as const, ref: refFor(article.id) };
    return { message: renderBrief(target, 'quotes') };
  },
  autocomplete(scope, focused) {
    return articleChoices(scope, focused.value);
  },
});
