/**
 * Line-level recognisers for page furniture that survives into scraped text: widgets, banners,
 * photo captions and credits, and the markers that start the "more stories" tail of a page.
 * They look at one line at a time; choosing the article block is mainblock.ts's job.
 * Every pattern is anchored and uses bounded, non-nested quantifiers (no catastrophic backtracking).
 */

const TRAILING_JUNK = new Set([...' \t:|»›>→…·•.!-']);
const LEADING_JUNK = new Set([...' \t|»›•·-']);

/** Lower-case line without the bullets, arrows and colons around a widget's word (a linear trim). */
function lowerKey(line: string): string {
  let end = line.length;
  while (end > 0 && TRAILING_JUNK.has(line[end - 1]!)) end--;
  let start = 0;
  while (start < end && LEADING_JUNK.has(line[start]!)) start++;
  return line.slice(start, end).toLowerCase();
}

/** Lines that are only a widget or a banner word, whatever the site. */
const WIDGET_LINES = new Set([
  'advertisement', 'advertisements', 'advert', 'ad', 'ads', 'sponsored', 'sponsored content', 'promoted', 'paid content',
  'story continues below advertisement', 'article continues below advertisement', 'continue reading below', 'scroll to continue with content',
  'continue reading the main story', 'continue reading', 'skip advertisement', 'supported by', 'advertisement - scroll to continue',
  'share', 'shares', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter', 'share via email',
  'share article', 'share story', 'share page', 'reactions', 'tweet', 'email', 'print', 'comment', 'comments', 'save', 'copy link', 'copied',
  'facebook', 'twitter', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'messenger', 'telegram', 'flipboard', 'pocket', 'x',
  'log in', 'login', 'sign in', 'sign up', 'register', 'subscribe', 'subscribe now', 'log out', 'my account', 'menu', 'close', 'search',
  'home', 'skip to content', 'skip to main content', 'skip navigation', 'back to top', 'top', 'toggle navigation', 'open menu', 'close menu',
  'license photo', 'enlarge this image', 'toggle caption', 'hide caption', 'show caption', 'view image in fullscreen', 'image', 'photo', 'video',
  'watch', 'listen', 'play', 'loading', 'loading...', 'next', 'previous', 'prev', 'more', 'show more', 'read more', 'see more', 'load more',
  'follow us', 'follow', 'like', 'likes', 'print this page', 'font size', 'text size', 'a a a', 'aa', 'a+', 'a-', 'newsletter',
  'cookie settings', 'accept', 'accept cookies', 'got it', 'ok',
]);

/** Headings after which a page lists other stories, comments or its footer: the article is over. */
const TAIL_MARKERS = new Set([
  'related', 'related news', 'related stories', 'related articles', 'related content', 'related posts', 'related topics', 'related coverage',
  'related links', 'related video', 'related videos', 'read more', 'read more about', 'read next', 'read this next', 'more stories',
  'more news', 'more from', 'more on this story', 'more on this', 'more in', 'more to explore', 'more like this', 'more articles',
  'more from our network', 'trending', 'trending now', 'trending stories', 'trending news', 'most viewed', 'most read', 'most popular',
  'most popular articles', 'most popular videos', 'most shared', 'most commented', 'popular', 'popular stories', 'popular now',
  'latest headlines', 'latest news', 'latest stories', 'latest', 'top stories', 'top news', 'recommended', 'recommended for you',
  'recommended stories', 'recommended articles', 'you may also like', 'you might also like', 'you may like', 'you might like',
  'you may be interested in', 'also read', 'also on', 'see also', 'elsewhere on the web', 'around the web', 'from the web',
  'promoted stories', 'sponsored stories', 'what to read next', 'up next', 'editors picks', "editors' picks", "editor's picks",
  'comments', 'leave a comment', 'leave a reply', 'post a comment', 'add a comment', 'join the conversation', 'show comments',
  'view comments', 'reader comments', 'discussion', 'responses', 'tags', 'topics', 'filed under', 'share this article',
  'about the author', 'more by this author', 'other news', 'in other news', "don't miss", 'must read', 'explore more', 'keep reading',
  'related searches', 'previous article', 'next article', 'previous post', 'next post', 'newer post', 'older post',
  // The same headings in the languages news pages most often come in.
  'artigos relacionados', 'notícias relacionadas', 'leia também', 'leia mais', 'veja também', 'mais lidas', 'relacionados',
  'artículos relacionados', 'noticias relacionadas', 'lee también', 'te puede interesar', 'más leídas', 'lo más leído',
  'articles similaires', 'lire aussi', 'à lire aussi', 'a lire aussi', 'sur le même sujet', 'les plus lus',
  'weitere artikel', 'mehr zum thema', 'das könnte sie auch interessieren', 'meistgelesen', 'ähnliche artikel',
  'articoli correlati', 'leggi anche', 'potrebbe interessarti', 'i più letti', 'articoli simili',
  'похожие статьи', 'читайте также', 'по теме', 'популярное', 'другие новости', 'смотрите также',
  'berita terkait', 'baca juga', 'artikel terkait', 'terkait', 'berita lainnya', 'gerelateerd', 'lees ook', 'meest gelezen',
  'powiązane', 'czytaj także', 'zobacz też', 'ilgili haberler', '関連記事', '相关文章', '相關文章', '관련기사', '관련 기사',
]);

