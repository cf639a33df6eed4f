/**
 * A whole saved web page → the article, the way Firefox Reader View does it (@mozilla/readability over
 * linkedom), then tidied: leftover captions, share lines and "related" tails are dropped with the same
 * line rules as plain text. When Readability finds little or nothing, the page's visible text goes
 * through the plain-text main-block finder instead.
 */
import type * as ReadabilityPackage from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import type { CleanDocument } from '../types.js';
import { commentThreadStart, teaserLines, isCaptionLabel, isCaptionLine, isCommentMarker, isInlinePromo, isPromoSentence, isSoftTailMarker, isTailMarker, isWidgetLine, stripCredit } from './boilerplate.js';
import { stripDateline } from './dateline.js';
import { lineFeatures, lineScore, looksEnglish } from './mainblock.js';
import { normalizeDateValue } from './dates.js';
import { htmlLines, markupShape } from './htmlscan.js';
import { readMetadata } from './metadata.js';
import { squashSpaces } from './normalize.js';
import { bylineOf, cleanPlainText, plainDocument, type PlainArticle } from './plaintext.js';
import { lazyPackage } from '../lazy-package.js';

/**
 * linkedom and Readability are loaded on the first HTML page, not at import: linkedom is a third of a
 * second, and a warm start of the bot (all analyses cached) or a text-only run never needs either.
 */
const linkedom = lazyPackage<typeof Linkedom>('linkedom');
const readability = lazyPackage<typeof ReadabilityPackage>('@mozilla/readability');

interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'br', 'picture', 'video', 'iframe',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'option', 'textarea', 'input', 'figcaption', 'head', 'title', 'object', 'embed', 'canvas', 'audio', 'video', 'iframe']);
const SKIP_IN_PAGE = new Set([...SKIP, 'nav', 'header', 'footer', 'aside', 'form']);

/**
 * A header or footer inside one of these is an item's own (a comment's author line, its Reply / Report
 * controls), not the page's masthead or footer: the page text keeps it.
 */
const ITEM = new Set(['article', 'li']);
const PAGE_FRAME = new Set(['header', 'footer']);

/**
 * Text of a DOM subtree, one line per block element (iterative walk: deep pages cannot overflow the stack).
 * `skip` elements are left out, except a header or footer inside an article or list item (ITEM).
 */
export function blockText(root: DomNode, skip: ReadonlySet<string> = SKIP): string[] {
  let inItem = 0;
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    const line = squashSpaces(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  const stack: { node: DomNode; closing: boolean }[] = [{ node: root, closing: false }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? '').replace(/\n/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.localName ?? '';
    if (closing) {
      if (ITEM.has(name)) inItem--;
      if (BLOCK.has(name)) breakLine();
      continue;
    }
    if (skip.has(name) && !(inItem > 0 && PAGE_FRAME.has(name))) {
      if (BLOCK.has(name)) breakLine();
      continue;
    }
    if (name === 'br') {
      breakLine();
      continue;
    }
    if (node.getAttribute?.('hidden') !== null && node.getAttribute?.('hidden') !== undefined) continue;
    if (node.getAttribute?.('aria-hidden') === 'true') continue;
    if (BLOCK.has(name)) breakLine();
    else if (name === 'td' || name === 'th') current += ' '; // a table row reads as one line
    if (ITEM.has(name)) inItem++;
    stack.push({ node, closing: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, closing: false });
  }
  breakLine();
  return lines;
}

/** How much running prose the lines hold, by the text main-block finder's own line scores. */
function proseMass(lines: readonly string[]): number {
  const features = lines.map(lineFeatures);
  const english = looksEnglish(features);
  let mass = 0;
  for (const f of features) mass += Math.max(0, lineScore(f, english));
  return mass;
}

function wordCount(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) n += l.split(' ').length;
  return n;
}

