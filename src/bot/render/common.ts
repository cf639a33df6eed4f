import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Quote } from '../../core/types.js';
import { clip, fitButtonLabel, checkCustomId } from '../limits.js';

export const BRAND_COLOR = 0x2b6cb0;
export const ERROR_COLOR = 0xc53030;

/**
 * Article text shown as Markdown must not be read as Markdown: every inline formatting character is
 * backslash-escaped and whitespace runs (line breaks too) become one space, so no line can start a
 * heading, list or block quote. Two linear passes; discord.js's escapeMarkdown runs many regular
 * expressions and took ~7 ms per 2,000 characters, too slow for replies that leave within milliseconds.
 */
export function md(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\*_~`|[\]<>#]/g, '\\$&');
}

export { formatDate } from '../../present/format.js';

/** Only http(s) links may become embed URLs; anything else would be refused by Discord. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && url.length <= 2048 ? parsed.href : null;
  } catch {
    return null;
  }
}

/** One quote as a line: the words in quote marks (clipped inside them), then who said it. */
export function quoteLine(quote: Quote, maxWords = 400): string {
  const who = quote.speaker ? `**${md(quote.speaker)}**` : '*unattributed*';
  const words = md(clip(quote.text, maxWords));
  return quote.kind === 'direct' ? `“${words}” — ${who}` : `${who} (reported): ${words}`;
}

export function button(
  customId: string,
  label: string,
  options: { style?: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger; disabled?: boolean } = {},
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: checkCustomId(customId),
    label: fitButtonLabel(label),
    style: options.style ?? ButtonStyle.Secondary,
    ...(options.disabled ? { disabled: true } : {}),
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
