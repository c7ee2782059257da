import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { collectNodeBody } from './node-body-collector.js';

export interface DynamoClientOptions {
  /** A local DynamoDB-API server (dynalite, DynamoDB Local); omit on AWS. */
  endpoint?: string;
  /** @default 'us-east-1' when an endpoint is given, otherwise the SDK's own resolution (AWS_REGION on Lambda). */
  region?: string;
}

/**
 * Creates a DynamoDB client. Create it once per container (module scope in handlers) so connections
 * are kept alive and reused across invocations: a fresh TLS handshake costs more than a GetItem.
 */
export function createDynamoClient(opts: DynamoClientOptions = {}): DynamoDBClient {
  const { endpoint, region } = opts;
  const requestHandler = {
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true }),
    // Fail fast on an unreachable endpoint: a slash command has 3 s in all.
    connectionTimeout: 1_000,
  };
  if (endpoint) {
    return new DynamoDBClient({
      endpoint,
      region: region ?? 'us-east-1',
      // Local servers accept any signature; static dummy credentials keep the SDK from probing the
      // credential chain (instance metadata, SSO files), which hangs or fails on a laptop.
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      requestHandler,
      streamCollector: collectNodeBody,
    });
  }
  return new DynamoDBClient({ ...(region ? { region } : {}), requestHandler, streamCollector: collectNodeBody });
}
