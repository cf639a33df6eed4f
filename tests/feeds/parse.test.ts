/** Feed parsing: RSS 2.0, Atom and JSON Feed to one item shape; what is not a feed says so. */
import { describe, expect, it } from 'vitest';
import { FeedError, itemKeys, parseFeedBytes } from '../../src/feeds/index.js';
import { itemText } from '../../src/feeds/store-item.js';
import { atom, jsonFeed, rss } from './feed-server.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const items = [
  { guid: 'tag:a,2026:1', link: 'https://news.example/one?utm_source=rss', title: 'First & foremost', text: 'Body <b>one</b>.', date: 'Mon, 05 Jan 2026 08:00:00 GMT' },
  { link: '/two', title: 'Second', text: 'Body two.' },
];

describe('parseFeedBytes', () => {
  it('reads RSS 2.0 items: guid, absolute link, title with entities, description', () => {
    const feed = parseFeedBytes(bytes(rss('Harbour News', items)), { url: 'https://news.example/feed.xml' });
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour News');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({ guid: 'tag:a,2026:1', link: 'https://news.example/one?utm_source=rss', title: 'First & foremost', published: 'Mon, 05 Jan 2026 08:00:00 GMT' });
    expect(feed.items[0]?.html).toBe('<p>Body <b>one</b>.</p>');
    // A relative link is resolved against the feed's address.
    expect(feed.items[1]).toMatchObject({ guid: null, link: 'https://news.example/two' });
  });

  it('reads Atom entries (alternate link, html content) and JSON Feed items', () => {
    const a = parseFeedBytes(bytes(atom('Atom side', items)), { url: 'https://news.example/atom' });
    expect(a.format).toBe('atom');
    expect(a.items.map((i) => [i.guid, i.link, i.title])).toEqual([
      ['tag:a,2026:1', 'https://news.example/one?utm_source=rss', 'First & foremost'],
      ['/two', 'https://news.example/two', 'Second'],
    ]);
    const j = parseFeedBytes(bytes(jsonFeed('Json side', items)), { url: 'https://news.example/feed.json' });
    expect(j.format).toBe('json');
    expect(j.title).toBe('Json side');
    expect(j.items[1]).toMatchObject({ guid: '/two', link: 'https://news.example/two', html: '<p>Body two.</p>' });
  });

  it('decodes the charset the XML declaration names', () => {
    const xml = rss('Café', [{ guid: '1', title: 'Crème brûlée à Paris', text: 'Été.' }]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const feed = parseFeedBytes(Buffer.from(xml, 'latin1'), { url: 'https://x.example/' });
    expect(feed.items[0]?.title).toBe('Crème brûlée à Paris');
  });

  it('refuses a web page, an empty body and broken XML with a FeedError that says which', () => {
    const page = () => parseFeedBytes(bytes('<!doctype html><html><body><p>Hello</p></body></html>'), { url: 'https://x.example/' });
    expect(page).toThrow(FeedError);
    expect(page).toThrow(/not an RSS, Atom or JSON feed/);
    expect(() => parseFeedBytes(bytes('   '), { url: 'https://x.example/' })).toThrow(/empty document/);
    expect(() => parseFeedBytes(bytes('{"not": "a feed"'), { url: 'https://x.example/' })).toThrow(FeedError);
    expect(() => parseFeedBytes(bytes('<rss version="2.0"><channel><item><title>x</title>'), { url: 'https://x.example/' })).toThrow(FeedError);
  });

  it('keeps at most maxItems items', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ guid: `g${i}`, title: `T${i}`, text: 'x' }));
    expect(parseFeedBytes(bytes(rss('Many', many)), { url: 'https://x.example/', maxItems: 10 }).items).toHaveLength(10);
  });
});

describe('itemKeys and itemText', () => {
  it('knows an item by guid, canonical link (tracking parameters dropped) and words', () => {
    const [one] = parseFeedBytes(bytes(rss('N', items)), { url: 'https://news.example/' }).items;
    const keys = itemKeys(one!);
    expect(keys[0]).toBe('g:tag:a,2026:1');
    expect(keys[1]).toBe('u:news.example/one');
    expect(keys[2]).toMatch(/^t:[0-9a-f]{32}$/);
    // The same words with other markup and spacing share the words key.
    const again = itemKeys({ guid: null, link: null, title: 'First & foremost', html: 'Body   one.', published: null });
    expect(again).toEqual([keys[2]]);
  });

  it('turns an item\'s HTML into plain text', async () => {
    expect(await itemText('<p>Hello <b>there</b> &amp; welcome.</p><p>Second paragraph.</p>')).toMatch(/^Hello there & welcome\.\s+Second paragraph\.$/);
    expect(await itemText('plain words')).toBe('plain words');
  });
});
