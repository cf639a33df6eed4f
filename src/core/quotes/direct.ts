/**
 * Direct quotes: quoted stretches that are speech, with the words that attribute them. Scare quotes,
 * nicknames and quoted titles are dropped; a quote split by its attribution ("“A,” she said. “B.”")
 * and a quote running over paragraphs are joined into one.
 */
import type { Sentence } from '../types.js';
import { attributionAfter, attributionBefore, type Cue } from './attribution.js';
import type { Found } from './found.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import { countWords, isUpperStart, tokenize, tokensIn, type Token } from './tokens.js';

/** Words right before a quote that announce a title or a name, not speech. */
const TITLE_CUES = new Set(['titled', 'entitled', 'called', 'dubbed', 'named', 'nicknamed', 'known', 'book', 'film',
  'movie', 'song', 'album', 'show', 'series', 'novel', 'article', 'essay', 'column', 'headline', 'slogan', 'hashtag',
  'program', 'programme', 'play', 'poem', 'documentary', 'episode', 'motto', 'banner', 'term', 'phrase', 'word',
  'words', 'label', 'labeled', 'labelled', 'branded', 'as', 'so-called']);

const MAX_MIXED_TAIL = 600;
/** A sentence after a quote this short can be its attribution alone ("Trump said."); a longer one says more. */
const MAX_ATTRIBUTION_SENTENCE_WORDS = 10;
const SMALL_WORDS = new Set(['and', 'of', 'the', 'in', 'for', 'on', 'a', 'an', 'to', 'with', 'at', 'by', 'or', 'from']);

/** Most words capitalised and no sentence punctuation: a name or title ("Investment and Development Cooperation"). */
function looksLikeTitle(text: string): boolean {
  const words = tokenize(text).filter((t) => t.word && !SMALL_WORDS.has(t.lower));
  if (words.length === 0) return true;
  const caps = words.filter((t) => isUpperStart(t.text) || /^\d/u.test(t.text)).length;
  return caps / words.length >= 0.6 && !/[.!?,;]$/u.test(text.trim());
}

function endsLikeSpeech(text: string): boolean {
  return /[.!?,…—–-]$/u.test(text.trim());
}

/** Index of the sentence holding `pos`, scanning forward from `from` (both lists are in text order). */
function sentenceAt(sentences: readonly Sentence[], pos: number, from: number): number {
  let i = Math.max(0, from);
  while (i < sentences.length && sentences[i]!.end <= pos) i++;
  return i < sentences.length && sentences[i]!.start <= pos ? i : -1;
}

interface Part {
  readonly span: QuoteSpan;
  readonly text: string;
  /** The quoted words as written, with a final comma. */
  readonly raw: string;
  /** End of the sentence when the quote is a fragment inside it ("X said “…” every time …"), else -1. */
  readonly mixedEnd: number;
  after: Cue | null;
  before: Cue | null;
  /** The last sentence of the previous paragraph introduces this quote ("… responded:"). */
  intro: Cue | null;
  readonly opensParagraph: boolean;
  readonly opensSentence: boolean;
}

function partsOf(body: string, all: readonly Token[], sentences: readonly Sentence[], spans: readonly QuoteSpan[]): Part[] {
  const parts: Part[] = [];
  let cursor = 0;
  for (let q = 0; q < spans.length; q++) {
    const span = spans[q]!;
    const prev = spans[q - 1];
    const next = spans[q + 1];
    const so = sentenceAt(sentences, span.open, cursor);
    if (so >= 0) cursor = so;
    const sc = sentenceAt(sentences, Math.min(span.close, body.length - 1), cursor);
    const beforeFrom = Math.max(so >= 0 ? sentences[so]!.start : span.open, prev && prev.close < span.open ? prev.close + 1 : 0);
    let afterEnd = sc >= 0 ? sentences[sc]!.end : span.close + 1;
    // "“… missing.” Trump said." / "“… who knows?” Trump told ITV": the splitter ended the sentence at the
    // closing mark, so the attribution is the next sentence of the paragraph.
    const following = sc >= 0 ? sentences[sc + 1] : undefined;
    if (
      sc >= 0 &&
      afterEnd <= span.close + 1 &&
      following !== undefined &&
      following.paragraph === sentences[sc]!.paragraph &&
      countWords(following.text) <= MAX_ATTRIBUTION_SENTENCE_WORDS
    ) {
      afterEnd = following.end;
    }
    const afterTo = Math.min(afterEnd, next ? next.open : body.length);
    // A comma before the closing mark belongs to the sentence around the quote, not to the quote.
    const raw = body.slice(span.start, span.end);
    const text = raw.replace(/[,;:]$/u, '');
    const after = span.runsOn ? null : attributionAfter(tokensIn(all, span.close + 1, Math.max(span.close + 1, afterTo)));
    const before = attributionBefore(tokensIn(all, beforeFrom, span.open));
    let intro: Cue | null = null;
    const opensParagraph =
      so >= 0 && sentences[so]!.start === span.open && (so === 0 || sentences[so - 1]!.paragraph !== sentences[so]!.paragraph);
    if (!after && !before && opensParagraph && so > 0) {
      const last = sentences[so - 1]!;
      if (last.paragraph === sentences[so]!.paragraph - 1 && last.text.endsWith(':')) {
        intro = attributionBefore(tokensIn(all, last.start, last.end));
      }
    }
    // "Obama said “it gets me mad” every time he …": the quote is a fragment of a reported statement.
    let mixedEnd = -1;
    if (before !== null && after === null && sc >= 0 && !span.runsOn && !(next && next.open < sentences[sc]!.end)) {
      const gap = body.slice(before.end, span.open).trim();
      // Bounded window: a fragment's sentence rarely runs on for long, and this keeps the scan linear.
      const rest = tokensIn(all, span.close + 1, Math.min(sentences[sc]!.end, span.close + 1 + MAX_MIXED_TAIL));
      if ((gap === '' || gap === 'that') && rest.filter((t) => t.word).length >= 2) {
        let e = rest.length;
        while (e > 0 && !rest[e - 1]!.word && '.,;:!?'.includes(rest[e - 1]!.text)) e--;
        if (e > 0) mixedEnd = rest[e - 1]!.end;
      }
    }
    parts.push({
      span,
      text,
      raw,
      mixedEnd,
      after,
      before,
      intro,
      opensParagraph,
      opensSentence: so >= 0 && sentences[so]!.start === span.open,
    });
  }
  return parts;
}

