/**
 * Picks the article out of a page's text dump, jusText / boilerpipe style: every line gets a score from
 * language-agnostic features (words, sentence punctuation, capitalisation, stop-word density when the
 * page is English, widget/menu look) and the article is the contiguous run of lines with the highest
 * total (maximum-sum segment), so menus above and teasers below fall away without site rules.
 */
import { isCaptionLine, isCommentMarker, isPromoSentence, isShareBar, isSiteNotice, isTailMarker, isWidgetLine } from './boilerplate.js';

// Common English function words: real prose is ~40-50% of these, menus and headlines far fewer.
const STOP_WORDS = new Set(
  ('a about after again against all also an and any are as at be because been before being between both but by can could did do does ' +
    'doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just ' +
    'me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their ' +
    'them then there these they this those through to too under until up very was we were what when where which while who whom why ' +
    'will with would you your said says after than into been its it\'s don\'t can\'t this').split(' '),
);

export interface LineFeatures {
  readonly text: string;
  readonly words: number;
  readonly sentenceEnd: boolean;
  readonly stopRatio: number;
  /** Share of words that start with a capital letter (title-case headlines, menus). */
  readonly capRatio: number;
  readonly widget: boolean;
  readonly caption: boolean;
  readonly tail: boolean;
  readonly notice: boolean;
  /** A short line that is mostly a web address. */
  readonly linky: boolean;
  /** Commas, semicolons and full stops inside the line. */
  readonly innerPunctuation: number;
  /** A share / reactions bar: the article usually ends (or has not yet started) there. */
  readonly shareBar: boolean;
  /** A comment-section heading: readers' text follows. */
  readonly comments: boolean;
}

const SENTENCE_END = /(?:[.!?…。！？]["”’»)\]]{0,3}|["”»])$/u;

function countPunctuation(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length - 1; i++) {
    // , ; . and their Arabic and CJK forms (، 、 ， 。), compared as codes: this runs on every character.
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x2e || c === 0x60c || c === 0x3001 || c === 0xff0c || c === 0x3002) n++;
  }
  return n;
}

