import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Secrets Manager's GetSecretValue on loopback, so a cold start reads its Slack secret
 * the way the deployed function does (SLACK_SECRET_ARN, one SDK call on the first request) without AWS.
 * Point the SDK at it with AWS_ENDPOINT_URL_SECRETS_MANAGER. It answers every request with the secret.
 */
export async function startFakeSecretsManager(
  secretString: string,
): Promise<{ endpoint: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(
        JSON.stringify({
          ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:talks-bench',
          Name: 'talks-bench',
          SecretString: secretString,
          VersionId: 'bench',
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 0,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
