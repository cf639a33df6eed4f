/**
 * Plain text → cleaned article. Works for clean text (headline, blank line, paragraphs) and for raw
 * text scraped off a page (menus, banners, captions, teasers): each non-empty line is a block, the
 * article is the best-scoring contiguous run of blocks, furniture inside it is dropped, and the
 * headline is taken from just above it.
 */
import { commentThreadStart, isCaptionLabel, isCaptionLine, isInlinePromo, isPromoSentence, isSoftTailMarker, stripCredit, teaserLines } from './boilerplate.js';
import { cutInlineCredits } from './credits.js';
import { stripDateline } from './dateline.js';
import { articleSegment, lineFeatures, lineScore, looksEnglish, type LineFeatures, type Wall } from './mainblock.js';
import { squashSpaces } from './normalize.js';
import { teaserBlurbs } from './teasers.js';
import { findDateInLine } from './dates.js';
import type { CleanDocument } from '../types.js';

export interface PlainArticle {
  readonly title: string | null;
  readonly paragraphs: readonly string[];
  readonly source: string | null;
  readonly date: string | null;
  readonly author: string | null;
}

/** Letters and digits of a line, lower-cased: two copies of a line match despite punctuation. Very long lines match only exactly (no copy of a megabyte line). */
const dedupeKey = (line: string) =>
  line.length > 5000 ? (/[\p{L}\p{N}]/u.test(line) ? line : '') : line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function isHeadlineCandidate(l: LineFeatures): boolean {
  if (l.widget || l.caption || l.tail) return false;
  if (l.words < 3 || l.words > 30 || l.text.length > 250) return false;
  if (/[.,;:]$/.test(l.text) && !/\.\.\.$|…$/.test(l.text)) return false;
  if (/^(?:by|from|posted|updated|published)\b/i.test(l.text) || /@|https?:|www\./.test(l.text)) return false;
  if (findDateInLine(l.text) !== null && l.words <= 8) return false;
  return /\p{Lu}/u.test(l.text);
}

/**
 * The headline among the lines shortly above the article: long enough, close to the text, not an
 * all-capitals ribbon, not a date/meta line; pages often print it twice (breadcrumb and heading).
 */
function pickHeadline(features: readonly LineFeatures[], lineKeys: readonly string[], start: number): { text: string; index: number } | null {
  let best: { text: string; index: number } | null = null;
  let bestScore = 0;
  const from = Math.max(0, start - 15);
  const keys: string[] = [];
  for (let i = from; i <= start && i < features.length; i++) keys.push(lineKeys[i]!);
  // How many lines print this one, alone or at the end of a breadcrumb ("Home › Sport › Headline").
  const echoes = (key: string) => keys.reduce((n, k) => n + (k.endsWith(key) ? 1 : 0), 0);
  // The segment's own first line may be the headline when it scored as prose without a full stop.
  const first = features[start];
  const top = first && !first.sentenceEnd && first.words <= 20 && features[start + 1] !== undefined ? start : start - 1;
  for (let i = top; i >= from; i--) {
    const f = features[i]!;
    if (!isHeadlineCandidate(f)) continue;
    let score = Math.min(f.words, 15) - 0.4 * Math.max(0, start - 1 - i);
    if (f.text === f.text.toUpperCase()) score -= 6;
    if (/\d{1,4}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}/.test(f.text)) score -= 4;
    if (echoes(lineKeys[i]!) > 1) score += 4;
    if (score > bestScore) {
      best = { text: f.text, index: i };
      bestScore = score;
    }
  }
  return best;
}

/** Space-separated words of the lines, counted without splitting (a line may be a megabyte long). */
function countWordsOf(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) {
    n++;
    for (let i = l.indexOf(' '); i >= 0; i = l.indexOf(' ', i + 1)) n++;
  }
  return n;
}

export function bylineOf(line: string): string | null {
  const m = /^By:? ([\p{Lu}][\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}?)(?:,| and | \||$)/u.exec(line);
  return m && line.length < 80 ? m[1]!.trim() : null;
}

/**
 * Short items right after a line that introduces them ("The rules also cover:") are a list that belongs
 * to the text, not a menu: they get a small positive score instead of the short-line penalty.
 */
function keepIntroducedLists(features: readonly LineFeatures[], scores: number[]): void {
  let inList = false;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (f.widget || f.tail || f.shareBar || f.comments || f.notice || f.caption) {
      inList = false;
      continue;
    }
    if (inList && f.words <= 12) scores[i] = Math.max(scores[i]!, 0.2);
    else inList = false;
    if (f.words >= 3 && f.text.endsWith(':') && !f.tail) {
      scores[i] = Math.max(scores[i]!, 0.5);
      inList = true;
    }
  }
}

/** Prose on both sides of a run of short lines makes it a list inside the article. */
const PROSE_AROUND = 5;
const MIN_LIST_ITEMS = 3;
const MAX_LIST_LINES = 30;

