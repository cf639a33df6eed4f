/**
 * Lines that must never be a summary sentence: captions, bylines, timestamps, calls to action and
 * editor's notes that scraped or agency text carries at its top. Generic patterns, checked with
 * anchored, linear regular expressions on short prefixes.
 */

/** Prefixes (lower-cased) that mark a caption, a credit or a call to action. */
const BOILERPLATE_PREFIXES = [
  'photo:', 'photos:', 'photo credit', 'image:', 'images:', 'picture:', 'pictured:', 'caption:', 'video:', 'watch:',
  'credit:', 'source:', 'file photo', 'click here', 'click to', 'tap here', 'editor\'s note', 'editors\' note',
  'editor’s note', 'scroll down', 'read more', 'read the full', 'related:', 'related articles', 'see also', 'follow us',
  'follow @', 'sign up', 'subscribe', 'advertisement', 'share this', 'copyright', '©', 'all rights reserved',
  'published:', 'updated:', 'last updated', 'posted:', 'filed under', 'this article', 'this story', 'getty images',
  'ap photo', 'reuters/', 'listen to', 'download the', 'join the conversation', 'comments', 'more:', 'also read',
  'don\'t miss', 'do not miss', 'previously:', 'update:', 'breaking:', 'note:', 'this post may contain',
  'this post contains', 'this post is sponsored', 'please see my disclosure', 'please read our disclosure', 'disclosure:',
  'sponsored by', 'sponsored content', 'all opinions are', 'opinions expressed are my own',
];

/** Phrases anywhere in a sentence that betray a caption or page furniture. */
const BOILERPLATE_INFIXES = [
  'scroll down for', 'click here', 'published: ', 'updated: ', 'daily mail reporter', '(photo:', '(image:', 'photo credit',
  'getty images', '(ap photo', 'all rights reserved', 'sign up for', 'follow him on twitter', 'follow her on twitter',
  'follow us on', 'read more:', 'for more stories', 'this material may not be published', 'affiliate link',
  'has been compensated by', 'disclosure policy', 'contains affiliate',
];

/** The prefixes by their first character: a sentence is compared only with those that share it. */
const PREFIXES_BY_FIRST = new Map<string, string[]>();
for (const p of BOILERPLATE_PREFIXES) {
  const list = PREFIXES_BY_FIRST.get(p[0]!);
  if (list === undefined) PREFIXES_BY_FIRST.set(p[0]!, [p]);
  else list.push(p);
}

const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/;

/** "Updated Jul 7, 2012 6:40 PM ET …", "12/28/2015 AT 04:50 PM", "Friday, May 5th 2000, 2:12AM": a timestamp at the start. */
function startsWithTimestamp(lower: string): boolean {
  const s = lower.startsWith('updated ') ? lower.slice(8) : lower.startsWith('posted ') ? lower.slice(7) : lower;
  // The first character decides which patterns can match (this runs on every sentence).
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39 && (/^\d{1,2}\/\d{1,2}\/\d{2,4}/.test(s) || /^\d{1,2}:\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)/.test(s))) return true;
  if (s !== lower && (MONTHS.test(s) || /^\d/.test(s) || /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,/.test(s))) return true;
  if (c !== 0x6d && c !== 0x74 && c !== 0x77 && c !== 0x66 && c !== 0x73) return false; // m t w f s: a weekday
  return /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d/.test(s);
}

/** "By John Smith", "By . Daily Mail Reporter ." — a byline rather than a sentence. */
function isByline(text: string, words: readonly string[]): boolean {
  if (!/^by\s/i.test(text)) return false;
  // A byline names someone and stops; a sentence starting with "By" goes on with a clause.
  if (words.length <= 8) return true;
  const lowerWords = words.filter((w) => /^[a-z]/.test(w) && w.length > 3);
  return lowerWords.length <= 2;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)));
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** White-space separated tokens that hold a letter or a digit. One linear scan. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  let hasWordChar = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (isSpaceCode(code)) {
      if (start >= 0 && hasWordChar) out.push(text.slice(start, i));
      start = -1;
      hasWordChar = false;
    } else {
      if (start < 0) start = i;
      if (!hasWordChar && isWordChar(code)) hasWordChar = true;
    }
  }
  return out;
}

