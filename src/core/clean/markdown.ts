/**
 * Markdown → plain paragraphs, with optional YAML front matter (title/source/url/date/author/tags)
 * that overrides whatever the text itself gives.
 */
import type * as Yaml from 'yaml';
import { InputError } from '../errors.js';
import type { CleanDocument } from '../types.js';
import { normalizeDateValue } from './dates.js';
import { cleanPlainText } from './plaintext.js';
import { lazyPackage } from '../lazy-package.js';

/** Needed only for a file with front matter. */
const yamlPackage = lazyPackage<typeof Yaml>('yaml');

interface FrontMatter {
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly date?: string;
  readonly author?: string;
  readonly tags: readonly string[];
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/**
 * Front matter holds a handful of fields; more than this is not front matter a person wrote, and YAML's
 * duplicate-key check makes a mapping's parse grow with the square of its keys. 64 KiB parses in
 * milliseconds.
 */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Splits `---\n…\n---` front matter off the text; malformed YAML is treated as no front matter. Front
 * matter over MAX_FRONT_MATTER_BYTES is refused (an InputError), found without parsing it.
 */
export function splitFrontMatter(text: string): { meta: FrontMatter; rest: string } {
  const empty = { meta: { tags: [] }, rest: text };
  const trimmed = text.replace(/^\n+/, '');
  if (!trimmed.startsWith('---\n')) return empty;
  const close = trimmed.indexOf('\n---', 3);
  if (close < 0) return empty;
  const afterClose = trimmed.indexOf('\n', close + 4);
  const closingLine = trimmed.slice(close + 1, afterClose < 0 ? undefined : afterClose).trim();
  if (closingLine !== '---' && closingLine !== '...') return empty;
  const yaml = trimmed.slice(4, close + 1);
  if (yaml.length > MAX_FRONT_MATTER_BYTES) {
    throw new InputError(`its YAML front matter is ${sizeText(Buffer.byteLength(yaml))}; front matter is limited to 64 KiB (title, source, url, date, author, tags)`, 'too-large');
  }
  let data: unknown;
  try {
    // Duplicate keys are not an error here (the last one wins): the check is quadratic in the key count.
    data = yamlPackage().parse(yaml, { uniqueKeys: false });
  } catch {
    return empty;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return empty;
  const d = data as Record<string, unknown>;
  const rawTags = d['tags'] ?? d['keywords'];
  const tags = Array.isArray(rawTags)
    ? rawTags.map(asString).filter((t): t is string => t !== undefined)
    : typeof rawTags === 'string'
      ? rawTags.split(',').map((t) => t.trim()).filter((t) => t !== '')
      : [];
  const author = d['author'] ?? d['authors'] ?? d['byline'];
  const meta: FrontMatter = {
    title: asString(d['title']),
    source: asString(d['source'] ?? d['publisher'] ?? d['site']),
    url: asString(d['url'] ?? d['link'] ?? d['canonical']),
    date: asString(d['date'] ?? d['published']),
    author: Array.isArray(author) ? author.map(asString).filter(Boolean).join(', ') || undefined : asString(author),
    tags,
  };
  return { meta, rest: afterClose < 0 ? '' : trimmed.slice(afterClose + 1) };
}

/**
 * `[text](url)` and `[text][ref]` → text, `![alt](src)` → nothing, in one pass: each `](` / `][` looks back
 * to the nearest `[` (never past the previous `]`) and ahead to the next `)` / `]`, so a line full of
 * brackets costs linear time (the equivalent regular expressions rescan hundreds of characters per `[`).
 */
function replaceLinks(line: string): string {
  if (!line.includes('](') && !line.includes('][')) return line;
  let out = '';
  let copied = 0;
  let previousClose = -1;
  let lastOpen = -1;
  let openScan = 0;
  let nextParen = 0;
  for (let close = line.indexOf(']'); close >= 0; close = line.indexOf(']', close + 1)) {
    const kind = line[close + 1];
    const lowerBound = Math.max(previousClose, copied - 1);
    previousClose = close;
    if (kind !== '(' && kind !== '[') continue;
    // The last `[` before this `]`, found by a forward scan that never goes back (linear overall).
    while (openScan <= close) {
      const o = line.indexOf('[', openScan);
      if (o < 0 || o > close) {
        openScan = o < 0 ? line.length + 1 : o;
        break;
      }
      lastOpen = o;
      openScan = o + 1;
    }
    const open = lastOpen;
    if (open <= lowerBound || close - open > 501) continue;
    // Next `)` / `]` from a cached position: each is searched for only when the last one is passed.
    if (kind === '(' && nextParen >= 0 && nextParen < close + 2) nextParen = line.indexOf(')', close + 2);
    const end = kind === '(' ? nextParen : line.indexOf(']', close + 2);
    if (end < 0 || end - close > 2001) continue;
    const image = open > 0 && line[open - 1] === '!';
    out += line.slice(copied, image ? open - 1 : open) + (image ? '' : line.slice(open + 1, close));
    copied = end + 1;
    close = end;
    previousClose = end;
  }
  return out + line.slice(copied);
}

/**
 * A backslash before any ASCII punctuation makes it literal (CommonMark): such characters are set aside
 * as private-use stand-ins before the inline rules run, so `\<b\>` or ``\`x\` `` read back as written.
 */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const STAND_IN_BASE = 0xe000;
const STAND_INS = /[\ue000-\ue07f]/g;
const HAS_STAND_IN = /[\ue000-\ue07f]/;

function stripInlineRules(line: string): string {
  return replaceLinks(line)
    .replace(/<https?:\/\/[^>\s]{1,2000}>/g, (m) => m.slice(1, -1))
    .replace(/<\/?[A-Za-z][^<>\n]{0,500}>/g, '')
    .replace(/`{1,3}([^`\n]{1,1000})`{1,3}/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_\n]{1,1000}?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])[*_](?=\S)([^*_\n]{1,1000}?)[*_](?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~([^~\n]{1,1000})~~/g, '$1');
}

/** Inline Markdown → text: images gone, links keep their text, emphasis/code marks and HTML tags dropped. */
export function stripInlineMarkdown(line: string): string {
  if (!line.includes('\\')) return stripInlineRules(line);
  // A line that already holds a stand-in character (rare) keeps the older reading: escapes undone last.
  if (HAS_STAND_IN.test(line)) return stripInlineRules(line).replace(ESCAPED, '$1');
  const protectedLine = line.replace(ESCAPED, (_, ch: string) => String.fromCharCode(STAND_IN_BASE + ch.charCodeAt(0)));
  return stripInlineRules(protectedLine).replace(STAND_INS, (c) => String.fromCharCode(c.charCodeAt(0) - STAND_IN_BASE));
}

/** Block-level Markdown → one line per paragraph, blank lines between; the first H1 is returned apart. */
export function markdownToText(text: string): { heading: string | null; text: string } {
  const out: string[] = [];
  let paragraph: string[] = [];
  let heading: string | null = null;
  let fence: string | null = null;
  const flush = () => {
    if (paragraph.length > 0) out.push(paragraph.join(' '), '');
    paragraph = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    if (line.trim() === '' || /^\s{0,3}(?:[-*_]\s*){3,}$/.test(line) || /^\s{0,3}\[[^\]]{1,200}\]:\s/.test(line)) {
      flush();
      continue;
    }
    if (/^\s{0,3}\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*){0,50}\|?\s*$/.test(line)) continue; // table rule
    if (/^\s{0,3}(?:=+|-+)\s*$/.test(line) && paragraph.length > 0) {
      // Setext heading underline: the paragraph above is a heading.
      const h = paragraph.join(' ');
      paragraph = [];
      if (heading === null && line.trim().startsWith('=')) heading = h;
      else out.push(h, '');
      continue;
    }
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      const content = stripInlineMarkdown(h[2]!).trim();
      if (content === '') continue;
      if (heading === null && h[1] === '#' && out.length === 0) heading = content;
      else out.push(content, '');
      continue;
    }
    if (/^\s{4,}\S/.test(line) && paragraph.length === 0) continue; // indented code block
    let content = line.replace(/^\s{0,3}(?:>\s?){1,10}/, '');
    const listItem = /^\s{0,12}(?:[-*+]|\d{1,9}[.)])\s+/.exec(content);
    if (listItem) {
      flush();
      content = content.slice(listItem[0].length);
    }
    if (content.includes('|') && /^\s*\|/.test(content)) content = content.replace(/\|/g, ' ');
    const stripped = stripInlineMarkdown(content).trim();
    if (stripped !== '') paragraph.push(stripped);
    if (listItem) flush();
  }
  flush();
  return { heading, text: out.join('\n') };
}

export function cleanMarkdown(text: string): CleanDocument {
  const { meta, rest } = splitFrontMatter(text);
  const { heading, text: plain } = markdownToText(rest);
  // Markdown is written, not scraped: every paragraph is kept, only furniture lines go.
  const article = cleanPlainText(heading ? `${heading}\n\n${plain}` : plain, { scraped: false });
  const date = meta.date ? (normalizeDateValue(meta.date) ?? meta.date) : article.date;
  return {
    title: meta.title ?? heading ?? article.title,
    standfirst: article.paragraphs[0] ?? null,
    source: meta.source ?? article.source,
    date,
    author: meta.author ?? article.author,
    url: meta.url ?? null,
    tags: meta.tags,
    body: article.paragraphs.join('\n\n'),
  };
}
