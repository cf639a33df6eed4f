import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/core/analyze.js';
import { InputError } from '../../src/core/errors.js';
import type { Briefing } from '../../src/core/types.js';
import { hostileInputs } from '../../scripts/bench/engine.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every range a briefing reports must point at the text it claims, inside the body. */
function expectConsistent(b: Briefing): void {
  for (const s of b.sentences) expect(b.body.slice(s.start, s.end)).toBe(s.text);
  for (const s of b.summary) expect(b.sentences.some((x) => x.start === s.start && x.text === s.text)).toBe(true);
  for (const n of b.numbers) expect(b.body.slice(n.start, n.end)).toBe(n.text);
  for (const q of b.quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(b.body.length);
  }
  for (const p of b.people) expect(p.mentions).toBeGreaterThanOrEqual(1);
}

describe('bad input through the whole engine: a clean result or a clear error, never a crash', () => {
  it('refuses empty, blank and binary files with an InputError that says why', () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [new Uint8Array(0), 'empty.txt', /empty/i],
      [utf8(' \n\t\n '), 'blank.txt', /no text|empty/i],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0, 1, 2, 3]), 'report.txt', /binary|PDF/i],
      [new Uint8Array(4096).map((_, i) => (i * 37) % 256), 'noise.html', /binary|decod|encoding/i],
    ];
    for (const [bytes, name, message] of cases) {
      let error: unknown;
      try {
        analyzeBytes(bytes, name);
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(InputError);
      expect((error as Error).message, name).toMatch(message);
    }
  });

  it('gives a text with no sentence (only numbers and punctuation) an empty summary, not an error', () => {
    const b = analyzeBytes(utf8('— — —\n\n12 / 34 / 56\n\n* * *\n'), 'table.txt');
    expectConsistent(b);
    expect(b.quotes).toEqual([]);
    expect(b.people).toEqual([]);
  });

  it('reads a text that is only quotes, with speakers unknown rather than invented', () => {
    const b = analyzeBytes(utf8('"We will rebuild the bridge."\n\n"It will take two years."\n\n"Nobody was hurt."\n'), 'quotes.txt');
    expectConsistent(b);
    expect(b.quotes.length).toBeGreaterThan(0);
    for (const q of b.quotes) expect(q.speaker).toBeNull();
  });

  it('keeps mixed scripts, CRLF line ends, NBSP and zero-width characters readable', () => {
    const text =
      'Market\u00a0report\r\n\r\nThe yuan (人民币) rose 2.5%\u200b against the rouble (рубль) on Monday, traders in Dubai (دبي) said.\r\n\r\n' +
      'Exporters welcomed the move, said trade minister Anna Kovac.\r\n';
    const b = analyzeBytes(utf8(text), 'mixed.txt');
    expectConsistent(b);
    expect(b.body).not.toMatch(/[\r\u00a0\u200b]/);
    expect(b.body).toContain('人民币');
    expect(b.body).toContain('рубль');
    expect(b.numbers.find((n) => n.kind === 'percent')?.value).toBe(2.5);
    expect(b.people.map((p) => p.name)).toContain('Anna Kovac');
  });

  it('analyses a 5 MB file and a single 100,000-character line to completion', () => {
    // Distinct paragraphs: the cleaner drops repeated ones as page furniture.
    const paragraphs = Array.from({ length: 1700 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => `The council approved a budget of $3 million for school number ${i * 40 + j}, the mayor said.`).join(' '),
    );
    const five = analyzeBytes(utf8(`Budget\n\n${paragraphs.join('\n\n')}`), 'big.txt');
    expect(five.body.length).toBeGreaterThan(4_000_000);
    expectConsistent(five);
    expect(five.numbers.some((n) => n.value === 3_000_000 && n.unit === 'USD')).toBe(true);
    const line = analyzeBytes(utf8('x'.repeat(50_000) + ' ' + 'y'.repeat(50_000)), 'line.txt');
    expectConsistent(line);
  });

  it('survives every hostile 1 MB input of the benchmark', () => {
    for (const input of hostileInputs()) {
      try {
        expectConsistent(analyzeBytes(input.bytes, input.file));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
  });
});
