import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { NEWS_PARTITION } from '../../lambda/store/keys.js';
import { buildApp, synthTemplate } from './synth-app.js';

/*
 * The digest is off by default: only a configured channel brings its schedule and function, and the function
 * may only query the NEWS partition, read the flags' items and read the Slack secret.
 */

interface Widget {
  type: string;
  properties: { title?: string; metrics?: unknown[][]; alarms?: string[] };
}

/** The dashboard's widgets, each reference to a resource written `ref:<logical id>`. */
function dashboardWidgets(template: Template): Widget[] {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as {
    Properties: { DashboardBody: { 'Fn::Join': [string, (string | { Ref?: string; 'Fn::GetAtt'?: string[] })[]] } };
  }[];
  const parts = dashboard?.Properties.DashboardBody['Fn::Join'][1] ?? [];
  const body = parts
    .map((part) => (typeof part === 'string' ? part : `ref:${part.Ref ?? part['Fn::GetAtt']?.[0] ?? ''}`))
    .join('');
  return (JSON.parse(body) as { widgets: Widget[] }).widgets;
}

describe('the channel digest in the stack', () => {
  it('is absent without a digest channel: no schedule, no digest function', () => {
    const template = synthTemplate();
    // The one schedule left is the store upgrade's daily deletion of superseded formats (talks-stack.test.ts).
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 day)' });
    expect(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('^Posts what was first reported') },
      }),
    ).toEqual({});
    expect(Object.keys(template.findOutputs('DigestChannel'))).toEqual([]);
  });

  it('schedules the digest function every period when a channel is configured', () => {
    const template = synthTemplate({
      digestChannel: 'C0123DIGEST',
      digestPeriodDays: '7',
      flagReviewers: 'U012AB3CD',
      flagThreshold: '2',
    });
    template.resourceCountIs('AWS::Scheduler::Schedule', 2);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(7 days)',
      State: 'ENABLED',
      Target: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DigestDigestFunction'), 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Posts what was first reported in the last 7 day'),
      Environment: {
        // The flag policy the Slack function hides facts under, so the digest hides the same ones.
        Variables: Match.objectLike({
          DIGEST_CHANNEL: 'C0123DIGEST',
          DIGEST_PERIOD_DAYS: '7',
          FLAG_REVIEWERS: 'U012AB3CD',
          FLAG_THRESHOLD: '2',
        }),
      },
    });
    template.hasOutput('DigestChannel', { Value: 'C0123DIGEST' });
  });

  it('lets the digest function query the NEWS partition, read the flags and read the secret, nothing else', () => {
    const template = synthTemplate({ digestChannel: 'C0123DIGEST' });
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DigestDigestFunctionRole') }] },
    });
    const statements = Object.values(policies).flatMap(
      (p) =>
        (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Condition?: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((s) => s.Action).sort();
    expect(actions).toEqual([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:GetSecretValue',
    ]);
    expect(statements.find((s) => s.Action === 'dynamodb:Query')?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [NEWS_PARTITION] },
    });
    // Flags hide facts in the digest too: it reads the flag index, and writes no flag.
    expect(statements.find((s) => s.Action === 'dynamodb:GetItem')?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['FLAGS'] },
    });
    // The scheduler's role may invoke the digest function only.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'lambda:InvokeFunction',
            Resource: Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('^DigestDigestFunction'), 'Arn'] }]),
          }),
        ]),
      },
    });
  });

  it('alarms on a failed digest and shows its runs on the dashboard, like the other functions', () => {
    const digestFunction = { Ref: Match.stringLikeRegexp('^DigestDigestFunction[0-9A-F]+$') };
    const without = synthTemplate();
    const template = synthTemplate({ digestChannel: 'C0123DIGEST' });

    template.resourceCountIs(
      'AWS::CloudWatch::Alarm',
      Object.keys(without.findResources('AWS::CloudWatch::Alarm')).length + 1,
    );
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: digestFunction }],
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
    const digestName = Object.keys(template.findResources('AWS::Lambda::Function')).find((id) =>
      id.startsWith('DigestDigestFunction'),
    );
    const runs = dashboardWidgets(template).find((w) => w.properties.title === 'Digest runs');
    expect(runs?.properties.metrics?.map((m) => m.slice(0, 4))).toEqual(
      ['Invocations', 'Errors', 'Duration'].map((name) => ['AWS/Lambda', name, 'FunctionName', `ref:${digestName}`]),
    );
    const alarmStatus = dashboardWidgets(template).find((w) => w.type === 'alarm');
    expect(alarmStatus?.properties.alarms).toContainEqual(expect.stringMatching(/^ref:AlarmsDigestErrors/));
    expect(dashboardWidgets(without).some((w) => w.properties.title === 'Digest runs')).toBe(false);
  });

  it('passes cdk-nag with the digest on', () => {
    expect(() => buildApp({ digestChannel: 'C0123DIGEST' }).app.synth()).not.toThrow();
  });

  it('rejects a channel name in place of its id', () => {
    expect(() => buildApp({ digestChannel: '#talks' })).toThrow(/use the channel id/u);
  });
});
