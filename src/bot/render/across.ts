/**
 * Cross-briefing replies: the digest (points with their sources), a person's dossier, a page of the
 * timeline and the related briefings of a brief. Each fits Discord's limits through fitEmbed; buttons
 * open each source's brief as a new message (state in the custom_id, re-checked against the member's
 * scope on click).
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { CorpusPerson, Digest, RelatedBriefing, TimelineEvent } from '../../corpus/types.js';
import type { StoredArticle } from '../../library/store.js';
import type { ActionRow, BotMessage } from '../command.js';
import { encodeState, refFor, type SinceCode } from '../custom-id.js';
import { clip, fitEmbed, LIMITS, type DraftItem } from '../limits.js';
import { BRAND_COLOR, button, formatDate, md, plural } from './common.js';

type Lookup = (id: string) => StoredArticle | undefined;

function titleOf(id: string, lookup: Lookup): string {
  return lookup(id)?.briefing.title ?? id;
}

function sourceLine(n: number, id: string, lookup: Lookup): string {
  const b = lookup(id)?.briefing;
  const meta = [b?.source, formatDate(b?.date ?? null)].filter(Boolean).join(', ');
  return `\`${n}\` ${md(clip(titleOf(id, lookup), 120))}${meta ? ` — *${md(meta)}*` : ''}`;
}

/** Up to five "open" buttons in one row, numbered as the text cites them. */
function openButtons(ids: readonly string[], lookup: Lookup): ActionRow[] {
  const shown = ids.slice(0, LIMITS.buttonsPerRow);
  if (shown.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: shown.map((id, i) =>
        button(encodeState({ kind: 'open', length: 'standard', ref: refFor(id) }), `${i + 1}. ${titleOf(id, lookup)}`),
      ),
    },
  ];
}

export interface DigestView {
  readonly digest: Digest;
  readonly lookup: Lookup;
  readonly briefings: number;
  readonly period: string;
  readonly about?: string;
}

export function renderDigest(view: DigestView): BotMessage {
  const { digest: d, lookup } = view;
  const cited: string[] = [];
  const numberOf = (id: string): number => {
    let i = cited.indexOf(id);
    if (i < 0) i = cited.push(id) - 1;
    return i + 1;
  };
  const description: DraftItem[] = d.points.map((p, i) => ({
    text: `• ${md(p.text)} ${p.sources.map((s) => `\`[${numberOf(s)}]\``).join('')}`,
    priority: 100 - i,
  }));
  if (d.points.length === 0) description.push({ text: '*Nothing to report in these briefings.*', priority: 100 });
  const fields = [];
  if (cited.length > 0) fields.push({ name: 'Sources', items: cited.map((id, i) => ({ text: sourceLine(i + 1, id, lookup), priority: 60 - i / 100 })) });
  const people = d.people.slice(0, 5);
  if (people.length > 0) {
    fields.push({
      name: 'People',
      items: people.map((p, i) => ({
        text: `**${md(p.name)}**${p.roles[0] ? ` — ${md(p.roles[0].role)}` : ''} · ${plural(p.sources.length, 'briefing')}`,
        priority: 40 - i / 10,
      })),
    });
  }
  const numbers = d.numbers.slice(0, 5);
  if (numbers.length > 0) {
    fields.push({ name: 'Numbers', items: numbers.map((n, i) => ({ text: `**${md(n.text)}** — ${md(n.context)}`, priority: 30 - i / 10 })) });
  }
  const focus = view.about ? ` on “${clip(view.about, 60)}”` : '';
  const { embed } = fitEmbed({
    title: `Digest${focus}`,
    color: BRAND_COLOR,
    description,
    fields,
    footer: `${plural(view.briefings, 'briefing')} · ${view.period}`,
    droppedNote: (n) => `${n} more not shown`,
  });
  return { embeds: [embed], components: openButtons(cited, lookup) };
}

export function renderPerson(person: CorpusPerson, lookup: Lookup): BotMessage {
  const cited: string[] = [];
  const numberOf = (id: string): number => {
    let i = cited.indexOf(id);
    if (i < 0) i = cited.push(id) - 1;
    return i + 1;
  };
  const description: DraftItem[] = person.roles.map((r, i) => ({
    text: `• ${md(r.role)} \`[${numberOf(r.source)}]\``,
    priority: 100 - i,
  }));
  if (person.roles.length === 0) description.push({ text: '*No role given in these briefings.*', priority: 100 });
  const fields = [];
  if (person.quotes.length > 0) {
    fields.push({
      name: 'Quotes',
      items: person.quotes.map((q, i) => ({
        text: `${q.kind === 'direct' ? `“${md(clip(q.text, 300))}”` : `(reported) ${md(clip(q.text, 300))}`} \`[${numberOf(q.source)}]\``,
        priority: 80 - i,
      })),
    });
  }
  for (const s of person.sources) numberOf(s);
  fields.push({ name: `Briefings (${person.sources.length})`, items: cited.map((id, i) => ({ text: sourceLine(i + 1, id, lookup), priority: 60 - i / 100 })) });
  if (person.coPeople.length > 0) {
    fields.push({
      name: 'Appears with',
      items: person.coPeople.slice(0, 10).map((c, i) => ({ text: `${md(c.name)} (${plural(c.shared, 'briefing')})`, priority: 40 - i / 10 })),
      separator: ' · ',
    });
  }
  const others = person.forms.filter((f) => f !== person.name);
  const { embed } = fitEmbed({
    title: person.name,
    color: BRAND_COLOR,
    description,
    fields,
    footer: `${plural(person.mentions, 'mention')} in ${plural(person.sources.length, 'briefing')}${others.length > 0 ? ` · also written ${others.slice(0, 5).join(', ')}` : ''}`,
    droppedNote: (n) => `${n} more not shown`,
  });
  return { embeds: [embed], components: openButtons(cited, lookup) };
}

