import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { decodeInput } from '../../src/core/input.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes real bytes to a temp file and reads them back, as the CLI does. */
function roundTrip(name: string, bytes: Uint8Array | string): Uint8Array {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return readFileSync(path);
}

function refusal(bytes: Uint8Array, name: string): InputError {
  try {
    decodeInput(bytes, name);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('decodeInput: formats', () => {
  it('takes the format from the extension', () => {
    expect(decodeInput(roundTrip('a.txt', 'Plain words.'), 'a.txt').format).toBe('text');
    expect(decodeInput(roundTrip('a.md', '# Head\n\nBody.'), 'a.md').format).toBe('markdown');
    expect(decodeInput(roundTrip('a.HTML', '<p>Hi there.</p>'), 'a.HTML').format).toBe('html');
    expect(decodeInput(roundTrip('a.htm', '<p>Hi there.</p>'), 'a.htm').format).toBe('html');
  });

  it('sniffs unknown extensions: markup is HTML, anything else text', () => {
    expect(decodeInput(roundTrip('page.dat', '  <!DOCTYPE html><html><body><p>x</p></body></html>'), 'page.dat').format).toBe('html');
    expect(decodeInput(roundTrip('notes', 'The council met on Monday.'), 'notes').format).toBe('text');
    expect(decodeInput(roundTrip('x.log', 'a < b and c > d in this note.'), 'x.log').format).toBe('text');
  });
});

describe('decodeInput: encodings', () => {
  it('drops a UTF-8 byte order mark', () => {
    const bytes = roundTrip('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café owners met.', 'utf8')]));
    expect(decodeInput(bytes, 'bom.txt').text).toBe('Café owners met.');
  });

  it('decodes UTF-16 little- and big-endian files with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë wrote “hello”.', 'utf16le')]);
    expect(decodeInput(roundTrip('le.txt', le), 'le.txt').text).toBe('Zoë wrote “hello”.');
    const beBody = Buffer.from('Zoë wrote.', 'utf16le').swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
    expect(decodeInput(roundTrip('be.txt', be), 'be.txt').text).toBe('Zoë wrote.');
  });

  it('decodes an ISO-8859-1 text file instead of producing replacement characters', () => {
    const text = 'Le café de la gare a rouvert. Señor Muñoz était là, à côté du théâtre, avec sa fiancée.';
    const bytes = roundTrip('latin1.txt', iconv.encode(text, 'latin1'));
    const decoded = decodeInput(bytes, 'latin1.txt').text;
    expect(decoded).toBe(text);
    expect(decoded).not.toContain('\uFFFD');
  });

  it('uses an HTML page’s own <meta charset> when it is not UTF-8', () => {
    const html = '<html><head><meta charset="windows-1252"><title>t</title></head><body><p>“Quoted” – naïve résumé</p></body></html>';
    const bytes = roundTrip('cp1252.html', iconv.encode(html, 'windows-1252'));
    expect(decodeInput(bytes, 'cp1252.html').text).toContain('“Quoted” – naïve résumé');
  });

  it('prefers valid UTF-8 even when the page declares another charset', () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Ünïcödé text</p></body></html>';
    expect(decodeInput(roundTrip('liar.html', html), 'liar.html').text).toContain('Ünïcödé text');
  });
});

describe('decodeInput: normalisation', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(decodeInput(roundTrip('crlf.txt', 'One.\r\nTwo.\rThree.'), 'crlf.txt').text).toBe('One.\nTwo.\nThree.');
  });

  it('turns NBSP into a space and strips zero-width and control characters', () => {
    const raw = 'Ten\u00a0people\u200b came\u200d to\ufeff the\u2060 hall\u0007.';
    expect(decodeInput(roundTrip('zw.txt', raw), 'zw.txt').text).toBe('Ten people came to the hall.');
  });
});

describe('decodeInput: refusals', () => {
  it('refuses an empty file', () => {
    expect(refusal(roundTrip('empty.txt', ''), 'empty.txt').code).toBe('empty');
  });

  it('refuses a whitespace-only file', () => {
    expect(refusal(roundTrip('blank.txt', ' \n\t\r\n \u00a0 '), 'blank.txt').code).toBe('empty');
  });

  it('refuses a PNG by its signature, with a message naming the kind of file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const error = refusal(roundTrip('photo.txt', png), 'photo.txt');
    expect(error.code).toBe('binary');
    expect(error.message).toContain('PNG');
  });

  it('refuses PDF and ZIP files', () => {
    expect(refusal(roundTrip('doc.txt', '%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'doc.txt').code).toBe('binary');
    expect(refusal(roundTrip('a.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])), 'a.md').code).toBe('binary');
  });

  it('refuses text with NUL bytes in it', () => {
    const bytes = Buffer.concat([Buffer.from('Looks like text at first. '.repeat(10)), Buffer.from([0, 1, 2, 0, 0, 3]), Buffer.from('more')]);
    expect(refusal(roundTrip('nul.txt', bytes), 'nul.txt').code).toBe('binary');
  });

  it('refuses input above the size limit without decoding it', () => {
    const big = new Uint8Array(8 * 1024 * 1024 + 1).fill(0x61);
    expect(refusal(big, 'big.txt').code).toBe('too-large');
  });
});

describe('decodeInput: large input', () => {
  it('decodes a 5 MB file completely', () => {
    const paragraph = 'The committee reviewed the budget and approved the plan for the new bridge.\n\n';
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    const decoded = decodeInput(roundTrip('five.txt', text), 'five.txt');
    expect(decoded.text.length).toBe(text.length);
  });
});
