/**
 * The cleaning classes of issue 11 on pages written for this test: where the article ends, a comment
 * section is never the article, and lists inside the article stay. Each page is also given as a
 * copy-paste text dump (its visible lines), which goes through the plain-text cleaner.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { htmlLines } from '../../src/core/clean/htmlscan.js';

const STORY = [
  'The harbour board decided on Monday to dredge the old channel so that larger ferries can reach the town again next spring.',
  'Silt has been building up in the channel for years, and last winter two ferries ran aground while they waited for the tide.',
  'The work will take about four months and will be paid for by the board, the county and a grant from the national port fund.',
  'Fishermen said they were pleased, although some worry that the dredging will disturb the mussel beds near the harbour wall.',
  'A marine scientist who advises the board said the beds would be fenced off and checked every week while the boats are working.',
  'The ferry company has promised to add a second daily crossing once the channel is deep enough for its newest ship.',
  'Hotel owners in the town hope that the extra crossing will bring back the visitors who stopped coming after the groundings.',
  'The board will hold an open meeting in the harbour office next Thursday evening to answer questions about the plan.',
];
const READER = [
  'About time, my father was complaining about that channel thirty years ago',
  'Who is going to pay when the mussel beds are ruined, certainly not the board',
  'Great news for the hotels but I doubt the ferry company will keep its promise',
  'I was on the ferry that ran aground and it was the longest night of my life',
  'Four months is very optimistic, the last harbour job took more than a year',
];
const OTHER = [
  'The lifeboat crew was called out twice over the weekend to help walkers cut off by the tide on the north beach.',
  'A new cafe has opened in the old customs house and the owners say they will stay open all through the winter.',
  'The town band is looking for young players and will lend instruments to anyone who wants to try.',
  'Road works on the coast road will close one lane for three weeks from the start of next month.',
];
const PLACES = ['near the quay', 'on the north beach', 'by the lighthouse', 'at the fish market', 'in the old town', 'on the harbour wall', 'by the station', 'at the boat yard'];

/** n different reader comments. */
function comments(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${READER[i % READER.length]} ${PLACES[i % PLACES.length]}, and I have said so for ${i + 2} years.`);
}
function page(inner: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Channel to be dredged | Harbour Times</title></head><body>` +
    `<div class="masthead"><a href="/">Harbour Times</a></div><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>` +
    `${inner}<footer><p>Harbour Times, 1 Quay Street.</p></footer></body></html>`;
}
const paragraphs = (lines: readonly string[]) => lines.map((l) => `<p>${l}</p>`).join('');
const htmlBody = (html: string) => cleanDocument(html, 'html').body.split('\n\n');
const dumpBody = (html: string) => cleanDocument(htmlLines(html).join('\n'), 'text').body.split('\n\n');

describe('a comment section is never the article', () => {
  const post = STORY.slice(0, 2);
  const postHtml = `<h1>Channel to be dredged</h1>${paragraphs(post)}`;

  it('drops a thread marked as comments in the markup, however long, and keeps the short post', () => {
    const marked = [
      `<section id="comments" class="comments-area"><h2>Leave a Reply</h2>${comments(30).map((c) => `<article class="comment"><div class="comment-content"><p>${c}</p></div></article>`).join('')}</section>`,
      `<div id="disqus_thread">${comments(30).map((c) => `<div class="post-message"><p>${c}</p></div>`).join('')}</div>`,
      `<div>${comments(30).map((c) => `<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p itemprop="text">${c}</p></div>`).join('')}</div>`,
    ];
    for (const thread of marked) expect(htmlBody(page(`<main>${postHtml}${thread}</main>`))).toEqual(post);
  });

  it('ends the article at a comment heading once a post has been read, in a page and in its text dump', () => {
    const html = page(`<div class="main">${postHtml}<h3>Comments (30)</h3>${comments(30).map((c, i) => `<div><p><b>reader${i}</b></p><p>${c}</p></div>`).join('')}</div>`);
    expect(htmlBody(html)).toEqual(post);
    expect(dumpBody(html)).toEqual(post);
  });

  it('ends the article where a thread of "… says:" author lines starts', () => {
    const html = page(`<div class="main">${postHtml}${comments(12).map((c, i) => `<div><p>Reader${i} says:</p><p>${c}</p></div>`).join('')}</div>`);
    expect(dumpBody(html)).toEqual(post);
  });

  it('finds an unmarked thread by the Reply controls under its comments, in the block of the post or beside it', () => {
    const items = comments(20).map((c, i) => `<div><span>reader${i}</span> <span>${i + 1} hours ago</span><p>${c}</p><span>Reply</span> <span>Like</span></div>`).join('');
    for (const html of [page(`<div class="story">${postHtml}${items}</div>`), page(`<div class="story">${postHtml}</div><div class="c-list">${items}</div>`)]) {
      expect(htmlBody(html)).toEqual(post);
      expect(dumpBody(html)).toEqual(post);
    }
  });

  it('keeps a live blog whose entries carry times but no Reply controls', () => {
    const entries = STORY.map((p, i) => `<p><b>${i + 1} hours ago</b></p><p>${p}</p>`).join('');
    const body = htmlBody(page(`<article><h1>Channel to be dredged</h1>${entries}</article>`));
    expect(body).toEqual(expect.arrayContaining(STORY));
  });

  it('does not take "comments-open" on the body or an opinion piece called commentary for a comment section', () => {
    const html = page(`<div class="commentary">${postHtml}</div>`).replace('<body>', '<body class="single comments-open">');
    expect(htmlBody(html)).toEqual(post);
  });
});

