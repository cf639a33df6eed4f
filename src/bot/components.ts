/** What the bot's buttons and select menus do; their whole state comes from the custom_id. */
import type { StoredArticle } from '../library/store.js';
import type { BriefLength } from '../present/brief-view.js';
import type { Scope } from '../scope/scopes.js';
import { UserError, type BotContext, type Reply } from './command.js';
import { refFor, type ComponentState } from './custom-id.js';
import { renderBrief } from './render/brief.js';
import { renderArticlesPage } from './render/lists.js';
import { renderRelated } from './render/across.js';
import { acrossRunner, sourcesOf } from './across/runner.js';
import { timelineReply } from './across/timeline-reply.js';

export interface ComponentCall {
  readonly ctx: BotContext;
  /** Only what this member may see here: a crafted custom_id naming another server's briefing finds nothing. */
  readonly scope: Scope;
  readonly state: ComponentState;
  /** The picked values of a select menu (empty for buttons). */
  readonly values: readonly string[];
  defer(): Promise<void>;
}

/** `update` edits the message the component sits on; `reply` posts a new message. */
export type ComponentMode = 'update' | 'reply';

export function modeOf(state: ComponentState): ComponentMode {
  return state.kind === 'brief' || state.kind === 'articles' || state.kind === 'timeline' ? 'update' : 'reply';
}

function articleByRef(scope: Scope, ref: string): StoredArticle {
  const article = scope.index.resolveRef(ref);
  if (!article) throw new UserError('That article is no longer stored. Use `/articles` or `/search` to find another.');
  return article;
}

async function briefOf(call: ComponentCall, ref: string, length: BriefLength, view: 'brief' | 'quotes' | 'people' | 'numbers'): Promise<Reply> {
  const article = articleByRef(call.scope, ref);
  if (call.ctx.summaries.mightBeSlow(article, length)) await call.defer();
  const briefing = call.ctx.summaries.get(article, length);
  return { message: renderBrief({ article, briefing, length, ref: refFor(article.id) }, view) };
}

export async function handleComponent(call: ComponentCall): Promise<Reply> {
  const { state } = call;
  switch (state.kind) {
    case 'brief':
      return briefOf(call, state.ref, state.length, state.view);
    case 'open':
      return briefOf(call, state.ref, state.length, 'brief');
    case 'pick': {
      const ref = call.values[0];
      if (!ref) throw new UserError('Pick an article from the menu.');
      return briefOf(call, ref, state.length, 'brief');
    }
    case 'articles':
      return { message: renderArticlesPage(call.scope.source.list(), call.scope.source.skipped(), state.page) };
    case 'timeline':
      return timelineReply(call.scope, state.since, state.about, state.page, call.defer);
    case 'related': {
      const article = articleByRef(call.scope, state.ref);
      await call.defer();
      const result = await acrossRunner().run({ kind: 'related', sources: sourcesOf(call.scope.source.list()), id: article.id, limit: 3 });
      if (result.kind !== 'related') throw new Error('unexpected result');
      return { message: renderRelated(article.id, result.related, (id) => call.scope.source.get(id)) };
    }
  }
}
