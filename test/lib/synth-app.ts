import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../lib/app.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Run esbuild as `cdk synth` does. @default false: assertions on the template do not need the bundles */
  bundle?: boolean;
  /**
   * Run aws-cdk-lib's built-in CloudFormation template validation, as `cdk synth` does. It is most of a synth's
   * time (a WASM rules engine), so only the test that is about it turns it on. @default false
   */
  cloudFormationValidation?: boolean;
  outdir?: string;
}

/**
 * Builds the app as `cdk synth` would (cdk.json's feature flags and cdk-nag included), with extra context
 * (`stage`, `alarmEmail`, ...).
 */
export function buildApp(context: Record<string, unknown> = {}, opts: BuildOptions = {}) {
  return createApp({
    context: { ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context },
    builtinCloudFormationValidation: opts.cloudFormationValidation ?? false,
    ...(opts.outdir ? { outdir: opts.outdir } : {}),
  });
}

/** The synthesized template of the talks-bot stack (cdk-nag runs as part of synthesis). */
export function synthTemplate(context: Record<string, unknown> = {}): Template {
  return Template.fromStack(buildApp(context).stack);
}
