import { describe, expect, it } from 'vitest';
import { renderArticlesPage, renderSearchResults, renderHelp, PICK_CUSTOM_ID } from '../../src/bot/render/lists.js';
import { renderBrief, renderFigures } from '../../src/bot/render/brief.js';
import { decodeState } from '../../src/bot/custom-id.js';
import { embedTextLength, LIMITS } from '../../src/bot/limits.js';
import { formatDate, safeUrl } from '../../src/bot/render/common.js';
import type { BotMessage } from '../../src/bot/command.js';
import { briefing, number, person, quote, sentence, stored } from './fixtures.js';

const pier = briefing({
  summary: [sentence('The harbour council voted to rebuild the old pier.'), sentence('Work starts in spring.', 1)],
  quotes: [quote('This pier is the heart of the town', 'Marta Oyelaran', 3), quote('We will keep the costs down', 'Ian Dobbs', 2)],
  people: [person('Marta Oyelaran', 'harbour master', 4), person('Ian Dobbs', null, 1)],
  numbers: [number('£4.2 million', 'cost of the rebuild'), number('140 metres', 'length of the new pier')],
  wordCount: 400,
});
const target = { article: stored('pier-vote', pier), briefing: pier, length: 'standard' as const, ref: 'pier-vote' };

function text(message: BotMessage): string {
  return JSON.stringify(message.embeds);
}

