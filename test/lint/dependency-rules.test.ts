import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';

const CONFIG_FILE = resolve(import.meta.dirname, '../../.dependency-cruiser.mjs');

/** The rules `npm run lint` checks, loaded from the one file that states them. */
async function lintConfig(): Promise<IConfiguration> {
  return ((await import(pathToFileURL(CONFIG_FILE).href)) as { default: IConfiguration }).default;
}

let tree: string | undefined;
afterEach(async () => {
  if (tree) await rm(tree, { recursive: true, force: true });
  tree = undefined;
});

/** Writes a small source tree (path -> code) and runs the lint's rules over its lambda/ and lib/. */
async function violationsIn(files: Record<string, string>): Promise<{ rule: string; from: string; to: string }[]> {
  tree = await mkdtemp(join(tmpdir(), 'talks-layers-'));
  for (const [path, code] of Object.entries(files)) {
    await mkdir(dirname(join(tree, path)), { recursive: true });
    await writeFile(join(tree, path), code);
  }
  const config = await lintConfig();
  const { output } = await cruise(
    Object.keys(files).map((path) => path.split('/').slice(0, 2).join('/')),
    { validate: true, ruleSet: { forbidden: config.forbidden ?? [] }, baseDir: tree, tsPreCompilationDeps: true },
    { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  );
  if (typeof output === 'string') throw new Error('expected a cruise result, not a report');
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the layer rules of npm run lint', () => {
  it('accept a folder importing a lower layer', async () => {
    const violations = await violationsIn({
      'lambda/facts/fact.ts': 'export type Fact = { text: string };\n',
      'lambda/answers/answer.ts':
        "import type { Fact } from '../facts/fact.js';\nexport type Answer = { facts: Fact[] };\n",
    });
    expect(violations).toEqual([]);
  });

  it('reject the answer model importing a feature above it, even for a type', async () => {
    const violations = await violationsIn({
      'lambda/links/link-text.ts': 'export const MAX_LINKS = 5;\n',
      'lambda/answers/command.ts':
        "import { MAX_LINKS } from '../links/link-text.js';\nexport const max = MAX_LINKS;\n",
      'lambda/flags/fact-ref.ts': 'export type FactRef = { id: string };\n',
      'lambda/store/ports.ts': "import type { FactRef } from '../flags/fact-ref.js';\nexport type Ref = FactRef;\n",
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        { rule: 'layer-answers', from: 'lambda/answers/command.ts', to: 'lambda/links/link-text.ts' },
        { rule: 'layer-store', from: 'lambda/store/ports.ts', to: 'lambda/flags/fact-ref.ts' },
      ]),
    );
  });

  it('reject peers importing each other, so two features cannot form a cycle', async () => {
    const violations = await violationsIn({
      'lambda/flags/flag.ts': "import { link } from '../links/link.js';\nexport const flag = link;\n",
      'lambda/links/link.ts': 'export const link = 1;\n',
    });
    expect(violations).toEqual([{ rule: 'layer-flags', from: 'lambda/flags/flag.ts', to: 'lambda/links/link.ts' }]);
  });

  it('place timeline/ among the features: over the answers, beside flags/, under slack/', async () => {
    const violations = await violationsIn({
      'lambda/answers/answer.ts': 'export type Answer = { title: string };\n',
      'lambda/flags/flag.ts': 'export const flag = 1;\n',
      'lambda/timeline/timeline.ts':
        "import type { Answer } from '../answers/answer.js';\nimport { flag } from '../flags/flag.js';\n" +
        'export const answers: Answer[] = [];\nexport const flags = flag;\n',
      'lambda/slack/post.ts': "import { answers } from '../timeline/timeline.js';\nexport const posted = answers;\n",
    });
    expect(violations).toEqual([
      { rule: 'layer-timeline', from: 'lambda/timeline/timeline.ts', to: 'lambda/flags/flag.ts' },
    ]);
  });

  it('reject import cycles within a folder', async () => {
    const violations = await violationsIn({
      'lambda/facts/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'lambda/facts/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(violations.map((v) => v.rule)).toEqual(['no-circular']);
  });

  it('keep the AWS SDK in store/, Bolt in slack/, and the CLI out of the handlers', async () => {
    const violations = await violationsIn({
      'lambda/answers/read.ts':
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;\n",
      'lambda/handlers/app.ts':
        "import { App } from '@slack/bolt';\nimport { run } from '../cli/main.js';\nexport const a = [App, run];\n",
      'lambda/cli/main.ts': 'export const run = 1;\n',
    });
    expect(violations.map((v) => v.rule).sort()).toEqual([
      'aws-sdk-only-in-store',
      'bolt-only-in-slack',
      'layer-handlers',
    ]);
  });

  it('reject a folder that has no place in the layers', async () => {
    const violations = await violationsIn({
      'lambda/forecasts/forecast.ts': 'export const forecast = 1;\n',
      'lambda/cli/main.ts': "import { forecast } from '../forecasts/forecast.js';\nexport const f = forecast;\n",
    });
    expect(violations.map((v) => v.rule)).toEqual(['folder-in-no-layer']);
  });

  it('let the CDK app read only the constants it shares with the functions', async () => {
    const violations = await violationsIn({
      'lambda/store/table.ts': 'export const TABLE = {};\n',
      'lambda/slack/bolt.ts': 'export const app = 1;\n',
      'lib/stack.ts':
        "import { TABLE } from '../lambda/store/table.js';\nimport { app } from '../lambda/slack/bolt.js';\nexport const s = [TABLE, app];\n",
    });
    expect(violations).toEqual([
      { rule: 'cdk-shares-only-constants', from: 'lib/stack.ts', to: 'lambda/slack/bolt.ts' },
    ]);
  });
  it('reject the Slack function reaching the write side of the store, even through the modules between', async () => {
    const reader = 'export const reader = () => ({});\n';
    const readOnly = await violationsIn({
      'lambda/store/dynamo-view-reader.ts': reader,
      'lambda/handlers/slack.ts':
        "import { reader } from '../store/dynamo-view-reader.js';\nexport const r = reader;\n",
    });
    expect(readOnly).toEqual([]);
    const violations = await violationsIn({
      'lambda/store/apply-facts.ts': 'export const applyFacts = 1;\n',
      'lambda/store/dynamo-talks-store.ts':
        "import { applyFacts } from './apply-facts.js';\nexport const store = () => ({ applyFacts });\n",
      'lambda/handlers/slack.ts': "import { store } from '../store/dynamo-talks-store.js';\nexport const s = store;\n",
    });
    expect(violations.map((v) => [v.rule, v.to])).toEqual([
      ['slack-function-loads-no-write-side', 'lambda/store/apply-facts.ts'],
      ['slack-function-loads-no-write-side', 'lambda/store/dynamo-talks-store.ts'],
    ]);
  });
});
