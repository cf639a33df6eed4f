/**
 * Plain text → cleaned article. Works for clean text (headline, blank line, paragraphs) and for raw
 * text scraped off a page (menus, banners, captions, teasers): each non-empty line is a block, the
 * article is the best-scoring contiguous run of blocks, furniture inside it is dropped, and the
 * headline is taken from just above it.
 */
import { isCaptionLabel, isCaptionLine, isInlinePromo, isTailMarker, isWidgetLine, stripCredit } from './boilerplate.js';
import { stripDateline } from './dateline.js';
import { articleSegment, lineFeatures, lineScore, looksEnglish, type LineFeatures } from './mainblock.js';
import { squashSpaces } from './normalize.js';
import { findDateInLine } from './dates.js';

export interface PlainArticle {
  readonly title: string | null;
  readonly paragraphs: readonly string[];
  readonly source: string | null;
  readonly date: string | null;
  readonly author: string | null;
}

const dedupeKey = (line: string) => line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function isHeadlineCandidate(l: LineFeatures): boolean {
  if (l.widget || l.caption || l.tail) return false;
  if (l.words < 3 || l.words > 30 || l.text.length > 250) return false;
  if (/[.,;:]$/.test(l.text) && !/\.\.\.$|…$/.test(l.text)) return false;
  if (/^(?:by|from|posted|updated|published)\b/i.test(l.text)) return false;
  if (findDateInLine(l.text) !== null && l.words <= 8) return false;
  return /\p{Lu}/u.test(l.text);
}

function bylineOf(line: string): string | null {
  const m = /^By:? ([\p{Lu}][\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4}?)(?:,| and | \||$)/u.exec(line);
  return m && line.length < 80 ? m[1]!.trim() : null;
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

export function cleanPlainText(text: string): PlainArticle {
  const blocks = text
    .split('\n')
    .map(squashSpaces)
    .filter((l) => l !== '');
  if (blocks.length === 0) return { title: null, paragraphs: [], source: null, date: null, author: null };
  const features = blocks.map(lineFeatures);
  const english = looksEnglish(features);
  // A line seen before on the page (repeated teaser, caption copy of a paragraph) adds nothing new.
  const counted = new Set<string>();
  const scores = features.map((f) => {
    const key = dedupeKey(f.text);
    const repeat = counted.has(key);
    counted.add(key);
    return repeat ? Math.min(0, lineScore(f, english)) : lineScore(f, english);
  });
  steepenRuns(scores);
  let { start, end } = articleSegment(
    scores,
    features.map((f) => f.tail || f.shareBar || f.comments),
    features.map((f) => f.comments),
  );
  if (end <= start) {
    // Nothing scored as prose (a very short text): keep every line that is not furniture.
    start = 0;
    end = blocks.length;
  }

  // Headline: the longest headline-like line shortly above the article (nearest wins ties).
  let title: string | null = null;
  let titleWords = 0;
  for (let i = start - 1; i >= Math.max(0, start - 15); i--) {
    const f = features[i]!;
    if (isHeadlineCandidate(f) && f.words > titleWords) {
      title = f.text;
      titleWords = f.words;
    }
  }
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

  const seen = new Set<string>();
  if (title) seen.add(dedupeKey(title));
  const paragraphs: string[] = [];
  let afterLabel = false;
  for (let i = start; i < end; i++) {
    const line = blocks[i]!;
    const f = features[i]!;
    const creditAfterLabel = afterLabel && f.words <= 10 && !f.sentenceEnd;
    afterLabel = isCaptionLabel(line);
    if (afterLabel || creditAfterLabel) continue;
    if (isWidgetLine(line) || isInlinePromo(line) || isTailMarker(line) || f.notice) continue;
    if (paragraphs.length === 0 && bylineOf(line)) {
      author ??= bylineOf(line);
      continue;
    }
    // Captions go, but their text is kept when it is the only copy of a real paragraph.
    const cleaned = isCaptionLine(line) ? null : stripCredit(line);
    if (cleaned === null || cleaned === '') continue;
    const key = dedupeKey(cleaned);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    paragraphs.push(cleaned);
  }

  let source: string | null = null;
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
