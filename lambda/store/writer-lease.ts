import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { toKey } from './items.js';
import { keys } from './keys.js';

/*
 * One writer of the precomputed items at a time, whoever writes: the ingest function, the link worker, the
 * local server's link jobs, the CLI. A round reads the views, merges its facts in and writes them back, and
 * its counts move by what it changed, so two overlapping rounds would each write a merge the other never saw.
 * A lease item in the table makes them take turns: taken with a conditional PutItem (dynalite and DynamoDB
 * both evaluate conditions; dynalite has no transactions), renewed while the round runs, deleted after it.
 * A holder that dies (a Lambda timeout, a killed process) leaves a lease that expires after `leaseMs`.
 * Why not a version on every item instead: BatchWriteItem takes no condition, so a round of a few hundred
 * items would become as many PutItems, and a conflict found half way leaves a round partly written whose
 * count deltas cannot be merged again exactly (docs/table-design.md, "One writer at a time").
 */

/** Thrown when the lease stays with another writer past the wait: the caller retries later, nothing was written. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
}

/** Thrown when another writer took the lease over (it had expired): the round's writes are not started. */
export class WriterLeaseLostError extends Error {
  override name = 'WriterLeaseLostError';
}

export interface WriterLeaseOptions {
  client: DynamoDBClient;
  tableName: string;
  /** How long a lease lasts without renewal: what a dead holder costs the next writer. @default 30 s */
  leaseMs?: number;
  /**
   * How long a writer waits for the lease before giving up with StoreBusyError. The link worker's 90 s
   * timeout (lib/constructs/link-worker.ts) must cover it and a round; an ingest round of 1,000 articles holds
   * the lease for a few seconds.
   * @default 60 s
   */
  waitMs?: number;
  /** Injected so tests need not wait. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

export interface WriterLease {
  /**
   * Runs `round` while holding the lease. `round` awaits `confirmHeld()` before it writes: the lease is renewed
   * on the condition that this round still owns it, so a round whose lease expired and was taken over (its
   * renewals could not run: a long synchronous merge, a frozen process) stops there instead of writing beside
   * another writer, while one whose expired lease nobody took writes on.
   */
  hold<T>(round: (confirmHeld: () => Promise<void>) => Promise<T>): Promise<T>;
}

const FIRST_BACKOFF_MS = 20;
const MAX_BACKOFF_MS = 500;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWriterLease(opts: WriterLeaseOptions): WriterLease {
  const { client, tableName } = opts;
  const leaseMs = opts.leaseMs ?? 30_000;
  const waitMs = opts.waitMs ?? 60_000;
  const sleep = opts.sleep ?? defaultSleep;
  const key = toKey(keys.writerLease());
  /** Rounds of this client take turns here first, so they do not poll the table against each other. */
  let queue: Promise<unknown> = Promise.resolve();

  async function tryTake(owner: string): Promise<boolean> {
    const now = Date.now();
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: { ...key, owner: { S: owner }, expiresAt: { N: String(now + leaseMs) } },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': { N: String(now) } },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async function take(owner: string): Promise<void> {
    const giveUpAt = Date.now() + waitMs;
    for (let attempt = 0; !(await tryTake(owner)); attempt++) {
      if (Date.now() >= giveUpAt) {
        throw new StoreBusyError(
          `Another writer has held the store for over ${Math.round(waitMs / 1000)} s; nothing was written, try again.`,
        );
      }
      // Full jitter: writers that found the lease taken together do not all come back together.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** attempt));
    }
  }

  async function renew(owner: string): Promise<void> {
    const now = Date.now();
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET expiresAt = :until',
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':until': { N: String(now + leaseMs) }, ':owner': { S: owner } },
      }),
    );
  }

  async function release(owner: string): Promise<void> {
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': { S: owner } },
        }),
      );
    } catch (error) {
      // Taken over after it expired: the lease is someone else's now, and theirs to delete.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async function holdNow<T>(round: (confirmHeld: () => Promise<void>) => Promise<T>): Promise<T> {
    const owner = randomUUID();
    await take(owner);
    // A failed renewal is not fatal by itself: `confirmHeld` decides before the writes.
    let renewing: Promise<void> = Promise.resolve();
    const renewal = setInterval(() => {
      renewing = renew(owner).catch(() => {});
    }, leaseMs / 3);
    // A pending renewal must not keep a finished CLI process alive.
    renewal.unref();
    const confirmHeld = async () => {
      try {
        await renew(owner);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        throw new WriterLeaseLostError(
          'Another writer took the store lease over while this round was merging; nothing was written, try again.',
        );
      }
    };
    try {
      return await round(confirmHeld);
    } finally {
      clearInterval(renewal);
      // A renewal still on the wire would outlive the round: a Lambda frozen after returning, or a table closed under it.
      await renewing;
      await release(owner);
    }
  }

  return {
    hold(round) {
      const turn = queue.then(() => holdNow(round));
      queue = turn.catch(() => {});
      return turn;
    },
  };
}
