/*
 * Stands in for @slack/oauth in the Lambda bundles (lib/bundle-aliases.ts). Bolt's HTTP and Socket Mode
 * receivers load it for OAuth installs, and it brings jsonwebtoken and semver (~85 KB, evaluated on every cold
 * start). The functions answer one workspace with its bot token through AwsLambdaReceiver, so nothing here
 * runs; if something did, it would say why.
 */
export class InstallProvider {
  constructor() {
    throw new Error('OAuth installs are not bundled in the Lambda functions: they answer one workspace with its token');
  }
}