/** A short line that reads as a list item: a few words, mostly lower case (a menu or a headline is Title Case). */
function isListItem(f: LineFeatures): boolean {
  return f.words >= 2 && f.words <= 12 && f.capRatio <= 0.5 && !f.widget && !f.tail && !f.shareBar && !f.comments && !f.notice && !f.caption && !f.linky;
}

/** A short heading over a list ("Ingredients", "Method"). */
function isListHeading(f: LineFeatures): boolean {
  return f.words <= 4 && !f.sentenceEnd && !f.widget && !f.tail && !f.shareBar && !f.comments && !f.notice && !f.caption && !f.linky;
}

/**
 * Short items between two stretches of prose ("500 g strong white flour", "a handful of oats") are a list
 * inside the article, such as a recipe's ingredients, not furniture: they get a small positive score, so
 * the run of short lines cannot cut the article's opening off. Menus are Title Case; link boxes have headings.
 */
function keepSandwichedLists(features: readonly LineFeatures[], scores: number[]): void {
  let i = 1;
  while (i < features.length) {
    if (scores[i - 1]! < PROSE_AROUND || !(isListItem(features[i]!) || isListHeading(features[i]!))) {
      i++;
      continue;
    }
    let end = i;
    let items = 0;
    while (end < features.length && end - i < MAX_LIST_LINES && scores[end]! < PROSE_AROUND && (isListItem(features[end]!) || isListHeading(features[end]!))) {
      if (isListItem(features[end]!)) items++;
      end++;
    }
    if (items >= MIN_LIST_ITEMS && end < features.length && scores[end]! >= PROSE_AROUND) for (let j = i; j < end; j++) scores[j] = Math.max(scores[j]!, 0.2);
    i = Math.max(end, i + 1);
  }
}

/**
 * A long run of non-prose lines (a menu, a list of teasers, a sidebar) is a stronger boundary than its
 * lines one by one: the k-th line of a run costs more than the first, so a few captions or an ad inside a
 * story cost little while twenty menu entries cut it off.
 */
function steepenRuns(scores: number[]): void {
  let run = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! < 0) {
      scores[i] = scores[i]! * (1 + 0.5 * run);
      run++;
    } else if (scores[i]! > 1) run = 0;
  }
}

/**
 * A text that is already just an article (headline, paragraphs, maybe a list) needs no block choice:
 * no tail headings or share bars, and hardly any line that looks like page furniture.
 */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

function looksCurated(features: readonly LineFeatures[], scores: readonly number[], repeats: number): boolean {
  let furniture = 0;
  let marked = repeats > 0;
  for (let i = 1; i < features.length; i++) {
    const f = features[i]!;
    // A separator ("-", "* * *", "...") is how plain texts break sections too: no sign of a page dump.
    if (f.words === 0) continue;
    if (f.tail || f.shareBar || f.comments || f.widget || f.notice) return false;
    if (f.caption || f.linky) marked = true;
    // A short line with figures in it is a table row (results, standings, prices), not a menu entry.
    if (scores[i]! < 0 && !hasDigit(f.text)) furniture++;
  }
  // Short lines alone (a results table, a list of names after the story) do not make a page dump:
  // without a single widget, caption, link or repeated line the text is the article as given.
  return !marked || furniture <= Math.max(1, 0.2 * (features.length - 1));
}

export interface PlainTextOptions {
  /** `true`: find the article among page furniture; `false`: the text is the article; default: decide from the text. */
  readonly scraped?: boolean;
}

