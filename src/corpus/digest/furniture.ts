/**
 * Page furniture: sentences about the web page rather than the story ("Please enable JavaScript to watch
 * this video", "You must select a newsletter to subscribe to", "We've updated our privacy policy"). Scraped
 * articles carry them and no summary of the story would; the digest leaves them out. A sentence is furniture
 * when it names a part of the page or the reader's device AND speaks to the reader ("you", "your") or opens
 * with a request ("Please …", "Click …", "Sign up …"); a few phrases are furniture on their own, and so is a
 * web archive's note on its crawls, which archived copies of articles carry.
 * Words only, one pass, no regular expression.
 */

/** Phrases that only page furniture writes. */
const ALWAYS = [
  'enable javascript', 'javascript enabled', 'javascript is disabled', 'javascript disabled', 'privacy policy',
  'cookie policy', 'terms of service', 'terms of use', 'not a robot', 'page you are looking for', 'page you requested',
  'media playback is unsupported', 'breaking news emails', 'breaking news alerts', 'email alerts', 'news alerts',
  'location history', 'this video is not available', 'your browser', 'your device', 'your inbox', 'your tweets',
];

/** Words that name the page, its services or the reader's device. */
const PAGE_WORDS = new Set([
  'javascript', 'browser', 'browsers', 'cookies', 'newsletter', 'newsletters', 'subscribe', 'subscribing', 'subscription',
  'unsubscribe', 'inbox', 'login', 'website', 'webpage', 'homepage', 'page', 'pages', 'slideshow', 'email', 'emails',
  'e-mail', 'alerts', 'notifications', 'click', 'clicking', 'video',
]);

/** Words that speak to the reader. */
const READER = new Set(['you', 'your', "you're", 'youre', "you'll", "you've", 'yours', 'yourself']);

/** Requests a page makes of its reader, as a sentence's first word. */
const REQUESTS = new Set([
  'please', 'click', 'tap', 'sign', 'subscribe', 'enable', 'follow', 'like', 'share', 'download', 'watch', 'join',
  'visit', 'check', 'view', 'review', 'select', 'verify', 'enter', 'register', 'log', 'get', 'read', 'tell', 'listen',
]);

/** A web archive's note on its own crawl ("These crawls are part of an effort to archive pages …"). */
const CRAWL = new Set(['crawl', 'crawls', 'webcrawl', 'webcrawls', 'crawler', 'crawlers']);
const ARCHIVED = new Set(['archive', 'archived', 'pages', 'sites', 'web', 'websites', 'wayback', '404']);

/** Lower-cased words of a sentence: letters, digits, apostrophes and inner hyphens kept. */
function lowerWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const lower = text.toLowerCase();
  for (let i = 0; i <= lower.length; i++) {
    const ch = i < lower.length ? lower.charAt(i) : ' ';
    const code = ch.charCodeAt(0);
    const letter = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 191;
    if (letter || ((ch === "'" || ch === '’' || ch === '-') && word !== '')) word += ch === '’' ? "'" : ch;
    else if (word !== '') {
      let end = word.length;
      while (end > 0 && (word.charAt(end - 1) === '-' || word.charAt(end - 1) === "'")) end--;
      out.push(word.slice(0, end));
      word = '';
    }
  }
  return out;
}

export function isPageFurniture(text: string): boolean {
  const words = lowerWords(text);
  if (words.length === 0) return false;
  const joined = ` ${words.join(' ')} `;
  for (const p of ALWAYS) if (joined.includes(` ${p} `)) return true;
  let page = false;
  let reader = false;
  let crawl = false;
  let archived = false;
  for (const w of words) {
    if (PAGE_WORDS.has(w)) page = true;
    if (READER.has(w)) reader = true;
    if (CRAWL.has(w)) crawl = true;
    if (ARCHIVED.has(w)) archived = true;
  }
  return (page && (reader || REQUESTS.has(words[0]!))) || (crawl && archived);
}
