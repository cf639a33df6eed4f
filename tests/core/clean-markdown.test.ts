import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { decodeInput } from '../../src/core/input.js';
import { InputError } from '../../src/core/errors.js';
import { stripInlineMarkdown } from '../../src/core/clean/markdown.js';

const markdown = `---
title: Library extends opening hours
source: Valley Herald
url: https://valley.example/library-hours
date: 2024-03-05
author: Sam Okafor
tags: [libraries, council]
---

# Library hours to grow from April

The **central library** will stay open until *nine in the evening* on weekdays from April, the council said on [its website](https://valley.example/council).

![Reading room](reading-room.jpg)

## Why now

Visitor numbers rose by a third last year, and students asked for ~~more~~ longer evening hours, according to a survey by the \`libraries\` team.

\`\`\`js
console.log("this is code and must not appear");
\`\`\`

- Weekdays: until 9 pm
- Saturdays: until 6 pm

> "We listened to our readers," said librarian <b>Joan Pike</b>.
`;

describe('cleanDocument on Markdown', () => {
  const doc = cleanDocument(markdown, 'markdown');

  it('lets front matter set title, source, url, date, author and tags', () => {
    expect(doc.title).toBe('Library extends opening hours');
    expect(doc.source).toBe('Valley Herald');
    expect(doc.url).toBe('https://valley.example/library-hours');
    expect(doc.date).toBe('2024-03-05');
    expect(doc.author).toBe('Sam Okafor');
    expect(doc.tags).toEqual(['libraries', 'council']);
  });

  it('turns the Markdown into plain paragraphs', () => {
    expect(doc.body.split('\n\n')).toEqual([
      'The central library will stay open until nine in the evening on weekdays from April, the council said on its website.',
      'Why now',
      'Visitor numbers rose by a third last year, and students asked for more longer evening hours, according to a survey by the libraries team.',
      'Weekdays: until 9 pm',
      'Saturdays: until 6 pm',
      '"We listened to our readers," said librarian Joan Pike.',
    ]);
  });

  it('drops images, code fences, link targets and HTML tags', () => {
    for (const junk of ['reading-room.jpg', 'Reading room', 'console.log', 'https://', '<b>', '**', '#']) expect(doc.body).not.toContain(junk);
  });

  it('uses the first heading as the title when there is no front matter', () => {
    const d = cleanDocument('# Floods close the valley road\n\nThe road through the valley was closed on Monday after heavy rain flooded it in two places.\n', 'markdown');
    expect(d.title).toBe('Floods close the valley road');
    expect(d.body).toBe('The road through the valley was closed on Monday after heavy rain flooded it in two places.');
    expect(d.tags).toEqual([]);
  });

  it('treats broken front matter as text rather than failing', () => {
    const d = cleanDocument('---\ntitle: [unclosed\n---\n\nThe mayor opened the new park on Sunday morning with a short speech to residents.', 'markdown');
    expect(d.body).toContain('The mayor opened the new park on Sunday morning');
  });

  it('refuses front matter over 64 KiB with a clear reason, without parsing it', () => {
    // 40,000 keys (760 KiB): the duplicate-key check of a full parse takes seconds, growing with the square.
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: value ${i}`).join('\n');
    const text = `---\ntitle: Huge\n${keys}\n---\n\nThe mayor opened the new park on Sunday morning with a short speech to residents.\n`;
    expect(() => cleanDocument(text, 'markdown')).toThrow(InputError);
    expect(() => cleanDocument(text, 'markdown')).toThrow(/front matter is 760 KiB; front matter is limited to 64 KiB/);
  });

  it('reads front matter just under the limit, made of thousands of keys, the last duplicate winning', () => {
    const filler = Array.from({ length: 2_500 }, (_, i) => `k${i}: v${i}`).join('\n'); // ~30 KiB
    const text = `---\ntitle: First\n${filler}\ntitle: Park opens\n---\n\nThe mayor opened the new park on Sunday morning with a short speech to residents.\n`;
    const d = cleanDocument(text, 'markdown');
    expect(d.title).toBe('Park opens');
    expect(d.body).toBe('The mayor opened the new park on Sunday morning with a short speech to residents.');
  });

  it('is chosen for .md files by decodeInput', () => {
    const decoded = decodeInput(Buffer.from(markdown, 'utf8'), 'library.md');
    expect(decoded.format).toBe('markdown');
    expect(cleanDocument(decoded.text, decoded.format).title).toBe('Library extends opening hours');
  });
});

describe('stripInlineMarkdown links', () => {
  it('keeps link text, drops images, leaves lone brackets alone', () => {
    expect(stripInlineMarkdown('See [the report](http://example.org/a) and ![chart](c.png) now.')).toBe('See the report and  now.');
    expect(stripInlineMarkdown('A [reference][1] and [b] c] [d](e) f')).toBe('A reference and [b] c] d f');
    expect(stripInlineMarkdown('an [open](link never closed')).toBe('an [open](link never closed');
  });

  it('handles a long line of brackets without a closing parenthesis', () => {
    const line = '](['.repeat(50_000);
    expect(stripInlineMarkdown(line)).toBe(line);
  });
});
