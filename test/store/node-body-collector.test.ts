import { Readable } from 'node:stream';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import { collectNodeBody } from '../../lambda/store/node-body-collector.js';
import { createSlackSecretReader } from '../../lambda/store/secrets.js';
import type { RunningServer } from './backends.js';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from './secrets-manager-stand-in.js';

/** Credentials for the local servers, which check none. */
const LOCAL = { accessKeyId: 'local', secretAccessKey: 'local' };

/*
 * The DynamoDB and Secrets Manager clients read response bodies with collectNodeBody instead of the SDK's
 * collector (which loads Node's web streams on a cold start). Here, what it gives for the bodies a response can have,
 * and that both clients' real requests go through it.
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

/**
 * Runs `act` with the globals `ReadableStream` and `Blob` counting who reads them: the SDK's own collector reads both
 * for every body, collectNodeBody neither. The count shows which collector read the responses.
 */
async function webStreamLookups(act: () => Promise<unknown>): Promise<number> {
  let lookups = 0;
  const saved = (['ReadableStream', 'Blob'] as const).map((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name) as PropertyDescriptor;
    const value = () => (descriptor.get ? descriptor.get.call(globalThis) : descriptor.value);
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => {
        lookups += 1;
        return value();
      },
    });
    return [name, descriptor] as const;
  });
  try {
    await act();
  } finally {
    for (const [name, descriptor] of saved) Object.defineProperty(globalThis, name, descriptor);
  }
  return lookups;
}

describe('the clients that read their responses with collectNodeBody', () => {
  let dynamo: RunningServer;
  let secretsManager: SecretsManagerStandIn;
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo();
    secretsManager = await startSecretsManagerStandIn();
  });
  afterAll(async () => {
    await secretsManager.close();
    await dynamo.close();
  });

  it("reads a DynamoDB response without the web streams the SDK's collector asks for", async () => {
    // Prepare: the store's client, and for contrast one with the SDK's own collector.
    const ours = createDynamoClient({ endpoint: dynamo.endpoint });
    const sdks = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: LOCAL });

    // Act and Assess
    expect(await webStreamLookups(() => ours.send(new ListTablesCommand({})))).toBe(0);
    expect(await webStreamLookups(() => sdks.send(new ListTablesCommand({})))).toBeGreaterThan(0);
    ours.destroy();
    sdks.destroy();
  });

  it('reads the Slack secret with the default Secrets Manager client the same way', async () => {
    // Prepare: the Slack function's reader with its default client, sent to the stand-in as Lambda's environment would.
    secretsManager.secrets.set('talks-slack', JSON.stringify({ signingSecret: 'test-signing', botToken: 'xoxb-test' }));
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', secretsManager.endpoint);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', LOCAL.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', LOCAL.secretAccessKey);
    try {
      const read = createSlackSecretReader();

      // Act and Assess
      expect(await webStreamLookups(() => read('talks-slack'))).toBe(0);
      expect(secretsManager.calls()).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