const CAPTION_CREDIT = /(?:^|[\s(|])(?:(?:file |staff |afp |reuters |ap )?photo(?:graph)?s?|image|picture|credit|source|illustration|video)(?: by|:|\s*\/|\s*©)\s*[\p{Lu}\p{N}@]/iu;
const CREDIT_AT_END = /(?:\/\s?(?:UPI|AFP|AP|Reuters|EPA|Getty Images|Getty|Shutterstock|Xinhua|Bloomberg|Alamy|PA|dpa|ANP|EFE)|Getty Images|Shutterstock|(?:\bvia|\bfor) Getty|\bAP Photo|\bREUTERS|\(Photo[^)]{0,80}\)|©[^.]{0,60})\.?\)?\s*$/u;
const GALLERY_COUNTER = /^\d{1,3} (?:of|\/) \d{1,3}\s*[|:-]/;
const IMAGE_LABEL = /^(?:image|photo|picture|video|caption|image copyright|copyright|photograph|credit)\s*[:©]/i;
const PHOTO_BY = /^(?:file |staff )?(?:photo|photograph|image|pictures?) (?:by|courtesy of|credit)\b/i;
const SHARE_WIDGET = /^(?:share|shares|reactions?|tweet|email|print|comments?|likes?|views?)\s*[:(]?\s*\d{0,9}\)?\s*$/i;
const READ_MORE_LINK = /^(?:read more|read also|also read|see also|related|recommended|watch|listen|more|read|continue reading|click here|subscribe|sign up)\s*:\s/i;
const TIMESTAMP_ONLY = /^(?:updated|published|posted|last updated|modified)\b[^.]{0,60}$/i;

/** A line that is only a widget, a banner word or a gallery/ad label: never article text. */
export function isWidgetLine(line: string): boolean {
  if (line.length > 150) return GALLERY_COUNTER.test(line) || /\|\s*License Photo\s*$/i.test(line);
  const key = lowerKey(line);
  if (key === '') return true;
  if (WIDGET_LINES.has(key)) return true;
  if (SHARE_WIDGET.test(line)) return true;
  if (GALLERY_COUNTER.test(line)) return true;
  if (/\|\s*License Photo\s*$/i.test(line)) return true;
  if (TIMESTAMP_ONLY.test(line) && line.length < 70) return true;
  return false;
}

