/**
 * The /brief message and its three detailed views (quotes, people, numbers). All four carry the same
 * row of buttons, so a member can switch one message between them and back.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Briefing, NumberMention, Person } from '../../core/types.js';
import type { StoredArticle } from '../../library/store.js';
import { buildBriefView, type BriefLength } from '../../present/brief-view.js';
import type { ActionRow, BotMessage } from '../command.js';
import { encodeState, type BriefView } from '../custom-id.js';
import { fitEmbed, LIMITS, type DraftItem, type EmbedDraft } from '../limits.js';
import { BRAND_COLOR, button, formatDate, md, plural, quoteLine, safeUrl } from './common.js';

export interface BriefTarget {
  readonly article: StoredArticle;
  /** The briefing with the summary at `length`. */
  readonly briefing: Briefing;
  readonly length: BriefLength;
  /** The article's custom_id reference (its id, or a hash when the id is long). */
  readonly ref: string;
}

function ranked(lines: readonly string[], top: number): DraftItem[] {
  // Earlier lines matter more: the core returns items best first.
  return lines.map((text, i) => ({ text, priority: top - i / (lines.length + 1) }));
}

export function personLine(person: Person, withMentions = false): string {
  const name = `**${md(person.name)}**`;
  const role = person.role ? ` — ${md(person.role)}` : '';
  const count = withMentions ? ` · ${plural(person.mentions, 'mention')}` : '';
  return `${name}${role}${count}`;
}

export function numberLine(n: NumberMention): string {
  return n.context.trim() ? `**${md(n.text)}** — ${md(n.context)}` : `**${md(n.text)}**`;
}

function metaLine(briefing: Briefing): string | null {
  const parts = [briefing.source ? md(briefing.source) : null, formatDate(briefing.date)].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? `*${parts.join(' · ')}*` : null;
}

/** Brief / Quotes / People / Numbers; `current` is shown pressed (null: none, as under an announcement). */
export function viewButtons(target: BriefTarget, current: BriefView | null): ActionRow {
  const b = target.briefing;
  const specs: { view: BriefView; label: string }[] = [
    { view: 'brief', label: 'Brief' },
    { view: 'quotes', label: `Quotes (${b.quotes.length})` },
    { view: 'people', label: `People (${b.people.length})` },
    { view: 'numbers', label: `Numbers (${b.numbers.length})` },
  ];
  return {
    type: ComponentType.ActionRow,
    components: [
      ...specs.map(({ view, label }) =>
        button(encodeState({ kind: 'brief', view, length: target.length, ref: target.ref }), label, {
          style: view === current ? ButtonStyle.Primary : ButtonStyle.Secondary,
          disabled: view === current,
        }),
      ),
      // The other briefings about the same story or people (issue 10), as a private list with buttons.
      button(encodeState({ kind: 'related', ref: target.ref }), 'Related'),
    ],
  };
}

function briefDraft(target: BriefTarget): EmbedDraft {
  const view = buildBriefView(target.briefing, target.article.id);
  const meta = metaLine(target.briefing);
  const description: DraftItem[] = [];
  // The meta line and the first summary bullet outrank everything; later bullets go after quotes.
  if (meta) description.push({ text: meta, priority: 100 });
  view.summary.forEach((s, i) => description.push({ text: `• ${md(s)}`, priority: i === 0 ? 99 : 60 - i }));
  if (view.summary.length === 0) description.push({ text: '*No summary could be made from this article.*', priority: 99 });
  const fields = [];
  if (view.quotes.length > 0) fields.push({ name: 'Key quotes', items: ranked(view.quotes.map((q) => quoteLine(q, 300)), 50) });
  if (view.people.length > 0) fields.push({ name: 'People', items: ranked(view.people.map((p) => personLine(p)), 40) });
  if (view.numbers.length > 0) fields.push({ name: 'Numbers', items: ranked(view.numbers.map(numberLine), 30) });
  return {
    title: view.title,
    url: safeUrl(view.url),
    color: BRAND_COLOR,
    description,
    fields,
    footer: `${view.wordsIn} words → ${view.wordsOut} words (${view.percentShorter}% shorter)`,
  };
}

function listDraft(target: BriefTarget, heading: string, lines: readonly string[], empty: string, noun: string): EmbedDraft {
  const title = target.briefing.title ?? target.article.id;
  return {
    title: `${heading} — ${title}`,
    url: safeUrl(target.briefing.url),
    color: BRAND_COLOR,
    description: lines.length > 0 ? ranked(lines, 50) : [{ text: empty, priority: 50 }],
    descriptionSeparator: '\n\n',
    fields: [],
    footer: lines.length > 0 ? plural(lines.length, noun) : null,
    droppedNote: (n) => `${n} more not shown`,
  };
}

export function briefDraftFor(target: BriefTarget, view: BriefView): EmbedDraft {
  const b = target.briefing;
  switch (view) {
    case 'brief':
      return briefDraft(target);
    case 'quotes':
      return listDraft(target, 'Quotes', b.quotes.map((q) => quoteLine(q)), '*No quotes found in this article.*', 'quote');
    case 'people':
      return listDraft(target, 'People', b.people.map((p) => personLine(p, true)), '*No people found in this article.*', 'person');
    case 'numbers':
      return listDraft(target, 'Numbers', b.numbers.map(numberLine), '*No numbers found in this article.*', 'number');
  }
}

/** One of the four views as a message, with the switching buttons. */
export function renderBrief(target: BriefTarget, view: BriefView): BotMessage {
  const { embed } = fitEmbed(briefDraftFor(target, view));
  return { embeds: [embed], components: [viewButtons(target, view)] };
}

/** /figures show:all — people and numbers as two embeds sharing the 6000-character message budget. */
export function renderFigures(target: BriefTarget): BotMessage {
  const half = Math.floor(LIMITS.embedTotal / 2);
  const people = fitEmbed(briefDraftFor(target, 'people'), half).embed;
  const numbers = fitEmbed(briefDraftFor(target, 'numbers'), half).embed;
  return { embeds: [people, numbers], components: [viewButtons(target, null)] };
}
