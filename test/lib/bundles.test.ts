import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedCommandEvent } from '../../bench/slack-request.js';
import type { IngestOutcome } from '../../lambda/handlers/ingest.js';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { createDynamoTalksStore } from '../../lambda/store/dynamo-talks-store.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import { ensureTable } from '../../lambda/store/table.js';
import { type S3StandIn, startS3StandIn } from '../handlers/ingest-s3-stand-in.js';
import { uploadsEvent } from '../handlers/upload-events.js';
import { type SecretsManagerStandIn, startSecretsManagerStandIn } from '../store/secrets-manager-stand-in.js';
import { invokeBundle, provideRuntimeSdk, type SynthesizedFunction, synthesizedFunction } from './bundle-runner.js';
import { buildApp, PROJECT_ROOT } from './synth-app.js';

/*
 * The deployed artifact works: synthesize the app with bundling, exactly as `cdk deploy` would, take each
 * function's bundle from the cloud assembly, and run it in a plain Node process against the embedded DynamoDB
 * and local stand-ins for S3 and Secrets Manager, reached through the real SDK clients via the SDK's own
 * endpoint variables (AWS_ENDPOINT_URL_<SERVICE>), so the handlers run their production code paths.
 */

const SEED_DIR = path.join(PROJECT_ROOT, 'data/articles');
const TABLE = 'talks-bundle-test';
const BUCKET = 'talks-bundle-test-articles';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:talks-slack-BunDle';
const LINK_WORKER = 'talks-bundle-test-link-worker';

