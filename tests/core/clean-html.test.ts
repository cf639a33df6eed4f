import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/core/clean/index.js';
import { decodeInput } from '../../src/core/input.js';

const story = [
  'The regional rail operator will add forty new trains to its fleet by the end of next year, its chief executive said on Wednesday, after a record number of passengers used the network this summer.',
  'Maria Lindqvist told reporters in the city that the new trains would run mainly on the busy coastal line, where commuters have complained for years about crowded carriages and frequent delays.',
  'The order, worth about 300 million euros, was placed with a manufacturer that already builds trains for two neighbouring countries, and the first units are due to arrive in the spring.',
  'Passenger groups welcomed the announcement but said that the operator should also invest in stations, many of which lack lifts, shelters and up-to-date timetables for travellers.',
  'The operator said that a separate plan for stations would be presented to the regional council in the autumn, together with a new timetable for the whole network.',
];

const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Rail operator orders forty new trains | The Coastal Times</title>
  <meta property="og:title" content="Rail operator orders forty new trains">
  <meta property="og:site_name" content="The Coastal Times">
  <meta property="og:url" content="https://coastal.example/news/rail-trains?utm=feed">
  <link rel="canonical" href="https://coastal.example/news/rail-trains">
  <meta property="article:published_time" content="2023-09-14T08:30:00+02:00">
  <meta name="author" content="Peter Holm">
  <meta property="article:tag" content="Transport">
  <meta property="article:tag" content="Rail">
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rail operator orders forty new trains","datePublished":"2023-09-14"}</script>
  <style>.x { color: red }</style>
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/login">Log in</a></li></ul></nav></header>
  <main>
    <article>
      <h1>Rail operator orders forty new trains</h1>
      <p class="byline">By Peter Holm</p>
      <figure><img src="train.jpg" alt=""><figcaption>A commuter train at the central station. Photo: Anna Berg</figcaption></figure>
      <p>${story[0]}</p>
      <p>${story[1]}</p>
      <div class="ad">Advertisement</div>
      <p>${story[2]}</p>
      <p>${story[3]}</p>
      <p>${story[4]}</p>
      <div class="share">Share this article <a href="#">Facebook</a> <a href="#">Twitter</a></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/a">Harbour bridge to close for repairs over the winter months</a></li>
        <li><a href="/b">Bus drivers vote to accept new pay offer from the council</a></li>
      </ul>
    </aside>
  </main>
  <footer><p>© 2023 The Coastal Times. All rights reserved.</p><script>var tracking = "do not show";</script></footer>
</body>
</html>`;

describe('cleanDocument on an HTML page', () => {
  const doc = cleanDocument(page, 'html');

  it('keeps every paragraph of the article, in order, one blank line apart', () => {
    expect(doc.body.split('\n\n')).toEqual(story);
  });

  it('drops navigation, captions, ads, share bar, related links, footer and scripts', () => {
    for (const junk of ['Log in', 'Sport', 'Anna Berg', 'commuter train at the central station', 'Advertisement', 'Share this', 'Facebook', 'Harbour bridge', 'Bus drivers', 'All rights reserved', 'tracking', 'color: red']) {
      expect(doc.body).not.toContain(junk);
    }
  });

  it('reads title, canonical URL, byline, date, site name and tags', () => {
    expect(doc.title).toBe('Rail operator orders forty new trains');
    expect(doc.url).toBe('https://coastal.example/news/rail-trains');
    expect(doc.author).toBe('Peter Holm');
    expect(doc.date).toBe('2023-09-14');
    expect(doc.source).toBe('The Coastal Times');
    expect(doc.tags).toEqual(['Transport', 'Rail']);
    expect(doc.standfirst).toBe(story[0]);
  });

  it('takes the date from JSON-LD and the URL from og:url when the meta tags are missing', () => {
    const html = `<html><head><title>Quiet night</title><meta property="og:url" content="https://news.example/q">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-02-03T10:00:00Z","author":{"@type":"Person","name":"Ola Nordmann"}}]}</script></head>
      <body><article><p>${story[0]}</p><p>${story[1]}</p><p>${story[2]}</p></article></body></html>`;
    const d = cleanDocument(html, 'html');
    expect(d.date).toBe('2021-02-03');
    expect(d.url).toBe('https://news.example/q');
    expect(d.author).toBe('Ola Nordmann');
    expect(d.body.split('\n\n')).toEqual(story.slice(0, 3));
  });

  it('reads a wire dateline out of the first paragraph', () => {
    const html = `<html><head><title>Markets</title></head><body><article>
      <p>LONDON (Reuters) - ${story[0]}</p><p>${story[1]}</p><p>${story[2]}</p></article></body></html>`;
    const d = cleanDocument(html, 'html');
    expect(d.source).toBe('Reuters');
    expect(d.body.startsWith('The regional rail operator')).toBe(true);
  });

  it('still returns the text of a bare fragment that Readability finds too short', () => {
    const d = cleanDocument('<p>The council will meet again on Friday to vote on the budget for next year.</p>', 'html');
    expect(d.body).toBe('The council will meet again on Friday to vote on the budget for next year.');
  });

  it('finishes a page nested thousands of levels deep', () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}<p>${story[0]}</p><p>${story[1]}</p>${'</div>'.repeat(5000)}</body></html>`;
    const d = cleanDocument(deep, 'html');
    expect(d.body).toContain(story[0]);
    expect(d.body).toContain(story[1]);
  });

  it('reads a post body shipped as markup inside a text/template script', () => {
    const paragraphs = story.slice(0, 3).map((p) => `<p>${p}</p>`).join('');
    const html = `<html><head><title>Blog</title></head><body><div class="post-body"><script type="text/template">${paragraphs}</script></div></body></html>`;
    expect(cleanDocument(html, 'html').body.split('\n\n')).toEqual(story.slice(0, 3));
  });

  it('drops the site promotion lines at the end of a story', () => {
    const html = `<html><head><title>Trains</title></head><body><article>${story.map((p) => `<p>${p}</p>`).join('')}
      <p>Subscribe now to our e-edition for the full story.</p>
      <p>Sign up for our newsletter to get the latest news in your inbox.</p></article></body></html>`;
    const d = cleanDocument(html, 'html');
    expect(d.body).not.toContain('Subscribe');
    expect(d.body).not.toContain('newsletter');
    expect(d.body.split('\n\n')).toEqual(story);
  });

  it('goes through decodeInput for a real .html file', () => {
    const decoded = decodeInput(Buffer.from(page, 'utf8'), 'story.html');
    expect(decoded.format).toBe('html');
    expect(cleanDocument(decoded.text, decoded.format).title).toBe('Rail operator orders forty new trains');
  });
});
