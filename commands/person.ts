import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { mayNamePerson, personChoices } from '../src/bot/across/people-choices.js';
import { acrossRunner, sourcesOf } from '../src/bot/across/runner.js';
import { defineCommand, UserError } from '../src/bot/command.js';
import { clip } from '../src/bot/limits.js';
import { md } from '../src/bot/render/common.js';
import { renderPerson } from '../src/bot/render/across.js';

function notFound(name: string): UserError {
  return new UserError(`Nobody called “${md(clip(name, 100))}” appears in the briefings here. Pick a name from the list as you type.`);
}

export const personCommand = defineCommand({
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: 'person',
    description: 'One person across the stored briefings: roles with their source, quotes, who they appear with',
    options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'A name (any part of it)', required: true, autocomplete: true, max_length: 100 }],
  } as const,
  async execute({ scope, args, defer }) {
    const articles = scope.source.list();
    if (articles.length === 0) throw new UserError('No briefings are stored here yet. Add one with `/ingest`.');
    // Said privately and at once when no briefing names anyone so; the dossier itself is made after "thinking…".
    if (!mayNamePerson(articles, args.name)) throw notFound(args.name);
    await defer();
    const result = await acrossRunner().run({ kind: 'person', sources: sourcesOf(articles), name: args.name });
    if (result.kind !== 'person') throw new Error('unexpected result');
    if (!result.person) throw notFound(args.name);
    return { message: renderPerson(result.person, (id) => scope.source.get(id)) };
  },
  autocomplete(scope, focused) {
    return personChoices(scope.source.list(), focused.value);
  },
});
