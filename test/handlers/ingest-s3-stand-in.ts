import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';

/*
 * A local stand-in for the few S3 operations the ingest function uses (GetObject, CopyObject, DeleteObject),
 * answering path-style requests on 127.0.0.1 the way S3 does, so tests and the bundle test drive the REAL
 * S3 SDK client (request signing, serialisation, error parsing) without an AWS account.
 */

export interface S3StandIn {
  /** `http://127.0.0.1:<port>`: give it to the SDK as `endpoint` (or AWS_ENDPOINT_URL_S3). */
  endpoint: string;
  /** The objects, by "bucket/key". */
  objects: Map<string, Uint8Array>;
  /** Every request, as "METHOD bucket/key". */
  requests: string[];
  /** "bucket/key"s whose reads are refused with 403 AccessDenied, as S3 refuses a key the role may not read. */
  denied: Set<string>;
  /** How concurrent the client is: the most requests it had open at once. */
  traffic: { inFlight: number; peakInFlight: number };
  /**
   * Holds the reads of these objects unanswered until `atOnce` of them are open together (or all that are left
   * are), then answers them one by one: requests sent together are seen together whatever the machine's load,
   * with no timing involved. A client that never opens `atOnce` at once leaves them held (the test times out).
   */
  holdReads(paths: Iterable<string>, atOnce: number): void;
  put(bucket: string, key: string, body: Uint8Array | string): void;
  get(bucket: string, key: string): Uint8Array | undefined;
  close(): Promise<void>;
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function bodyOf(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** "/bucket/some/key" (each segment URL-encoded) → "bucket/some/key". */
function objectPath(url: string): string {
  const path = new URL(url, 'http://localhost').pathname.slice(1);
  return path.split('/').map(decodeURIComponent).join('/');
}

/** The real SDK client, pointed at the stand-in: path-style addressing, dummy credentials. */
export function s3ClientFor(standIn: S3StandIn): S3Client {
  return new S3Client({
    endpoint: standIn.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

export async function startS3StandIn(): Promise<S3StandIn> {
  const objects = new Map<string, Uint8Array>();
  const requests: string[] = [];
  const denied = new Set<string>();
  const traffic = { inFlight: 0, peakInFlight: 0 };
  const hold = { paths: new Set<string>(), atOnce: 0, open: 0, answered: 0, waiting: [] as (() => void)[] };
  // One at a time, the oldest first: a client keeping to its limit sends its next read only once it has an
  // answer, while reads a client sent past its limit are already on their way and arrive meanwhile.
  const releaseHeld = () => {
    const left = hold.paths.size - hold.answered;
    if (hold.open >= hold.atOnce || hold.open === left) hold.waiting.shift()?.();
  };
  const server = createServer(async (req, res) => {
    const path = objectPath(req.url ?? '/');
    requests.push(`${req.method} ${path}`);
    traffic.inFlight += 1;
    traffic.peakInFlight = Math.max(traffic.peakInFlight, traffic.inFlight);
    const held = req.method === 'GET' && hold.paths.has(path);
    res.on('close', () => {
      traffic.inFlight -= 1;
      if (!held) return;
      hold.open -= 1;
      hold.answered += 1;
      releaseHeld();
    });
    const body = await bodyOf(req);
    if (held) {
      hold.open += 1;
      await new Promise<void>((resolve) => {
        hold.waiting.push(resolve);
        releaseHeld();
      });
    }
    if (req.method === 'GET') {
      if (denied.has(path)) return xmlError(res, 403, 'AccessDenied', 'Access Denied');
      const object = objects.get(path);
      if (!object) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': object.length });
      return res.end(object);
    }
    if (req.method === 'PUT') {
      const copySource = req.headers['x-amz-copy-source'];
      if (typeof copySource === 'string') {
        const source = objects.get(objectPath(`/${copySource.replace(/^\//, '')}`));
        if (!source) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
        objects.set(path, source);
        res.writeHead(200, { 'content-type': 'application/xml' });
        return res.end(
          `<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><ETag>"copied"</ETag><LastModified>${new Date().toISOString()}</LastModified></CopyObjectResult>`,
        );
      }
      objects.set(path, body);
      res.writeHead(200, { etag: '"put"' });
      return res.end();
    }
    if (req.method === 'DELETE') {
      objects.delete(path);
      res.writeHead(204);
      return res.end();
    }
    return xmlError(res, 501, 'NotImplemented', `${req.method} is not part of this stand-in`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    denied,
    traffic,
    holdReads(paths, atOnce) {
      Object.assign(hold, { paths: new Set(paths), atOnce, open: 0, answered: 0, waiting: [] });
    },
    put: (bucket, key, body) =>
      objects.set(`${bucket}/${key}`, typeof body === 'string' ? new TextEncoder().encode(body) : body),
    get: (bucket, key) => objects.get(`${bucket}/${key}`),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
