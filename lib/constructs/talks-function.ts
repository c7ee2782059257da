import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLE_ALIASES, LAMBDA_BUNDLE_SUPPORTED } from '../bundle-aliases.js';

/** How a function may use the table; each mode grants exactly the DynamoDB actions listed for it. */
export type TableAccess = 'read' | 'readWrite';

/*
 * Explicit action lists instead of grantReadData/grantReadWriteData: those also grant Scan and stream reads,
 * which no function here needs (commands read precomputed items by key, ingest reads and writes by key).
 */
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: TABLE_READ_ACTIONS,
  readWrite: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
};

export interface TalksFunctionProps {
  /** Absolute path of the TypeScript handler module; it must export `handler`. */
  readonly entry: string;
  /** Shown in the Lambda console: what the function does. */
  readonly description: string;
  /**
   * More memory also buys proportionally more CPU, which is what shortens cold starts.
   * @default 1024
   */
  readonly memorySize?: number;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default RemovalPolicy.RETAIN */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default - none: the function scales with its load */
  readonly reservedConcurrentExecutions?: number;
  /**
   * The least level the function's Powertools Logger writes (POWERTOOLS_LOG_LEVEL): change it without a code change.
   * @default 'INFO'
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * AWS SDK packages left out of the bundle and taken from the Lambda runtime's SDK: only for a client that a
   * rare path loads with `import()`, where the runtime's unbundled copy costs that path alone.
   * @default - none: the whole SDK is bundled (see the bundling options)
   */
  readonly sdkFromRuntime?: readonly string[];
  /**
   * Node options added after `--enable-source-maps` (NODE_OPTIONS), such as a V8 heap flag for a CPU-bound function.
   * @default - none
   */
  readonly nodeOptions?: readonly string[];
}

/**
 * A Lambda function with the defaults every talks-bot function shares: Node 24 on arm64, an esbuild bundle
 * (local esbuild, never Docker) minified with source maps, JSON logs kept for a bounded time.
 */
export class TalksFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TalksFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    // An own role instead of the default AWSLambdaBasicExecutionRole, which may write to every log group in the
    // account: this one may only write to the function's log group (granted below).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    super(scope, id, {
      role,
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      // The newest Node runtime aws-cdk-lib offers; the code also runs on Node 20, where tests run it.
      runtime: Runtime.NODEJS_24_X,
      // Graviton: cheaper per GB-second and as fast for this workload.
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(30),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        // NodejsFunction writes the source maps but does not turn them on: stack traces should name .ts lines.
        NODE_OPTIONS: ['--enable-source-maps', ...(props.nodeOptions ?? [])].join(' '),
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        // Stack traces map back to file and line; the sources themselves would only double the upload.
        sourcesContent: false,
        // Bolt and its dependencies are CommonJS and call require() for Node built-ins, which ESM output lacks.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        // ESM entry points first, so zod/mini and other dual packages tree-shake.
        mainFields: ['module', 'main'],
        // The SDK is bundled, not taken from the runtime: loaded unbundled from the runtime's node_modules,
        // the DynamoDB and Secrets Manager clients cost the Slack function ~250 ms of cold start (npm run bench);
        // bundled and tree-shaken they cost a fraction, and the version is the one the tests ran. A client only a
        // rare path loads is the exception (`sdkFromRuntime`).
        externalModules: [...(props.sdkFromRuntime ?? [])],
        // Stubs for what Bolt loads but the Lambda path never runs: ~1 MB less to parse on a cold start. Regex
        // literals with Unicode property escapes kept as literals, compiled once, not rebuilt at each call.
        esbuildArgs: Object.fromEntries([
          ...Object.entries(LAMBDA_BUNDLE_ALIASES).map(([name, stub]) => [`--alias:${name}`, stub]),
          ...Object.entries(LAMBDA_BUNDLE_SUPPORTED).map(([feature, on]) => [`--supported:${feature}`, String(on)]),
        ]),
      },
    });
    logGroup.grantWrite(this);
  }

  /** Gives the function the table: its name in `TABLE_NAME` and exactly the actions of `access`, nothing more. */
  bindTable(table: ITable, access: TableAccess): void {
    this.addEnvironment('TABLE_NAME', table.tableName);
    table.grant(this, ...TABLE_ACTIONS[access]);
  }

  /**
   * Lets the function use the objects under one key prefix of a bucket: exactly `actions`, on `prefix*` only
   * (explicit actions rather than bucket.grantRead/grantPut, which grant wildcards such as s3:GetObject*).
   * S3 object actions need an object ARN pattern, which cdk-nag's IAM5 flags; it is acknowledged for this prefix.
   */
  grantObjectsUnder(bucket: Bucket, prefix: string, sid: string, actions: string[]): void {
    this.addToRolePolicy(new PolicyStatement({ sid, actions, resources: [bucket.arnForObjects(`${prefix}*`)] }));
    const policy = this.role?.node.tryFindChild('DefaultPolicy');
    if (!policy) return;
    const bucketId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnBucket);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
      reason: `S3 object actions need an object ARN pattern; this one covers only keys under ${prefix} and names each action.`,
    });
  }
}