describe('where the article ends', () => {
  const teasers = OTHER.flatMap((t, i) => [`<h4><a href="/s/${i}">Story ${i + 1} from the coast</a></h4>`, `<p>${t} ${OTHER[(i + 1) % OTHER.length]}</p>`]).join('').repeat(2);

  it('stops at a "More stories" list of headlines and teasers that follows the article in the same block', () => {
    for (const heading of ['More stories', 'You may also like', 'Also on Harbour Times', 'Recommended']) {
      const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY)}<h2>${heading}</h2>${teasers}</div>`);
      expect(htmlBody(html)).toEqual(STORY);
      expect(dumpBody(html)).toEqual(STORY);
    }
  });

  it('keeps the story that goes on after a box of related links inside it', () => {
    const box = `<h3>Related</h3><p><a href="/a">Ferry runs aground again</a></p><p><a href="/b">Board names new harbour master</a></p><p><a href="/c">Mussel farm wins award</a></p>`;
    const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY.slice(0, 5))}${box}${paragraphs(STORY.slice(5))}</div>`);
    const body = htmlBody(html);
    expect(body).toEqual(expect.arrayContaining(STORY));
    expect(body.at(-1)).toBe(STORY.at(-1));
  });
});

describe('lists inside the article stay', () => {
  it('keeps every item of a long article made mostly of lists, short items included', () => {
    const expected: string[] = [STORY[0]!];
    let inner = `<h1>Channel to be dredged</h1><p>${STORY[0]}</p>`;
    for (let h = 0; h < 5; h++) {
      const heading = `If you use the harbour ${['by ferry', 'by car', 'on foot', 'for fishing', 'for work'][h]}`;
      const items = Array.from({ length: 6 }, (_, i) => `Check the ${['tide tables', 'new timetable', 'parking map', 'closure notices', 'quay signs', 'board website'][i]} ${PLACES[(h + i) % PLACES.length]}`);
      inner += `<h2>${heading}</h2><p>${STORY[h + 1]}</p><${h % 2 ? 'ol' : 'ul'}>${items.map((t) => `<li>${t}</li>`).join('')}</${h % 2 ? 'ol' : 'ul'}>`;
      expected.push(heading, STORY[h + 1]!, ...items);
    }
    const html = page(`<article>${inner}</article><aside><h3>Most read</h3><ul><li><a href="/x">Lifeboat called out twice</a></li><li><a href="/y">Cafe opens in customs house</a></li></ul></aside>`);
    expect(htmlBody(html)).toEqual(expected);
  });
});

