import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackSecretReader, parseSlackSecret, SlackSecretError } from '../../lambda/store/secrets.js';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from './secrets-manager-stand-in.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:talks-slack-AbCdEf';
/** Credential-shaped test values, written for these tests. */
const SIGNING_SECRET = 'test-signing-secret-7f3a9c';
const BOT_TOKEN = 'xoxb-111-222-testtoken';

describe('parseSlackSecret', () => {
  it('reads the signing secret and bot token from the JSON secret', () => {
    expect(parseSlackSecret(ARN, JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }))).toEqual({
      signingSecret: SIGNING_SECRET,
      botToken: BOT_TOKEN,
    });
  });

  it('says the secret is not set yet when the stack placeholder is still there', () => {
    const placeholder = JSON.stringify({ signingSecret: '', botToken: '', unsetPlaceholder: 'Xy12' });
    expect(() => parseSlackSecret(ARN, placeholder)).toThrow(SlackSecretError);
    expect(() => parseSlackSecret(ARN, placeholder)).toThrow(/has not been set yet[\s\S]*put-secret-value/);
  });

  it('never puts the secret value in its error message', () => {
    const notJson = `signingSecret=${SIGNING_SECRET}`;
    const wrongToken = JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: 'secret-but-not-a-slack-token' });
    for (const value of [notJson, wrongToken]) {
      let message = '';
      try {
        parseSlackSecret(ARN, value);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(ARN);
      expect(message).not.toContain(SIGNING_SECRET);
      expect(message).not.toContain('secret-but-not-a-slack-token');
    }
  });
});

describe('createSlackSecretReader', () => {
  let secretsManager: SecretsManagerStandIn;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    secretsManager = await startSecretsManagerStandIn();
    client = new SecretsManagerClient({
      endpoint: secretsManager.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await secretsManager.close();
  });
  beforeEach(() => secretsManager.secrets.clear());

  it('reads the secret through the real SDK client once, then answers from the container cache', async () => {
    secretsManager.secrets.set(ARN, JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }));
    const read = createSlackSecretReader(client);
    const before = secretsManager.calls();

    const results = await Promise.all([read(ARN), read(ARN), read(ARN)]);

    expect(results).toEqual(Array(3).fill({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }));
    expect(secretsManager.calls() - before).toBe(1);
  });

  it('does not cache a failure, so setting the secret takes effect on the next request', async () => {
    secretsManager.secrets.set(ARN, JSON.stringify({ signingSecret: '', botToken: '', unsetPlaceholder: 'x' }));
    const read = createSlackSecretReader(client);
    await expect(read(ARN)).rejects.toThrow(SlackSecretError);

    secretsManager.secrets.set(ARN, JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN }));
    await expect(read(ARN)).resolves.toEqual({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
  });

  it('passes on a missing secret as the SDK reports it', async () => {
    await expect(createSlackSecretReader(client)(ARN)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