/** A photo caption or credit line ("Photo: …", "… File Photo by Jane Doe/UPI", "Image copyright …"). */
export function isCaptionLine(line: string): boolean {
  // A paragraph of several sentences is text that may end in a credit, never a caption as a whole.
  if (line.length > 300 && sentenceBreaks(line, 3) >= 3) return false;
  if (IMAGE_LABEL.test(line) || PHOTO_BY.test(line)) return true;
  if (CREDIT_AT_END.test(line)) return true;
  // A credit inside the last 60 characters: "… said Mr Smith. Photo: Jane Doe."
  const tail = line.slice(-60);
  return CAPTION_CREDIT.test(tail) && /(?:photo|image|picture|credit|illustration)/i.test(tail) && !/["“”]\s*$/u.test(line);
}

/** Sentence boundaries (". X") in a line, counted up to `enough`: one linear scan. */
export function sentenceBreaks(line: string, enough: number): number {
  let n = 0;
  for (let i = 1; i < line.length - 1 && n < enough; i++) {
    if (line.charCodeAt(i) !== 0x20) continue;
    const prev = line[i - 1];
    if ((prev === '.' || prev === '!' || prev === '?') && line[i + 1] !== line[i + 1]!.toLowerCase()) n++;
  }
  return n;
}

/** "Read more: …", "Related: …" link lines inside an article. */
export function isInlinePromo(line: string): boolean {
  return READ_MORE_LINK.test(line) && line.length < 200;
}

/**
 * Headings of the list of other stories in the many wordings sites use ("Stories you may have missed",
 * "Further reading", "Readers also liked", "In case you missed it", "We recommend"): whole-heading patterns
 * of bounded alternatives.
 */
const TAIL_PATTERNS = [
  /^(?:(?:other )?(?:stories|articles|posts|news|videos) )?(?:that )?you (?:may|might|could|should|will|would) (?:also )?(?:like|enjoy|love|want to read|be interested in|have missed)(?: reading)?$/,
  /^(?:in case you missed it|icymi|what you missed|we recommend|we also recommend|don't miss these|from around the web|around the internet)$/,
  /^(?:further|suggested|recommended|related|additional|more|essential|popular) (?:reading|reads|for you|links|content|articles|stories|posts)$/,
  /^(?:people|readers|others|users|subscribers) (?:also )?(?:read|liked|viewed|watched|enjoyed|are reading)(?: this)?$/,
  /^(?:read|watch|see) (?:these|this|them) next$/,
];

/** A heading that starts the page's tail (related stories, comments, most read …). */
export function isTailMarker(line: string): boolean {
  if (line.length > 120) return false;
  const key = lowerKey(line);
  if (TAIL_MARKERS.has(key)) return true;
  if (key.length <= 60 && TAIL_PATTERNS.some((p) => p.test(key))) return true;
  // Comment sections: "[ 167 comments ]", "Top Rated Comments", "Comments (12)", "12 Responses to …"
  if (/^(?:\[\s?)?(?:\d{1,6}|top rated|top|all|latest|newest|oldest|reader|view|show|see|read) (?:comments?|responses?|replies|reactions)(?:\s?\])?$/.test(key)) return true;
  if (/^(?:comments?|responses?|replies|discussion) ?\(\d{1,6}\)$/.test(key)) return true;
  if (/^\d{1,6} (?:comments?|responses?|thoughts?|replies) (?:on|to) /.test(key)) return true;
  // Short "Tags: …", "Filed under: …", "Related Roundup: …" lines close a story.
  if (/^(?:tags?|tagged|tagged with|filed under|categories|category|related [a-z]{1,12}|topics?|posted in)\s?: /.test(key) && line.length < 120) return true;
  // "More Great WIRED Stories", "More Top News", "Other Stories You May Like"
  if (/^(?:more|other|latest|top|popular|recent) (?:[\p{L}\p{N}'’&-]+ ){0,3}(?:stories|news|articles|posts|reads|videos|headlines|coverage)(?: (?:you|for you|from [\p{L} ]{1,30}).{0,30})?$/u.test(key)) return true;
  // An author box after the story: "About Jane Doe", "Sobre Carlos Nadalim"
  if (/^(?:about|sobre|à propos de|über|su|o) [\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+){1,3}$/u.test(line.replace(/[:.]$/, '').trim())) return true;
  // "More from CNN", "More stories from The Site", "Related to this story"
  return /^(?:more (?:from|stories from|news from|on|in) |related (?:to|from|on) |recommended (?:by|from) |trending (?:on|in) |latest from |most read (?:on|in) |also on |elsewhere on |more at )/.test(key) && key.split(' ').length <= 6;
}

/** Removes a trailing caption credit from a line that is otherwise text ("… cities. Photo: Thanh Hai."). */
export function stripCredit(line: string): string {
  const m = /(?:\s|^)(?:\(?(?:file |staff )?(?:photo|image|picture|credit)s?(?: by|:)\s[^.()]{1,80}\.?\)?)\s*$/i.exec(line);
  return m ? line.slice(0, m.index).trim() : line;
}

const CAPTION_LABELS = new Set([
  'photo', 'photos', 'foto', 'fotos', 'фото', 'image', 'images', 'picture', 'pictures', 'photograph', 'credit', 'credits', 'photo credit',
  'image credit', 'image source', 'bild', 'imagen', 'immagine', 'crédit', 'crédito', 'crédits', 'credito', 'illustration', 'иллюстрация',
  'источник фото', 'foto:', 'zdjęcie', 'kuva', '사진', '写真', '图片',
]);

/** A line that is only a caption label ("Photo:", "Фото:"): it and the short credit after it are furniture. */
export function isCaptionLabel(line: string): boolean {
  if (line.length > 30 || !/[:：]\s*$/u.test(line)) return false;
  return CAPTION_LABELS.has(line.replace(/[:：]\s*$/u, '').trim().toLowerCase());
}

const LEGAL = /\b(?:cookies?|javascript|all rights reserved|privacy policy|terms of (?:use|service)|copyright ©|© ?(?:19|20)\d\d|ad ?blocker|your browser)\b/i;

/** Cookie banners, copyright footers, "enable JavaScript" notices: site furniture however long. */
export function isSiteNotice(line: string): boolean {
  if (!LEGAL.test(line)) return false;
  const lower = line.toLowerCase();
  if (/\bcookies?\b/.test(lower)) return /\b(?:website|site|browser|consent|accept|experience|privacy|settings|partners|use)\b/.test(lower);
  return line.length < 400;
}

const SHARE_BARS = new Set(['share', 'share this', 'share this article', 'share this story', 'share this post', 'share on', 'reactions', 'share article', 'share story', 'share the article', 'share via']);

/** "Share this:", "Reactions:": the bar that closes (or opens) a story. */
export function isShareBar(line: string): boolean {
  return line.length < 40 && SHARE_BARS.has(lowerKey(line));
}

const COMMENT_HEADINGS = new Set(['comments', 'leave a comment', 'leave a reply', 'post a comment', 'add a comment', 'join the conversation',
  'show comments', 'view comments', 'reader comments', 'responses', 'discussion', 'join the discussion', 'have your say',
  'your comments', 'readers comments', 'what readers say', 'add your comment', 'write a comment', 'leave your comment',
  'start the conversation', 'comments are closed', 'reader reactions',
  'deixe uma resposta', 'deixe um comentário', 'comentários', 'deja un comentario', 'deja una respuesta', 'comentarios',
  'laisser un commentaire', 'laisser une réponse', 'commentaires', 'kommentare', 'kommentar schreiben', 'commenti', 'lascia un commento',
  'комментарии', 'оставить комментарий', 'tinggalkan balasan', 'tinggalkan komentar', 'komentar', 'reacties', 'komentarze', '댓글', '评论', 'コメント']);

/** The start of a comment section: whatever follows is readers' text, not the article. */
export function isCommentMarker(line: string): boolean {
  if (line.length > 80) return false;
  const key = lowerKey(line);
  return COMMENT_HEADINGS.has(key) ||
    /^(?:\[\s?)?(?:\d{1,6}|top rated|top|all|latest|newest|oldest|reader|view|show|see|read) (?:comments?|responses?|replies)(?:\s?\])?$/.test(key) ||
    /^(?:comments?|responses?|replies) ?\(\d{1,6}\)$/.test(key) ||
    /^\d{1,6} (?:comments?|responses?|thoughts?|replies) (?:on|to) /.test(key);
}

/** "Sam wrote:", "Jo Bloggs says:", "Pat replied": the line naming a comment's author. */
const COMMENT_AUTHOR = /^[\p{Lu}@][\p{L}\p{N}._'’-]{0,30}(?: [\p{L}\p{N}._'’-]{1,30}){0,2} (?:says|said|wrote|writes|replied|replies|commented|comments)\s?:?$/u;

/** The last word of an author line, asked first: most lines are turned away with one lookup. */
const AUTHOR_VERBS = new Set(['says', 'said', 'wrote', 'writes', 'replied', 'replies', 'commented', 'comments']);

/** At least this many author lines make a comment thread. */
const MIN_THREAD_AUTHORS = 3;

/** Words of the controls under each comment ("Reply", "Reply · Report", "Like Reply 3", "Flag"). */
const CONTROL_WORDS = new Set(['reply', 'replies', 'like', 'likes', 'report', 'share', 'flag', 'upvote', 'downvote', 'permalink', 'quote', 'edit', 'delete', 'vote', 'up', 'down', 'abuse']);
/** A control line needs one of these: "Like" or "Share" alone are social buttons anywhere on a page. */
const THREAD_CONTROLS = ['reply', 'replies', 'report', 'flag'];

/** A line that is only a comment's controls, with "Reply", "Report" or "Flag" among them. */
function isReplyControl(line: string): boolean {
  if (line.length > 40) return false;
  const words = line.toLowerCase().split(/[^a-z]+/).filter((w) => w !== '');
  return words.length > 0 && words.length <= 5 && words.every((w) => CONTROL_WORDS.has(w)) && THREAD_CONTROLS.some((w) => words.includes(w));
}

/** A comment header's time stamp: "3 hours ago", "March 1, 2016 at 1:10 pm", "1 Mar 2016", "12/03/2016", "4:12pm" (a bare "3:30" is as often a result). */
const COMMENT_TIME = /(?:\b(?:an?|\d{1,3}) (?:sec|second|min|minute|hr|hour|day|week|month|year)s? ago\b|\b\d{1,2}:\d{2} ?[ap]\.?m\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2},? \d{4}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{4}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b)/i;
/** Words around a header's name that are not the name ("Posted by Sam on …", "Sam said at …"). */
const HEADER_WORDS = new Set(['on', 'at', 'by', 'posted', 'written', 'said', 'says', 'wrote', 'writes', 'commented', 'replied', 'the', 'edited', 'updated']);

/**
 * The commenter of a comment header line, "Tom Baker · 3 hours ago", "jenny_w March 2, 2016 at 2:11 pm":
 * a short line that is a name (one to four words) and then a time stamp; null for any other line. A live
 * blog's entry time ("10:32", "2 hours ago") has no name before it.
 */
export function commentHeaderName(line: string): string | null {
  if (line.length > 80 || (/[.!?]$/.test(line) && !/[ap]\.m\.$/i.test(line))) return null;
  const m = COMMENT_TIME.exec(line);
  if (m === null || m.index === 0) return null;
  const words = line.slice(0, m.index).split(/[\s·|•,—–()-]+/).filter((w) => w !== '' && !HEADER_WORDS.has(w.toLowerCase()));
  // a name is words, not figures: a results row ("Marion Clignet (France) 3:30.974") is no comment header
  if (words.length === 0 || words.length > 4 || !/^[\p{L}@]/u.test(words[0]!) || /[\d()]/.test(line.slice(0, m.index))) return null;
  // a month or weekday before the time is a date ("Tuesday 3 March 2016"), not a name
  if (words.length === 1 && /^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,7}\.?$/i.test(words[0]!)) return null;
  return words.join(' ').toLowerCase();
}

/** Comment headers closer together than this (in lines) are one thread; a byline far above is not part of it. */
const MAX_HEADER_GAP = 6;
/** Words of the shortest comment text under a header. */
const MIN_COMMENT_WORDS = 5;

/**
 * Where a thread of comment headers starts: the first of at least three headers, each within a few lines of
 * the one before and with a comment of some words under it, naming at least three different people (a live blog's
 * entries are one or two reporters'). -1 if none.
 */
function headerThreadStart(lines: readonly string[]): number {
  let runStart = -1;
  let last = -1;
  let count = 0;
  const names = new Set<string>();
  let textSince = false;
  for (let i = 0; i < lines.length; i++) {
    const name = lines[i]!.length <= 80 ? commentHeaderName(lines[i]!) : null;
    if (name === null) {
      textSince ||= lines[i]!.split(' ', MIN_COMMENT_WORDS).length >= MIN_COMMENT_WORDS;
      continue;
    }
    // each header has its comment under it: rows of a results table are headers back to back
    if (last < 0 || i - last > MAX_HEADER_GAP || !textSince) {
      runStart = i;
      count = 0;
      names.clear();
    }
    last = i;
    textSince = false;
    count++;
    names.add(name);
    if (count >= MIN_THREAD_AUTHORS && names.size >= MIN_THREAD_AUTHORS) return runStart;
  }
  return -1;
}

/**
 * Where a comment thread without a heading starts: the first of at least three author lines
 * ("Sam wrote:"), the first of a run of comment headers (name and time, headerThreadStart), or the first
 * comment above the first of at least three "Reply"/"Report" controls (with the short author / time line
 * above it); the earliest of these, -1 when there is none. Long lines are turned away first.
 */
export function commentThreadStart(lines: readonly string[]): number {
  let firstAuthor = -1;
  let authors = 0;
  let firstReply = -1;
  let replies = 0;
  let byAuthors = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 80) continue;
    if (isReplyControl(line)) {
      if (firstReply < 0) firstReply = i;
      if (++replies >= MIN_THREAD_AUTHORS) break;
      continue;
    }
    if (!AUTHOR_VERBS.has(line.slice(line.lastIndexOf(' ') + 1).replace(/:$/, '')) || !COMMENT_AUTHOR.test(line)) continue;
    if (firstAuthor < 0) firstAuthor = i;
    if (++authors >= MIN_THREAD_AUTHORS) {
      byAuthors = firstAuthor;
      break;
    }
  }
  let byReplies = -1;
  if (replies >= MIN_THREAD_AUTHORS && firstReply >= 1) {
    // the first comment's text sits above its controls, and its author / time line above that
    const text = firstReply - 1;
    const above = lines[text - 1];
    byReplies = above !== undefined && above.length <= 60 && !/[.!?]$/.test(above) ? text - 1 : text;
  }
  const starts = [byAuthors, byReplies, headerThreadStart(lines)].filter((s) => s >= 0);
  return starts.length === 0 ? -1 : Math.min(...starts);
}

