import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

type StreamCollector = NonNullable<DynamoDBClientConfig['streamCollector']>;

/**
 * Collects an AWS SDK response body into bytes: the `streamCollector` of our DynamoDB and Secrets Manager
 * clients. The SDK's own collector first asks whether the body is a web `Blob` or `ReadableStream`, and on Node
 * the first mention of the global `ReadableStream` loads Node's web streams: about 1.5 ms of CPU on the first
 * response of a cold start, for a class no response uses. Our clients send through the SDK's Node HTTP handler,
 * whose response bodies are Node streams, and read them as the SDK's collector reads one.
 */
export const collectNodeBody: StreamCollector = (body: unknown) => {
  // Bytes and an empty body never come here: the SDK's collectBody (@smithy/core) takes them before it asks.
  if (!isNodeReadable(body)) {
    return Promise.reject(new TypeError('An AWS SDK response body that is not a Node stream: not read'));
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    body.on('data', (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      length += bytes.byteLength;
    });
    body.on('error', reject);
    body.on('end', () => {
      // A fresh array of its own, as the SDK's collector gives: the SDK then changes its prototype.
      const bytes = new Uint8Array(length);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
  });
};

interface NodeReadable {
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

function isNodeReadable(body: unknown): body is NodeReadable {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { on?: unknown }).on === 'function' &&
    typeof (body as { pipe?: unknown }).pipe === 'function'
  );
}
