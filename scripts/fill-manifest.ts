import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/*
 * Fills the Slack app manifest with the deployed stack's request URL, so installing the app is a paste:
 *   npm run deploy                                   # writes cdk-outputs.json (cdk.json: outputsFile)
 *   node --import tsx scripts/fill-manifest.ts       # writes slack/manifest.filled.json
 * Options: --outputs <cdk-outputs.json> --manifest <slack/manifest.json> --stack <TalksBot-prod> --out <file|->
 */

/** `cdk deploy --outputs-file` JSON: outputs by stack name. */
const CdkOutputsSchema = z.record(z.string(), z.record(z.string(), z.string()));

/** The output the stack publishes the Slack request URL under (lib/talks-stack.ts). */
export const REQUEST_URL_OUTPUT = 'SlackRequestUrl';
/** The output a stack with a channel digest has (lib/talks-stack.ts): the app then needs `chat:write`. */
export const DIGEST_CHANNEL_OUTPUT = 'DigestChannel';
/** The scope `chat.postMessage` needs; asked for only when the digest is on. */
export const DIGEST_SCOPE = 'chat:write';

export class FillManifestError extends Error {
  override name = 'FillManifestError';
}

/** The Slack request URL from `cdk deploy` outputs: of the named stack, or of the only stack that has one. */
export function requestUrlFromOutputs(outputsJson: string, stack?: string): string {
  const parsed = CdkOutputsSchema.safeParse(JSON.parse(outputsJson));
  if (!parsed.success) throw new FillManifestError(`Not a cdk outputs file:\n${z.prettifyError(parsed.error)}`);
  const candidates = Object.entries(parsed.data).filter(
    ([name, outputs]) => (stack === undefined || name === stack) && outputs[REQUEST_URL_OUTPUT] !== undefined,
  );
  if (candidates.length !== 1) {
    const found = candidates.map(([name]) => name).join(', ') || 'none';
    throw new FillManifestError(
      `Expected one stack with a ${REQUEST_URL_OUTPUT} output${stack ? ` named ${stack}` : ''}, found: ${found}` +
        (candidates.length > 1 ? ' (choose one with --stack)' : ' (run npm run deploy first)'),
    );
  }
  const url = z.url({ protocol: /^https$/ }).safeParse(candidates[0]?.[1][REQUEST_URL_OUTPUT]);
  if (!url.success) throw new FillManifestError(`${REQUEST_URL_OUTPUT} is not an https URL`);
  return url.data;
}

/** Whether the stack that has the request URL (as `requestUrlFromOutputs` picks it) posts a channel digest. */
export function digestInOutputs(outputsJson: string, stack?: string): boolean {
  const outputs = CdkOutputsSchema.parse(JSON.parse(outputsJson));
  return Object.entries(outputs).some(
    ([name, values]) =>
      (stack === undefined || name === stack) &&
      values[REQUEST_URL_OUTPUT] !== undefined &&
      values[DIGEST_CHANNEL_OUTPUT] !== undefined,
  );
}

/** Adds `chat:write` to a JSON manifest's bot scopes (once): what posting the digest needs. */
export function withDigestScope(manifestJson: string): string {
  const ManifestScopesSchema = z.looseObject({
    oauth_config: z.looseObject({ scopes: z.looseObject({ bot: z.array(z.string()) }) }),
  });
  const manifest = ManifestScopesSchema.parse(JSON.parse(manifestJson));
  const bot = manifest.oauth_config.scopes.bot;
  if (!bot.includes(DIGEST_SCOPE)) bot.push(DIGEST_SCOPE);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Sets every request URL of a Slack app manifest (slash commands' `url`, `request_url` of interactivity and
 * event subscriptions) to `url`. YAML is edited line by line so its comments and layout survive; in Slack
 * manifests only request URLs use these two keys (OAuth uses `redirect_urls`).
 */
export function fillManifest(manifest: string, format: 'yaml' | 'json', url: string): string {
  let replaced = 0;
  let filled: string;
  if (format === 'json') {
    filled = `${JSON.stringify(
      JSON.parse(manifest, function (key, value) {
        if ((key === 'url' || key === 'request_url') && typeof value === 'string' && !Array.isArray(this)) {
          replaced += 1;
          return url;
        }
        return value;
      }),
      null,
      2,
    )}\n`;
  } else {
    filled = manifest.replace(
      /^(\s*(?:-\s+)?(?:url|request_url):\s*)(["']?)[^\s"'#]*\2(\s*(?:#.*)?)$/gm,
      (_m, key, _q, rest) => {
        replaced += 1;
        return `${key}${url}${rest}`;
      },
    );
  }
  if (replaced === 0) throw new FillManifestError('The manifest has no url or request_url to fill');
  return filled;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      outputs: { type: 'string', default: 'cdk-outputs.json' },
      manifest: { type: 'string' },
      stack: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const manifestPath =
    values.manifest ?? ['slack/manifest.json', 'slack/manifest.yml', 'slack/manifest.yaml'].find((p) => existsSync(p));
  if (!manifestPath) throw new FillManifestError('No manifest found: pass --manifest <file>');
  if (!existsSync(values.outputs)) {
    throw new FillManifestError(
      `${values.outputs} not found: run npm run deploy first (it writes the stack outputs there)`,
    );
  }
  const format = manifestPath.endsWith('.json') ? 'json' : 'yaml';
  const url = requestUrlFromOutputs(readFileSync(values.outputs, 'utf8'), values.stack);
  const outputs = readFileSync(values.outputs, 'utf8');
  const withUrl = fillManifest(readFileSync(manifestPath, 'utf8'), format, url);
  const digest = digestInOutputs(outputs, values.stack);
  if (digest && format !== 'json') {
    throw new FillManifestError(`The stack posts a digest: add ${DIGEST_SCOPE} to the bot scopes of ${manifestPath}`);
  }
  const filled = digest ? withDigestScope(withUrl) : withUrl;
  const { dir, name, ext } = path.parse(manifestPath);
  const out = values.out ?? path.join(dir, `${name}.filled${ext}`);
  if (out === '-') process.stdout.write(filled);
  else {
    writeFileSync(out, filled);
    process.stderr.write(
      `Wrote ${out} with request URL ${url}: paste it at https://api.slack.com/apps → Create New App → From a manifest\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`fill-manifest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
