import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressRefusal } from './address-policy.js';

/*
 * Fetches a page a user shared, as an attack surface: only http(s), only public addresses (checked for
 * every name resolved, on every redirect, and for the socket actually connected), bounded in time, size,
 * redirects and content type. Every refusal is a `LinkRefusedError` whose message is the reason a user reads.
 */

/** Thrown for every link that is not fetched: its message says why, in words for the person who shared it. */
export class LinkRefusedError extends Error {
  override name = 'LinkRefusedError';
}

/** Resolves a host name to its addresses (every one of them is checked). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export interface FetchPageOptions {
  /** @default every address DNS gives for the name */
  resolveHost?: ResolveHost;
  /**
   * Addresses allowed although the policy refuses them. Only tests set this (to reach a page served on
   * 127.0.0.1); no environment variable or configuration reaches it, so a deployment cannot open it by mistake.
   */
  allowedAddresses?: readonly string[];
  /** @default 10 s for the whole fetch, redirects included */
  timeoutMs?: number;
  /** @default 5 MB, the ingest limit for a file */
  maxBytes?: number;
  /** @default 3 */
  maxRedirects?: number;
}

export interface FetchedPage {
  /** Where the page was read, after redirects. */
  url: string;
  /** `html` or `text`, from the Content-Type. */
  format: 'html' | 'text';
  bytes: Uint8Array;
}

export const USER_AGENT = 'talks-bot/0.1 (+https://github.com/talks-bot; reads a page shared in Slack, once)';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;

const FORMATS: Record<string, FetchedPage['format']> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};

const defaultResolveHost: ResolveHost = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** The URL as a user typed it, or a refusal: only absolute http and https links. */
export function parseLink(link: string): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new LinkRefusedError(`"${link}" is not a link (expected http:// or https://…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LinkRefusedError(`only http and https links can be read, not ${url.protocol.replace(/:$/u, '')}`);
  }
  if (url.username || url.password) throw new LinkRefusedError('links with a user name or password are not read');
  return url;
}

interface Policy {
  resolveHost: ResolveHost;
  allowed: ReadonlySet<string>;
}

function refusalOf(address: string, policy: Policy): string | null {
  return policy.allowed.has(address.replace(/^::ffff:/iu, '')) ? null : addressRefusal(address);
}

/** The host's addresses, refused when any one of them is refused (a name may mix public and private answers). */
async function checkedAddresses(hostname: string, policy: Policy): Promise<{ address: string; family: number }[]> {
  const bare = hostname.replace(/^\[|\]$/gu, '');
  let addresses: string[];
  if (isIP(bare)) addresses = [bare];
  else {
    try {
      addresses = await policy.resolveHost(bare);
    } catch {
      throw new LinkRefusedError(`the host ${bare} could not be found`);
    }
  }
  if (addresses.length === 0) throw new LinkRefusedError(`the host ${bare} could not be found`);
  for (const address of addresses) {
    const refusal = refusalOf(address, policy);
    if (refusal) throw new LinkRefusedError(`${bare} points to ${refusal}, which links may not reach`);
  }
  return addresses.map((address) => ({ address, family: isIP(address) }));
}

/** Only the checked addresses reach `connect`: no second DNS answer can swap in another one. */
function pinnedLookup(addresses: { address: string; family: number }[]): LookupFunction {
  return (_hostname, options, callback) => {
    const [first] = addresses;
    if (!first) return callback(new Error('no address'), '', 0);
    if (options.all) return (callback as (e: null, all: typeof addresses) => void)(null, addresses);
    callback(null, first.address, first.family);
  };
}

function formatOf(contentType: string | undefined): FetchedPage['format'] {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FORMATS[mediaType];
  if (!format) throw new LinkRefusedError(`the page is ${mediaType || 'of no stated type'}, not HTML or plain text`);
  return format;
}

function requestOnce(url: URL, policy: Policy, signal: AbortSignal): Promise<IncomingMessage> {
  return checkedAddresses(url.hostname, policy).then(
    (addresses) =>
      new Promise<IncomingMessage>((resolve, reject) => {
        const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
        const req = send(url, {
          method: 'GET',
          lookup: pinnedLookup(addresses),
          // A fresh connection per request: a pooled socket would skip the connect-time check below.
          agent: false,
          signal,
          headers: { 'user-agent': USER_AGENT, accept: 'text/html, application/xhtml+xml, text/plain;q=0.9' },
        });
        req.on('socket', (socket) => {
          socket.once('connect', () => {
            // The connection actually made, whatever resolved it: the last word on where the request went.
            const remote = socket.remoteAddress ?? '';
            const refusal = refusalOf(remote, policy);
            if (refusal)
              req.destroy(new LinkRefusedError(`the connection reached ${refusal}, which links may not reach`));
          });
        });
        req.on('response', resolve);
        req.on('error', reject);
        req.end();
      }),
  );
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw tooBig(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The body as UTF-8, which the readers expect: a page that declares another character set in its
 * Content-Type (windows-1252, ISO-8859-1, KOI8-R …) is decoded from it first.
 */
function asUtf8(bytes: Uint8Array, contentType: string | undefined): Uint8Array {
  const charset = /;\s*charset="?([^";\s]+)"?/iu.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return bytes;
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    throw new LinkRefusedError(`the page is written in a character set that cannot be read (${charset})`);
  }
  return new TextEncoder().encode(text);
}

function tooBig(maxBytes: number): LinkRefusedError {
  return new LinkRefusedError(`the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

async function follow(
  start: URL,
  policy: Policy,
  maxBytes: number,
  maxRedirects: number,
  signal: AbortSignal,
): Promise<FetchedPage> {
  let url = start;
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(url, policy, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      if (redirects === maxRedirects) throw new LinkRefusedError(`the page redirects more than ${maxRedirects} times`);
      url = parseLink(new URL(location, url).href);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new LinkRefusedError(`the page answered ${status} ${response.statusMessage ?? ''}`.trim());
    }
    const contentType = response.headers['content-type'];
    const format = formatOf(contentType);
    return { url: url.href, format, bytes: asUtf8(await readBody(response, maxBytes), contentType) };
  }
}

/**
 * Fetches one shared link safely: a `FetchedPage`, or a `LinkRefusedError` saying why not. Nothing is
 * returned in part: a page cut by a limit is refused whole.
 */
export async function fetchPage(link: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy: Policy = {
    resolveHost: options.resolveHost ?? defaultResolveHost,
    allowed: new Set(options.allowedAddresses ?? []),
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await follow(
      parseLink(link),
      policy,
      options.maxBytes ?? DEFAULT_MAX_BYTES,
      options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      controller.signal,
    );
  } catch (error) {
    if (controller.signal.aborted) throw new LinkRefusedError(`the page took longer than ${timeoutMs / 1000} s`);
    if (error instanceof LinkRefusedError) throw error;
    throw new LinkRefusedError(`the page could not be read (${(error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
}