export const TIMELINE_PAGE = 10;

export interface TimelineView {
  readonly events: readonly TimelineEvent[];
  readonly lookup: Lookup;
  readonly page: number;
  readonly since: SinceCode;
  readonly about: string;
}

export function renderTimeline(view: TimelineView): BotMessage {
  const pages = Math.max(1, Math.ceil(view.events.length / TIMELINE_PAGE));
  const page = Math.min(Math.max(1, view.page), pages);
  const shown = view.events.slice((page - 1) * TIMELINE_PAGE, page * TIMELINE_PAGE);
  const cited: string[] = [];
  const numberOf = (id: string): number => {
    let i = cited.indexOf(id);
    if (i < 0) i = cited.push(id) - 1;
    return i + 1;
  };
  const description: DraftItem[] = shown.map((e, i) => ({
    text: `**${md(formatDate(e.date) ?? 'undated')}** — ${e.kind === 'published' ? '*published:* ' : ''}${md(clip(e.text, 300))} \`[${numberOf(e.source)}]\``,
    priority: 100 - i,
  }));
  if (shown.length === 0) description.push({ text: '*No dated events in these briefings.*', priority: 100 });
  const { embed } = fitEmbed({
    title: `Timeline${view.about ? ` — ${clip(view.about, 60)}` : ''}`,
    color: BRAND_COLOR,
    description,
    descriptionSeparator: '\n',
    fields: cited.length > 0 ? [{ name: 'Sources', items: cited.map((id, i) => ({ text: sourceLine(i + 1, id, view.lookup), priority: 60 - i / 100 })) }] : [],
    footer: `${plural(view.events.length, 'event')} · page ${page} of ${pages}`,
    droppedNote: (n) => `${n} more not shown`,
  });
  const components = openButtons(cited, view.lookup);
  if (pages > 1) {
    const at = (p: number) => encodeState({ kind: 'timeline', page: p, since: view.since, about: view.about });
    components.push({
      type: ComponentType.ActionRow,
      components: [
        button(at(Math.max(1, page - 1)), 'Earlier', { disabled: page === 1 }),
        button(at(Math.min(pages, page + 1)), 'Later', {
          style: ButtonStyle.Primary,
          disabled: page === pages,
        }),
      ],
    });
  }
  return { embeds: [embed], components };
}

export function renderRelated(forId: string, related: readonly RelatedBriefing[], lookup: Lookup): BotMessage {
  const lines: DraftItem[] = related.map((r, i) => ({
    text: `${sourceLine(i + 1, r.id, lookup)}${r.people.length > 0 ? ` · with ${r.people.slice(0, 3).map(md).join(', ')}` : ''}`,
    priority: 100 - i,
  }));
  if (lines.length === 0) lines.push({ text: '*No other stored briefing is about this story or these people.*', priority: 100 });
  const { embed } = fitEmbed({ title: `Related to ${clip(titleOf(forId, lookup), 200)}`, color: BRAND_COLOR, description: lines, fields: [] });
  return { embeds: [embed], components: openButtons(related.map((r) => r.id), lookup) };
}
