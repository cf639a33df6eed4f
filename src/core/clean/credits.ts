/**
 * Photo credits glued inside a line of running text, as text copied off a page often has them:
 * "Agents walk back to work. Photograph: Jane Doe/Getty Images The man accused of …",
 * "… won an award. (9NEWS) The reporter said …", "… last line. (Twitter) © Some Company Ltd 2016".
 * The credit and the caption sentence right before it are cut out, and the text around them becomes
 * separate paragraphs, so no sentence is glued to a credit and the rest of the line is kept.
 * Every pattern has bounded quantifiers only; the scan is linear in the line length.
 */

/** Agencies and platforms a credit names after "Name/" or alone in parentheses. */
const AGENCY = '(?:Getty Images|Getty|AFP|AP|Reuters|EPA|Rex Features|Rex|Shutterstock|Alamy|PA|PA Images|PA Wire|Corbis|Xinhua|Bloomberg|AAP|Supplied|iStock|iStockphoto|NurPhoto|SIPA|Splash News|Barcroft Media|WireImage|FilmMagic)';

/** "Photograph: Jane Doe/Getty Images", "Photo: Reuters", "Picture: John Smith for The Guardian". */
const LABELLED_CREDIT = new RegExp(
  `(?:^|(?<=[\\s.!?"”’)]))(?:Photograph|Photo|Picture|Image|Illustration|Composite)s?: (?:[^.:/\\n]{2,60}?/ ?${AGENCY}(?:/[A-Za-z ]{2,30})?|${AGENCY}|[\\p{Lu}][\\p{L}.'’-]{0,20}(?: [\\p{Lu}][\\p{L}.'’-]{0,20}){0,3} for (?:the )?[\\p{Lu}][\\p{L}]{1,20}(?: [\\p{Lu}][\\p{L}]{1,20}){0,2})(?=\\s|$)`,
  'gu',
);

/**
 * A source in parentheses right after a sentence: "(9NEWS)", "(Instagram)", "(Getty Images)". Only
 * platforms, agencies and upper-case/digit labels count: "(Laughter)" or "(pictured)" are text.
 */
const PAREN_CREDIT = new RegExp(
  `(?<=[.!?]["”’]?) \\((?:${AGENCY}|Twitter|Instagram|Facebook|YouTube|TikTok|Snapchat|Flickr|File|Handout|[A-Z0-9]{2,10}|[0-9][A-Za-z0-9]{1,10})(?:/[A-Za-z ]{2,30})?\\)(?= [\\p{Lu}0-9"“‘]| ©|$)`,
  'gu',
);

/** "© Some Company Pty Ltd 2016" at the very end of a line of text. */
const TRAILING_COPYRIGHT = /\s(?:©|\(c\)|Copyright ©?) ?[^.©]{2,60}$/u;

/** Longest caption sentence cut together with its credit; anything longer is kept as text. */
const MAX_CAPTION_WORDS = 40;
/** How far back from a credit the caption's first word is looked for. */
const CAPTION_WINDOW = 400;

/** Where the sentence that ends at `end` begins: after the last ". X" boundary in a bounded window, or the line start. */
function captionStart(line: string, end: number): number | null {
  const from = Math.max(0, end - CAPTION_WINDOW);
  // Skip the caption's own closing punctuation.
  let i = end - 1;
  while (i > from && /[.!?"”’\s]/u.test(line[i]!)) i--;
  for (; i > from; i--) {
    const c = line[i]!;
    if (c !== ' ') continue;
    const prev = line[i - 1]!;
    const next = line[i + 1] ?? '';
    const closesSentence = prev === '.' || prev === '!' || prev === '?' || ((prev === '"' || prev === '”' || prev === '’' || prev === ')') && /[.!?]/.test(line[i - 2] ?? ''));
    if (closesSentence && /[\p{Lu}0-9"“‘']/u.test(next)) return i + 1;
  }
  return from === 0 ? 0 : null;
}

function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 0x20;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Whether `LABELLED_CREDIT` can match: it needs ": " and one of its label words, case and all. */
function mayHoldLabelledCredit(text: string): boolean {
  if (!text.includes(': ')) return false;
  return text.includes('Photo') || text.includes('Picture') || text.includes('Image') || text.includes('Illustration') || text.includes('Composite');
}

interface Cut {
  readonly from: number;
  readonly to: number;
}

/**
 * The line with its inline photo credits (and their caption sentences) removed, as one or more pieces:
 * text before a credit and text after it are separate paragraphs.
 */
export function cutInlineCredits(line: string): string[] {
  if (line.length < 40) return [line];
  let text = line;
  const copyright = TRAILING_COPYRIGHT.exec(text);
  // A copyright notice after the last sentence of a story ("… Predator. © Company Ltd 2016").
  if (copyright && /[.!?"”)]$/u.test(text.slice(0, copyright.index).trimEnd())) text = text.slice(0, copyright.index).trimEnd();
  const cuts: Cut[] = [];
  for (const re of [LABELLED_CREDIT, PAREN_CREDIT]) {
    // Each pattern needs a literal piece most lines lack: test that first (same result, no regex run).
    if (re === LABELLED_CREDIT ? !mayHoldLabelledCredit(text) : !text.includes(' (')) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const creditStart = m.index;
      const start = captionStart(text, creditStart);
      const caption = start === null ? '' : text.slice(start, creditStart);
      // The caption goes with its credit when it is one short sentence; a long run stays text.
      const from = start !== null && wordCount(caption.trim()) <= MAX_CAPTION_WORDS ? start : creditStart;
      cuts.push({ from, to: m.index + m[0].length });
    }
  }
  if (cuts.length === 0) return text === line ? [line] : [text];
  cuts.sort((a, b) => a.from - b.from);
  const pieces: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (cut.from > at) pieces.push(text.slice(at, cut.from));
    at = Math.max(at, cut.to);
  }
  pieces.push(text.slice(at));
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}
