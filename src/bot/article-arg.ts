/** The `article` option shared by /brief, /quotes, /figures and /remove: definition, autocomplete and resolving free text. */
import { ApplicationCommandOptionType } from 'discord.js';
import { basename } from 'node:path';
import { articleIdOf, type StoredArticle } from '../library/store.js';
import type { Scope } from '../scope/scopes.js';
import { UserError } from './command.js';
import { refFor } from './custom-id.js';
import { clip, fitChoices, type Choice } from './limits.js';
import { formatDate, md } from './render/common.js';

/** The option definition itself, so every command names, describes and autocompletes it the same way. */
export const ARTICLE_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'article',
  description: 'Title words, a person or the id',
  required: true,
  autocomplete: true,
} as const;

function choiceName(article: StoredArticle): string {
  const title = article.briefing.title ?? article.id;
  const date = formatDate(article.briefing.date);
  const suffix = date ? ` · ${date}` : '';
  return clip(title, 100 - suffix.length) + suffix;
}

/** Up to 25 matches for what the member has typed so far, answered from memory. */
export function articleChoices(scope: Scope, typed: string): Choice[] {
  return fitChoices(scope.index.autocomplete(typed, 25).map((a) => ({ name: choiceName(a), value: refFor(a.id) })));
}

/** The article a picked value or typed text means; a UserError with suggestions when it is unclear. */
export function resolveArticle(scope: Scope, value: string): StoredArticle {
  // The exact id of a file that was skipped: say so, rather than brief whatever else the words match.
  const typed = value.trim();
  const skipped = scope.source.get(typed) ? undefined : scope.source.skipped().find((s) => articleIdOf(basename(s.file)) === typed);
  if (skipped) throw new UserError(`“${md(clip(typed, 100))}” was not loaded: ${md(clip(skipped.reason, 300))}. Fix or replace the file and it shows up within seconds.`);
  const result = scope.index.resolve(value);
  if (result.kind === 'found') return result.article;
  const loading = scope.source.loading?.();
  if (loading) {
    throw new UserError(`Still indexing: ${loading.ready.toLocaleString('en-US')} of ${loading.total.toLocaleString('en-US')} articles are ready, and “${md(clip(value, 100))}” is not among them yet. Try again in a moment.`);
  }
  if (result.kind === 'ambiguous') {
    const options = result.suggestions.map((a) => `• ${md(choiceName(a))} — \`${clip(a.id, 90)}\``).join('\n');
    throw new UserError(`No article is called “${md(clip(value, 100))}”. Did you mean:\n${options}\nPick one from the list as you type.`);
  }
  const total = scope.source.list().length;
  throw new UserError(
    total === 0
      ? 'No briefings are stored yet.'
      : `No stored article matches “${md(clip(value, 100))}”. Start typing a title word, a person or the id and pick from the list, or use \`/search\`.`,
  );
}
