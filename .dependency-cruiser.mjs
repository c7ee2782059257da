/*
 * The layers of lambda/, as rules that `npm run lint` checks (README, Architecture). Bottom-up, as data flows:
 * a folder imports only folders of lower layers, never one above it nor a peer of its own layer, so no two
 * folders can import each other in a circle. test/lint/dependency-rules.test.ts shows the rules bite on a bad import.
 */

/** Each entry is one layer, lowest first; folders in one entry are peers that do not import each other. */
export const LAYERS = [
  ['shared', 'observability'], // small utilities; logs and metrics
  ['articles'], // file or S3 object -> Article
  ['facts'], // Article -> statements, guarantors, positions; the fact and view schemas
  ['views'], // pure: rank, bound and merge the precomputed answers
  ['store'], // the only code that speaks to AWS: DynamoDB, S3, Secrets Manager, Lambda; the store's ports
  ['ingest', 'answers'], // the write pipeline; the read side: command grammar -> answer model
  ['links', 'flags', 'timeline'], // features: built on the answer model, handing their answers to the delivery layers
  ['slack'], // delivery: the only code that imports Bolt; Block Kit
  ['cli', 'handlers'], // entry points: the terminal and npm start; the Lambda functions
];

const folders = (names) => `^lambda/(${names.join('|')})/`;

/** One rule a folder: it may not import its peers or anything above. */
const layerRules = LAYERS.flatMap((layer, level) =>
  layer.map((folder) => {
    const above = [...LAYERS.slice(level + 1).flat(), ...layer.filter((peer) => peer !== folder)];
    return {
      name: `layer-${folder}`,
      comment: `lambda/${folder}/ is in layer ${level}: it imports only lower layers (not ${above.join(', ')}).`,
      severity: 'error',
      from: { path: folders([folder]) },
      to: { path: above.length ? folders(above) : '^$' },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    {
      name: 'folder-in-no-layer',
      comment: 'Every folder of lambda/ has a place in LAYERS (.dependency-cruiser.mjs) before anything imports it.',
      severity: 'error',
      from: {},
      to: { path: '^lambda/', pathNot: folders(LAYERS.flat()) },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, within a folder or across folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'aws-sdk-only-in-store',
      comment: 'Only lambda/store/ speaks to AWS; the rest uses its ports.',
      severity: 'error',
      from: { path: '^lambda/', pathNot: '^lambda/store/' },
      to: { path: '^@aws-sdk/|node_modules/@aws-sdk/' },
    },
    {
      name: 'bolt-only-in-slack',
      comment: 'Only lambda/slack/ imports Bolt and the Slack SDKs.',
      severity: 'error',
      from: { path: '^lambda/', pathNot: '^lambda/slack/' },
      to: { path: '^@slack/|node_modules/@slack/' },
    },
    {
      name: 'powertools-only-in-observability',
      comment:
        'Logs and metrics go through lambda/observability/, so the CDK app can share its names without Powertools.',
      severity: 'error',
      from: { path: '^lambda/', pathNot: '^lambda/observability/' },
      to: { path: 'node_modules/@aws-lambda-powertools/' },
    },
    {
      name: 'slack-function-loads-no-write-side',
      comment:
        'The Slack function only reads the views (store/dynamo-view-reader.ts): code that stores articles or ' +
        'rewrites views would be loaded and compiled on every cold start and never run.',
      severity: 'error',
      from: { path: '^lambda/handlers/slack[.]ts$' },
      to: {
        path: '^lambda/(ingest/|store/(dynamo-talks-store|apply-facts|store-articles|writer-lease)[.]ts$)',
        reachable: true,
      },
    },
    {
      name: 'lambda-imports-no-tooling',
      comment: 'The runtime code imports neither the CDK app nor tests, bench or scripts.',
      severity: 'error',
      from: { path: '^lambda/' },
      to: { path: '^(lib|test|bench|scripts)/|node_modules/(aws-cdk-lib|constructs|aws-cdk|vitest|esbuild)/' },
    },
    {
      name: 'cdk-shares-only-constants',
      comment:
        'lib/ reads from lambda/ only the names both sides must agree on (table design and key names, metric names ' +
        'and their dimensions); the handlers reach the CDK app as entry files for esbuild, not as imports.',
      severity: 'error',
      from: { path: '^lib/' },
      to: {
        path: '^lambda/',
        pathNot:
          '^lambda/(store/table|store/keys|store/store-format|observability/metric-names|answers/command|answers/link-text|links/link-refusals)[.]ts$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type from a higher layer is a design that runs upward.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
