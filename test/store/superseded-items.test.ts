import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { printAnswer } from '../../lambda/cli/print-answer.js';
import { rebuildViews } from '../../lambda/ingest/rebuild-views.js';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import type { Item } from '../../lambda/store/items.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { STORE_FORMAT } from '../../lambda/store/store-format.js';
import { createViewsRebuild } from '../../lambda/store/store-rebuild.js';
import {
  type CleanUpOptions,
  cleanUpSupersededItems,
  formatOfKey,
  isSupersededKey,
} from '../../lambda/store/superseded-items.js';
import { allItems, openFormat8Table } from '../ingest/format-8-table.js';
import { backends, serverPerSuite, type TestStore } from './backends.js';
import { inventedPerson } from './invented-people.js';

/*
 * After a rebuild, the previous format's precomputed items stay for the previous version; once the new format has
 * been complete for a grace period they are deleted (lambda/store/superseded-items.ts): only they, conditionally,
 * a bounded number a call, from a checkpoint.
 */

const DAY = 24 * 60 * 60_000;
const COMPLETED_AT = Date.UTC(2026, 11, 1);
const keyOf = (item: Item) => `${item.pk?.S ?? ''} ${item.sk?.S ?? ''}`;
const COMMANDS = ['summary', 'who', 'guarantors', 'sources', ...[0, 2].map((n) => `who ${inventedPerson(n).fullName}`)];
const answersOf = (store: TalksStore) => Promise.all(COMMANDS.map((c) => printAnswer(c, store)));

describe('which keys a format supersedes', () => {
  it('names the format of precomputed keys, before and after the prefix, and none for shared items', () => {
    expect(formatOfKey(`F${STORE_FORMAT}#VIEW#SUMMARY`, 'VIEW')).toBe(STORE_FORMAT);
    expect(formatOfKey('F12#SPEAKER#varga.i', 'STATEMENT#1')).toBe(12);
    expect(formatOfKey('ARTICLE#a1', `F${STORE_FORMAT}#INDEXED`)).toBe(STORE_FORMAT);
    for (const [pk, sk] of [
      ['VIEW#SUMMARY', 'VIEW'],
      ['SPEAKER#varga.i', 'WORDINGS'],
      ['TOPIC#crimea', 'POSITION#1'],
      ['NAME#varga', 'NAMES'],
      ['TIMELINE#guarantors', 'VIEW'],
      ['NEWS', 'DAY#2026-03-01'],
      ['ROUND#r1', 'INDEXED'],
      ['ARTICLE#a1', 'INDEXED'],
    ])
      expect(formatOfKey(pk as string, sk as string)).toBe(8);
    for (const [pk, sk] of [
      ['ARTICLE#a1', 'META'],
      ['ARTICLE#a1', 'BODY#00000'],
      ['NEARDUP#r03-1f3a9c0d', 'NEARDUP'],
      ['FLAGS', 'INDEX'],
      ['FLAGS', 'FACT#statement:1'],
      ['LEASE#WRITER', 'LEASE'],
      ['STORE', 'FORMAT'],
    ])
      expect(formatOfKey(pk as string, sk as string)).toBeNull();
  });

  it('supersedes only formats before this one: never this format, a later one, or a shared item', () => {
    expect(isSupersededKey('VIEW#SUMMARY', 'VIEW')).toBe(true);
    expect(isSupersededKey(`F${STORE_FORMAT}#VIEW#SUMMARY`, 'VIEW')).toBe(false);
    expect(isSupersededKey(`F${STORE_FORMAT + 1}#VIEW#SUMMARY`, 'VIEW')).toBe(false);
    expect(isSupersededKey('ARTICLE#a1', 'META')).toBe(false);
  });
});

