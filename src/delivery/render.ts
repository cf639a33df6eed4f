/**
 * What announcements and digests look like in a channel. One new briefing: a compact brief (headline,
 * source, two summary lines) with the Brief / Quotes / People / Numbers buttons that open it in place.
 * Several at once: one digest message listing them, with a menu to brief any of them.
 */
import type { BotMessage } from '../bot/command.js';
import { refFor } from '../bot/custom-id.js';
import { clip, fitEmbed, LIMITS, type DraftItem } from '../bot/limits.js';
import { viewButtons } from '../bot/render/brief.js';
import { BRAND_COLOR, md, plural, safeUrl } from '../bot/render/common.js';
import { detailsOf, pickMenu } from '../bot/render/lists.js';
import type { SummaryCache } from '../bot/summaries.js';
import type { StoredArticle } from '../library/store.js';

/** Up to this many new briefings are announced one message each; more become one digest message. */
export const BURST_THRESHOLD = 3;

function titleOf(article: StoredArticle): string {
  return article.briefing.title ?? article.id;
}


export function renderAnnouncement(article: StoredArticle, summaries: SummaryCache, label = 'New briefing'): BotMessage {
  const briefing = summaries.get(article, 'short');
  const meta = detailsOf(article);
  const description: DraftItem[] = [];
  if (meta) description.push({ text: `*${md(meta)}*`, priority: 100 });
  briefing.summary.forEach((s, i) => description.push({ text: `• ${md(s.text)}`, priority: 90 - i }));
  if (briefing.summary.length === 0) description.push({ text: '*No summary could be made from this article.*', priority: 90 });
  const { embed } = fitEmbed({
    title: titleOf(article),
    url: safeUrl(article.briefing.url),
    color: BRAND_COLOR,
    description,
    fields: [],
    footer: `${label} · ${plural(article.briefing.quotes.length, 'quote')} · ${plural(article.briefing.people.length, 'person', 'people')} · ${plural(article.briefing.numbers.length, 'number')}`,
  });
  return { embeds: [embed], components: [viewButtons({ article, briefing, length: 'standard', ref: refFor(article.id) }, null)] };
}


/** Many briefings as one message: a line each (headline linked, first summary line), best kept within the limits. */
export function renderDigest(articles: readonly StoredArticle[], summaries: SummaryCache, heading: string, footer: string | null = null): BotMessage {
  const lines: DraftItem[] = articles.map((a, i) => {
    const first = summaries.get(a, 'short').summary[0]?.text;
    const url = safeUrl(a.briefing.url);
    const title = url ? `[${md(clip(titleOf(a), 200))}](${url})` : `**${md(clip(titleOf(a), 200))}**`;
    const meta = detailsOf(a);
    return { text: `${title}${meta ? ` — *${md(meta)}*` : ''}${first ? `\n${md(clip(first, 300))}` : ''}`, priority: 1000 - i };
  });
  const { embed } = fitEmbed({
    title: clip(heading, LIMITS.embedTitle),
    color: BRAND_COLOR,
    description: lines,
    descriptionSeparator: '\n\n',
    fields: [],
    footer,
    droppedNote: (n) => `${n} more not shown (pick from the menu or use /articles)`,
  });
  return { embeds: [embed], components: articles.length > 0 ? [pickMenu(articles)] : [] };
}

/** The messages announcing `articles` (oldest first): one each, or one digest for a burst. */
export function renderAnnouncements(articles: readonly StoredArticle[], summaries: SummaryCache): BotMessage[] {
  if (articles.length <= BURST_THRESHOLD) return articles.map((a) => renderAnnouncement(a, summaries));
  return [renderDigest(articles, summaries, `${articles.length} new briefings`, 'Pick one below to read its brief')];
}
