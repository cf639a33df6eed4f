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

/** Shape of a line in a list of other stories: a headline-like line (H), a one-sentence blurb (S), anything else (X). */
function teaserShape(f: LineFeatures): 'H' | 'S' | 'X' {
  if (!f.sentenceEnd && f.words <= 14 && !f.text.endsWith(':')) return /^\d{1,2}[.)]\s/.test(f.text) ? 'X' : 'H';
  if (f.sentenceEnd && f.words >= 6 && f.words <= 45) return 'S';
  return 'X';
}

const ENTRY_TIME = /\b\d{1,2}[:.]\d{2}\b|\bago\b/;
/** Prose score before a run of teasers that makes it come after a whole article. */
const ARTICLE_BEFORE_TEASERS = 100;
/** Units of the same shape that make a list of other stories. */
const MIN_TEASER_UNITS = 3;
/** Share of a blurb's content words that the article above used: other stories share few. */
const MAX_TEASER_OVERLAP = 0.25;

/** Content words (four letters or more, lower-cased) of a line. */
function contentWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.length >= 4);
}

/**
 * Blurbs of a list of other stories that follows a whole article without any heading: three or more units
 * of one shape, each a headline (and maybe a short label or byline line) with a single sentence of blurb
 * ("Bakery on the square closes after sixty years" / "The family that ran it says …"), whose blurbs use
 * few of the article's words. A numbered list ("1. The Quiet Orchard") is the article's own; subheaded
 * sections are on the article's topic and mostly longer than one sentence.
 */
function teaserRunLines(features: readonly LineFeatures[], scores: readonly number[]): number[] {
  const shapes = features.map(teaserShape);
  const out: number[] = [];
  // words of the text above, gathered as the scan passes it (each line once)
  const above = new Set<string>();
  let gathered = 0;
  let prose = 0;
  let i = 0;
  while (i < shapes.length) {
    let units = 0;
    let period = 0;
    // a unit opened by a time ("Sara Lind 9:15", "2 hours ago") is a live blog's entry, not a teaser
    if (prose >= ARTICLE_BEFORE_TEASERS && shapes[i] === 'H' && !ENTRY_TIME.test(features[i]!.text)) {
      for (let p = 2; p <= 4 && units === 0; p++) {
        const unit = shapes.slice(i, i + p).join('');
        if (unit.length < p || unit.split('S').length !== 2 || unit.includes('X')) continue;
        let k = 1;
        while (shapes.slice(i + k * p, i + (k + 1) * p).join('') === unit) k++;
        if (k >= MIN_TEASER_UNITS) [units, period] = [k, p];
      }
    }
    if (units > 0) {
      for (; gathered < i; gathered++) if (features[gathered]!.words >= 6) for (const w of contentWords(features[gathered]!.text)) above.add(w);
      const end = i + units * period;
      if (offTopic(features, i, end, above)) for (let j = i; j < end; j++) if (shapes[j] === 'S') out.push(j);
      // a run is judged once, whichever way it goes (no rescans from inside it)
      for (; i < end; i++) prose += Math.max(0, scores[i]!);
      continue;
    }
    prose += Math.max(0, scores[i]!);
    i++;
  }
  return out;
}

/** Whether the blurbs of a candidate run share few words with the text above it. */
function offTopic(features: readonly LineFeatures[], start: number, end: number, above: ReadonlySet<string>): boolean {
  let shared = 0;
  let total = 0;
  for (let j = start; j < end; j++) {
    if (!features[j]!.sentenceEnd) continue;
    for (const w of contentWords(features[j]!.text)) {
      total++;
      if (above.has(w)) shared++;
    }
  }
  return total > 0 && shared / total <= MAX_TEASER_OVERLAP;
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
  // Teasers of other stories, each closed by its "Read more" link, read like prose line by line.
  const teasers = teaserLines(blocks);
  for (const i of teasers) scores[i] = Math.min(scores[i]!, -1);
  const teaserRun = teaserRunLines(features, scores);
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
