/** /timeline and its page buttons: one path, so a page click shows what the command showed. */
import type { Scope } from '../../scope/scopes.js';
import { UserError, type Reply } from '../command.js';
import type { SinceCode } from '../custom-id.js';
import { renderTimeline } from '../render/across.js';
import { acrossRunner, sourcesOf } from './runner.js';
import { sinceLabel, visibleArticles } from './scope-sources.js';

export async function timelineReply(scope: Scope, since: SinceCode, about: string, page: number, defer: () => Promise<void>): Promise<Reply> {
  const articles = visibleArticles(scope, since);
  if (articles.length === 0) {
    throw new UserError(since === 'all' ? 'No briefings are stored here yet. Add one with `/ingest`.' : `No briefing from ${sinceLabel(since)}. Try \`since: all\`.`);
  }
  await defer();
  const result = await acrossRunner().run({ kind: 'timeline', sources: sourcesOf(articles), ...(about ? { about } : {}) });
  if (result.kind !== 'timeline') throw new Error('unexpected result');
  return { message: renderTimeline({ events: result.events, lookup: (id) => scope.source.get(id), page, since, about }) };
}