describe('a comment section is never the article: markers and threads Readability cannot see', () => {
  const post = STORY.slice(0, 2);
  const postHtml = `<h1>Channel to be dredged</h1>${paragraphs(post)}`;
  const NAMES = ['Mary Quinn', 'harbourwatcher', 'Dave P', 'Lena Ruiz', 'old_salt', 'Tomasz', 'K. Ahmed', 'ferrygirl'];
  const thread = (item: (c: string, i: number) => string) => comments(24).map(item).join('');

  it('reads class and id names word by word (BEM, camelCase) and labelled sections', () => {
    const item = (c: string) => `<div><p>${c}</p></div>`;
    for (const attrs of ['class="article__comments"', 'id="commentsContainer"', 'class="c-story-comments"', 'aria-label="Reader comments"', 'data-component="CommentStream"', 'class="x" role="comment"']) {
      expect(htmlBody(page(`<div class="wrap"><article>${postHtml}</article><section ${attrs}>${thread(item)}</section></div>`))).toEqual(post);
    }
  });

  it('does not take a state or a count for a section ("no-comments", "comment-count") around the story', () => {
    const html = page(`<h1>Channel to be dredged</h1><div class="story no-comments">${paragraphs(STORY)}<p><a class="comment-count" href="#c">Comments</a></p></div>`);
    expect(htmlBody(html)).toEqual(STORY);
  });

  it('finds a thread without heading or Reply controls by its headers: three or more people, each with a time', () => {
    const html = page(`<div class="wrap"><div class="post">${postHtml}</div><div class="zone">${thread((c, i) => `<div class="entry"><div class="meta"><a href="/u/${i}">${NAMES[i % 8]}</a> <span>${i % 2 ? `${i + 1} hours ago` : `12 May 2021 at ${i % 12 + 1}:05 pm`}</span></div><p>${c}</p></div>`)}</div></div>`);
    expect(htmlBody(html)).toEqual(post);
    expect(dumpBody(html)).toEqual(post);
  });

  it('reads the author line and Report / Flag controls a comment keeps in its own header and footer', () => {
    const html = page(`<div class="wrap"><div class="post">${postHtml}</div><div class="zone">${thread((c, i) => `<article class="x"><header><a href="/u/${i}">${NAMES[i % 8]}</a></header><p>${c}</p><footer><a href="#">Flag</a> <a href="#">Share</a></footer></article>`)}</div></div>`);
    expect(htmlBody(html)).toEqual(post);
  });

  it('keeps a live blog whose entries carry one reporter\'s name and a time', () => {
    const entries = STORY.map((p, i) => `<p>Sara Lind ${9 + i}:15</p><p>${p}</p>`).join('');
    expect(htmlBody(page(`<article><h1>Channel to be dredged</h1>${entries}</article>`))).toEqual(expect.arrayContaining(STORY));
    expect(dumpBody(page(`<article><h1>Channel to be dredged</h1>${entries}</article>`))).toEqual(expect.arrayContaining(STORY));
  });
});

