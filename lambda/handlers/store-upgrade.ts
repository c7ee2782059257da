import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { nearDuplicateDetector } from '../articles/fingerprint.js';
import { defaultFactExtraction, type FactExtraction, workersFailedLogger } from '../ingest/fact-extraction.js';
import { type RebuildProgress, rebuildViews } from '../ingest/rebuild-views.js';
import { METRICS, SERVICES } from '../observability/metric-names.js';
import { createTelemetry, type Metrics, MetricUnit, type Telemetry } from '../observability/telemetry.js';
import { StoreReadError, StoreWriteError } from '../store/batch.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import type { SupersededDeletion, TalksStore, ViewsRebuild } from '../store/ports.js';
import { DELETE_SUPERSEDED_FORMATS_EVENT, STORE_FORMAT } from '../store/store-format.js';
import { createViewsRebuild, RebuildClaimLostError } from '../store/store-rebuild.js';
import { DeletionClaimLostError } from '../store/superseded-items.js';
import { StoreBusyError, WriterLeaseLostError } from '../store/writer-lease.js';

/*
 * The store-format upgrade of a deployed table, as a CloudFormation custom resource (lib/constructs/store-upgrade.ts,
 * the CDK provider framework). On every deploy, `onEvent` (Create, Update) begins a pass over the stored articles;
 * the framework then calls again every few seconds (`isComplete`), and each call rebuilds for as long as the
 * invocation allows, until this format's items hold every article. The Slack function depends on the resource, so
 * CloudFormation updates it only after that: the old version answers from the old format's items meanwhile, and the
 * new one never reads a half-built format. Both calls come to this one handler: the framework passes what `onEvent`
 * returned on to `isComplete`, and `UpgradeStep` in it tells them apart.
 */

const CustomResourceEventSchema = z.object({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  PhysicalResourceId: z.optional(z.string()),
  /** The template's properties: the store format the deploy brings (lib/constructs/store-upgrade.ts). */
  ResourceProperties: z.optional(z.object({ StoreFormat: z.optional(z.string()) })),
  /** Set by `onEvent`'s answer, so present only in `isComplete`'s calls: what is left to wait for. */
  UpgradeStep: z.optional(z.enum(['rebuild', 'none'])),
});

/**
 * The daily schedule's call (lib/constructs/store-upgrade.ts): delete the precomputed items of the formats before
 * this one, once it has been complete for a grace period (lambda/store/superseded-items.ts).
 */
const DeleteSupersededEventSchema = z.object({ task: z.literal(DELETE_SUPERSEDED_FORMATS_EVENT.task) });

/** The one physical id of the resource: a deploy updates it, never replaces it. */
export const STORE_UPGRADE_RESOURCE_ID = 'store-format';

export interface OnEventResponse {
  PhysicalResourceId: string;
  UpgradeStep: 'rebuild' | 'none';
}

export interface IsCompleteResponse {
  IsComplete: boolean;
  Data?: { StoreFormat: string };
}

export interface StoreUpgradeDeps {
  store: TalksStore;
  rebuild: ViewsRebuild;
  log: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
  /** @default - none */
  metrics?: Metrics;
  /** @default the ingest thread */
  extraction?: FactExtraction;
  /** How long a pass waits for writers of the previous version to finish. @default PREVIOUS_WRITERS_MS */
  previousWritersMs?: number;
}

/**
 * The longest a writer of the previous version may still run once its code is replaced: the ingest function's
 * timeout (5 minutes, lib/constructs/article-ingestion.ts; the link worker's is 90 s), and a minute's margin.
 */
const PREVIOUS_WRITERS_MS = 6 * 60_000;

/**
 * A pass that meets these waits for the framework's next call instead of failing the deploy: another writer held
 * the store, a throttle outlasted the retries, or a deploy began the pass again under it.
 */
const TRANSIENT = [
  StoreBusyError,
  WriterLeaseLostError,
  RebuildClaimLostError,
  DeletionClaimLostError,
  StoreWriteError,
  StoreReadError,
];
const isTransient = (error: unknown) =>
  TRANSIENT.some((kind) => error instanceof kind) ||
  (error instanceof Error && /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded/.test(error.name));

function publish(metrics: Metrics | undefined, progress: RebuildProgress, ms: number): void {
  if (!metrics) return;
  metrics.addMetric(METRICS.rebuildArticlesApplied, MetricUnit.Count, progress.articlesApplied);
  metrics.addMetric(METRICS.rebuildArticlesDone, MetricUnit.Count, progress.articlesDone);
  metrics.addMetric(METRICS.rebuildComplete, MetricUnit.Count, progress.state === 'complete' ? 1 : 0);
  metrics.addMetric(METRICS.rebuildTime, MetricUnit.Milliseconds, ms);
  metrics.publishStoredMetrics();
}

