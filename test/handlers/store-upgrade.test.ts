import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { printAnswer } from '../../lambda/cli/print-answer.js';
import { createStoreUpgradeHandler, type StoreUpgradeDeps } from '../../lambda/handlers/store-upgrade.js';
import { DELETE_SUPERSEDED_FORMATS_EVENT, STORE_FORMAT } from '../../lambda/store/store-format.js';
import { createViewsRebuild } from '../../lambda/store/store-rebuild.js';
import { StoreBusyError } from '../../lambda/store/writer-lease.js';
import { openFormat8Table } from '../ingest/format-8-table.js';
import { serverPerSuite, type TestStore } from '../store/backends.js';
import { inventedPerson, quotedWordsOf } from '../store/invented-people.js';

/*
 * The upgrade handler as the CDK provider framework calls it on a deploy: onEvent (Create, Update, Delete), then
 * isComplete with onEvent's answer merged in, again and again until it says complete.
 */

const suite = serverPerSuite();

async function format8Table(people: number[]): Promise<TestStore> {
  return suite.keep(await openFormat8Table(suite.server, people));
}

function handlerOn(t: TestStore, override: Partial<StoreUpgradeDeps> = {}) {
  const logs: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const handler = createStoreUpgradeHandler(() => ({
    store: t.store,
    rebuild: createViewsRebuild({ client: t.client, tableName: t.tableName }),
    log: (level, message, fields) => logs.push({ level, message, fields }),
    // No writer of a previous version runs beside a test.
    previousWritersMs: 0,
    ...override,
  }));
  return { handler, logs };
}

const minutesLeft = (minutes: number) => ({ getRemainingTimeInMillis: () => minutes * 60_000 });
const frameworkEvent = (RequestType: 'Create' | 'Update' | 'Delete', format = STORE_FORMAT) => ({
  RequestType,
  ResourceType: 'Custom::StoreUpgrade',
  LogicalResourceId: 'StoreUpgrade',
  RequestId: 'request-1',
  StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/TalksBot-prod/x',
  ResourceProperties: { ServiceToken: 'arn', StoreFormat: String(format) },
  ...(RequestType === 'Create' ? {} : { PhysicalResourceId: 'store-format' }),
});

describe('the store upgrade handler', () => {
  it('begins a pass on a deploy and completes it over the framework calls that follow', async () => {
    // Prepare
    const t = await format8Table([0, 1, 2]);
    const { handler, logs } = handlerOn(t);

    // Act: onEvent, then isComplete with its answer merged in, as the framework calls them.
    const onEvent = await handler(frameworkEvent('Update'), minutesLeft(10));
    const isComplete = await handler({ ...frameworkEvent('Update'), ...onEvent }, minutesLeft(10));

    // Assess
    expect(onEvent).toEqual({ PhysicalResourceId: 'store-format', UpgradeStep: 'rebuild' });
    expect(isComplete).toEqual({ IsComplete: true, Data: { StoreFormat: String(STORE_FORMAT) } });
    expect(logs.find((l) => l.message === 'Store format upgraded')?.fields).toMatchObject({
      storeFormat: STORE_FORMAT,
      articlesDone: 3,
      articlesApplied: 3,
    });
    for (const n of [0, 1, 2]) {
      expect(await printAnswer(`who ${inventedPerson(n).fullName}`, t.store)).toContain(quotedWordsOf(n));
    }
  });

  it('answers "not complete" while too little time is left, and completes on a later call', async () => {
    const t = await format8Table([0, 1]);
    const { handler } = handlerOn(t);
    const onEvent = await handler(frameworkEvent('Create'), minutesLeft(10));

    const tooShort = await handler({ ...frameworkEvent('Create'), ...onEvent }, minutesLeft(1));
    const later = await handler({ ...frameworkEvent('Create'), ...onEvent }, minutesLeft(10));

    expect(tooShort).toEqual({ IsComplete: false });
    expect(later).toMatchObject({ IsComplete: true });
  });

  it('waits for the next call when the store is busy, and fails the deploy on anything else', async () => {
    const t = await format8Table([0]);
    const rebuild = createViewsRebuild({ client: t.client, tableName: t.tableName });
    const busy = handlerOn(t, {
      rebuild: {
        ...rebuild,
        articlesToRebuild: async () => {
          throw new StoreBusyError('another writer held the store');
        },
      },
    });
    const broken = handlerOn(t, {
      rebuild: {
        ...rebuild,
        articlesToRebuild: async () => {
          throw new TypeError('a bug');
        },
      },
    });
    const onEvent = await busy.handler(frameworkEvent('Update'), minutesLeft(10));

    expect(await busy.handler({ ...frameworkEvent('Update'), ...onEvent }, minutesLeft(10))).toEqual({
      IsComplete: false,
    });
    expect(busy.logs.map((l) => l.level)).toContain('warn');
    await expect(broken.handler({ ...frameworkEvent('Update'), ...onEvent }, minutesLeft(10))).rejects.toThrow('a bug');
    expect(await rebuild.status()).toMatchObject({ complete: false, running: false });
  });

  it.each([
    ['the stack or the resource is deleted', frameworkEvent('Delete')],
    ["a rollback returns to the previous format's properties", frameworkEvent('Update', STORE_FORMAT - 1)],
  ])('leaves the table alone when %s', async (_case, event) => {
    const t = await format8Table([0]);
    const { handler } = handlerOn(t);

    const onEvent = await handler(event, minutesLeft(10));
    const isComplete = await handler({ ...event, ...onEvent }, minutesLeft(10));

    expect(onEvent).toEqual({ PhysicalResourceId: 'store-format', UpgradeStep: 'none' });
    expect(isComplete).toEqual({ IsComplete: true });
    expect(await createViewsRebuild({ client: t.client, tableName: t.tableName }).status()).toMatchObject({
      format: null,
      complete: false,
      articlesDone: 0,
    });
  });

  it("deletes the previous format's items on the schedule's call, only once the new format has been complete a day", async () => {
    // Prepare: a deploy's upgrade, completed on day 0, then the schedule's calls on day 0 and day 1.
    const t = await format8Table([0, 1]);
    let now = Date.UTC(2026, 11, 1);
    const { handler, logs } = handlerOn(t, {
      rebuild: createViewsRebuild({ client: t.client, tableName: t.tableName, now: () => now }),
    });
    const onEvent = await handler(frameworkEvent('Update'), minutesLeft(10));
    await handler({ ...frameworkEvent('Update'), ...onEvent }, minutesLeft(10));
    const format8Summary = () =>
      t.client.send(
        new GetItemCommand({ TableName: t.tableName, Key: { pk: { S: 'VIEW#SUMMARY' }, sk: { S: 'VIEW' } } }),
      );
    expect((await format8Summary()).Item).toBeDefined();
    const answer = await printAnswer('summary', t.store);

    // Act
    const sameDay = await handler(DELETE_SUPERSEDED_FORMATS_EVENT, minutesLeft(14));
    now += 24 * 60 * 60_000;
    const nextDay = await handler(DELETE_SUPERSEDED_FORMATS_EVENT, minutesLeft(14));

    // Assess
    expect(sameDay).toEqual({ state: 'waiting', deleted: 0, changed: 0 });
    expect(nextDay).toMatchObject({ state: 'done', changed: 0 });
    expect((nextDay as { deleted: number }).deleted).toBeGreaterThan(5);
    expect((await format8Summary()).Item).toBeUndefined();
    expect(await printAnswer('summary', t.store)).toBe(answer);
    expect(logs.at(-1)).toMatchObject({ message: 'Superseded store formats', fields: { state: 'done' } });
  });
});