describe('where the article ends: other wordings of the tail, and teasers closed by "Read more"', () => {
  const pairs = OTHER.map((t, i) => [`Coast story number ${i + 1} this week`, t] as const);

  it('takes the many wordings of a "more stories" heading for the end of the article', () => {
    for (const heading of ['Stories you might have missed', 'Readers also liked', 'Suggested reading', 'Watch these next', 'ICYMI']) {
      const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY)}<h2>${heading}</h2>${pairs.map(([h, t]) => `<h4><a href="/s">${h}</a></h4><p>${t}</p>`).join('')}</div>`);
      expect(dumpBody(html)).toEqual(STORY);
    }
  });

  it('ends the article where teasers closed by "Read more" links begin, the first teaser\'s headline included', () => {
    const closed = pairs.map(([h, t], i) => `<li><a href="/s/${i}">${h}</a><p>${t}</p><a href="/s/${i}">Read more</a></li>`).join('');
    const glued = pairs.map(([h, t], i) => `<div><p><a href="/s/${i}">${h}</a></p><p>${t} <a href="/s/${i}">Read more »</a></p></div>`).join('');
    for (const tail of [`<ul>${closed}</ul>`, glued]) {
      const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY)}${tail}</div>`);
      expect(htmlBody(html)).toEqual(STORY);
      expect(dumpBody(html)).toEqual(STORY);
    }
  });

  it('keeps the paragraph above a single "Read more" button that unfolds the story', () => {
    const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY.slice(0, 2))}<p><a href="#more">Read more</a></p>${paragraphs(STORY.slice(2))}</div>`);
    expect(htmlBody(html)).toEqual(STORY);
    expect(dumpBody(html)).toEqual(STORY);
  });
});

describe('results are not a comment thread', () => {
  it('keeps rows of names with times, back to back, as the article (no comment under each)', () => {
    const rows = ['Ann Berg (Norway) 3:31.204 beat Lisa Moor (Canada) 3:40.118', 'Eva Lund (Sweden) 3:33.870 beat Kim Sato (Japan) 3:41.502',
      'Rosa Diaz (Spain) 3:34.011 beat Mia Frey (Austria) 3:44.920', 'Ida Holm (Denmark) 3:35.660 beat Zoe Hart (Britain) 3:45.031'];
    const text = ['Cycling: women\'s pursuit quarter-finals', '', 'Results of the women\'s individual pursuit quarter-finals at the track championships on Friday:', '', ...rows.flatMap((r) => [r, ''])].join('\n');
    expect(cleanDocument(text, 'text').body.split('\n\n')).toEqual(expect.arrayContaining(rows));
  });
});

describe('where the article ends: a list of other stories without any heading, in a text dump', () => {
  const others = OTHER.map((t, i) => [`Lifeboat and cafe news part ${i + 1}`, t] as const);

  it('drops headline + blurb units of other stories that follow a whole article', () => {
    for (const unit of [([h, t]: readonly [string, string]) => `<h4><a href="/s">${h}</a></h4><p>${t}</p>`, ([h, t]: readonly [string, string]) => `<div><span>Local</span><h4><a href="/s">${h}</a></h4><p>${t}</p></div>`]) {
      const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY)}${others.map(unit).join('')}</div>`);
      expect(dumpBody(html)).toEqual(STORY);
    }
  });

  it('keeps subheaded one-paragraph sections on the article\'s own topic, and a numbered list', () => {
    const sections = [
      ['What the ferries will gain', 'Larger ferries will reach the harbour at any tide once the channel is dredged, the board said.'],
      ['What the fishermen fear', 'Fishermen worry that the dredging of the channel will disturb the mussel beds near the harbour wall.'],
      ['What the board will pay', 'The board will pay for the dredging of the channel with the county and a grant from the port fund.'],
    ] as const;
    const html = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY)}${sections.map(([h, t]) => `<h3>${h}</h3><p>${t}</p>`).join('')}</div>`);
    expect(dumpBody(html)).toEqual(expect.arrayContaining([...STORY, ...sections.flat()]));
    const numbered = others.map(([h, t], i) => [`${i + 1}. ${h}`, t] as const);
    const listicle = page(`<div class="content"><h1>Channel to be dredged</h1>${paragraphs(STORY)}${numbered.map(([h, t]) => `<h3>${h}</h3><p>${t}</p>`).join('')}</div>`);
    expect(dumpBody(listicle)).toEqual(expect.arrayContaining([...STORY, ...numbered.flat()]));
  });
});

describe('lists inside the article stay in a text dump: short items between prose', () => {
  const items = ['a spare rope for the mooring', 'two fenders on each side', 'the tide table for the week', 'a torch that floats', 'a flask of tea', 'dry gloves in a bag', 'the harbour office number', 'a whistle on a cord'];

  it('keeps a list of short items that sits between two stretches of the story, and the opening above it', () => {
    const html = page(`<div>Advertisement</div><article><h1>Channel to be dredged</h1>${paragraphs(STORY.slice(0, 1))}<h3>On board</h3><ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>${paragraphs(STORY.slice(1))}</article>`);
    expect(dumpBody(html)).toEqual([...STORY.slice(0, 1), 'On board', ...items, ...STORY.slice(1)]);
  });

  it('still drops a Title Case menu between the masthead and the story', () => {
    const menu = ['Local News', 'Harbour And Coast', 'Sport Results Today', 'Weather And Tides', 'Letters To The Editor'];
    const html = page(`<div>Advertisement</div><div class="content"><p>${OTHER[0]}</p><ul>${menu.map((m) => `<li><a href="/m">${m}</a></li>`).join('')}</ul><h1>Channel to be dredged</h1>${paragraphs(STORY)}</div>`);
    expect(dumpBody(html)).toEqual(STORY);
  });
});
