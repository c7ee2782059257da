import { CustomResource, Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { LogLevel } from 'aws-cdk-lib/aws-stepfunctions';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct, type IConstruct } from 'constructs';
import { DELETE_SUPERSEDED_FORMATS_EVENT, STORE_FORMAT } from '../../lambda/store/store-format.js';
import { TalksFunction } from './talks-function.js';

/**
 * The upgrade function may run this long a call. The provider framework's own functions stop at 15 minutes and
 * wait for it, so it stays under that (aws-cdk-lib custom-resources README, "Timeouts"); the rebuild begins no round
 * in the last 3 minutes (lambda/ingest/rebuild-views.ts).
 */
const UPGRADE_TIMEOUT = Duration.minutes(14);
/** How long a deploy waits for the rebuild at most: the provider framework's limit. */
const UPGRADE_TOTAL_TIMEOUT = Duration.hours(2);
/** Between one call's end and the next. */
const UPGRADE_QUERY_INTERVAL = Duration.seconds(10);
/**
 * How often the function is asked to delete the previous formats' items: it does so only a day after the format
 * was completed, and a call deletes up to 50,000 of them, so a large table's go over a few days.
 */
const DELETE_SUPERSEDED_EVERY = Duration.days(1);
/** Two vCPUs, as the ingest function: facts are extracted on a worker thread while rounds are stored. */
const UPGRADE_MEMORY_MB = 3538;

export interface StoreUpgradeProps {
  /** The table whose precomputed items are rebuilt. */
  readonly table: ITable;
  /** Applies to the function's logs and the provider's. */
  readonly removalPolicy: RemovalPolicy;
  /** Absolute path of the store-upgrade handler module. */
  readonly entry: string;
}

/**
 * Rebuilds the table's precomputed items in place when a deploy brings a new store format
 * (lambda/handlers/store-upgrade.ts): a custom resource whose one property is the store format, so CloudFormation
 * runs it on the first deploy and on every deploy that changes the format, and waits (the provider framework's
 * isComplete calls) until the new format's items hold every stored article. Make the functions that read the
 * precomputed items depend on `resource`, so they are updated only after it, and make `resource` depend on the
 * functions that write them, so every writer is already on the new format while the pass runs.
 */
export class StoreUpgrade extends Construct {
  readonly upgradeFunction: TalksFunction;
  readonly resource: CustomResource;
  /** Asks the function, daily, to delete the items of formats before this one once they are no longer read. */
  readonly deleteSupersededSchedule: Schedule;

  constructor(scope: Construct, id: string, props: StoreUpgradeProps) {
    super(scope, id);
    this.upgradeFunction = new TalksFunction(this, 'UpgradeFunction', {
      entry: props.entry,
      description: 'Rebuilds the precomputed answers from the stored articles when a deploy brings a new store format',
      timeout: UPGRADE_TIMEOUT,
      memorySize: UPGRADE_MEMORY_MB,
      logRemovalPolicy: props.removalPolicy,
    });
    this.upgradeFunction.bindTable(props.table, 'readWrite');
    this.upgradeFunction.addToRolePolicy(
      new PolicyStatement({
        // The pass finds the stored articles by scanning the table: no key lists them all, and no command scans.
        sid: 'ScanForStoredArticles',
        actions: ['dynamodb:Scan'],
        resources: [props.table.tableArn],
      }),
    );

    // The schedule's own role (LambdaInvoke would otherwise share one per stack), so that the finding below is
    // acknowledged on this role only.
    const scheduleRole = new Role(this, 'DeleteSupersededRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    });
    this.deleteSupersededSchedule = new Schedule(this, 'DeleteSuperseded', {
      schedule: ScheduleExpression.rate(DELETE_SUPERSEDED_EVERY),
      target: new LambdaInvoke(this.upgradeFunction, {
        role: scheduleRole,
        input: ScheduleTargetInput.fromObject(DELETE_SUPERSEDED_FORMATS_EVENT),
        // A failed call is tried again by the next day's: each goes on from the last checkpoint.
        retryAttempts: 0,
      }),
      description: "talks-bot: delete the previous store formats' items once the current one has been complete a day",
    });
    const upgradeFunctionId = Stack.of(this).getLogicalId(this.upgradeFunction.node.defaultChild as CfnFunction);
    const schedulePolicy = scheduleRole.node.tryFindChild('DefaultPolicy');
    if (schedulePolicy) {
      Validations.of(schedulePolicy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${upgradeFunctionId}.Arn>:*]`,
        reason: "LambdaInvoke grants the function's versions (:*) beside it; the role may invoke this function only.",
      });
    }

    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.upgradeFunction,
      isCompleteHandler: this.upgradeFunction,
      queryInterval: UPGRADE_QUERY_INTERVAL,
      totalTimeout: UPGRADE_TOTAL_TIMEOUT,
      logGroup: new LogGroup(this, 'ProviderLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: props.removalPolicy,
      }),
      // Each call of the wait, with what the upgrade function answered: how a deploy's rebuild went, call by call.
      disableWaiterStateMachineLogging: false,
      waiterStateMachineLogOptions: {
        destination: new LogGroup(this, 'WaiterLogs', {
          retention: RetentionDays.ONE_MONTH,
          removalPolicy: props.removalPolicy,
        }),
        level: LogLevel.ALL,
      },
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::StoreUpgrade',
      properties: { StoreFormat: String(STORE_FORMAT) },
    });

    // The provider framework's functions, roles and state machine are CDK's own and not configurable.
    const arnOf = (fn: IConstruct | undefined) =>
      fn ? `<${Stack.of(this).getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*` : '';
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "The CDK provider framework's own functions take AWS's basic execution role; they run only during a deploy.",
    });
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-SF2',
      reason:
        "The CDK provider framework's waiter state machine takes no tracing option; the upgrade function logs each call.",
    });
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "Step Functions' log delivery to CloudWatch Logs (logs:CreateLogDelivery and its kin) takes only Resource '*' (AWS Step Functions docs, logging IAM policy).",
    });
    for (const fn of [
      this.upgradeFunction,
      provider.node.tryFindChild('framework-isComplete'),
      provider.node.tryFindChild('framework-onTimeout'),
    ]) {
      Validations.of(provider).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${arnOf(fn)}]`,
        reason:
          "The CDK provider framework grants the invocation of a function's versions (:*) beside it; each role may invoke these functions only.",
      });
    }
  }
}
