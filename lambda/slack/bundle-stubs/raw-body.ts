/*
 * Stands in for raw-body in the Lambda bundles (lib/bundle-aliases.ts). Bolt's HTTP and Express receivers read
 * request bodies with it, and it brings iconv-lite (~0.5 MB); AwsLambdaReceiver gets the body in the Lambda
 * event, so nothing here runs; if something did, it would say why.
 */
export default function rawBody(): never {
  throw new Error('raw-body is not bundled in the Lambda functions: AwsLambdaReceiver reads the body from the event');
}