/** Words of prose before a "More stories"-type heading that make it the end of the article, not a box inside it. */
const MIN_ARTICLE_WORDS = 150;
/** Words before a comment heading that make the text before it a post (the comments follow it). */
const MIN_POST_WORDS = 20;

/**
 * Where the article ends inside the block Readability chose: a comment heading after a post; a heading
 * that opens the list of other stories ("More stories", "You may also like") after a full article; any
 * tail heading, a "Related" box included, once most of the text is behind it.
 */
function endsArticle(lines: readonly string[], at: number, wordsBefore: number, total: number): boolean {
  const line = lines[at]!;
  if (!isTailMarker(line)) return false;
  if (isCommentMarker(line)) return wordsBefore >= MIN_POST_WORDS;
  if (wordsBefore >= MIN_ARTICLE_WORDS && (!isSoftTailMarker(line) || teasersFollow(lines, at + 1))) return true;
  return wordsBefore > total * 0.6;
}

/** Lines looked at after a "Related"-type heading to tell a list of other stories from the story going on. */
const TEASER_WINDOW = 40;
/** Headline → teaser changes that make a list of other stories. */
const MIN_TEASERS = 3;

const isHeadlineLine = (l: string) => l.split(' ').length < 12 && !/[.!?…"”’:]$/u.test(l);

/**
 * Whether the lines after `from` are a list of other stories: headlines each followed by its teaser,
 * again and again, or nothing but headlines to the end. A box of links inside a story is a few
 * headlines together, and then the story goes on.
 */
function teasersFollow(lines: readonly string[], from: number): boolean {
  const end = Math.min(lines.length, from + TEASER_WINDOW);
  let teasers = 0;
  let headlines = 0;
  for (let i = from; i < end; i++) {
    const headline = isHeadlineLine(lines[i]!);
    if (headline) headlines++;
    else if (i > from && isHeadlineLine(lines[i - 1]!)) teasers++;
  }
  return teasers >= MIN_TEASERS || (end === lines.length && end - from >= 3 && headlines === end - from);
}

/**
 * Readability drops what marks a thread as one (author and time lines, Reply / Report controls are
 * low-scoring furniture to it), so the thread is looked for in the page's own text: when it starts after
 * the first line of Readability's block, the block ends at its first line that only the thread holds; when
 * the block starts inside the thread, the post is not in it and the page text is used instead.
 */
function cutAtPageThread(lines: readonly string[], pageText: readonly string[], fallback: readonly string[]): string[] {
  const start = commentThreadStart(pageText);
  if (start < 0 || lines.length === 0) return [...lines];
  const before = new Set(pageText.slice(0, start));
  const threadOnly = new Set<string>();
  for (let i = start; i < pageText.length; i++) if (!before.has(pageText[i]!)) threadOnly.add(pageText[i]!);
  // the block's first line that is page text at all tells where the block starts
  const first = lines.findIndex((l) => before.has(l) || threadOnly.has(l));
  if (first < 0) return [...lines];
  if (threadOnly.has(lines[first]!)) return wordCount(pageText.slice(0, start)) >= MIN_POST_WORDS ? [...fallback] : [...lines];
  let words = 0;
  for (let i = 0; i < lines.length; i++) {
    if (threadOnly.has(lines[i]!) && words >= MIN_POST_WORDS) return lines.slice(0, i);
    words += lines[i]!.split(' ').length;
  }
  return [...lines];
}

/** Drops widgets, captions and promos Readability left in, and cuts where the article ends (endsArticle). */
export function tidyParagraphs(lines: readonly string[], title: string | null): string[] {
  const total = wordCount(lines);
  const out: string[] = [];
  const seen = new Set<string>();
  const titleKey = title ? title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : null;
  let seenWords = 0;
  let afterLabel = false;
  const thread = commentThreadStart(lines);
  const teasers = new Set(teaserLines(lines));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    seenWords += line.split(' ').length;
    if (i === thread && out.length > 0 && seenWords - line.split(' ').length >= MIN_POST_WORDS) break;
    if (teasers.has(i) && seenWords - line.split(' ').length >= MIN_ARTICLE_WORDS) {
      // the list of other stories starts at this teaser's headline
      if (out.length > 1 && isHeadlineLine(out.at(-1)!)) out.pop();
      break;
    }
    const creditAfterLabel = afterLabel && line.split(' ').length <= 10 && !/[.!?]$/.test(line);
    afterLabel = isCaptionLabel(line);
    if (afterLabel || creditAfterLabel) continue;
    if (out.length > 0 && endsArticle(lines, i, seenWords - line.split(' ').length, total)) break;
    if (isWidgetLine(line) || isInlinePromo(line) || isCaptionLine(line) || isPromoSentence(line)) continue;
    const cleaned = stripCredit(line);
    const key = cleaned.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key === '' || seen.has(key)) continue;
    if (out.length === 0 && (key === titleKey || bylineOf(cleaned) !== null)) continue;
    seen.add(key);
    out.push(cleaned);
  }
  return out;
}

