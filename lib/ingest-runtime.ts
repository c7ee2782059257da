/**
 * Node options of the ingest function, after `--enable-source-maps`. A larger young generation for extraction's
 * short-lived garbage: 8% less extraction CPU at 1,000 synthetic articles (3 alternating pairs on the bundled
 * extractor) for about 75 MB more peak RSS a thread, far under the function's memory. V8 flags are process-wide, so
 * the extraction worker threads get it too. Shared by the CDK construct and the bench, so the bench's extraction and
 * ingest runs measure the flags that are deployed.
 */
export const INGEST_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=64'];
