/*
 * Stands in for @slack/socket-mode in the Lambda bundles (lib/bundle-aliases.ts). Bolt's App module loads its
 * Socket Mode receiver whichever receiver an app uses, and that client pulls in undici (~0.5 MB of the bundle,
 * parsed on every cold start). The functions only use AwsLambdaReceiver, so nothing here runs; if something
 * did, it would say why instead of failing obscurely.
 */
export class SocketModeClient {
  constructor() {
    throw new Error('Socket Mode is not bundled in the Lambda functions: they receive Slack through AwsLambdaReceiver');
  }
}
