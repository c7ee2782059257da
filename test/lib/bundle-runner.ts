import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './synth-app.js';

const run = promisify(execFile);

type Resource = { Type: string; Properties: Record<string, unknown> };
interface CloudTemplate {
  Resources: Record<string, Resource>;
}

/** A function as synthesized: its bundle on disk and its environment as the template declares it. */
export interface SynthesizedFunction {
  logicalId: string;
  /** The asset folder CDK uploads as the function's code. */
  assetDir: string;
  /** The bundled handler module (`index.mjs`). */
  bundle: string;
  environment: Record<string, unknown>;
}

/**
 * Finds a function's code in a cloud assembly the way `cdk deploy` does: the template's S3 key names the asset
 * hash, and the asset manifest maps the hash to the folder that is zipped and uploaded.
 */
export function synthesizedFunction(outdir: string, stackName: string, description: RegExp): SynthesizedFunction {
  const template = JSON.parse(readFileSync(path.join(outdir, `${stackName}.template.json`), 'utf8')) as CloudTemplate;
  const assets = JSON.parse(readFileSync(path.join(outdir, `${stackName}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string; packaging: string } }>;
  };
  const matches = Object.entries(template.Resources).filter(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && description.test(String(r.Properties.Description)),
  );
  if (matches.length !== 1) throw new Error(`expected one function described ${description}, found ${matches.length}`);
  const [logicalId, fn] = matches[0] as [string, Resource];
  const s3Key = (fn.Properties.Code as { S3Key: string }).S3Key;
  const asset = assets.files[s3Key.replace(/\.zip$/, '')];
  if (asset?.source.packaging !== 'zip') throw new Error(`no zip asset for ${s3Key}`);
  const assetDir = path.join(outdir, asset.source.path);
  const handler = String(fn.Properties.Handler);
  return {
    logicalId,
    assetDir,
    bundle: path.join(assetDir, `${handler.split('.')[0]}.mjs`),
    environment: (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
  };
}

/**
 * Makes `@aws-sdk/*` importable from an assembly folder, as the Lambda Node runtime does, and nothing else:
 * a bundle that wrongly left another package external fails here as it would on Lambda.
 */
export function provideRuntimeSdk(outdir: string): void {
  mkdirSync(path.join(outdir, 'node_modules'), { recursive: true });
  symlinkSync(
    path.join(PROJECT_ROOT, 'node_modules', '@aws-sdk'),
    path.join(outdir, 'node_modules', '@aws-sdk'),
    'dir',
  );
}

/**
 * Imports a bundle in a fresh Node process and invokes its `handler(event, context)` once, as the Lambda runtime
 * would: only the environment given, no tsx, no test runner. Returns the handler's result and what it logged.
 */
export async function invokeBundle(
  bundle: string,
  event: unknown,
  env: Record<string, string>,
): Promise<{ result: unknown; logs: string; importMs: number; invokeMs: number }> {
  const script = `
    import { pathToFileURL } from 'node:url';
    const [bundle, event] = process.argv.slice(1);
    const start = performance.now();
    const { handler } = await import(pathToFileURL(bundle).href);
    const imported = performance.now();
    const context = {
      functionName: 'bundle-test', functionVersion: '$LATEST', awsRequestId: 'bundle-test-request',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bundle-test', memoryLimitInMB: '1024',
      callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 6000,
    };
    const result = await handler(JSON.parse(event), context);
    const line = JSON.stringify({ result: result ?? null, importMs: imported - start, invokeMs: performance.now() - imported });
    process.stdout.write(line + '\\n', () => process.exit(0));
  `;
  const { stdout, stderr } = await run(
    process.execPath,
    ['--input-type=module', '-e', script, bundle, JSON.stringify(event)],
    { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  const { result, importMs, invokeMs } = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  return { result, logs: stderr + stdout, importMs, invokeMs };
}