export function cleanPlainText(text: string, options: PlainTextOptions = {}): PlainArticle {
  const blocks = text
    .split('\n')
    .flatMap((l) => cutInlineCredits(squashSpaces(l)))
    .filter((l) => l !== '');
  if (blocks.length === 0) return { title: null, paragraphs: [], source: null, date: null, author: null };
  // Pages repeat lines (menus, teasers; hostile inputs thousands of times): each distinct line is analysed once.
  const analysed = new Map<string, LineFeatures>();
  const features = blocks.map((b) => {
    let f = analysed.get(b);
    if (f === undefined) {
      f = lineFeatures(b);
      analysed.set(b, f);
    }
    return f;
  });
  const keyOf = new Map<string, string>();
  const keys = blocks.map((b) => {
    let k = keyOf.get(b);
    if (k === undefined) {
      k = dedupeKey(b);
      keyOf.set(b, k);
    }
    return k;
  });
  const english = looksEnglish(features);
  // A line seen before on the page (repeated teaser, caption copy of a paragraph) adds nothing new.
  const counted = new Set<string>();
  let repeats = 0;
  const scores = features.map((f, i) => {
    const key = keys[i]!;
    const repeat = counted.has(key);
    if (repeat) repeats++;
    counted.add(key);
    return repeat ? Math.min(0, lineScore(f, english)) : lineScore(f, english);
  });
  keepIntroducedLists(features, scores);
  keepSandwichedLists(features, scores);
  // Teasers of other stories, each closed by its "Read more" link, read like prose line by line.
  const teasers = teaserLines(blocks);
  for (const i of teasers) scores[i] = Math.min(scores[i]!, -1);
  const teaserRun = teaserBlurbs(features, scores);
  for (const i of teaserRun) scores[i] = Math.min(scores[i]!, -1);
  // A thread without a heading starts at its first author line ("Sam wrote:"), as if headed "Comments".
  const thread = commentThreadStart(blocks);
  const curated = options.scraped === undefined ? thread < 0 && teasers.length === 0 && teaserRun.length === 0 && looksCurated(features, scores, repeats) : !options.scraped;
  steepenRuns(scores);
  const comments = features.map((f, i) => f.comments || i === thread);
  let { start, end } = curated ? { start: 0, end: blocks.length } : articleSegment(
    scores,
    features.map((f, i): Wall => (f.shareBar || comments[i] ? 'end' : f.tail ? (isSoftTailMarker(f.text) ? 'box' : 'tail') : null)),
    comments,
  );
  if (end <= start) {
    // Nothing scored as prose (a very short text): keep every line that is not furniture.
    start = 0;
    end = blocks.length;
  }

  const headline = pickHeadline(features, keys, start);
  let title = headline?.text ?? null;
  if (headline && headline.index === start) start++;
  // A clean text opens with its headline as the first line of the segment itself.
  if (title === null && end - start > 1) {
    const first = features[start]!;
    if (isHeadlineCandidate(first) && !first.sentenceEnd && first.words <= 20) {
      title = first.text;
      start++;
    }
  }

  let author: string | null = null;
  let date: string | null = null;
  for (let i = Math.max(0, start - 15); i < start; i++) {
    author ??= bylineOf(blocks[i]!);
    date ??= findDateInLine(blocks[i]!);
  }
  // Under a headline, a short publication line ("Coast Gazette" / "2021-05-02") is metadata, not story.
  let metaSource: string | null = null;
  for (let guard = 0; guard < 3 && start < end - 1; guard++) {
    const f = features[start]!;
    if (f.words > 8 || f.sentenceEnd) break;
    const lineDate = f.words <= 6 ? findDateInLine(blocks[start]!) : null;
    const next = features[start + 1]!;
    const nextIsDate = next.words <= 6 && !next.sentenceEnd && findDateInLine(blocks[start + 1]!) !== null;
    if (lineDate !== null) date ??= lineDate;
    else if (nextIsDate && f.words <= 4 && metaSource === null) metaSource = blocks[start]!;
    else break;
    start++;
  }

  const seen = new Set<string>();
  if (title) seen.add(dedupeKey(title));
  const paragraphs: string[] = [];
  let afterLabel = false;
  for (let i = start; i < end; i++) {
    const line = blocks[i]!;
    const f = features[i]!;
    // A repeat is dropped before any recogniser runs (repeated lines cost nothing).
    if (seen.has(keys[i]!)) {
      afterLabel = false;
      continue;
    }
    const creditAfterLabel = afterLabel && f.words <= 10 && !f.sentenceEnd;
    afterLabel = isCaptionLabel(line);
    if (afterLabel || creditAfterLabel) continue;
    if (f.widget || f.tail || f.notice || isInlinePromo(line) || isPromoSentence(line)) continue;
    if (paragraphs.length === 0 && bylineOf(line)) {
      author ??= bylineOf(line);
      continue;
    }
    // Captions go, but their text is kept when it is the only copy of a real paragraph.
    const cleaned = isCaptionLine(line) ? null : stripCredit(line);
    if (cleaned === null || cleaned === '') continue;
    const key = cleaned === line ? keys[i]! : dedupeKey(cleaned);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    seen.add(keys[i]!);
    paragraphs.push(cleaned);
  }
  // Safety net: whatever the line rules decided, a text holding real prose never comes out (nearly) empty.
  if (countWordsOf(paragraphs) < 20) {
    const prose = blocks.filter((b, i) => features[i]!.words >= 20 && !features[i]!.widget && !features[i]!.tail && dedupeKey(b) !== (title ? dedupeKey(title) : ''));
    if (countWordsOf(prose) > 2 * countWordsOf(paragraphs)) paragraphs.splice(0, paragraphs.length, ...prose.map(stripCredit));
  }

  let source: string | null = metaSource;
  if (paragraphs.length > 0) {
    const dl = stripDateline(paragraphs[0]!);
    if (dl && dl.rest.length > 0) {
      paragraphs[0] = dl.rest;
      source = dl.source;
      date = dl.date ?? date;
    }
  }
  return { title, paragraphs, source, date, author };
}

/** Joins paragraphs with exactly one blank line, dropping empty ones. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** The cleaned document of a plain-text article; plain text carries no URL or tags. */
export function plainDocument(article: PlainArticle, title: string | null = article.title): CleanDocument {
  return {
    title,
    standfirst: article.paragraphs[0] ?? null,
    source: article.source,
    date: article.date,
    author: article.author,
    url: null,
    tags: [],
    body: joinParagraphs(article.paragraphs),
  };
}
