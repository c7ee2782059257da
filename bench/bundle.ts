import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { LAMBDA_BUNDLE_ALIASES, LAMBDA_BUNDLE_SUPPORTED } from '../lib/bundle-aliases.js';

/** Where bundles go: under node_modules, so bench scripts bundled with external packages still resolve them. */
export const bundleRoot = join(import.meta.dirname, '..', 'node_modules', '.cache', 'talks-bench');

export interface LambdaBundle {
  name: string;
  entry: string;
  file: string;
  /** Size of the minified code, without its source map (what Lambda loads). */
  bytes: number;
}

/** What every bench bundle shares: one ESM file for Node. */
const bundleFor = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
});

/**
 * Bundles a Lambda entry the way lib/constructs/talks-function.ts has NodejsFunction bundle it:
 * minified ESM for Node 24 with the createRequire banner, module-first main fields, the AWS SDK
 * bundled too, the same stubs and supported syntax (lib/bundle-aliases.ts). Keep the two in step: if the construct's bundling
 * changes, change it here.
 */
export async function bundleLambda(
  name: string,
  entry: string,
  /** The floor is plain Bolt, as the issue defines it: no stubs. `sdkFromRuntime` as the function's construct has it. */
  opts: {
    floor?: boolean;
    sdkFromRuntime?: readonly string[];
    /** Constants replaced at build time: a bench entry's `import.meta.dirname`, which would be the bundle's folder. */
    define?: Record<string, string>;
    /** The stubs, when another checkout's are to be used (bench/cold-start.ts --against). @default this one's */
    aliases?: Readonly<Record<string, string>>;
  } = {},
): Promise<LambdaBundle> {
  const file = join(bundleRoot, name, 'index.mjs');
  await build({
    ...bundleFor(entry, file),
    target: 'node24',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    ...(opts.floor
      ? {}
      : { alias: { ...(opts.aliases ?? LAMBDA_BUNDLE_ALIASES) }, supported: { ...LAMBDA_BUNDLE_SUPPORTED } }),
    external: [...(opts.sdkFromRuntime ?? [])],
    define: opts.define ?? {},
    logLevel: 'silent',
  });
  return { name, entry, file, bytes: (await stat(file)).size };
}

/** Bundles a bench script (not a Lambda) to plain JS, so child processes start without tsx. */
export async function bundleScript(name: string, entry: string): Promise<string> {
  const file = join(bundleRoot, name, 'index.mjs');
  await build({
    ...bundleFor(entry, file),
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return file;
}