/** True when most words are capitalised and the line has no closing stop: a headline or a label. */
export function looksLikeHeadline(text: string, words: readonly string[]): boolean {
  if (/[.!?]["'”’)\]]*$/.test(text)) return false;
  const letters = words.filter((w) => /\p{L}/u.test(w));
  if (letters.length === 0) return true;
  const capitalised = letters.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  return capitalised / letters.length >= 0.6 || letters.length <= 12;
}

/** A line with no lower-case word of four letters or more has no verb-ish structure (labels, credits, scores). */
function lacksClause(words: readonly string[]): boolean {
  let lowerWords = 0;
  for (const w of words) {
    const first = w.charCodeAt(0);
    const offset = first === 34 || first === 39 || first === 40 || first === 0x201c || first === 0x2018 ? 1 : 0;
    const a = w.charAt(offset);
    const b = w.charAt(offset + 1);
    if (a !== '' && b !== '' && a !== a.toUpperCase() && b !== b.toUpperCase()) lowerWords++;
    if (lowerWords >= 2) return false;
  }
  return true;
}

/** At least 12 letters and none of them lower-case. */
function isShouting(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const upper = ch.toUpperCase();
    const lower = ch.toLowerCase();
    if (upper === lower) continue;
    if (ch === lower) return false;
    letters++;
  }
  return letters >= 12;
}

/** Too short or without a clause: a label, a score line, a stray fragment. */
export function isFragment(text: string, words: readonly string[] = wordsOf(text)): boolean {
  return words.length < 4 || lacksClause(words);
}

export function isBoilerplate(text: string, words: readonly string[] = wordsOf(text)): boolean {
  const lower = text.toLowerCase();
  for (const p of PREFIXES_BY_FIRST.get(lower[0] ?? '') ?? []) if (lower.startsWith(p)) return true;
  for (const p of BOILERPLATE_INFIXES) if (lower.includes(p)) return true;
  // A timestamp glued to a real lead sentence ("Updated … PM ET Juventus are leading …") keeps the sentence.
  if (startsWithTimestamp(lower) && words.length <= 14) return true;
  if (isByline(text, words)) return true;
  // Shouting ("WHY PEOPLE ARE ANGRY!!!") is a teaser or a comment, not a news sentence.
  return isShouting(text);
}

/** Words that make "X said: …" a quote introduction rather than a caption label. */
const SPEECH_LABEL = /\b(?:is|was|are|were|has|have|had|will|would|include|includes|said|says|say|told|tells|added|adds|wrote|writes|explained|asked|insisted|warned|stated|continued|replied|tweeted|posted|reads?)\b/i;

/**
 * A caption under a photo: "Gruesome: the player was left with a scar …", "On his way: Smith (left) …".
 * A short label before a colon, or a "(pictured)"/"(left)" pointer. Such lines may still be sentences,
 * so this is a penalty signal, not an exclusion.
 */
export function looksLikeCaption(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 40) {
    const label = text.slice(0, colon);
    const labelWords = label.trim().split(/\s+/).length;
    if (labelWords <= 5 && !SPEECH_LABEL.test(label) && !/["“”]/.test(label) && !/\d$/.test(label)) return true;
  }
  return text.includes('(') && /\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file photo)\b/i.test(text);
}

/** A photo credit line ("Photograph: Name/Agency", "Photo: …"), which follows its caption. */
export function startsWithPhotoCredit(text: string): boolean {
  return /^(?:photograph|photo|photos|picture|image|credit)s?\s*:/i.test(text);
}