/** Headings that also introduce a box of links inside a story, after which the story may go on. */
const INLINE_BOX_MARKERS = new Set(['related', 'read more', 'see also', 'also read', 'read next', 'recommended', 'read this next', 'more on this',
  'more on this story', 'related coverage', 'related content', 'related stories', 'related articles', 'related topics', 'watch', 'listen',
  'leia também', 'veja também', 'lee también', 'lire aussi', 'à lire aussi', 'leggi anche', 'читайте также', 'baca juga', 'lees ook']);

/** A tail marker that may just as well open a link box in the middle of a story. */
export function isSoftTailMarker(line: string): boolean {
  return line.length < 40 && INLINE_BOX_MARKERS.has(lowerKey(line));
}

const PROMO_START = /^(?:subscribe|sign up|signup|register|download|get (?:the|our|all|unlimited|full|access|the latest)|follow (?:us|@)|like us|join (?:us|our)|click here|tap here|support (?:us|our)|become a (?:member|subscriber|patron)|don't miss|never miss|stay (?:up to date|informed|on top)|to (?:read|continue|get|receive)|for (?:the latest|more (?:news|stories|updates))|want (?:more|to receive)|give us feedback|enjoy(?:ed)? this)\b/i;
const PROMO_OBJECT = /\b(?:newsletters?|subscri(?:be|ption|bers?)|our app|the app|apps|e-?edition|inbox|podcasts?|updates|feedback|sign up|membership|full (?:story|article)|breaking news|notifications|twitter|facebook|instagram|telegram|whatsapp)\b/i;

/** "Subscribe now to our e-edition for the full story", "Sign up for our newsletter": a site's own promotion. */
export function isPromoSentence(line: string): boolean {
  if (line.length > 260) return false;
  return PROMO_START.test(line) && PROMO_OBJECT.test(line);
}

/** The link that closes a teaser of another story ("Read more", "Full story"). */
const TEASER_CLOSERS = ['read more', 'read full story', 'read the full story', 'full story', 'read the rest', 'read full article', 'read the full article'];

/** A line that is only a teaser's closing link. */
export function isReadMoreLine(line: string): boolean {
  return line.length <= 30 && TEASER_CLOSERS.includes(lowerKey(line));
}

/** A teaser with its closing link glued on: "The family that ran it says … winter. Read more »". */
export function isTeaserWithLink(line: string): boolean {
  if (line.length > 400 || line.length < 30) return false;
  const key = lowerKey(line);
  return TEASER_CLOSERS.some((c) => key.endsWith(c) && /[.!?…"”]\s*$/u.test(key.slice(0, key.length - c.length)));
}

/**
 * Lines that are teasers of other stories: a teaser with its "Read more" glued on, or the line just above a
 * "Read more" link line. Only when the page has two or more such closers: a single "Read more" is a
 * button that unfolds the story itself.
 */
export function teaserLines(lines: readonly string[]): number[] {
  const teasers: number[] = [];
  let closers = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isReadMoreLine(line)) {
      closers++;
      if (i > 0 && !isReadMoreLine(lines[i - 1]!)) teasers.push(i - 1);
    } else if (isTeaserWithLink(line)) {
      closers++;
      teasers.push(i);
    }
  }
  return closers >= 2 ? teasers : [];
}
