import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKey } from '../../lambda/store/items.js';
import { keys } from '../../lambda/store/keys.js';
import { createWriterLease, StoreBusyError, WriterLeaseLostError } from '../../lambda/store/writer-lease.js';
import { dynaliteBackend, openStoreOn, type RunningServer, type TestStore } from './backends.js';

let server: RunningServer;
let table: TestStore;
beforeAll(async () => {
  server = await dynaliteBackend.start();
});
afterAll(async () => {
  await table?.close();
  await server.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lease left in the table by a writer that stopped, expiring `inMs` from now. */
async function leaseLeftBehind(t: TestStore, inMs: number) {
  await t.client.send(
    new PutItemCommand({
      TableName: t.tableName,
      Item: { ...toKey(keys.writerLease()), owner: { S: 'gone' }, expiresAt: { N: String(Date.now() + inMs) } },
    }),
  );
}

describe('writer lease', () => {
  it('lets rounds of different clients take turns, never two at once', async () => {
    table = await openStoreOn(server);
    const leases = Array.from({ length: 6 }, () =>
      createWriterLease({ client: table.client, tableName: table.tableName }),
    );
    let inside = 0;
    let most = 0;
    const finished: number[] = [];

    await Promise.all(
      leases.flatMap((lease, i) =>
        [0, 1].map((j) =>
          lease.hold(async () => {
            inside += 1;
            most = Math.max(most, inside);
            await pause(5);
            inside -= 1;
            finished.push(i * 2 + j);
          }),
        ),
      ),
    );

    expect(most).toBe(1);
    expect(finished).toHaveLength(12);
  });

  it('takes over a lease its holder left behind once it expires', async () => {
    const t = await openStoreOn(server);
    await leaseLeftBehind(t, 50);
    const lease = createWriterLease({ client: t.client, tableName: t.tableName, waitMs: 5_000 });

    await expect(lease.hold(async () => 'written')).resolves.toBe('written');
    await t.close();
  });

  it('gives up with a busy error, running nothing, when the lease stays taken past the wait', async () => {
    const t = await openStoreOn(server);
    await leaseLeftBehind(t, 60_000);
    const lease = createWriterLease({ client: t.client, tableName: t.tableName, waitMs: 100 });
    let ran = false;

    await expect(
      lease.hold(async () => {
        ran = true;
      }),
    ).rejects.toThrow(StoreBusyError);
    expect(ran).toBe(false);
    await t.close();
  });

  it('stops a round before it writes once another writer took its expired lease over', async () => {
    const t = await openStoreOn(server);
    const lease = createWriterLease({ client: t.client, tableName: t.tableName, leaseMs: 60 });

    const round = lease.hold(async (confirmHeld) => {
      // The lease expired and another writer took it: the renewal that confirms it is refused.
      await t.client.send(new DeleteItemCommand({ TableName: t.tableName, Key: toKey(keys.writerLease()) }));
      await leaseLeftBehind(t, 60_000);
      await confirmHeld();
    });

    await expect(round).rejects.toThrow(WriterLeaseLostError);
    await t.close();
  });

  it('leaves no renewal in flight once a round is over', async () => {
    const t = await openStoreOn(server);
    const send = t.client.send.bind(t.client);
    let inFlight = 0;
    // Failure injection: a slow network, so a background renewal is still on the wire when the round ends.
    t.client.send = (async (command: Parameters<typeof send>[0]) => {
      inFlight += 1;
      try {
        if (command instanceof UpdateItemCommand) await pause(80);
        return await send(command);
      } finally {
        inFlight -= 1;
      }
    }) as typeof t.client.send;
    const lease = createWriterLease({ client: t.client, tableName: t.tableName, leaseMs: 60 });

    await lease.hold(() => pause(40));

    expect(inFlight).toBe(0);
    await t.close();
  });

  it('lets a round whose lease expired unnoticed write when nobody took it', async () => {
    const t = await openStoreOn(server);
    const lease = createWriterLease({ client: t.client, tableName: t.tableName, leaseMs: 60 });

    const round = lease.hold(async (confirmHeld) => {
      // A long synchronous merge: no renewal can run meanwhile.
      const until = Date.now() + 150;
      while (Date.now() < until);
      await confirmHeld();
      return 'written';
    });

    await expect(round).resolves.toBe('written');
    await t.close();
  });
});
