/**
 * A real HTTP server on 127.0.0.1 serving feeds and item pages: each path has a handler the test can
 * change between polls; every request is recorded with its conditional headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface SeenRequest {
  readonly path: string;
  readonly ifNoneMatch: string | null;
  readonly ifModifiedSince: string | null;
}

export class FeedServer {
  readonly requests: SeenRequest[] = [];
  private readonly routes = new Map<string, Handler>();
  private server: Server | null = null;
  private base = '';

  static async start(): Promise<FeedServer> {
    const s = new FeedServer();
    s.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      s.requests.push({ path, ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null, ifModifiedSince: (req.headers['if-modified-since'] as string | undefined) ?? null });
      const handler = s.routes.get(path);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      handler(req, res);
    });
    await new Promise<void>((resolve) => s.server!.listen(0, '127.0.0.1', resolve));
    s.base = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  route(path: string, handler: Handler): void {
    this.routes.set(path, handler);
  }

  /** Serves `body` with an ETag; answers 304 to a request that names the current one. */
  serveWithEtag(path: string, body: () => string, type = 'application/rss+xml'): void {
    this.route(path, (req, res) => {
      const text = body();
      const etag = `"${Buffer.from(text).toString('base64').slice(-16)}${text.length}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, etag }).end(text);
    });
  }

  serve(path: string, body: string, type = 'text/html'): void {
    this.route(path, (_req, res) => res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body));
  }

  hits(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export interface TestItem {
  readonly guid?: string;
  readonly link?: string;
  readonly title: string;
  readonly text: string;
  readonly date?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: readonly TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${escape(i.title)}</title>${i.link ? `<link>${escape(i.link)}</link>` : ''}${i.guid ? `<guid isPermaLink="false">${escape(i.guid)}</guid>` : ''}<description>${escape(`<p>${i.text}</p>`)}</description>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escape(title)}</title><link>http://example.org/</link><description>test</description>\n${body}\n</channel></rss>`;
}

export function atom(title: string, items: readonly TestItem[]): string {
  const body = items
    .map((i) => `<entry><id>${escape(i.guid ?? i.link ?? i.title)}</id><title>${escape(i.title)}</title><updated>${i.date ?? '2026-01-05T08:00:00Z'}</updated>${i.link ? `<link rel="alternate" href="${escape(i.link)}"/>` : ''}<content type="html">${escape(`<p>${i.text}</p>`)}</content></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>urn:test:${escape(title)}</id><updated>2026-01-05T08:00:00Z</updated>\n${body}\n</feed>`;
}

export function jsonFeed(title: string, items: readonly TestItem[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.guid ?? i.link ?? i.title, url: i.link, title: i.title, content_html: `<p>${i.text}</p>`, date_published: i.date })),
  });
}

/** An article page the ingest cleaner reads as a real article (headline, several paragraphs). */
export function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html><head><title>${escape(title)}</title></head><body><article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</article></body></html>`;
}

/** A few sentences with a number and a quote, different for each `n`, long enough to be an article. */
export function storyText(n: number): string {
  return `The harbour council in Port ${n} approved a plan on Monday to rebuild the old pier, at a cost of ${n + 3} million dollars. "We have waited long enough," said Mayor Ana Ruiz, who proposed the plan in ${2000 + n}. Work on pier ${n} starts in the spring and will take about ${n + 1} years, the council said in a statement. Fishermen welcomed the news.`;
}
