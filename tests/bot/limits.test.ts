import { describe, expect, it } from 'vitest';
import { clip, embedTextLength, fitChoices, fitEmbed, checkCustomId, LIMITS, type DraftItem } from '../../src/bot/limits.js';

const words = (n: number, word = 'harbour'): string => Array.from({ length: n }, () => word).join(' ');

describe('clip', () => {
  it('leaves text that fits alone', () => {
    expect(clip('the pier opens', 14)).toBe('the pier opens');
  });
  it('cuts at a word boundary and ends with an ellipsis', () => {
    const out = clip('the council voted to rebuild the pier', 20);
    expect(out).toBe('the council voted…');
    expect(out.length).toBeLessThanOrEqual(20);
  });
  it('drops a trailing comma before the ellipsis', () => {
    expect(clip('first, second third', 10)).toBe('first…');
  });
  it('cuts a single over-long word with an ellipsis, since nothing else fits', () => {
    expect(clip('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
  it('never splits a surrogate pair', () => {
    const out = clip(`${'😀'.repeat(10)}`, 6);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

describe('fitEmbed', () => {
  it('keeps everything when it fits and reports nothing dropped', () => {
    const { embed, dropped } = fitEmbed({
      title: 'Pier',
      description: [{ text: '• one', priority: 5 }],
      fields: [{ name: 'People', items: [{ text: 'Ann Lee — mayor', priority: 1 }] }],
      footer: '10 words → 2 words (80% shorter)',
    });
    expect(dropped).toBe(0);
    expect(embed.description).toBe('• one');
    expect(embed.fields).toEqual([{ name: 'People', value: 'Ann Lee — mayor' }]);
    expect(embed.footer?.text).toBe('10 words → 2 words (80% shorter)');
  });

  it('drops the least important items of a field that is over 1024, keeping the best', () => {
    const items: DraftItem[] = Array.from({ length: 20 }, (_, i) => ({ text: `${i}: ${words(10)}`, priority: 100 - i }));
    const { embed } = fitEmbed({ title: 'T', description: [], fields: [{ name: 'Numbers', items }] });
    const value = embed.fields?.[0]?.value ?? '';
    expect(value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(value.startsWith('0: ')).toBe(true);
    expect(value).not.toContain('19: ');
    // Whole items only: every line is complete.
    for (const line of value.split('\n')) expect(line.endsWith('harbour')).toBe(true);
  });

  it('clips one item that alone exceeds its container, with an ellipsis', () => {
    const { embed } = fitEmbed({ title: 'T', description: [{ text: words(1000), priority: 1 }], fields: [] });
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.description!.endsWith('harbour…')).toBe(true);
  });

  it('keeps the whole embed within 6000 by dropping low-priority items across sections first', () => {
    const big = (p: number, tag: string): DraftItem => ({ text: `${tag} ${words(100)}`, priority: p });
    const { embed, dropped } = fitEmbed({
      title: 'x'.repeat(300),
      description: [big(100, 'S1'), big(60, 'S2'), big(59, 'S3'), big(58, 'S4'), big(57, 'S5')],
      fields: [
        { name: 'Key quotes', items: [big(50, 'Q1')] },
        { name: 'People', items: [big(40, 'P1')] },
        { name: 'Numbers', items: [big(30, 'N1')] },
      ],
      footer: 'f'.repeat(3000),
    });
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.footer!.text.length).toBeLessThanOrEqual(LIMITS.footer);
    expect(embedTextLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(dropped).toBeGreaterThan(0);
    // The most important summary line survives; the lowest-ranked things go first.
    expect(embed.description).toContain('S1 ');
    const all = JSON.stringify(embed);
    if (all.includes('Q1 ')) expect(all).toContain('S1 ');
    expect(all.includes('N1 ') && !all.includes('P1 ')).toBe(false);
  });

  it('adds a note saying how many items were left out', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ text: `“${words(20)}” — Speaker ${i}`, priority: 60 - i }));
    const { embed, dropped } = fitEmbed({ title: 'Quotes', description: items, descriptionSeparator: '\n\n', fields: [], footer: '60 quotes', droppedNote: (n) => `${n} more not shown` });
    expect(dropped).toBeGreaterThan(0);
    expect(embed.footer?.text).toBe(`60 quotes · ${dropped} more not shown`);
    expect(embed.description).toContain('Speaker 0');
  });

  it('keeps at most 25 fields and never sends an empty field', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, items: i === 3 ? [] : [{ text: 'v', priority: 1 }] }));
    const { embed } = fitEmbed({ title: 'T', description: [], fields });
    expect(embed.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of embed.fields!) expect(f.value.length).toBeGreaterThan(0);
  });

  it('respects a lower budget for messages with two embeds', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ text: words(15), priority: 40 - i }));
    const { embed } = fitEmbed({ title: 'T', description: items, fields: [] }, 3000);
    expect(embedTextLength(embed)).toBeLessThanOrEqual(3000);
  });
});

describe('fitChoices', () => {
  it('keeps at most 25, clips names to 100 and skips values that cannot fit or repeat', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `${words(30)} ${i}`, value: `id-${i}` }));
    choices.unshift({ name: 'too long', value: 'v'.repeat(101) }, { name: 'dup', value: 'id-0' });
    const out = fitChoices(choices);
    expect(out).toHaveLength(25);
    expect(out[0]?.value).toBe('id-0');
    expect(out[0]?.name).toBe('dup');
    for (const c of out) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(out.map((c) => c.value)).size).toBe(25);
  });
});

describe('checkCustomId', () => {
  it('accepts 1..100 characters and throws otherwise', () => {
    expect(checkCustomId('a'.repeat(100))).toHaveLength(100);
    expect(() => checkCustomId('a'.repeat(101))).toThrow(/custom_id/);
    expect(() => checkCustomId('')).toThrow(/custom_id/);
  });
});