describe.each(backends)('deleting a superseded format on $name', (backend) => {
  const suite = serverPerSuite(backend);

  /** A format-8 table rebuilt to this format, its completion recorded at COMPLETED_AT. */
  async function rebuiltTable(): Promise<TestStore> {
    const t = suite.keep(await openFormat8Table(suite.server, [0, 1, 2]));
    const rebuild = createViewsRebuild({ client: t.client, tableName: t.tableName, now: () => COMPLETED_AT });
    expect((await rebuildViews(t.store, rebuild, { remainingMs: () => 10 * 60_000 })).state).toBe('complete');
    return t;
  }

  const options = (t: TestStore, at: number, client: DynamoDBClient = t.client): CleanUpOptions => ({
    client,
    tableName: t.tableName,
    owner: 'test-clean-up',
    graceMs: DAY,
    maxDeletes: 10_000,
    remainingMs: () => 10 * 60_000,
    reserveMs: 60_000,
    holdMs: 5 * 60_000,
    now: () => at,
  });

  const superseded = (items: Item[]) => items.filter((i) => isSupersededKey(i.pk?.S ?? '', i.sk?.S ?? ''));

  it('waits out the grace period, then deletes every superseded item and nothing else; again, it does nothing', async () => {
    // Prepare
    const t = await rebuiltTable();
    const before = await allItems(t.client, t.tableName);
    const answers = await answersOf(t.store);
    expect(superseded(before).length).toBeGreaterThan(15);

    // Act: within the grace period, then after it, then once more.
    const early = await cleanUpSupersededItems(options(t, COMPLETED_AT + DAY - 1));
    const afterEarly = await allItems(t.client, t.tableName);
    const done = await cleanUpSupersededItems(options(t, COMPLETED_AT + DAY));
    const again = await cleanUpSupersededItems(options(t, COMPLETED_AT + 2 * DAY));

    // Assess: nothing before its time; then exactly the superseded items, every other item as it was.
    expect(early).toEqual({ state: 'waiting', deleted: 0, changed: 0 });
    expect(afterEarly.length).toBe(before.length);
    expect(done).toEqual({ state: 'done', deleted: superseded(before).length, changed: 0 });
    const after = await allItems(t.client, t.tableName);
    const kept = (items: Item[]) =>
      items.filter((i) => !isSupersededKey(i.pk?.S ?? '', i.sk?.S ?? '') && keyOf(i) !== 'STORE FORMAT');
    expect(after.filter((i) => keyOf(i) !== 'STORE FORMAT')).toEqual(kept(before));
    expect(await answersOf(t.store)).toEqual(answers);
    expect(again).toEqual({ state: 'done', deleted: 0, changed: 0 });
  });

  it('deletes nothing while this format is not complete', async () => {
    const t = suite.keep(await openFormat8Table(suite.server, [0]));
    const before = superseded(await allItems(t.client, t.tableName));
    expect(before.length).toBeGreaterThan(5);
    expect(await cleanUpSupersededItems(options(t, COMPLETED_AT + 30 * DAY))).toEqual({
      state: 'not-complete',
      deleted: 0,
      changed: 0,
    });
    await createViewsRebuild({ client: t.client, tableName: t.tableName }).begin(0);
    expect((await cleanUpSupersededItems(options(t, COMPLETED_AT + 30 * DAY))).state).toBe('not-complete');
    expect(superseded(await allItems(t.client, t.tableName))).toEqual(before);
  });

  it('deletes at most its bound a call, going on from its checkpoint until none is left', async () => {
    // Prepare
    const t = await rebuiltTable();
    const total = superseded(await allItems(t.client, t.tableName)).length;

    // Act
    const calls = [];
    for (let call = 0; call < 100; call += 1) {
      const result = await cleanUpSupersededItems({ ...options(t, COMPLETED_AT + DAY), maxDeletes: 7 });
      calls.push(result);
      if (result.state === 'done') break;
    }

    // Assess
    expect(calls.every((c) => c.deleted <= 7)).toBe(true);
    expect(calls.at(-1)?.state).toBe('done');
    expect(calls.slice(0, -1).every((c) => c.state === 'continuing' && c.deleted === 7)).toBe(true);
    expect(calls.reduce((sum, c) => sum + c.deleted, 0)).toBe(total);
    expect(superseded(await allItems(t.client, t.tableName))).toEqual([]);
  });

  it('leaves an item rewritten after the scan read it, and never deletes a current-format item', async () => {
    // Prepare: a client that, at the first two deletes, rewrites the item first (a writer racing the clean-up), then
    // aims the delete at this format's summary instead, with its payload as read (a selection gone wrong).
    const t = await rebuiltTable();
    const current = (await allItems(t.client, t.tableName)).find(
      (i) => keyOf(i) === `F${STORE_FORMAT}#VIEW#SUMMARY VIEW`,
    );
    expect(current?.payload).toBeDefined();
    const client = createDynamoClient({ endpoint: t.endpoint });
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let deletes = 0;
    let rewritten = '';
    // Failure injection: the race and the wrong key cannot be made to happen on demand otherwise.
    client.send = (async (command: unknown) => {
      if (command instanceof DeleteItemCommand) {
        deletes += 1;
        const key = command.input.Key as Item;
        if (deletes === 1) {
          rewritten = `${key.pk?.S} ${key.sk?.S}`;
          await send(
            new PutItemCommand({ TableName: t.tableName, Item: { ...key, payload: { B: Buffer.from('x') } } }),
          );
        }
        if (deletes === 2) {
          command.input.Key = { pk: { S: `F${STORE_FORMAT}#VIEW#SUMMARY` }, sk: { S: 'VIEW' } };
          command.input.ExpressionAttributeValues = {
            ...command.input.ExpressionAttributeValues,
            ':payload': current?.payload ?? { B: Buffer.from('') },
          };
        }
      }
      return send(command);
    }) as DynamoDBClient['send'];
    const summary = await t.store.getSummary();

    // Act
    const result = await cleanUpSupersededItems(options(t, COMPLETED_AT + DAY, client));

    // Assess
    expect(result.changed).toBe(2);
    const left = (await allItems(t.client, t.tableName)).map(keyOf);
    expect(left).toContain(rewritten);
    expect(await t.store.getSummary()).toEqual(summary);
    client.destroy();
  });
});
