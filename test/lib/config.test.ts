import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readStackConfig, StackConfigError } from '../../lib/config.js';
import { buildApp } from './synth-app.js';

function configFrom(context: Record<string, unknown>) {
  return readStackConfig(new App({ context }).node);
}

describe('readStackConfig', () => {
  it('defaults to the prod stage, retained data, no alarm email, no flag reviewer and 3 flags to hide a fact', () => {
    expect(configFrom({})).toEqual({
      stage: 'prod',
      removalPolicy: 'retain',
      alarmEmail: undefined,
      flagReviewers: [],
      flagThreshold: 3,
    });
  });

  it('reads flag reviewers and the flag threshold, and names what is wrong with them', () => {
    expect(configFrom({ flagReviewers: 'U012AB3CD,W045EF6GH', flagThreshold: '2' })).toMatchObject({
      flagReviewers: ['U012AB3CD', 'W045EF6GH'],
      flagThreshold: 2,
    });
    expect(() => configFrom({ flagReviewers: 'alice' })).toThrow(/Slack user ids[\s\S]*flagReviewers/);
    expect(() => configFrom({ flagThreshold: '0' })).toThrow(/flagThreshold/);
  });

  it('destroys the data of a dev stage unless told otherwise', () => {
    expect(configFrom({ stage: 'dev' }).removalPolicy).toBe('destroy');
    expect(configFrom({ stage: 'dev', removalPolicy: 'retain' }).removalPolicy).toBe('retain');
    expect(configFrom({ stage: 'staging' }).removalPolicy).toBe('retain');
  });

  it('reads an alarm email, and treats an empty one as unset', () => {
    expect(configFrom({ alarmEmail: 'ops@example.com' }).alarmEmail).toBe('ops@example.com');
    expect(configFrom({ alarmEmail: '' }).alarmEmail).toBeUndefined();
  });

  it('rejects a stage that cannot name a stack, naming the setting', () => {
    expect(() => configFrom({ stage: 'Prod Stack' })).toThrow(StackConfigError);
    expect(() => configFrom({ stage: 'Prod Stack' })).toThrow(/lowercase letters.*at stage/s);
  });

  it('rejects an unknown removal policy and a malformed email, naming each', () => {
    let error: unknown;
    try {
      configFrom({ removalPolicy: 'snapshot', alarmEmail: 'not-an-email' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StackConfigError);
    expect((error as Error).message).toMatch(/removalPolicy/);
    expect((error as Error).message).toMatch(/alarmEmail/);
  });

  it('stops the app before any stack is built when the context is invalid', () => {
    expect(() => buildApp({ stage: '-bad' })).toThrow(/Invalid CDK context for talks-bot/);
  });
});
