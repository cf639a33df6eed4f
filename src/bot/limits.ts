/**
 * Discord's size limits, and the one place that makes replies fit them.
 * Shortening drops the least important items first; when one item alone is too long it is cut at a
 * word boundary and marked with an ellipsis, so no word or quote is ever silently cut in half.
 */
import type { APIEmbed } from 'discord.js';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  customId: 100,
  buttonLabel: 80,
  actionRows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/** Length as Discord counts it (UTF-16 code units, like JavaScript's `length`). */
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

/**
 * Shortens `text` to at most `max` characters, cutting at a word boundary and ending with "…".
 * A single word longer than the budget is cut mid-word (with the ellipsis) since nothing else fits.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const budget = max - ELLIPSIS.length;
  let cut = budget;
  // Cut before the word that would be split: find the last space at or before `budget`.
  while (cut > 0 && !isSpace(text[cut] ?? ' ')) cut--;
  if (cut === 0) cut = budget; // one long word: no boundary to cut at
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  let end = cut;
  while (end > 0 && (isSpace(text[end - 1] ?? '') || text[end - 1] === ',' || text[end - 1] === ';')) end--;
  if (end === 0) end = cut;
  return text.slice(0, end) + ELLIPSIS;
}

/** A line that may be dropped when space runs out; higher `priority` is kept longer. */
export interface DraftItem {
  readonly text: string;
  readonly priority: number;
}

export interface DraftField {
  readonly name: string;
  readonly items: readonly DraftItem[];
  readonly inline?: boolean;
  /** Joins the items (default: newline). */
  readonly separator?: string;
}

/** An embed as lists of ranked items, before fitting. */
export interface EmbedDraft {
  readonly title: string;
  readonly url?: string | null;
  readonly color?: number;
  readonly author?: string | null;
  readonly description: readonly DraftItem[];
  readonly descriptionSeparator?: string;
  readonly fields: readonly DraftField[];
  readonly footer?: string | null;
  /** Appended to the footer when items had to be dropped, e.g. (n) => `${n} more not shown`. */
  readonly droppedNote?: (dropped: number) => string;
}

export interface FittedEmbed {
  readonly embed: APIEmbed;
  /** How many items were dropped to fit. */
  readonly dropped: number;
}

/** Total characters Discord counts toward the 6000 limit. */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

interface WorkingItem {
  text: string;
  readonly priority: number;
  readonly order: number;
}

interface WorkingSection {
  readonly name: string | null; // null = description
  readonly inline: boolean | undefined;
  readonly separator: string;
  readonly max: number;
  items: WorkingItem[];
}

function joinSection(section: WorkingSection): string {
  return section.items.map((i) => i.text).join(section.separator);
}

/** The joined length without building the string (fitting loops call this often). */
function sectionLength(section: WorkingSection): number {
  let n = 0;
  for (const item of section.items) n += item.text.length;
  return n + Math.max(0, section.items.length - 1) * section.separator.length;
}

/** Drops the lowest-priority item of a section (the later one on ties), keeping at least `keep`. */
function dropLeastImportant(sections: readonly WorkingSection[], keep: number): boolean {
  let best: { section: WorkingSection; index: number } | null = null;
  for (const section of sections) {
    if (section.items.length <= keep) continue;
    section.items.forEach((item, index) => {
      const current = best ? best.section.items[best.index] : undefined;
      if (!current || item.priority < current.priority || (item.priority === current.priority && item.order > current.order)) {
        best = { section, index };
      }
    });
  }
  if (!best) return false;
  const { section, index } = best as { section: WorkingSection; index: number };
  section.items.splice(index, 1);
  return true;
}

/** Shortens the longest item of the given sections by clipping it; false when nothing can shrink. */
function clipLongest(sections: readonly WorkingSection[], excess: number): boolean {
  let longest: WorkingItem | null = null;
  for (const section of sections) for (const item of section.items) if (!longest || item.text.length > longest.text.length) longest = item;
  if (!longest || longest.text.length <= 1) return false;
  const target = Math.max(1, longest.text.length - Math.max(excess, 1));
  const clipped = clip(longest.text, target);
  if (clipped.length >= longest.text.length) return false;
  longest.text = clipped;
  return true;
}

function render(draft: EmbedDraft, title: string, sections: readonly WorkingSection[], footer: string | null): APIEmbed {
  const embed: APIEmbed = { title };
  if (draft.url) embed.url = draft.url;
  if (draft.color !== undefined) embed.color = draft.color;
  if (draft.author) embed.author = { name: clip(draft.author, LIMITS.author) };
  const [description, ...fields] = sections;
  const text = description ? joinSection(description) : '';
  if (text) embed.description = text;
  const rendered = fields
    .filter((f) => f.items.length > 0)
    .map((f) => ({ name: f.name ?? '', value: joinSection(f), ...(f.inline !== undefined ? { inline: f.inline } : {}) }));
  if (rendered.length > 0) embed.fields = rendered;
  if (footer) embed.footer = { text: footer };
  return embed;
}