/** Lambda's Invoke API, as far as `add` uses it: takes an asynchronous invocation (202) and keeps its payload. */
async function startLambdaStandIn(): Promise<{
  endpoint: string;
  invocations: { path: string; type: string; payload: unknown }[];
  close(): Promise<void>;
}> {
  const invocations: { path: string; type: string; payload: unknown }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    invocations.push({
      path: req.url ?? '',
      type: String(req.headers['x-amz-invocation-type'] ?? ''),
      payload: JSON.parse(Buffer.concat(chunks).toString('utf8')),
    });
    res.writeHead(202).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    invocations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('synthesized Lambda bundles', { timeout: 120_000 }, () => {
  let outdir: string;
  let stackName: string;
  let dynamo: { endpoint: string; close(): Promise<void> };
  let s3: S3StandIn;
  let secretsManager: SecretsManagerStandIn;
  let lambda: Awaited<ReturnType<typeof startLambdaStandIn>>;

  beforeAll(async () => {
    // Outside the project, so that no node_modules above the bundles resolves what Lambda would not have.
    outdir = mkdtempSync(path.join(tmpdir(), 'talks-bundle-test-'));
    const { app, stack } = buildApp({}, { bundle: true, outdir });
    app.synth();
    stackName = stack.stackName;
    provideRuntimeSdk(outdir);
    dynamo = await startEmbeddedDynamo();
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    await ensureTable(client, TABLE);
    client.destroy();
    s3 = await startS3StandIn();
    secretsManager = await startSecretsManagerStandIn();
    lambda = await startLambdaStandIn();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([dynamo?.close(), s3?.close(), secretsManager?.close(), lambda?.close()]);
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  /** The function's environment from the template, with references resolved to the local stand-ins. */
  function localEnvironment(fn: SynthesizedFunction): Record<string, string> {
    const env: Record<string, string> = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bundle-test',
      AWS_SECRET_ACCESS_KEY: 'bundle-test',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: lambda.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    for (const [name, value] of Object.entries(fn.environment)) {
      if (typeof value === 'string') env[name] = value;
      else if (name === 'TABLE_NAME') env[name] = TABLE;
      else if (name === 'SLACK_SECRET_ARN') env[name] = SECRET_ARN;
      else if (name === 'LINK_WORKER_FUNCTION') env[name] = LINK_WORKER;
      else throw new Error(`the test does not know how to provide ${name} = ${JSON.stringify(value)}`);
    }
    return env;
  }

  /** The outcome the ingest bundle logged ("Ingest finished"), from its Powertools JSON log records. */
  function loggedOutcome(logs: string): Pick<IngestOutcome, 'ingested' | 'rejected' | 'skipped' | 'failed'> {
    const record = logs
      .split('\n')
      .filter((text) => text.startsWith('{"level"'))
      .map((text) => JSON.parse(text))
      .find((r) => r.message === 'Ingest finished');
    if (!record) throw new Error(`the ingest bundle logged no outcome:\n${logs}`);
    const { ingested, rejected, skipped, failed } = record;
    return { ingested, rejected, skipped, failed };
  }

  describe('ingest function', () => {
    it('ingests a seed article from a queued S3 notification, reading it through the S3 client, into DynamoDB', async () => {
      // Prepare
      const fn = synthesizedFunction(outdir, stackName, /^Ingests articles/);
      const file = '003_dcca02cc661e344e.txt';
      s3.put(BUCKET, 'articles/sources.json', readFileSync(path.join(SEED_DIR, 'sources.json')));
      s3.put(BUCKET, `articles/${file}`, readFileSync(path.join(SEED_DIR, file)));

      // Act
      const { result, logs } = await invokeBundle(
        fn.bundle,
        uploadsEvent(BUCKET, [{ key: `articles/${file}`, size: statSync(path.join(SEED_DIR, file)).size }]),
        localEnvironment(fn),
      );

      // Assess
      expect(result, logs).toEqual({ batchItemFailures: [] });
      expect(loggedOutcome(logs)).toEqual({ ingested: [`articles/${file}`], rejected: [], skipped: [], failed: [] });
      expect(s3.requests).toContain(`GET ${BUCKET}/articles/${file}`);
      const client = createDynamoClient({ endpoint: dynamo.endpoint });
      const { total, sources } = await createDynamoTalksStore({ client, tableName: TABLE }).listSources(10);
      client.destroy();
      expect(total).toBe(1);
      expect(sources[0]).toMatchObject({ outlet: 'CBS News', files: [`articles/${file}`] });
    });

    it('moves a rejected upload to rejected/ and logs the reason', async () => {
      const fn = synthesizedFunction(outdir, stackName, /^Ingests articles/);
      s3.put(BUCKET, 'articles/blank.txt', '   \n');

      const { result, logs } = await invokeBundle(
        fn.bundle,
        uploadsEvent(BUCKET, [{ key: 'articles/blank.txt', size: 4 }]),
        localEnvironment(fn),
      );

      expect(result, logs).toEqual({ batchItemFailures: [] });
      expect(loggedOutcome(logs)).toMatchObject({
        rejected: [{ key: 'articles/blank.txt', movedTo: 'rejected/articles/blank.txt' }],
      });
      expect(s3.get(BUCKET, 'rejected/articles/blank.txt')).toBeDefined();
      expect(logs).toMatch(/Rejected an uploaded file.*only whitespace/);
    });
  });

  describe('Slack function', () => {
    /** Written for this test; the secret reaches the bundle only through the Secrets Manager stand-in. */
    const SIGNING_SECRET = 'bundle-test-signing-secret-5d8e1f';

    beforeAll(async () => {
      secretsManager.secrets.set(
        SECRET_ARN,
        JSON.stringify({ signingSecret: SIGNING_SECRET, botToken: 'xoxb-0-0-bundle' }),
      );
      // The whole seed corpus, ingested by the deployed ingest bundle as one batch of queued upload notifications.
      const ingest = synthesizedFunction(outdir, stackName, /^Ingests articles/);
      const files = readdirSync(SEED_DIR).filter((name) => name.endsWith('.txt'));
      s3.put(BUCKET, 'articles/sources.json', readFileSync(path.join(SEED_DIR, 'sources.json')));
      for (const name of files) s3.put(BUCKET, `articles/${name}`, readFileSync(path.join(SEED_DIR, name)));
      const records = files.map((name) => ({
        key: `articles/${name}`,
        size: statSync(path.join(SEED_DIR, name)).size,
      }));
      const { result, logs } = await invokeBundle(
        ingest.bundle,
        uploadsEvent(BUCKET, records),
        localEnvironment(ingest),
      );
      expect(result, logs).toEqual({ batchItemFailures: [] });
      expect(loggedOutcome(logs).ingested).toHaveLength(files.length);
    }, 180_000);

    async function ask(text: string, signingSecret = SIGNING_SECRET) {
      const fn = synthesizedFunction(outdir, stackName, /^Answers \/talks/);
      const { result, logs } = await invokeBundle(
        fn.bundle,
        signedCommandEvent(text, { signingSecret }),
        localEnvironment(fn),
      );
      return { response: result as { statusCode: number; body: string }, logs };
    }

    it("leaves out what only Bolt's unused receivers need: the Slack bundle is under 1 MB", () => {
      const fn = synthesizedFunction(outdir, stackName, /^Answers \/talks/);
      const code = readFileSync(fn.bundle, 'utf8');

      // undici (Socket Mode) and iconv-lite (raw-body) are ~1 MB together; the stubs say why they are absent.
      expect(statSync(fn.bundle).size).toBeLessThan(1_000_000);
      expect(code).toContain('Socket Mode is not bundled in the Lambda functions');
      // OAuth (jsonwebtoken, semver) is stubbed too; the Lambda client comes from the runtime, on the first `add`.
      expect(code).toContain('OAuth installs are not bundled in the Lambda functions');
      expect(code).toMatch(/import\(["']@aws-sdk\/client-lambda["']\)/);
    });

    it('keeps regex literals with Unicode property escapes in the ingest bundle, so none is rebuilt at each call', () => {
      const fn = synthesizedFunction(outdir, stackName, /^Ingests articles/);
      const code = readFileSync(fn.bundle, 'utf8');

      // Without `--supported:regexp-unicode-property-escapes=true` esbuild writes each `/^\p{Ll}+ed$/u` of the sources
      // as a `RegExp("^\\p{Ll}+ed$","u")` call.
      expect(code).not.toMatch(/RegExp\("[^"]*\\\\p\{L/);
    });

    it('answers a Slack-signed "/talks sources" with the outlets of the ingested articles', async () => {
      const { response, logs } = await ask('sources');

      expect(response.statusCode, logs).toBe(200);
      // Outlets as sources.json names them: metadata, not extraction, so the expected values are independent.
      for (const outlet of ['The Moscow Times', 'CBS News', 'Antiwar.com']) expect(response.body).toContain(outlet);
      expect(logs).not.toContain(SIGNING_SECRET);
    });

    it('answers "/talks who medinsky" with Vladimir Medinsky\'s statements, cited', async () => {
      const { response, logs } = await ask('who medinsky');

      expect(response.statusCode, logs).toBe(200);
      // The lowercase surname resolves to the full name as the articles write it; citations name outlets.
      expect(response.body).toContain('Vladimir Medinsky');
      expect(response.body).toMatch(/The Moscow Times|CBS News|Antiwar\.com/);
    });

    it('hands /talks add to the link worker as an asynchronous invocation, and acknowledges at once', async () => {
      const { response, logs } = await ask('add https://news.example/story');

      expect(response.statusCode, logs).toBe(200);
      expect(response.body).toContain('Reading 1 link');
      expect(lambda.invocations).toEqual([
        {
          path: `/2015-03-31/functions/${LINK_WORKER}/invocations`,
          type: 'Event',
          payload: expect.objectContaining({ links: ['https://news.example/story'], userId: 'U0TEST' }),
        },
      ]);
    });

    it('refuses a request signed with another secret', async () => {
      const { response, logs } = await ask('sources', 'not-the-signing-secret');

      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('CBS News');
      expect(logs).not.toContain(SIGNING_SECRET);
    });
  });
});
