import { CfnResource, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp } from './synth-app.js';

/** Every acknowledgement recorded in the construct tree: rule id and reason. */
function acknowledgements(app: ReturnType<typeof buildApp>['app']): { path: string; rule: string; reason: string }[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({
          path: construct.node.path,
          rule,
          reason,
        })),
      ),
  );
}

// Each case synthesizes the whole app; the first pays for loading aws-cdk-lib, which is slow on a busy machine.
describe('cdk-nag AwsSolutions checks', { timeout: 180_000 }, () => {
  it.each([
    ['the default prod stack', {}],
    ['a dev stack with auto-deleted buckets and an alarm email', { stage: 'dev', alarmEmail: 'ops@example.com' }],
  ])('pass on %s with no unacknowledged finding, as does CloudFormation template validation', (_name, context) => {
    // The built-in CloudFormation validation runs too (validateAgainstDefaultRules makes its findings errors).
    const { app } = buildApp(context, { cloudFormationValidation: true });
    expect(() => app.synth()).not.toThrow();
    // The same rules run directly over the tree: every resource checked, nothing left unacknowledged.
    expect(new AwsSolutionsChecks().validateScope(app)).toEqual({ success: true, violations: [] });
  });

  it('acknowledge each accepted finding on the construct that causes it, with a reason', () => {
    const { app } = buildApp();
    app.synth();
    const acks = acknowledgements(app);
    expect(acks.map(({ rule }) => rule.replace(/^Annotation::/, '').replace(/\[.*$/, '')).sort()).toEqual([
      'AwsSolutions-IAM4',
      // The store upgrade's provider framework (lib/constructs/store-upgrade.ts): CDK's own roles and state machine.
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-IAM5',
      'AwsSolutions-IAM5',
      'AwsSolutions-IAM5',
      'AwsSolutions-IAM5',
      'AwsSolutions-IAM5',
      'AwsSolutions-IAM5',
      // The schedule that asks the store upgrade to delete superseded formats' items: invoke its versions too.
      'AwsSolutions-IAM5',
      'AwsSolutions-SF2',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
    for (const { path, reason } of acks) {
      expect(path).not.toBe('TalksBot-prod');
      expect(reason.length, `reason at ${path}`).toBeGreaterThan(40);
    }
  });

  it('fail synthesis when a change introduces a finding', () => {
    const { app, stack } = buildApp();
    new Bucket(stack, 'CarelessBucket');
    const role = stack.node.findAll().find((construct) => construct.node.path.endsWith('SlackFunctionRole'));
    (role as unknown as { addToPolicy(statement: PolicyStatement): void }).addToPolicy(
      new PolicyStatement({ actions: ['dynamodb:*'], resources: ['*'] }),
    );
    expect(() => app.synth()).toThrow(
      /AwsSolutions-S1[\s\S]*AwsSolutions-IAM5|AwsSolutions-IAM5[\s\S]*AwsSolutions-S1/,
    );
  });

  it('fail synthesis, through CloudFormation validation, on a template CloudFormation would reject', () => {
    const { app, stack } = buildApp({}, { cloudFormationValidation: true });
    new CfnResource(stack, 'MistypedQueue', {
      type: 'AWS::SQS::Queue',
      properties: { MessageRetentionPeriod: 'forever' },
    });
    expect(() => app.synth()).toThrow(
      /MessageRetentionPeriod: 'forever' is not of type 'integer' \(CloudFormation Validate\)/,
    );
  });
});
