import { join } from 'node:path';

/**
 * Packages the Lambda bundles replace with stubs (lambda/slack/bundle-stubs/): Bolt loads them at import time
 * for receivers the functions never use, and they are ~1 MB of a 1.7 MB Slack bundle. Shared by the CDK
 * construct and the bench, so the bench measures what is deployed. test/lib/bundles.test.ts runs the
 * synthesized bundles, proving nothing on the Lambda path reaches a stub.
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@slack/socket-mode': join(import.meta.dirname, '..', 'lambda', 'slack', 'bundle-stubs', 'socket-mode.ts'),
  'raw-body': join(import.meta.dirname, '..', 'lambda', 'slack', 'bundle-stubs', 'raw-body.ts'),
};
