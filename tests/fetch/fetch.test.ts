import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError, isPublicAddress, safeFetch, type SafeFetchOptions } from '../../src/fetch/index.js';
import { rangeOf } from '../../src/fetch/address.js';

const PAGE = '<!doctype html><html><head><title>Ferry timetable changes</title></head><body><p>The island ferry will run twice a day.</p></body></html>';

let server: Server;
let base: string;
let port: number;
let hits: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  hits.push(req.url ?? '');
  const url = new URL(req.url ?? '/', 'http://x');
  switch (url.pathname) {
    case '/page':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    case '/host':
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`host=${req.headers.host}`);
      return;
    case '/gzip':
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
      return;
    case '/to-page':
      res.writeHead(302, { location: '/page' }).end();
      return;
    case '/loop-a':
      res.writeHead(301, { location: '/loop-b' }).end();
      return;
    case '/loop-b':
      res.writeHead(301, { location: '/loop-a' }).end();
      return;
    case '/chain': {
      const n = Number(url.searchParams.get('n'));
      res.writeHead(302, { location: n > 0 ? `/chain?n=${n - 1}` : '/page' }).end();
      return;
    }
    case '/to-metadata':
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      return;
    case '/to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      return;
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 1024 * 1024) });
      res.end(Buffer.alloc(6 * 1024 * 1024, 0x61));
      return;
    case '/big-chunked': {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 0x62);
      let sent = 0;
      const push = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100) res.once('drain', push);
        else res.end();
      };
      push();
      return;
    }
    case '/slow':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Part one');
      // ...and never finishes: the total timeout must cut it off.
      return;
    case '/pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
      return;
    case '/no-type':
      res.writeHead(200).end('hello');
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = [];
});

const local: SafeFetchOptions = { allowPrivate: true };

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00:ec2::254', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:a9fe:a9fe', false],
    ['64:ff9b::7f00:1', false],
    ['2002:7f00:1::', false],
    // IPv6 forms that only wrap an IPv4 address are judged as that IPv4: compatible, mapped, translated.
    ['::7f00:1', false],
    ['::127.0.0.1', false],
    ['::a9fe:a9fe', false],
    ['::ffff:0:7f00:1', false],
    ['::ffff:0:a00:1', false],
    ['::5db8:d822', true],
    ['not an address', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('names the range an IPv4-compatible address really points to', () => {
    expect(rangeOf('::7f00:1')).toBe('loopback');
    expect(rangeOf('::1')).toBe('loopback');
  });
});

describe('safeFetch', () => {
  it('fetches a page from a local server when private addresses are allowed', async () => {
    const page = await safeFetch(`${base}/page`, local);
    expect(page.status).toBe(200);
    expect(page.mediaType).toBe('text/html');
    expect(page.charset).toBe('utf-8');
    expect(page.bytes.toString('utf8')).toBe(PAGE);
  });

  it('decompresses a gzip body', async () => {
    const page = await safeFetch(`${base}/gzip`, local);
    expect(page.bytes.toString('utf8')).toBe(PAGE);
  });

  it('follows a redirect and reports the final URL', async () => {
    const page = await safeFetch(`${base}/to-page`, local);
    expect(page.url).toBe(`${base}/page`);
    expect(hits).toEqual(['/to-page', '/page']);
  });

  it.each(['http://127.0.0.1:9/page', 'http://10.0.0.1/page', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00:ec2::254]/', 'http://2130706433/'])(
    'refuses %s without the opt-in, before connecting',
    async (url) => {
      const error = await refusal(safeFetch(url));
      expect(error.code).toBe('private-address');
      expect(error.message).toMatch(/only fetches public web pages/);
    },
  );

  it('says which range a refused address is in, with the right article', async () => {
    expect((await refusal(safeFetch('http://0.0.0.0/'))).message).toMatch(/points to an unspecified address \(0\.0\.0\.0\)/);
    expect((await refusal(safeFetch('http://[::7f00:1]/'))).message).toMatch(/points to a loopback address/);
  });

  it('refuses our own local server without the opt-in (no request reaches it)', async () => {
    const error = await refusal(safeFetch(`${base}/page`));
    expect(error.code).toBe('private-address');
    expect(hits).toEqual([]);
  });

  it('refuses a name when any one of its addresses is private', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    const error = await refusal(safeFetch('http://mixed.test/page', { resolve }));
    expect(error.code).toBe('private-address');
    expect(error.message).toContain('mixed.test');
  });

  it('resolves once and connects to the address it checked (no second lookup to rebind)', async () => {
    const answers = ['127.0.0.1', '10.9.9.9'];
    let calls = 0;
    const resolve = async () => [{ address: answers[calls++] ?? '10.9.9.9', family: 4 }];
    const page = await safeFetch(`http://news.test:${port}/host`, { resolve, addressPolicy: (a) => a === '127.0.0.1' });
    expect(calls).toBe(1);
    expect(page.bytes.toString()).toBe(`host=news.test:${port}`);
  });

  it('re-checks a redirect and refuses one to the metadata address', async () => {
    const error = await refusal(safeFetch(`${base}/to-metadata`, { addressPolicy: (a) => a === '127.0.0.1' }));
    expect(error.code).toBe('private-address');
    expect(error.message).toContain('169.254.169.254');
    expect(hits).toEqual(['/to-metadata']);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const error = await refusal(safeFetch(`${base}/to-file`, local));
    expect(error.code).toBe('scheme');
  });

  it('stops a redirect loop', async () => {
    const error = await refusal(safeFetch(`${base}/loop-a`, local));
    expect(error.code).toBe('redirect');
    expect(error.message).toMatch(/loop/);
  });

  it('follows at most maxRedirects redirects', async () => {
    expect((await safeFetch(`${base}/chain?n=3`, local)).url).toBe(`${base}/page`);
    const error = await refusal(safeFetch(`${base}/chain?n=9`, local));
    expect(error.code).toBe('redirect');
    expect(error.message).toContain('more than 5 times');
  });

  it('refuses a body declared larger than 5 MB', async () => {
    const error = await refusal(safeFetch(`${base}/big-declared`, local));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('5 MB');
  });

  it('aborts a streamed body once it passes the cap', async () => {
    const error = await refusal(safeFetch(`${base}/big-chunked`, { ...local, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('too-large');
  });

  it('times out a server that stops sending', async () => {
    const error = await refusal(safeFetch(`${base}/slow`, { ...local, totalTimeoutMs: 300 }));
    expect(error.code).toBe('timeout');
  });

  it('refuses content that is not a page or text', async () => {
    const pdf = await refusal(safeFetch(`${base}/pdf`, local));
    expect(pdf.code).toBe('content-type');
    expect(pdf.message).toContain('an application/pdf file');
    expect((await refusal(safeFetch(`${base}/no-type`, local))).code).toBe('content-type');
  });

  it('reports an error status', async () => {
    const error = await refusal(safeFetch(`${base}/missing`, local));
    expect(error.code).toBe('http-status');
    expect(error.message).toContain('404');
  });

  it.each(['ftp://example.com/a', 'javascript:alert(1)', 'not a url', 'http://user:pw@example.com/'])('refuses %s', async (url) => {
    const error = await refusal(safeFetch(url));
    expect(['scheme', 'bad-url']).toContain(error.code);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await refusal(safeFetch(`http://127.0.0.1:${closedPort}/`, local));
    expect(error.code).toBe('connect');
  });
});
