import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../lib/app.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** The context `cdk synth` gets from cdk.json (feature flags), so tests build the app the CLI builds. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8'),
).context;

/**
 * Builds the app as `cdk synth` would, with extra context (`stage`, `alarmEmail`, ...). Bundling is skipped
 * (`aws:cdk:bundling-stacks: []`) unless `bundle` is set: assertions on the template do not need esbuild.
 */
export function buildApp(context: Record<string, unknown> = {}, opts: { bundle?: boolean; outdir?: string } = {}) {
  return createApp({
    context: { ...CDK_JSON_CONTEXT, ...(opts.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context },
    ...(opts.outdir ? { outdir: opts.outdir } : {}),
  });
}

/** The synthesized template of the talks-bot stack (cdk-nag runs as part of synthesis). */
export function synthTemplate(context: Record<string, unknown> = {}): Template {
  return Template.fromStack(buildApp(context).stack);
}