function cleanTitle(raw: string | null, siteName: string | null): string | null {
  if (!raw) return null;
  let t = squashSpaces(raw);
  // "Headline | Site" / "Headline - Site": drop the site part when it is the shorter side.
  const m = /^(.{10,}?)\s(?:\||–|—|-|::|·)\s([^|–—]{2,60})$/u.exec(t);
  if (m && (siteName === null || m[2]!.toLowerCase().includes(siteName.toLowerCase().slice(0, 6)) || m[2]!.length < m[1]!.length / 2)) t = m[1]!;
  return t || null;
}

type ReadabilityResult = ReturnType<ReadabilityPackage.Readability<DomNode>['parse']>;

/** Readability's run time grows steeply with nesting depth; real pages stay far below these. */
const MAX_READABLE_DEPTH = 100;
const MAX_READABLE_ELEMENTS = 3_000;

/** Whether the tree is small and shallow enough for Readability (an iterative walk, stopping early). */
function withinReadabilityLimits(root: DomNode): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  let count = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++count > MAX_READABLE_ELEMENTS || depth > MAX_READABLE_DEPTH) return false;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === 1) stack.push([children[i]!, depth + 1]);
  }
  return true;
}

function runReadability(document: unknown): ReadabilityResult {
  try {
    return new (readability().Readability)<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  } catch {
    // Readability throws on some malformed documents; the plain-text fallback covers them.
    return null;
  }
}

function parseHTML(page: string): ReturnType<typeof Linkedom.parseHTML> {
  return linkedom().parseHTML(page);
}

function parsePage(html: string) {
  const page = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  inlineTemplates(document as unknown as TemplateHost);
  dropCommentSections(document as unknown as ElementHost);
  return document;
}

interface TemplateElement {
  textContent: string | null;
  ownerDocument: { createElement(name: string): TemplateElement & { innerHTML: string } };
  replaceWith(node: unknown): void;
}
interface TemplateHost {
  querySelectorAll(selector: string): Iterable<TemplateElement>;
}

/**
 * Some blog platforms ship the post body as markup inside <script type="text/template">, rendered by
 * script in the browser; it is turned into ordinary elements so that the article can be found.
 */
function inlineTemplates(document: TemplateHost): void {
  for (const script of [...document.querySelectorAll('script[type="text/template"], script[type="text/x-template"]')]) {
    const markup = script.textContent ?? '';
    if (markup.length > 200_000 || !/<p[\s>]/i.test(markup)) continue;
    const div = script.ownerDocument.createElement('div');
    div.innerHTML = markup;
    script.replaceWith(div);
  }
}