/**
 * Builds an embed within every Discord limit. Per container (description, each field), items are
 * dropped least important first while it is too long; then, while the embed is over 6000 characters,
 * the least important item anywhere goes. Each container keeps at least one item, which is clipped
 * with an ellipsis if it is too long on its own. `maxTotal` lowers the 6000 budget when a message
 * carries several embeds (the limit is per message).
 */
export function fitEmbed(draft: EmbedDraft, maxTotal: number = LIMITS.embedTotal): FittedEmbed {
  let order = 0;
  const toItems = (items: readonly DraftItem[]): WorkingItem[] =>
    items.filter((i) => i.text.trim() !== '').map((i) => ({ text: i.text, priority: i.priority, order: order++ }));
  const description: WorkingSection = {
    name: null,
    inline: undefined,
    separator: draft.descriptionSeparator ?? '\n',
    max: LIMITS.embedDescription,
    items: toItems(draft.description),
  };
  const fields: WorkingSection[] = draft.fields.slice(0, LIMITS.embedFields).map((f) => ({
    name: clip(f.name, LIMITS.fieldName) || '\u200b',
    inline: f.inline,
    separator: f.separator ?? '\n',
    max: LIMITS.fieldValue,
    items: toItems(f.items),
  }));
  const initialCount = order;
  const sections = [description, ...fields];
  const title = clip(draft.title, LIMITS.embedTitle) || '\u200b';

  // 1. Each item alone must fit its container.
  for (const section of sections) for (const item of section.items) item.text = clip(item.text, section.max);
  // 2. Each container must fit.
  for (const section of sections) {
    while (sectionLength(section) > section.max) {
      if (!dropLeastImportant([section], 1)) {
        const only = section.items[0];
        if (!only) break;
        only.text = clip(only.text, section.max);
        break;
      }
    }
  }
  // 3. The whole embed must fit, leaving room for the footer (with its dropped-note).
  const remaining = (): number => sections.reduce((n, s) => n + s.items.length, 0);
  const footerFor = (): string | null => {
    const dropped = initialCount - remaining();
    const note = dropped > 0 && draft.droppedNote ? draft.droppedNote(dropped) : '';
    const text = [draft.footer ?? '', note].filter((t) => t !== '').join(' · ');
    return text ? clip(text, LIMITS.footer) : null;
  };
  const authorLength = draft.author ? clip(draft.author, LIMITS.author).length : 0;
  const textLength = (): number => {
    let n = title.length + authorLength + (footerFor()?.length ?? 0) + sectionLength(description);
    for (const f of fields) if (f.items.length > 0) n += (f.name ?? '').length + sectionLength(f);
    return n;
  };
  for (;;) {
    const excess = textLength() - Math.min(maxTotal, LIMITS.embedTotal);
    if (excess <= 0) return { embed: render(draft, title, sections, footerFor()), dropped: initialCount - remaining() };
    if (dropLeastImportant(sections, 1)) continue;
    if (dropLeastImportant(sections, 0)) continue;
    if (!clipLongest(sections, excess)) {
      // Only the title and footer are left; they are within their own limits, which sum below 6000.
      return { embed: render(draft, title, sections, footerFor()), dropped: initialCount - remaining() };
    }
  }
}

/** Message content within 2000 characters. */
export function fitContent(text: string): string {
  return clip(text, LIMITS.content);
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/**
 * At most 25 autocomplete choices with names 1–100 characters. A value longer than 100 cannot be
 * shortened without breaking it, so such a choice is left out (callers pass short references).
 */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const out: Choice[] = [];
  const seen = new Set<string>();
  for (const choice of choices) {
    if (out.length >= LIMITS.choices) break;
    if (choice.value.length === 0 || choice.value.length > LIMITS.choiceValue || seen.has(choice.value)) continue;
    const name = clip(choice.name.trim() || choice.value, LIMITS.choiceName);
    seen.add(choice.value);
    out.push({ name, value: choice.value });
  }
  return out;
}

export class LimitError extends Error {}

/** custom_ids are built by code, never by users: a too-long one is a bug, so it throws. */
export function checkCustomId(id: string): string {
  if (id.length === 0 || id.length > LIMITS.customId) throw new LimitError(`custom_id must be 1-${LIMITS.customId} characters, got ${id.length}`);
  return id;
}

export function fitButtonLabel(label: string): string {
  return clip(label.trim(), LIMITS.buttonLabel) || '…';
}
