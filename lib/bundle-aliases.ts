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
  '@slack/oauth': join(import.meta.dirname, '..', 'lambda', 'slack', 'bundle-stubs', 'oauth.ts'),
};

/**
 * AWS SDK packages the Slack function takes from the Lambda runtime (which ships SDK v3) instead of its bundle,
 * because only a rare path loads them, with `import()`: the Lambda client, on the first `/talks add`; the
 * credential providers other than the environment's (shared config files, SSO, web identity, a container's
 * endpoint, and the STS/SSO clients they bring), which the SDK loads only when the environment holds no
 * credentials, as it always does on Lambda. Bundled they were ~220 KB of ~770 KB, parsed on every cold start.
 * Shared by the CDK construct and the bench; test/lib/bundles.test.ts runs `add` through the synthesized bundle
 * with only the runtime's SDK beside it.
 */
export const SLACK_SDK_FROM_RUNTIME: readonly string[] = [
  '@aws-sdk/client-lambda',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
];

/**
 * What esbuild is told the runtime supports beyond its own table for the target. Its table does not vouch for
 * Unicode property escapes on any Node version (their data grows with each Unicode release), so it rewrote every
 * `/\p{L}/u` literal as `new RegExp("\\p{L}", "u")`, built again at each call: about 300,000 regex objects per 1,000
 * articles extracted. Node has had them since version 10, and extraction asks only for general categories
 * (`\p{L}`, `\p{Lu}`, `\p{M}` …), never a property newer than Node 20's Unicode. Shared by the CDK construct and the bench.
 */
export const LAMBDA_BUNDLE_SUPPORTED: Readonly<Record<string, boolean>> = {
  'regexp-unicode-property-escapes': true,
};
