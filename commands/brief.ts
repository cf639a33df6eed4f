import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { ARTICLE_OPTION, articleChoices, resolveArticle } from '../src/bot/article-arg.js';
import { defineCommand } from '../src/bot/command.js';
import { refFor } from '../src/bot/custom-id.js';
import { renderBrief } from '../src/bot/render/brief.js';
import { defaultLengthOf } from '../src/scope/settings.js';

export const briefCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'brief',
    description: 'A ten-second read of a stored article: summary, key quotes, people and numbers',
    options: [
      ARTICLE_OPTION,
      {
        type: ApplicationCommandOptionType.String,
        name: 'length',
        description: 'How long a summary (default standard, or what /settings length chose)',
        choices: [
          { name: 'short', value: 'short' },
          { name: 'standard', value: 'standard' },
          { name: 'detailed', value: 'detailed' },
        ],
      },
    ],
  } as const,
  async execute({ ctx, scope, args, defer }) {
    const article = resolveArticle(scope, args.article);
    const length = args.length ?? defaultLengthOf(scope);
    if (ctx.summaries.mightBeSlow(article, length)) await defer();
    const briefing = ctx.summaries.get(article, length);
    return { message: renderBrief({ article, briefing, length, ref: refFor(article.id) }, 'brief') };
  },
  autocomplete(scope, focused) {
    return articleChoices(scope, focused.value);
  },
});