interface PageElement {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): unknown;
  contains(other: unknown): boolean;
  remove(): void;
}
interface ElementHost {
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** Words of a class or id that name readers' comments. */
const COMMENT_WORDS = new Set(['comment', 'comments', 'commentlist', 'commentslist', 'disqus', 'dsq', 'respond', 'replies', 'responses', 'talkback']);
/**
 * Words beside a comment word that make the name a state, a count or a control, not the section:
 * "comments-open" on a WordPress body, "no-comments", "comment-count", "comments-link".
 */
const NOT_A_SECTION = new Set(['no', 'has', 'with', 'open', 'opened', 'closed', 'off', 'enabled', 'disabled', 'allowed', 'count', 'counter',
  'number', 'num', 'link', 'links', 'icon', 'button', 'btn', 'toggle', 'bubble', 'badge', 'total', 'status']);
/** "discussion" names a comment section only with a container word ("discussion-thread"): a forum post is its own article. */
const DISCUSSION_CONTAINERS = new Set(['area', 'section', 'thread', 'list', 'container', 'wrapper']);

/**
 * Words of one class, id or data attribute value: split at - _ : and at camelCase humps
 * ("article__comments" → article, comments; "commentsContainer" → comments, container). Linear, no regex.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    const code = name.charCodeAt(i);
    const upper = code >= 0x41 && code <= 0x5a;
    const letterOrDigit = upper || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    if (!letterOrDigit) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    const prev = name.charCodeAt(i - 1);
    if (upper && word !== '' && prev >= 0x61 && prev <= 0x7a) {
      words.push(word);
      word = '';
    }
    word += c.toLowerCase();
  }
  if (word !== '') words.push(word);
  return words;
}

/** Whether a class, id or data value names a comment section (whole words: "commentary" is an opinion piece). */
export function namesCommentSection(name: string): boolean {
  if (name.length < 6 || name.length > 60) return false;
  const words = nameWords(name);
  let comment = false;
  for (const w of words) if (NOT_A_SECTION.has(w)) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (COMMENT_WORDS.has(w)) comment = true;
    else if (w === 'discussion' && words.some((x) => DISCUSSION_CONTAINERS.has(x))) comment = true;
  }
  return comment;
}

/** aria-label of a comment section: "Comments", "Reader comments", "12 comments", "Comment section". */
const COMMENT_LABEL = /^(?:\d{1,6} |reader |readers' |user |)(?:comments?|replies)(?: section| thread| list)?$/i;
/** Data attributes sites name their components with. */
const DATA_NAMES = ['data-component', 'data-module', 'data-role', 'data-testid', 'data-type', 'data-section'];

function isCommentSection(el: PageElement): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (itemprop !== null && /^comments?$/i.test(itemprop.trim())) return true;
  const itemtype = el.getAttribute('itemtype');
  if (itemtype !== null && /schema\.org\/(?:Comment|UserComments)\b/.test(itemtype)) return true;
  if (el.getAttribute('role') === 'comment') return true;
  const label = el.getAttribute('aria-label');
  if (label !== null && COMMENT_LABEL.test(label.trim())) return true;
  for (const attr of DATA_NAMES) {
    const value = el.getAttribute(attr);
    if (value !== null && namesCommentSection(value)) return true;
  }
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
  return names.some(namesCommentSection);
}

/**
 * Readers' comments are never the article: marked comment sections (class, id or schema.org markup)
 * are taken out of the page before anything looks for the article, so a long thread under a short
 * post can neither win nor be appended. A block that holds the headline or the article body is kept.
 */
const COMMENT_SELECTOR = ['[class]', '[id]', '[itemprop]', '[itemtype]', '[role]', '[aria-label]', ...DATA_NAMES.map((a) => `[${a}]`)].join(', ');

function dropCommentSections(document: ElementHost): void {
  // the first few are enough to protect the article (and keep a page of a thousand h1s linear)
  const body = [...document.querySelectorAll('[itemprop="articleBody"], h1')].slice(0, 4);
  for (const el of [...document.querySelectorAll(COMMENT_SELECTOR)]) {
    if (el.localName === 'body' || el.localName === 'html' || el.localName === 'main' || !isCommentSection(el)) continue;
    if (body.some((b) => el.contains(b))) continue;
    el.remove();
  }
}