/** `text[i]` is a letter or digit; ASCII is decided from its code (this runs on every character). */
function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return WORD_CHAR.test(text[i]!);
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** a-z, A-Z, apostrophes: what a stop word is made of (the old trim kept [a-z'] after lower-casing). */
function isStopWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27 || code === 0x2019;
}

/** Words, function words and capitalised words of a line, in one pass over its characters. */
function countWords(text: string): { words: number; stop: number; caps: number } {
  let words = 0;
  let stop = 0;
  let caps = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Skip to the next letter or digit.
    while (i < n && !isWordCharAt(text, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && (isWordCharAt(text, i) || ((text.charCodeAt(i) === 0x27 || text.charCodeAt(i) === 0x2019) && i + 1 < n && isWordCharAt(text, i + 1)))) i++;
    // Only whitespace-separated tokens count as words ("U.S." is one word, "e-mail" is one word).
    while (i < n && text.charCodeAt(i) !== 0x20) i++;
    words++;
    const code = text.charCodeAt(start);
    if (code < 0x80 ? code >= 0x41 && code <= 0x5a : text[start] !== text[start]!.toLowerCase()) caps++;
    if (i - start <= 7) {
      // Trailing punctuation off, then lower case: index arithmetic instead of regular expressions (hot loop).
      let end = i;
      while (end > start && !isStopWordChar(text.charCodeAt(end - 1))) end--;
      if (end > start) {
        let w = text.slice(start, end);
        if (w !== w.toLowerCase()) w = w.toLowerCase();
        if (w.includes('’')) w = w.replace('’', "'");
        if (STOP_WORDS.has(w)) stop++;
      }
    }
  }
  return { words, stop, caps };
}

export function lineFeatures(text: string): LineFeatures {
  const { words: wordy, stop, caps } = countWords(text);
  // Scripts without spaces between words (CJK) get a word count from their length.
  const cjk = wordy <= 2 && text.length > 20 && /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u.test(text);
  const short = text.length <= 120;
  return {
    text,
    words: cjk ? Math.round(text.length / 2) : wordy,
    sentenceEnd: SENTENCE_END.test(text),
    stopRatio: wordy === 0 ? 0 : stop / wordy,
    capRatio: wordy === 0 ? 0 : caps / wordy,
    // The short-line recognisers are skipped for long lines, which they can never match.
    widget: isWidgetLine(text),
    caption: isCaptionLine(text),
    tail: short && isTailMarker(text),
    notice: isSiteNotice(text),
    linky: wordy < 15 && /(?:https?:\/\/|www\.)\S/.test(text),
    innerPunctuation: countPunctuation(text),
    shareBar: short && isShareBar(text),
    comments: short && isCommentMarker(text),
  };
}

/** English pages are judged with stop-word density too; other languages on form alone. */
export function looksEnglish(lines: readonly LineFeatures[]): boolean {
  let stop = 0;
  let words = 0;
  for (const l of lines) {
    if (l.words < 8) continue;
    stop += l.stopRatio * l.words;
    words += l.words;
  }
  return words >= 30 && stop / words > 0.2;
}

/** Word make-up of running prose: function words (English) or mostly lower-case words (other languages). */
function proseWords(l: LineFeatures, english: boolean): boolean {
  return english ? l.stopRatio >= 0.25 && l.capRatio < 0.5 : l.capRatio < 0.35;
}

/** How much a line looks like article prose (positive) or page furniture (negative). */
export function lineScore(l: LineFeatures, english: boolean): number {
  if (l.widget || l.tail) return -4;
  if (l.notice) return -5;
  if (isPromoSentence(l.text)) return -3;
  if (l.caption) return -2;
  const w = l.words;
  let score: number;
  if (l.linky) return -2;
  if (w >= 12 && l.sentenceEnd) score = w;
  else if (w >= 25) score = l.innerPunctuation * 15 >= w || proseWords(l, english) ? w * 0.6 : -3; // a tag cloud is neither
  else if (w >= 6 && l.sentenceEnd) score = w * 0.6;
  else if (l.sentenceEnd && w >= 3) score = 0.5;
  else if (w >= 8 && proseWords(l, english)) score = 0.5; // a sentence that lost its full stop
  else score = -2.5 - (w <= 2 ? 0.5 : 0);
  if (english && w >= 6) {
    // Headlines and teaser lists: few function words.
    if (l.stopRatio < 0.12 && !l.sentenceEnd) score = Math.min(score, -2);
    else if (l.stopRatio < 0.15) score *= 0.4;
  }
  // Title Case lines are headlines, menus and teasers in any language that has capitals.
  if (w >= 4 && l.capRatio > 0.7 && w <= 20) score = Math.min(score, -1.5);
  return score;
}

/** Maximum-sum contiguous segment [start, end) of the scores (Kadane). */
export function bestSegment(scores: readonly number[]): { start: number; end: number; total: number } {
  let best = { start: 0, end: 0, total: 0 };
  let runStart = 0;
  let run = 0;
  for (let i = 0; i < scores.length; i++) {
    if (run <= 0) {
      run = 0;
      runStart = i;
    }
    run += scores[i]!;
    if (run > best.total) best = { start: runStart, end: i + 1, total: run };
  }
  return best;
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

/** How far above the article a "Related" box may sit for the prose above it to still count as its opening. */
const MAX_WALL_GAP = 8;
const MIN_OPENING_SCORE = 30;
const COMMENT_WEIGHT = 0.2;
/**
 * Prose this strong before a comment heading (a couple of real sentences) is the post the comments are
 * about: the thread after it is never the article, however long it is.
 */
const MIN_POST_SCORE = 20;
/**
 * Prose this strong (about 150 words) before a "More stories" / "Most read" heading is a whole article:
 * the blocks after that heading are other stories, counted at COMMENT_WEIGHT, and join the article only
 * when they read as its continuation (DENSE_PROSE).
 */
const MIN_ARTICLE_SCORE = 100;
/**
 * A block with less than this share of furniture lines reads as running prose; a list of other stories
 * alternates a headline (furniture) with its teaser, near one half.
 */
const DENSE_PROSE = 0.3;
const UPWARD: ReadonlySet<Wall> = new Set<Wall>(['box', 'tail']);
const DOWNWARD: ReadonlySet<Wall> = new Set<Wall>(['box']);

/**
 * The article block when tail markers ("Related", "Most read"...) act as walls: the best segment
 * between walls, extended upwards over a wall when solid prose sits just above it (an inline
 * "Related" box inside a story), and downwards only when the part below is nearly as large.
 */
/**
 * Kinds of lines that split a page: `box` may open a link box inside a story ("Related", "Read more");
 * `tail` usually starts the list of other stories ("Most read", "Trending"), though some sites put such
 * a box mid-story too; `end` closes the story for sure (share bar, comment section).
 */
export type Wall = 'box' | 'tail' | 'end' | null;

export function articleSegment(
  scores: readonly number[],
  walls: readonly Wall[],
  commentStarts: readonly boolean[] = [],
): Segment {
  const zones: (Segment & { weight: number; dense: boolean })[] = [];
  let zoneStart = 0;
  // Readers' comments can outweigh a short story, so text after a comment heading counts for less.
  let weight = 1;
  let afterTail = false;
  // Running answers to "is there a post / a whole article before this wall?" (one pass, no rescans).
  let postBefore = false;
  let articleBefore = false;
  for (let i = 0; i <= scores.length; i++) {
    if (i === scores.length || walls[i]) {
      if (i > zoneStart) {
        const best = bestSegment(scores.slice(zoneStart, i));
        if (best.end > best.start) {
          const start = zoneStart + best.start;
          const end = zoneStart + best.end;
          let furniture = 0;
          for (let j = start; j < end; j++) if (scores[j]! < 0) furniture++;
          const dense = furniture < DENSE_PROSE * (end - start);
          const zone = { start, end, total: best.total, weight: dense || !afterTail ? weight : Math.min(weight, COMMENT_WEIGHT), dense };
          zones.push(zone);
          postBefore ||= zone.total * zone.weight >= MIN_POST_SCORE;
          articleBefore ||= dense && zone.total * zone.weight >= MIN_ARTICLE_SCORE;
        }
      }
      zoneStart = i + 1;
      if ((walls[i] === 'tail' || walls[i] === 'box') && articleBefore) afterTail = true;
      // Before any real prose the heading is a comment count in the page header, not the thread.
      if (commentStarts[i]) weight = postBefore ? 0 : Math.min(weight, COMMENT_WEIGHT);
    }
  }
  if (zones.length === 0) return { start: 0, end: 0, total: 0 };
  let k = 0;
  for (let i = 1; i < zones.length; i++) if (zones[i]!.total * zones[i]!.weight > zones[k]!.total * zones[k]!.weight) k = i;
  // Prose just above the best block joins it across a box or tail heading (the story's opening, cut by a
  // mid-story box); prose below joins only across a link box, as teasers below are the common case.
  const crossable = (from: number, to: number, allowed: ReadonlySet<Wall>) => {
    for (let i = from; i < to; i++) if (walls[i] && !allowed.has(walls[i]!)) return false;
    return true;
  };
  let { start, end, total } = zones[k]!;
  for (let i = k - 1; i >= 0; i--) {
    const z = zones[i]!;
    if (start - z.end > MAX_WALL_GAP || z.total < MIN_OPENING_SCORE || !crossable(z.end, start, UPWARD)) break;
    start = z.start;
    total += z.total;
  }
  for (let i = k + 1; i < zones.length; i++) {
    const z = zones[i]!;
    // the story going on after a box of links that a "Most read" heading opened in its middle
    const continues = z.dense && z.total >= MIN_OPENING_SCORE && z.total >= total * 0.3 && crossable(end, z.start, UPWARD);
    if (z.start - end > MAX_WALL_GAP || !(continues || (z.total * z.weight >= total * 0.6 && crossable(end, z.start, DOWNWARD)))) break;
    end = z.end;
    total += z.total;
  }
  return { start, end, total };
}
