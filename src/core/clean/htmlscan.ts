/**
 * Linear scans over raw HTML for pages the DOM route cannot take in bounded time. The HTML parser under
 * linkedom keeps its open-element stack in an array it shifts and unshifts, so every tag costs time in
 * proportion to the nesting depth: a page of thousands of unclosed <div>s takes seconds. Such a page is
 * measured first (`markupShape`) and, when too deep or too big (tens of thousands of elements also cost the
 * DOM walk dearly), read as text straight from the markup (`htmlLines`).
 */

/** Elements whose start tag carries no content, and elements a sibling start tag closes (never deepen a page). */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'svg', 'math']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'br', 'html', 'head',
]);

function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  /** Index just past the tag's `>`. */
  readonly end: number;
}

/** The tag starting at `lt` (a `<`), or null when it is not a tag (text such as "a < b"). */
function readTag(html: string, lt: number): Tag | null {
  let i = lt + 1;
  const closing = html.charCodeAt(i) === 0x2f;
  if (closing) i++;
  const nameStart = i;
  while (i < html.length && isNameChar(html.charCodeAt(i))) i++;
  if (i === nameStart) return null;
  const name = html.slice(nameStart, i).toLowerCase();
  const gt = html.indexOf('>', i);
  return { name, closing, end: gt < 0 ? html.length : gt + 1 };
}

/** Skips a comment, doctype or processing instruction at `lt`; returns the index after it, or -1. */
function skipMarkup(html: string, lt: number): number {
  const next = html[lt + 1];
  if (next === '!' && html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    return close < 0 ? html.length : close + 3;
  }
  if (next === '!' || next === '?') {
    const gt = html.indexOf('>', lt);
    return gt < 0 ? html.length : gt + 1;
  }
  return -1;
}

/** Index after the end tag of a raw-text element (script, style …) opened before `from`. */
function skipRawText(html: string, name: string, from: number): number {
  const close = indexOfCaseless(html, `</${name}`, from);
  if (close < 0) return html.length;
  const gt = html.indexOf('>', close);
  return gt < 0 ? html.length : gt + 1;
}

/** `indexOf` for an ASCII lower-case needle, ignoring case in the haystack (no copy of the page). */
function indexOfCaseless(html: string, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let at = html.indexOf(String.fromCharCode(first), from); at >= 0; at = html.indexOf(String.fromCharCode(first), at + 1)) {
    let k = 1;
    while (k < needle.length && (html.charCodeAt(at + k) | 0x20) === needle.charCodeAt(k)) k++;
    if (k === needle.length) return at;
  }
  return -1;
}

/**
 * Greatest nesting of elements that only an end tag closes (div, span, section …), stopping early
 * once it passes `limit`. One pass; comments and script bodies are skipped.
 */
export function nestingDepth(html: string, limit: number): number {
  return markupShape(html, limit, Infinity).depth;
}

/** Start tags in the page (script bodies and comments skipped), counted up to `limit`. */
export function elementCount(html: string, limit: number): number {
  return markupShape(html, Infinity, limit).elements;
}

/** Nesting depth and element count in one pass, stopping as soon as either passes its limit. */
export function markupShape(html: string, depthLimit: number, elementLimit: number): { depth: number; elements: number } {
  let depth = 0;
  let max = 0;
  let elements = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    const skipped = skipMarkup(html, i);
    if (skipped >= 0) {
      i = html.indexOf('<', skipped);
      continue;
    }
    const tag = readTag(html, i);
    if (tag === null) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let next = tag.end;
    if (!tag.closing && ++elements > elementLimit) return { depth: max, elements };
    if (tag.closing) {
      if (!NO_DEPTH.has(tag.name) && depth > 0) depth--;
    } else if (RAW_TEXT.has(tag.name)) {
      next = skipRawText(html, tag.name, tag.end);
    } else if (!NO_DEPTH.has(tag.name) && html.charCodeAt(tag.end - 2) !== 0x2f) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > depthLimit) return { depth: max, elements };
      }
    }
    i = html.indexOf('<', next);
  }
  return { depth: max, elements };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©' };

/** Decodes the common named entities and all numeric ones (bounded pattern: entity names are short). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * The page's text, one line per block element, read straight from the markup in one pass: script,
 * style and other raw-text bodies are skipped, entities decoded. For pages the DOM route cannot afford.
 */
export function htmlLines(html: string): string[] {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    const line = decodeEntities(current).replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      current += html.slice(i);
      break;
    }
    if (lt > i) current += html.slice(i, lt);
    const skipped = skipMarkup(html, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === null) {
      current += '<';
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && RAW_TEXT.has(tag.name)) {
      i = skipRawText(html, tag.name, tag.end);
      if (tag.name === 'title') continue;
    }
    if (BLOCK.has(tag.name)) breakLine();
    else if (tag.name === 'td' || tag.name === 'th') current += ' ';
  }
  breakLine();
  return lines;
}
