import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchPageOptions, fetchPage, LinkRefusedError, USER_AGENT } from '../../lambda/links/fetch-page.js';
import { PAGE_SERVER_ADDRESS, type PageServer, startPageServer } from './page-server.js';

let site: PageServer;
beforeAll(async () => {
  site = await startPageServer();
});
afterAll(() => site.close());

/** Only tests open the policy: the local site is on a loopback address. */
const allowSite: FetchPageOptions = { allowedAddresses: [PAGE_SERVER_ADDRESS] };

async function refusal(link: string, options: FetchPageOptions = allowSite): Promise<string> {
  const error = await fetchPage(link, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkRefusedError);
  return (error as Error).message;
}

describe('fetchPage', () => {
  it('reads an HTML page and says where it was read', async () => {
    const page = await fetchPage(`${site.origin}/article.html`, allowSite);
    expect(page.format).toBe('html');
    expect(page.url).toBe(`${site.origin}/article.html`);
    expect(Buffer.from(page.bytes).toString('utf8')).toContain('<article>');
  });

  it('reads plain text', async () => {
    expect((await fetchPage(`${site.origin}/plain.txt`, allowSite)).format).toBe('text');
  });

  it('decodes a page from the character set its Content-Type declares, and refuses one it cannot read', async () => {
    const page = await fetchPage(`${site.origin}/latin1.txt`, allowSite);
    expect(Buffer.from(page.bytes).toString('utf8')).toBe('Café talks in Genève');
    expect(await refusal(`${site.origin}/klingon.txt`)).toBe(
      'the page is written in a character set that cannot be read (x-klingon)',
    );
  });

  it('follows a redirect and reports the final URL', async () => {
    expect((await fetchPage(`${site.origin}/moved`, allowSite)).url).toBe(`${site.origin}/article.html`);
  });

  it('sends a user-agent that names the bot', async () => {
    const seen: string[] = [];
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      seen.push(req.headers['user-agent'] ?? '');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, PAGE_SERVER_ADDRESS, resolve));
    const { port } = server.address() as { port: number };
    await fetchPage(`http://${PAGE_SERVER_ADDRESS}:${port}/`, allowSite);
    server.close();
    expect(seen).toEqual([USER_AGENT]);
  });

  it.each([
    ['ftp://example.com/file.html', 'only http and https links can be read, not ftp'],
    ['file:///etc/passwd', 'only http and https links can be read, not file'],
    ['javascript:alert(1)', 'only http and https links can be read, not javascript'],
    ['not a link', '"not a link" is not a link (expected http:// or https://…)'],
    ['http://user:secret@example.com/', 'links with a user name or password are not read'],
  ])('refuses %s', async (link, reason) => {
    expect(await refusal(link)).toBe(reason);
  });

  it('refuses the local site without the test allow-list, before any request', async () => {
    const before = site.hits.length;
    expect(await refusal(`${site.origin}/article.html`, {})).toBe(
      '127.0.0.1 points to a loopback address (127.0.0.1), which links may not reach',
    );
    expect(site.hits.length).toBe(before);
  });

  it.each([
    'http://10.0.0.8/',
    'http://172.20.1.1/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[fd00::5]/',
    'http://[fe80::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://0.0.0.0/',
  ])('refuses the literal address in %s', async (link) => {
    expect(await refusal(link, {})).toMatch(
      /points to (a|an|the) [a-z -]+ address \(.+\), which links may not reach$/u,
    );
  });

  it('refuses a name that resolves to a private address, and one with any private answer among public ones', async () => {
    const resolveHost = async (name: string) =>
      name === 'intranet.example' ? ['10.2.3.4'] : ['93.184.215.14', 'fd00::1'];
    expect(await refusal('https://intranet.example/news', { resolveHost })).toBe(
      'intranet.example points to a private address (10.2.3.4), which links may not reach',
    );
    expect(await refusal('https://mixed.example/news', { resolveHost })).toBe(
      'mixed.example points to a private address (fd00::1), which links may not reach',
    );
  });

  it('refuses a redirect to the metadata address, and one to a name that resolves privately', async () => {
    expect(await refusal(`${site.origin}/to-metadata`)).toBe(
      '169.254.169.254 points to the cloud metadata address (169.254.169.254), which links may not reach',
    );
    const resolveHost = async () => ['192.168.7.7'];
    expect(await refusal(`${site.origin}/to-private-name`, { ...allowSite, resolveHost })).toBe(
      'intranet.example points to a private address (192.168.7.7), which links may not reach',
    );
  });

  it('refuses a host that does not resolve', async () => {
    const resolveHost = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await refusal('https://nowhere.example/', { resolveHost })).toBe(
      'the host nowhere.example could not be found',
    );
  });

  it('refuses more than 3 redirects', async () => {
    expect(await refusal(`${site.origin}/loop`)).toBe('the page redirects more than 3 times');
  });

  it('refuses a page over the size limit while it streams', async () => {
    expect(await refusal(`${site.origin}/huge.html`)).toBe('the page is larger than 5 MB');
  });

  it('refuses a page slower than the time limit', async () => {
    expect(await refusal(`${site.origin}/slow.html`, { ...allowSite, timeoutMs: 300 })).toBe(
      'the page took longer than 0.3 s',
    );
  });

  it('refuses what is not HTML or text, and an error status', async () => {
    expect(await refusal(`${site.origin}/report.pdf`)).toBe('the page is application/pdf, not HTML or plain text');
    expect(await refusal(`${site.origin}/missing.html`)).toBe('the page answered 404 Not Found');
  });
});
