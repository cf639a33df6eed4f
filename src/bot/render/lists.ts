/** /articles pages, /search results and /help. */
import { ButtonStyle, ComponentType, type APIStringSelectComponent } from 'discord.js';
import type { SkippedFile, StoredArticle } from '../../library/store.js';
import type { SearchHit } from '../../search/index.js';
import type { ActionRow, BotMessage } from '../command.js';
import { encodeState, refFor } from '../custom-id.js';
import { checkCustomId, clip, fitEmbed, LIMITS, type DraftItem } from '../limits.js';
import { BRAND_COLOR, button, formatDate, md, plural } from './common.js';

export const ARTICLES_PAGE_SIZE = 10;
export const SEARCH_RESULTS = 5;
/** The select menu under /articles: the picked value is the article reference. */
export const PICK_CUSTOM_ID = encodeState({ kind: 'pick', length: 'standard' });

function titleOf(article: StoredArticle): string {
  return article.briefing.title ?? article.id;
}

/** Source and date of an article, for a line or a menu option. */
export function detailsOf(article: StoredArticle): string {
  return [article.briefing.source, formatDate(article.briefing.date)].filter(Boolean).join(' · ');
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ARTICLES_PAGE_SIZE));
}

export function renderArticlesPage(articles: readonly StoredArticle[], skipped: readonly SkippedFile[], requestedPage: number): BotMessage {
  const pages = pageCount(articles.length);
  const page = Math.min(Math.max(1, requestedPage), pages);
  const shown = articles.slice((page - 1) * ARTICLES_PAGE_SIZE, page * ARTICLES_PAGE_SIZE);
  const first = (page - 1) * ARTICLES_PAGE_SIZE;
  const lines: DraftItem[] = shown.map((a, i) => {
    const details = detailsOf(a);
    return { text: `**${first + i + 1}.** ${md(titleOf(a))}${details ? ` — ${md(details)}` : ''}\n\`${clip(a.id, 90)}\``, priority: 50 - i };
  });
  if (lines.length === 0) lines.push({ text: '*No briefings are stored yet.*', priority: 50 });
  const footerParts = [`Page ${page} of ${pages}`, plural(articles.length, 'briefing')];
  if (skipped.length > 0) footerParts.push(`${plural(skipped.length, 'file')} skipped (unreadable)`);
  const { embed } = fitEmbed({
    title: 'Stored briefings, newest first',
    color: BRAND_COLOR,
    description: lines,
    fields: [],
    footer: footerParts.join(' · '),
  });
  const components: ActionRow[] = [];
  if (pages > 1) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        page > 1 ? button(encodeState({ kind: 'articles', page: page - 1 }), '◀ Newer') : button('articles:v1:none-prev', '◀ Newer', { disabled: true }),
        page < pages ? button(encodeState({ kind: 'articles', page: page + 1 }), 'Older ▶') : button('articles:v1:none-next', 'Older ▶', { disabled: true }),
      ],
    });
  }
  if (shown.length > 0) components.push(pickMenu(shown));
  return { embeds: [embed], components };
}

/** A menu that briefs the picked article (the bot's `pick` component). */
export function pickMenu(articles: readonly StoredArticle[]): ActionRow {
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: checkCustomId(PICK_CUSTOM_ID),
    placeholder: 'Brief one of these…',
    options: articles.slice(0, LIMITS.selectOptions).map((a) => {
      const details = detailsOf(a);
      return {
        label: clip(titleOf(a), LIMITS.selectOptionLabel),
        value: refFor(a.id),
        ...(details ? { description: clip(details, LIMITS.selectOptionDescription) } : {}),
      };
    }),
  };
  return { type: ComponentType.ActionRow, components: [menu] };
}

export function renderSearchResults(query: string, hits: readonly SearchHit[], stillIndexing = 0): BotMessage {
  const shown = hits.slice(0, SEARCH_RESULTS);
  const indexingNote = stillIndexing > 0 ? ` (${plural(stillIndexing, 'article')} still being indexed)` : '';
  if (shown.length === 0) {
    return { content: `No stored briefing matches “${md(clip(query, 200))}”${indexingNote}. Try fewer or different words, or \`/articles\` to browse.` };
  }
  const { embed } = fitEmbed({
    title: clip(`Search: ${md(clip(query, 200))}`, LIMITS.embedTitle),
    color: BRAND_COLOR,
    description: [],
    fields: shown.map((hit, i) => {
      const details = detailsOf(hit.article);
      return {
        name: `${i + 1}. ${titleOf(hit.article)}`,
        items: [
          { text: md(hit.snippet), priority: 40 - i },
          { text: `${details ? `${md(details)} · ` : ''}\`${clip(hit.article.id, 90)}\``, priority: 45 - i },
        ],
      };
    }),
    footer: `${plural(hits.length, 'match', 'matches')}${hits.length > shown.length ? `, best ${shown.length} shown` : ''}${indexingNote} · press a button to brief one`,
  });
  const row: ActionRow = {
    type: ComponentType.ActionRow,
    components: shown.map((hit, i) =>
      button(encodeState({ kind: 'open', length: 'standard', ref: refFor(hit.article.id) }), `${i + 1}. ${titleOf(hit.article)}`, {
        style: ButtonStyle.Primary,
      }),
    ),
  };
  return { embeds: [embed], components: [row] };
}

const USAGE: readonly string[] = [
  '`/brief article:<pick or type> [length:short|standard|detailed]` — summary, key quotes, people and numbers; buttons switch to the full lists.',
  '`/quotes article:` — every quote in the article, with who said it.',
  '`/figures article: [show:people|numbers|all]` — the people (with roles) and the numbers (with what they count).',
  '`/articles [page]` — the stored briefings, newest first.',
  '`/search query:` — full-text search over titles, bodies, people and quotes.',
  '`/digest [since:1d|7d|30d|all] [about:] [length:]` — what the briefings say together: key points with their sources, people and numbers.',
  '`/person name:` — one person across the briefings: roles with their source, quotes, briefings, who they appear with.',
  '`/timeline [about:] [since:]` — the dated events of the briefings in time order, each with its sentence and source.',
  '`/feed add url: [channel:]` · `/feed list` · `/feed remove` · `/feed refresh` — follow RSS, Atom and JSON feeds: their items become briefings here (Manage Server or the editors role).',
  '`/announce channel:` — post each new briefing of this server there as a compact brief; a burst comes as one digest.',
  '`/schedule digest channel: every: at: timezone:` · `/schedule list` · `/schedule remove` — a daily or weekly digest of what is new.',
  '`/help` — this message.',
];

export function renderHelp(): BotMessage {
  const lines = USAGE.map((text, i) => ({ text, priority: 50 - i }));
  const { embed } = fitEmbed({
    title: 'briefbot — the news in ten seconds',
    color: BRAND_COLOR,
    description: [
      { text: 'I turn the stored news articles into a short read: a summary, the key quotes with who said them, the people with their roles, and the numbers with what they count.', priority: 60 },
      ...lines,
    ],
    descriptionSeparator: '\n\n',
    fields: [
      {
        name: 'Tips',
        items: [
          { text: 'In `article:`, start typing title words, a person or the id and pick a match; typos are fine.', priority: 10 },
          { text: 'Replies never ping anyone, whatever the article says.', priority: 9 },
        ],
      },
    ],
    footer: 'Offline: npm run cli -- brief <id> prints the same briefing in a terminal.',
  });
  return { embeds: [embed] };
}
