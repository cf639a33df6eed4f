import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { sinceLabel, visibleArticles } from '../src/bot/across/scope-sources.js';
import { acrossRunner, sourcesOf } from '../src/bot/across/runner.js';
import { defineCommand, UserError } from '../src/bot/command.js';
import { SINCE_CHOICES } from '../src/bot/custom-id.js';
import { renderDigest } from '../src/bot/render/across.js';

/** How many points each length gives. */
const LENGTH_POINTS = { short: 4, standard: 7, detailed: 12 } as const;

export const SINCE_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'since',
  description: 'Which briefings: of the last day, 7 days, 30 days, or all (default all)',
  choices: SINCE_CHOICES.map((c) => ({ name: c, value: c })),
} as const;

export const ABOUT_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'about',
  description: 'Focus: a topic, a person or a place',
  max_length: 200,
} as const;

export const digestCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'digest',
    description: 'What the stored briefings say together: key points with their sources, people, numbers',
    options: [
      SINCE_OPTION,
      ABOUT_OPTION,
      {
        type: ApplicationCommandOptionType.String,
        name: 'length',
        description: 'How many points (short 4, standard 7, detailed 12)',
        choices: [
          { name: 'short', value: 'short' },
          { name: 'standard', value: 'standard' },
          { name: 'detailed', value: 'detailed' },
        ],
      },
    ],
  } as const,
  async execute({ scope, args, defer }) {
    const since = args.since ?? 'all';
    const articles = visibleArticles(scope, since);
    if (articles.length === 0) {
      throw new UserError(since === 'all' ? 'No briefings are stored here yet. Add one with `/ingest`.' : `No briefing from ${sinceLabel(since)}. Try \`since: all\`.`);
    }
    await defer();
    const about = args.about?.trim() || undefined;
    const result = await acrossRunner().run({ kind: 'digest', sources: sourcesOf(articles), points: LENGTH_POINTS[args.length ?? 'standard'], ...(about ? { about } : {}) });
    if (result.kind !== 'digest') throw new Error('unexpected result');
    return {
      message: renderDigest({ digest: result.digest, lookup: (id) => scope.source.get(id), briefings: articles.length, period: sinceLabel(since), ...(about ? { about } : {}) }),
    };
  },
});
