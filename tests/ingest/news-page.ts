/** A realistic news page written for the tests: navigation, a photo caption, related links, a canonical URL. */
export const CANONICAL = 'https://news.example.org/2024/05/14/coastal-rail-line-reopens';

export const ARTICLE_SENTENCES = [
  'The coastal rail line between Larkport and Wenmouth reopened on Tuesday, fourteen months after a landslide buried the track.',
  'Engineers moved 48,000 tonnes of rock and built a 300-metre retaining wall to protect the route from further slips.',
  '"This line is a lifeline for our towns, and today it is back," said Helen Marsh, the regional transport commissioner.',
  'The repairs cost 62 million pounds, about a third more than first estimated, according to the rail operator.',
  'Trains will run every 30 minutes at first, rising to every 15 minutes in the summer timetable.',
  'Local businesses said the closure had cut visitor numbers by almost a quarter last year.',
];

export function newsPage(options: { canonical?: string | null; title?: string } = {}): string {
  const canonical = options.canonical === undefined ? CANONICAL : options.canonical;
  const title = options.title ?? 'Coastal rail line reopens after landslide repairs';
  const paragraphs = ARTICLE_SENTENCES.map((s) => `      <p>${s}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | Example News</title>
  ${canonical ? `<link rel="canonical" href="${canonical}">` : ''}
  <meta property="og:site_name" content="Example News">
  <meta property="og:title" content="${title}">
  <meta name="author" content="Priya Castell">
  <meta property="article:published_time" content="2024-05-14T09:30:00Z">
</head>
<body>
  <header>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
  </header>
  <main>
    <article>
      <h1>${title}</h1>
      <p class="byline">By Priya Castell, Transport correspondent</p>
      <time datetime="2024-05-14">14 May 2024</time>
      <figure><img src="/img/train.jpg" alt=""><figcaption>The first train crosses the repaired section near Wenmouth. Photo: Example News</figcaption></figure>
${paragraphs}
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/2024/01/02/storm-damage">Storm damage closes coastal line</a></li>
        <li><a href="/2023/11/20/landslide">Landslide buries track at Larkport</a></li>
      </ul>
    </aside>
  </main>
  <footer><p>© 2024 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>`;
}
