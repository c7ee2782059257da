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
  const server = createServer(async (req, res) => {
    const path = objectPath(req.url ?? '/');
    requests.push(`${req.method} ${path}`);
    const body = await bodyOf(req);
    if (req.method === 'GET') {
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
    put: (bucket, key, body) =>
      objects.set(`${bucket}/${key}`, typeof body === 'string' ? new TextEncoder().encode(body) : body),
    get: (bucket, key) => objects.get(`${bucket}/${key}`),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** An S3 "object created" notification for keys, encoded as S3 encodes them (spaces as "+"). */
export function s3CreatedEvent(bucket: string, objects: { key: string; size: number }[]) {
  return {
    Records: objects.map(({ key, size }) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-23T12:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'talks-ingest',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
          size,
          sequencer: '0A1B2C3D4E5F',
        },
      },
    })),
  };
}