function checkLimits(message: BotMessage): void {
  let total = 0;
  for (const e of message.embeds ?? []) {
    total += embedTextLength(e);
    expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const row of message.components ?? []) {
    for (const c of row.components) {
      if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if ('label' in c && c.label) expect(c.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}

describe('the brief embed', () => {
  it('has the linked title, source and date, bullets, quotes with speakers, people with roles, numbers and the footer', () => {
    const message = renderBrief(target, 'brief');
    const [embed] = message.embeds!;
    expect(embed?.title).toBe('Harbour council votes to rebuild pier');
    expect(embed?.url).toBe('https://example.com/pier');
    expect(embed?.description).toContain('*Coast Gazette · 4 March 2021*');
    expect(embed?.description).toContain('• The harbour council voted to rebuild the old pier.');
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['Key quotes']).toContain('“This pier is the heart of the town” — **Marta Oyelaran**');
    expect(fields['People']).toContain('**Marta Oyelaran** — harbour master');
    expect(fields['People']).toContain('**Ian Dobbs**');
    expect(fields['Numbers']).toContain('**£4.2 million** — cost of the rebuild');
    expect(embed?.footer?.text).toBe('400 words → 13 words (97% shorter)');
    checkLimits(message);
  });

  it('has buttons for the four views and Related; the current one is disabled; state is in the custom_id', () => {
    const message = renderBrief(target, 'quotes');
    const buttons = message.components![0]!.components as { custom_id: string; label: string; disabled?: boolean }[];
    expect(buttons.map((b) => b.label)).toEqual(['Brief', 'Quotes (2)', 'People (2)', 'Numbers (2)', 'Related']);
    expect(buttons.map((b) => decodeState(b.custom_id))).toEqual([
      { kind: 'brief', view: 'brief', length: 'standard', ref: 'pier-vote' },
      { kind: 'brief', view: 'quotes', length: 'standard', ref: 'pier-vote' },
      { kind: 'brief', view: 'people', length: 'standard', ref: 'pier-vote' },
      { kind: 'brief', view: 'numbers', length: 'standard', ref: 'pier-vote' },
      { kind: 'related', ref: 'pier-vote' },
    ]);
    expect(buttons[1]?.disabled).toBe(true);
    expect(buttons[0]?.disabled).toBeUndefined();
  });

  it('escapes Markdown from the article and says when a list is empty', () => {
    const odd = briefing({ title: 'Stars *and* __bars__', people: [], quotes: [quote('@everyone look at *this*', 'A. Person')] });
    const message = renderBrief({ ...target, article: stored('odd', odd), briefing: odd }, 'quotes');
    expect(text(message)).toContain('\\\\*this\\\\*');
    expect(renderBrief({ ...target, article: stored('odd', odd), briefing: odd }, 'people').embeds![0]!.description).toBe('*No people found in this article.*');
  });

  it('fits a huge article by dropping the least important items, never a half quote without an ellipsis', () => {
    const long = 'word '.repeat(400).trim();
    const huge = briefing({
      title: 'T'.repeat(400),
      summary: Array.from({ length: 12 }, (_, i) => sentence(`Sentence ${i} ${long}.`, i)),
      quotes: Array.from({ length: 30 }, (_, i) => quote(`Quote ${i} ${long}`, `Speaker ${i}`, 30 - i)),
      people: Array.from({ length: 40 }, (_, i) => person(`Person ${i}`, `role ${long}`)),
      numbers: Array.from({ length: 40 }, (_, i) => number(`${i}`, `thing ${long}`)),
    });
    const t = { ...target, article: stored('huge', huge), briefing: huge };
    for (const view of ['brief', 'quotes', 'people', 'numbers'] as const) {
      const message = renderBrief(t, view);
      checkLimits(message);
      for (const m of text(message).matchAll(/“([^”]*)”/g)) expect(m[1]!.endsWith('word') || m[1]!.endsWith('…')).toBe(true);
    }
    const quotes = renderBrief(t, 'quotes').embeds![0]!;
    expect(quotes.description).toContain('Quote 0 ');
    expect(quotes.footer?.text).toMatch(/^30 quotes · \d+ more not shown$/);
    checkLimits(renderFigures(t));
    expect(renderFigures(t).embeds).toHaveLength(2);
  });
});

describe('lists', () => {
  const many = Array.from({ length: 23 }, (_, i) => stored(`a${i}`, briefing({ title: `Story ${i}` })));

  it('pages the stored briefings with newer/older buttons, a pick menu and the skipped count', () => {
    const page2 = renderArticlesPage(many, [{ file: 'bad.html', reason: 'binary' }], 2);
    const embed = page2.embeds![0]!;
    expect(embed.description).toContain('**11.** Story 10');
    expect(embed.description).not.toContain('Story 9 ');
    expect(embed.footer?.text).toBe('Page 2 of 3 · 23 briefings · 1 file skipped (unreadable)');
    const [nav, menu] = page2.components!;
    expect(nav!.components.map((c) => ('custom_id' in c ? decodeState(c.custom_id) : null))).toEqual([
      { kind: 'articles', page: 1 },
      { kind: 'articles', page: 3 },
    ]);
    const select = menu!.components[0] as { custom_id: string; options: { value: string }[] };
    expect(select.custom_id).toBe(PICK_CUSTOM_ID);
    expect(select.options.map((o) => o.value)).toHaveLength(10);
    checkLimits(page2);
    const last = renderArticlesPage(many, [], 99);
    expect(last.embeds![0]!.footer?.text).toBe('Page 3 of 3 · 23 briefings');
  });

  it('says so when nothing is stored', () => {
    const empty = renderArticlesPage([], [], 1);
    expect(empty.embeds![0]!.description).toBe('*No briefings are stored yet.*');
    expect(empty.components).toEqual([]);
  });

  it('shows search hits best first with snippets and one button each to brief them', () => {
    const hits = many.slice(0, 7).map((article, i) => ({ article, score: 10 - i, snippet: `snippet ${i}` }));
    const message = renderSearchResults('story', hits);
    const embed = message.embeds![0]!;
    expect(embed.fields!.map((f) => f.name)).toEqual(['1. Story 0', '2. Story 1', '3. Story 2', '4. Story 3', '5. Story 4']);
    expect(embed.fields![0]!.value).toContain('snippet 0');
    const buttons = message.components![0]!.components as { custom_id: string }[];
    expect(decodeState(buttons[0]!.custom_id)).toEqual({ kind: 'open', length: 'standard', ref: 'a0' });
    expect(embed.footer?.text).toContain('7 matches, best 5 shown');
    checkLimits(message);
    expect(renderSearchResults('nothing', []).content).toContain('No stored briefing matches');
  });

  it('help names every command', () => {
    const description = renderHelp().embeds![0]!.description!;
    for (const name of ['/brief', '/quotes', '/figures', '/articles', '/search', '/digest', '/person', '/timeline', '/help']) expect(description).toContain(name);
  });
});

describe('formatting', () => {
  it('formats full and year-less dates and accepts only http(s) URLs', () => {
    expect(formatDate('2020-07-06')).toBe('6 July 2020');
    expect(formatDate('--04-15')).toBe('15 April');
    expect(formatDate('spring')).toBe('spring');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
  });
});
