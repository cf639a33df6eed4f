import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { ARTICLE_OPTION, articleChoices, resolveArticle } from '../src/bot/article-arg.js';
import { defineCommand } from '../src/bot/command.js';
import { refFor } from '../src/bot/custom-id.js';
import { renderBrief, renderFigures } from '../src/bot/render/brief.js';

export const figuresCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'figures',
    description: 'The people (with roles) and numbers (with what they count) in a stored article',
    options: [
      ARTICLE_OPTION,
      {
        type: ApplicationCommandOptionType.String,
        name: 'show',
        description: 'People, numbers or both (default both)',
        choices: [
          { name: 'people', value: 'people' },
          { name: 'numbers', value: 'numbers' },
          { name: 'all', value: 'all' },
        ],
      },
    ],
  } as const,
  execute({ scope, args }) {
    const article = resolveArticle(scope, args.article);
    const target = { article, briefing: article.briefing, length: 'standard' as const, ref: refFor(article.id) };
    const show = args.show ?? 'all';
    return { message: show === 'all' ? renderFigures(target) : renderBrief(target, show) };
  },
  autocomplete(scope, focused) {
    return articleChoices(scope, focused.value);
  },
});