/** The daily clean-up's call: what it deleted, and whether it paused (its errors are the function's own metric). */
function publishDeletion(metrics: Metrics | undefined, deleted: number, paused: boolean): void {
  if (!metrics) return;
  metrics.addMetric(METRICS.supersededItemsDeleted, MetricUnit.Count, deleted);
  metrics.addMetric(METRICS.supersededDeletionPaused, MetricUnit.Count, paused ? 1 : 0);
  metrics.publishStoredMetrics();
}

/** Builds the handler from its dependencies; `deps` is called once, on the first event. */
export function createStoreUpgradeHandler(
  deps: () => StoreUpgradeDeps,
): (
  event: unknown,
  context: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<OnEventResponse | IsCompleteResponse | SupersededDeletion> {
  let resolved: StoreUpgradeDeps | undefined;
  return async (event, context) => {
    resolved ??= deps();
    const { store, rebuild, log, metrics, extraction } = resolved;
    if (DeleteSupersededEventSchema.safeParse(event).success) {
      const start = performance.now();
      try {
        const result = await rebuild.deleteSuperseded(randomUUID(), () => context.getRemainingTimeInMillis());
        const ms = Math.round(performance.now() - start);
        log('info', 'Superseded store formats', { storeFormat: STORE_FORMAT, ...result, ms });
        publishDeletion(metrics, result.deleted, false);
        return result;
      } catch (error) {
        if (!isTransient(error)) throw error;
        log('warn', 'Deleting superseded store formats paused; the next call goes on from its checkpoint', {
          error: String(error),
        });
        publishDeletion(metrics, 0, true);
        return { state: 'busy', deleted: 0, changed: 0 };
      }
    }
    const parsed = CustomResourceEventSchema.parse(event);

    if (parsed.UpgradeStep === undefined) {
      // onEvent. Deleting the stack (or this resource) leaves the table as it is, and so does the update a rollback
      // sends with the previous format's properties: the previous code it rolls back to reads its own items.
      const asked = parsed.ResourceProperties?.StoreFormat;
      if (parsed.RequestType === 'Delete' || (asked !== undefined && asked !== String(STORE_FORMAT))) {
        log('info', 'Store rebuild not needed', { requestType: parsed.RequestType, askedFormat: asked });
        return { PhysicalResourceId: STORE_UPGRADE_RESOURCE_ID, UpgradeStep: 'none' };
      }
      await rebuild.begin(resolved.previousWritersMs ?? PREVIOUS_WRITERS_MS);
      log('info', 'Store rebuild begun', { storeFormat: STORE_FORMAT, requestType: parsed.RequestType });
      return { PhysicalResourceId: STORE_UPGRADE_RESOURCE_ID, UpgradeStep: 'rebuild' };
    }

    // isComplete.
    if (parsed.UpgradeStep === 'none') return { IsComplete: true };
    const start = performance.now();
    try {
      const progress = await rebuildViews(store, rebuild, {
        remainingMs: () => context.getRemainingTimeInMillis(),
        ...(extraction ? { extraction } : {}),
        onRound: (p) =>
          log('info', 'Store rebuild round', { articlesDone: p.articlesDone, articlesApplied: p.articlesApplied }),
      });
      const ms = performance.now() - start;
      for (const skipped of progress.skipped) log('warn', 'An article could not be rebuilt', skipped);
      log('info', progress.state === 'complete' ? 'Store format upgraded' : 'Store rebuild continues', {
        storeFormat: STORE_FORMAT,
        state: progress.state,
        articlesDone: progress.articlesDone,
        articlesApplied: progress.articlesApplied,
        articlesSkipped: progress.skipped.length,
        ms: Math.round(ms),
      });
      publish(metrics, progress, ms);
      return progress.state === 'complete'
        ? { IsComplete: true, Data: { StoreFormat: String(STORE_FORMAT) } }
        : { IsComplete: false };
    } catch (error) {
      if (!isTransient(error)) throw error;
      log('warn', 'Store rebuild paused; the next call goes on from its checkpoint', { error: String(error) });
      return { IsComplete: false };
    }
  };
}

function productionDeps({ logger, metrics }: Telemetry): StoreUpgradeDeps {
  const { tableName, endpoint, region } = storeConfig();
  const client = createDynamoClient({ endpoint, region });
  return {
    // As the ingest function's store (lambda/handlers/ingest.ts): the rebuilt format merges as ingest does.
    store: createDynamoTalksStore({ client, tableName, nearDuplicates: nearDuplicateDetector }),
    rebuild: createViewsRebuild({ client, tableName }),
    log: (level, message, fields) => logger[level](message, fields),
    metrics,
    extraction: defaultFactExtraction({ onWorkersFailed: workersFailedLogger(logger) }),
  };
}

const telemetry = createTelemetry(SERVICES.storeUpgrade);
const upgrade = createStoreUpgradeHandler(() => productionDeps(telemetry));

/** The Lambda entry point: the provider framework's onEvent and isComplete handler. */
export async function handler(
  event: unknown,
  context: Context,
): Promise<OnEventResponse | IsCompleteResponse | SupersededDeletion> {
  telemetry.logger.addContext(context);
  return upgrade(event, context);
}
