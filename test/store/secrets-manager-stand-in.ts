import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for Secrets Manager's GetSecretValue (AWS JSON 1.1 protocol) on 127.0.0.1, so tests drive
 * the REAL SDK client (signing, serialisation, error parsing) without an AWS account.
 */

export interface SecretsManagerStandIn {
  /** `http://127.0.0.1:<port>`: the SDK's `endpoint`, or AWS_ENDPOINT_URL_SECRETS_MANAGER. */
  endpoint: string;
  /** Secret strings by id (ARN or name). */
  secrets: Map<string, string>;
  /** How many GetSecretValue calls were answered. */
  calls: () => number;
  close(): Promise<void>;
}

export async function startSecretsManagerStandIn(): Promise<SecretsManagerStandIn> {
  const secrets = new Map<string, string>();
  let calls = 0;
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const target = req.headers['x-amz-target'];
    const reply = (status: number, json: object) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(json));
    };
    if (target !== 'secretsmanager.GetSecretValue') {
      return reply(400, {
        __type: 'UnknownOperationException',
        message: `${String(target)} is not part of this stand-in`,
      });
    }
    calls += 1;
    const { SecretId } = JSON.parse(body) as { SecretId: string };
    const value = secrets.get(SecretId);
    if (value === undefined) {
      return reply(400, {
        __type: 'ResourceNotFoundException',
        message: "Secrets Manager can't find the specified secret.",
      });
    }
    return reply(200, { ARN: SecretId, Name: SecretId.split(':').at(-1), SecretString: value, VersionId: 'v1' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    secrets,
    calls: () => calls,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
