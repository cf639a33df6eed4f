/** Every slash command the bot registers and answers. */
import type { CommandModule } from '../src/bot/command.js';
import { articlesCommand } from './articles.js';
import { briefCommand } from './brief.js';
import { digestCommand } from './digest.js';
import { personCommand } from './person.js';
import { timelineCommand } from './timeline.js';
import { figuresCommand } from './figures.js';
import { helpCommand } from './help.js';
import { quotesCommand } from './quotes.js';
import { searchCommand } from './search.js';
import { libraryCommandDefinitions } from '../src/ingest/discord/index.js';

export const commands: readonly CommandModule[] = [briefCommand, quotesCommand, figuresCommand, articlesCommand, searchCommand, digestCommand, personCommand, timelineCommand, helpCommand] as unknown as readonly CommandModule[];

export function commandDefinitions(): CommandModule['definition'][] {
  return [...commands.map((c) => c.definition), ...(libraryCommandDefinitions() as unknown as CommandModule['definition'][])];
}
