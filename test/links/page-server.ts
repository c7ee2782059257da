import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleQuoting } from '../store/invented-people.js';

/*
 * A local web site for the link tests, on 127.0.0.1: the purpose-written pages of test/fixtures/links/ and
 * one route per way a fetch must be refused. Reaching it needs the fetcher's test-only allow-list, since
 * 127.0.0.1 is exactly what a shared link must not reach.
 */

const fixture = (name: string) => readFileSync(new URL(`../fixtures/links/${name}`, import.meta.url));

export const PAGE_SERVER_ADDRESS = '127.0.0.1';

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Requests served, by path: a refused link must not have reached the site at all. */
  hits: string[];
  close(): Promise<void>;
}

type Route = (res: ServerResponse) => void;

const html =
  (body: Buffer | string): Route =>
  (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };

const ROUTES: Record<string, Route> = {
  '/article.html': html(fixture('article.html')),
  '/no-text.html': html(fixture('no-text.html')),
  '/plain.txt': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain words of a test page.\n');
  },
  '/latin1.txt': (res) => {
    // "Café talks in Genève" in windows-1252: é is one byte, 0xE9, which is not UTF-8.
    res
      .writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' })
      .end(
        Buffer.from([
          0x43, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x61, 0x6c, 0x6b, 0x73, 0x20, 0x69, 0x6e, 0x20, 0x47, 0x65, 0x6e, 0xe8,
          0x76, 0x65,
        ]),
      );
  },
  '/klingon.txt': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=x-klingon' }).end('Qapla');
  },
  '/report.pdf': (res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 not really');
  },
  '/huge.html': (res) => {
    // No Content-Length: the size limit must hold while streaming, not only from the header.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 6; i += 1) res.write(chunk);
    res.end();
  },
  '/slow.html': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body>');
    setTimeout(() => res.end('</body></html>'), 5_000).unref();
  },
  '/moved': (res) => {
    res.writeHead(301, { location: '/article.html' }).end();
  },
  '/to-metadata': (res) => {
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  },
  '/to-private-name': (res) => {
    res.writeHead(302, { location: 'http://intranet.example/' }).end();
  },
  '/loop': (res) => {
    res.writeHead(302, { location: '/loop' }).end();
  },
};

/** `/invented/<n>.txt`: the article quoting the `n`th invented delegate (test/store/invented-people.ts). */
function inventedArticleRoute(path: string): Route | undefined {
  const n = /^\/invented\/(\d+)\.txt$/.exec(path)?.[1];
  if (n === undefined) return undefined;
  return (res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(articleQuoting(Number(n)).bytes);
  };
}

/** Starts the site on a free port of 127.0.0.1. */
export async function startPageServer(): Promise<PageServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const route = ROUTES[path] ?? inventedArticleRoute(path);
    if (route) route(res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, PAGE_SERVER_ADDRESS, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${PAGE_SERVER_ADDRESS}:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