/** Deeper than this (elements only an end tag closes), the page is read from its markup, not parsed. */
const MAX_PARSED_DEPTH = 400;
/** More elements than this (real article pages have a few thousand), and the page is read from its markup too. */
const MAX_PARSED_ELEMENTS = 15_000;

/** A page too deeply nested or too big to parse in bounded time: its text is read from the markup and cleaned as a page dump. */
function cleanDeepHtml(html: string): CleanDocument {
  const article = cleanPlainText(htmlLines(html).join('\n'));
  const titleMatch = /<title[^>]{0,200}>([^<]{1,300})</i.exec(html.slice(0, 65_536));
  const title = titleMatch ? cleanTitle(titleMatch[1]!, null) : null;
  return plainDocument(article, title ?? article.title);
}

export function cleanHtml(html: string): CleanDocument {
  const shape = markupShape(html, MAX_PARSED_DEPTH, MAX_PARSED_ELEMENTS);
  if (shape.depth > MAX_PARSED_DEPTH || shape.elements > MAX_PARSED_ELEMENTS) return cleanDeepHtml(html);
  const document = parsePage(html);
  const meta = readMetadata(document as never);
  const readable = withinReadabilityLimits(document as unknown as DomNode);
  // The page's visible text is taken before Readability rewrites the tree: it is the fallback when
  // Readability finds nothing, settles on the wrong block, or the page is too big or deep for it.
  const pageText = blockText(document as unknown as DomNode, SKIP_IN_PAGE);
  const article = readable ? runReadability(document) : null;
  const title = cleanTitle(article?.title ?? meta.title, meta.siteName ?? article?.siteName ?? null);
  let lines = article?.content ? blockText(article.content) : [];

  // Readability sometimes finds nothing (or refuses a huge page): then the text main-block finder reads
  // the page's visible text. Readability has rewritten the first tree by now, so the page is parsed anew.
  const fallback: PlainArticle = cleanPlainText(pageText.join('\n'), { scraped: true });
  const readabilityWords = wordCount(lines);
  if (readabilityWords < 50) {
    if (wordCount(fallback.paragraphs) > readabilityWords) lines = [...fallback.paragraphs];
  } else if (proseMass(lines) < 0.5 * proseMass(fallback.paragraphs)) {
    // Readability chose a list or a side block (names, links) while the page holds far more prose.
    lines = [...fallback.paragraphs];
  }

  // Readability settled on a comment thread (it starts at the top of its block, before any post): the
  // page text has the post above the thread, and the text finder ends the article where the thread starts.
  const thread = commentThreadStart(lines);
  if (thread >= 0 && wordCount(lines.slice(0, thread)) < MIN_POST_WORDS) lines = [...fallback.paragraphs];
  else lines = cutAtPageThread(lines, pageText, fallback.paragraphs);
  const paragraphs = tidyParagraphs(lines, title);
  let source = meta.siteName ?? article?.siteName ?? null;
  let date = meta.date ?? (article?.publishedTime ? normalizeDateValue(article.publishedTime) : null);
  if (paragraphs.length > 0) {
    const dl = stripDateline(paragraphs[0]!);
    if (dl && dl.rest.length > 0) {
      paragraphs[0] = dl.rest;
      source = dl.source ?? source;
      date = date ?? dl.date;
    }
  }
  const byline = article?.byline ? squashSpaces(article.byline).replace(/^by:?\s+/i, '') : null;
  return {
    title: title ?? fallback.title,
    standfirst: paragraphs[0] ?? null,
    source,
    date,
    author: meta.author ?? byline ?? fallback.author,
    url: meta.url,
    tags: meta.tags,
    body: paragraphs.join('\n\n'),
  };
}
