import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serveOptions } from '../../lambda/cli/serve.js';
import { SlackConfigError, slackCredentialsSource } from '../../lambda/slack/slack-config.js';

describe('slackCredentialsSource', () => {
  it('reads the secret from Secrets Manager when SLACK_SECRET_ARN is set, as on AWS', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:talks-slack-AbCdEf';
    expect(slackCredentialsSource({ SLACK_SECRET_ARN: arn, SLACK_SIGNING_SECRET: 'local' })).toEqual({
      kind: 'secrets-manager',
      secretArn: arn,
    });
  });

  it("reads Bolt's usual variables locally, the bot token being optional", () => {
    expect(slackCredentialsSource({ SLACK_SIGNING_SECRET: 's3cret' })).toEqual({
      kind: 'environment',
      signingSecret: 's3cret',
    });
    expect(slackCredentialsSource({ SLACK_SIGNING_SECRET: 's3cret', SLACK_BOT_TOKEN: 'xoxb-1' })).toMatchObject({
      botToken: 'xoxb-1',
    });
  });

  it('names what to set, and never echoes a value, when the configuration is unusable', () => {
    expect(() => slackCredentialsSource({})).toThrow(SlackConfigError);
    expect(() => slackCredentialsSource({})).toThrow(/SLACK_SIGNING_SECRET/);
    const badToken = 'not-a-token-but-a-secret-value';
    expect(() => slackCredentialsSource({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: badToken })).toThrow(
      /SLACK_BOT_TOKEN/,
    );
    try {
      slackCredentialsSource({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: badToken });
    } catch (error) {
      expect(String(error)).not.toContain(badToken);
    }
  });
});

describe('serveOptions', () => {
  it('serves on 127.0.0.1:3000 by default, PORT and HOST override', () => {
    expect(serveOptions({ SLACK_SIGNING_SECRET: 's' })).toEqual({ port: 3000, host: '127.0.0.1', signingSecret: 's' });
    expect(serveOptions({ SLACK_SIGNING_SECRET: 's', PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
    });
    expect(() => serveOptions({ SLACK_SIGNING_SECRET: 's', PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => serveOptions({ SLACK_SIGNING_SECRET: 's', PORT: '99999' })).toThrow(/PORT must be a port number/);
  });

  it('needs the signing secret even where an AWS secret ARN is set', () => {
    expect(() => serveOptions({ SLACK_SECRET_ARN: 'arn:aws:secretsmanager:x' })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('makes `npm start` exit with a clear error when SLACK_SIGNING_SECRET is missing', async () => {
    const env = { ...process.env, SLACK_SIGNING_SECRET: '', SLACK_SECRET_ARN: '' };
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'lambda/cli/serve.ts'], { env });
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/SLACK_SIGNING_SECRET/);
  });
});
