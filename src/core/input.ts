import type * as Chardet from 'chardet';
import type * as Iconv from 'iconv-lite';
import { lazyPackage } from './lazy-package.js';
import { normalizeText } from './clean/normalize.js';
import { InputError } from './errors.js';
import { MAX_INPUT_BYTES } from './limits.js';
import type { InputFormat } from './types.js';

// Needed only for text that is not UTF-8.
const iconv = lazyPackage<typeof Iconv>('iconv-lite');
const chardet = lazyPackage<typeof Chardet>('chardet');

export interface DecodedInput {
  readonly format: InputFormat;
  readonly text: string;
}

/** File signatures of formats that are certainly not text (checked on the first bytes). */
const MAGIC: readonly { readonly name: string; readonly bytes: readonly number[]; readonly at?: number }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP (or DOCX/EPUB)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'bzip2', bytes: [0x42, 0x5a, 0x68, 0x39] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable', bytes: [0x4d, 0x5a, 0x90, 0x00] },
  { name: 'Microsoft Office (OLE)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'WebP/WAV/AVI (RIFF)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'Ogg', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'MP3', bytes: [0x49, 0x44, 0x33] },
  { name: 'MP4/MOV', bytes: [0x66, 0x74, 0x79, 0x70], at: 4 },
  { name: 'SQLite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'WebAssembly', bytes: [0x00, 0x61, 0x73, 0x6d] },
];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function formatFromName(fileName: string): InputFormat | null {
  const lower = fileName.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const ext = dot >= 0 && dot > lower.lastIndexOf('/') ? lower.slice(dot + 1) : '';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  return null;
}

/** An unknown extension: markup if the text opens like a web page, plain text otherwise. */
function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (/^<(?:!doctype html|html|head|body|\?xml|meta|title|article|div|p[ >]|!--)/.test(head)) return 'html';
  if (head.startsWith('---\n') && /\n---\n/.test(text.slice(0, 4096))) return 'markdown';
  return 'text';
}

/** `<meta charset>` / `http-equiv` charset declared in the first bytes of a page, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.-]{1,40})/.exec(head);
  return m?.[1] ?? null;
}

/** ISO-8859-1 is decoded as windows-1252, as browsers do: the C1 range holds quotes and dashes in practice. */
function canonicalCharset(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower === 'iso-8859-1' || lower === 'latin1' || lower === 'iso8859-1' || lower === 'us-ascii' || lower === 'ascii') return 'windows-1252';
  return iconv().encodingExists(lower) ? lower : null;
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Binary content shows up as bytes that never occur in text (C0 controls other than tab/LF/FF/CR/ESC,
 * and DEL). A stray control character or two in a real article is tolerated (and stripped later).
 */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) bad++;
  }
  return bad >= 4 && bad / n > 0.02;
}

/** UTF-16 without a BOM shows up as NUL in every other byte of ASCII-heavy text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', fileName: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${fileName} says it is ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} text`, 'encoding');
  }
}

function decodeBytes(bytes: Uint8Array, fileName: string, formatHint: InputFormat | null): string {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InputError(`${fileName} is UTF-32 text, which is not supported; save it as UTF-8`, 'encoding');
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrictUtf8(bytes.subarray(3));
    if (text === null) throw new InputError(`${fileName} starts with a UTF-8 mark but is not valid UTF-8 text`, 'encoding');
    return text;
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le', fileName);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be', fileName);

  for (const magic of MAGIC) {
    if (startsWith(bytes, magic.bytes, magic.at ?? 0)) {
      throw new InputError(`${fileName} looks like a ${magic.name} file, not text; give a .txt, .md or .html article`, 'binary');
    }
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, fileName);
  if (hasBinaryBytes(bytes)) {
    throw new InputError(`${fileName} looks like a binary file (it holds control bytes), not text`, 'binary');
  }

  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== null) return utf8;

  // Not UTF-8: trust a page's own declaration first, then statistical detection.
  const declared = formatHint !== 'text' && formatHint !== 'markdown' ? declaredCharset(bytes) : null;
  const fromDeclaration = declared ? canonicalCharset(declared) : null;
  if (fromDeclaration && fromDeclaration !== 'utf-8' && fromDeclaration !== 'utf8') return iconv().decode(Buffer.from(bytes), fromDeclaration);
  const guess = chardet().detect(bytes.subarray(0, 256 * 1024));
  const fromGuess = guess ? canonicalCharset(guess) : null;
  if (fromGuess && !fromGuess.startsWith('utf')) return iconv().decode(Buffer.from(bytes), fromGuess);
  // Invalid UTF-8 with no better guess: the single-byte Western charset is by far the most common case.
  if (!fromGuess) throw new InputError(`${fileName} is in a text encoding that could not be recognised; save it as UTF-8`, 'encoding');
  return iconv().decode(Buffer.from(bytes), 'windows-1252');
}

/**
 * Bytes of a file → format + normalised text. Refuses (InputError) binary files, unknown encodings,
 * oversized and empty input instead of returning half-read text.
 */
export function decodeInput(bytes: Uint8Array, fileName: string): DecodedInput {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`${fileName} is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes`, 'too-large');
  }
  if (bytes.length === 0) throw new InputError(`${fileName} is empty`, 'empty');
  const named = formatFromName(fileName);
  const text = normalizeText(decodeBytes(bytes, fileName, named));
  if (text.trim() === '') throw new InputError(`${fileName} holds no text (only white space)`, 'empty');
  return { format: named ?? sniffFormat(text), text };
}
