import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { collectNodeBody } from '../../lambda/store/node-body-collector.js';

/*
 * The DynamoDB and Secrets Manager clients read response bodies with collectNodeBody instead of the SDK's
 * collector (which loads Node's web streams on a cold start). Their real requests are in the store and secret
 * tests; here, what it gives for the bodies a response can have.
 */

describe('collectNodeBody', () => {
  it('gives the bytes of a Node stream, across chunks, in a fresh Uint8Array', async () => {
    const chunks = [Buffer.from('{"Item":'), Buffer.from('{"pk":{"S":"é"}}'), Buffer.from('}')];
    const bytes = await collectNodeBody(Readable.from(chunks));
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"Item":{"pk":{"S":"é"}}}');
  });

  it('reads string chunks as UTF-8 and an empty stream as no bytes', async () => {
    expect(Buffer.from(await collectNodeBody(Readable.from(['ab', 'ç'], { objectMode: true }))).toString()).toBe('abç');
    expect((await collectNodeBody(Readable.from([]))).byteLength).toBe(0);
  });

  it('fails on a stream error or a body that is no Node stream', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(collectNodeBody(failing)).rejects.toThrow('connection reset');
    await expect(collectNodeBody({ getReader() {} })).rejects.toThrow(TypeError);
  });

  it('is the collector of the DynamoDB client, locally and on AWS', () => {
    expect(createDynamoClient({ endpoint: 'http://127.0.0.1:1' }).config.streamCollector).toBe(collectNodeBody);
    expect(createDynamoClient({ region: 'eu-west-1' }).config.streamCollector).toBe(collectNodeBody);
  });
});