function wordsBefore(all: readonly Token[], pos: number): string[] {
  return tokensIn(all, Math.max(0, pos - 40), pos)
    .filter((t) => t.word)
    .slice(-2)
    .map((t) => t.lower);
}

/** Whether a quoted stretch is speech rather than a scare quote, a nickname or a title. */
function isSpeech(all: readonly Token[], part: Part): boolean {
  const n = countWords(part.text);
  const attributed = part.after !== null || part.before !== null || part.intro !== null;
  if (attributed) return n >= 4 || endsLikeSpeech(part.raw) || part.span.runsOn;
  // A short quote is speech only when it stands as a sentence of its own (“First we eat.”).
  if (n < 4 && !(part.opensSentence && /[.!?]$/u.test(part.text))) return false;
  if (looksLikeTitle(part.text)) return false;
  const lead = wordsBefore(all, part.span.open);
  if (lead.some((w) => TITLE_CUES.has(w))) return false;
  return true;
}

/** Direct quotes of the body, joined where a quote was split, in text order. */
export function findDirect(body: string, all: readonly Token[], sentences: readonly Sentence[]): Found[] {
  const spans = findQuoteSpans(body);
  const parts = partsOf(body, all, sentences, spans).filter((p) => isSpeech(all, p));
  const out: Found[] = [];
  let lastAttributedParagraph = -1;
  let i = 0;
  while (i < parts.length) {
    const group = [parts[i]!];
    while (i + 1 < parts.length) {
      const last = group[group.length - 1]!;
      const next = parts[i + 1]!;
      const runOn = last.span.runsOn && next.span.paragraph === last.span.paragraph + 1;
      const gap = countWords(body.slice(last.span.close + 1, next.span.open));
      // "…,” she said, “…" or "…,” he said. “…": the second part follows punctuation, not a verb ("saying X would “…”").
      // "…,” Trump said. In another interview he went further: “…" — a new sentence with words is not the same
      // quote. The stop is a token of its own: the period of an initial or a title ("George W. Bush") is not one.
      const between = last.after === null ? [] : tokensIn(all, last.after.end, next.span.open);
      const stop = between.findIndex((t) => !t.word && '.!?'.includes(t.text));
      const newSentence = stop >= 0 && between.slice(stop).some((t) => t.word);
      const split =
        last.after !== null &&
        !newSentence &&
        /[.,:;—–!?]/u.test(body.slice(last.span.close + 1, next.span.open).trimEnd().slice(-1)) &&
        next.span.paragraph === last.span.paragraph &&
        gap <= 30 &&
        next.after === null &&
        (next.before === null || next.before.cueStart === last.after.cueStart);
      if (!runOn && !split) break;
      group.push(next);
      i++;
    }
    i++;
    const attribution = group.map((p) => p.after ?? p.before ?? p.intro).find((c) => c !== null) ?? null;
    const first = group[0]!;
    const lastPart = group[group.length - 1]!;
    if (group.length === 1 && first.mixedEnd > 0) {
      out.push({
        kind: 'reported',
        start: first.span.open,
        end: first.mixedEnd,
        text: body.slice(first.span.open, first.mixedEnd),
        source: attribution?.source ?? null,
        cue: attribution?.cue ?? null,
        cueStart: attribution?.cueStart ?? -1,
        at: attribution?.cueStart ?? first.span.start,
      });
      continue;
    }
    out.push({
      kind: 'direct',
      start: first.span.start,
      end: lastPart.span.end,
      // The attribution between the parts is left out; an ellipsis marks the cut, as in print.
      text: group.map((p) => p.text).join(' … '),
      source: attribution?.source ?? null,
      cue: attribution?.cue ?? null,
      cueStart: attribution?.cueStart ?? -1,
      at: attribution?.cueStart ?? first.span.start,
      // A quote with no attribution of its own that opens a paragraph, or that follows the speaker's
      // attributed quote in the same paragraph ("“A,” Spencer said, as …. “B.”"), goes on with that speaker.
      sameAsPrevious: attribution === null && (first.opensParagraph || lastAttributedParagraph === first.span.paragraph),
    });
    if (attribution !== null) lastAttributedParagraph = lastPart.span.paragraph;
  }
  return out;
}
