import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { startFakeSecretsManager } from '../../bench/fake-secrets-manager.js';
import { createSlackSecretReader } from '../../lambda/store/secrets.js';

describe('startFakeSecretsManager', () => {
  it("answers the Slack handler's secret reader as Secrets Manager would", async () => {
    const secret = { signingSecret: 'bench-secret', botToken: 'xoxb-bench' };
    const fake = await startFakeSecretsManager(JSON.stringify(secret));
    const client = new SecretsManagerClient({
      endpoint: fake.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const read = createSlackSecretReader(client);

      const credentials = await read('arn:aws:secretsmanager:us-east-1:000000000000:secret:talks-bench');

      expect(credentials).toEqual(secret);
      expect(fake.requests()).toBe(1);
    } finally {
      client.destroy();
      await fake.close();
    }
  });
});
