import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { createIngestHandler } from '../../lambda/handlers/ingest.js';
import { createLinksHandler } from '../../lambda/handlers/links.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import type { ArticleObjects } from '../../lambda/store/s3-objects.js';
import { dynamoDbLocalBackend, openAnotherStoreOn, serverPerSuite } from '../store/backends.js';
import { articleQuoting, inventedPerson, quotedWordsOf } from '../store/invented-people.js';
import { uploadsEvent } from './upload-events.js';

/*
 * Issue 18, item 1, through the Lambda handlers on AWS's own emulator: ten link-worker invocations (one
 * `/talks add` each) and an ingest-function invocation (a queued batch of five uploads) at once, each with its
 * own DynamoDB client as separate Lambda containers have.
 */

const BUCKET = 'talks-articles';
const ADDS = 10;
const UPLOADS = 5;

const dynamo = serverPerSuite(dynamoDbLocalBackend);

/** The uploads of one ingest invocation, held in memory (the port the S3 adapter implements). */
function uploadedObjects(byKey: Map<string, Uint8Array>): ArticleObjects {
  return {
    read: async ({ key }) => byKey.get(key) ?? new Uint8Array(),
    moveUnder: async ({ key }, prefix) => `${prefix}${key}`,
  };
}

describe('link worker and ingest function writing at once', () => {
  it('lose no article, no speaker and no count', async () => {
    // Prepare: people 0-9 arrive by link, 10-14 by upload.
    const table = await dynamo.open();
    const writer = () => dynamo.keep(openAnotherStoreOn(dynamo.server, table.tableName)).store;
    const replies: SlackMessage[] = [];
    const linkJob = (n: number) =>
      createLinksHandler(() => ({
        store: writer(),
        archive: { save: async (name) => name },
        postReply: async (_url, message) => void replies.push(message),
        log: () => {},
        fetch: async (link) => ({ url: link, format: 'text', bytes: articleQuoting(n).bytes }),
      }))({ links: [`https://invented.test/news/${n}`], responseUrl: 'https://hooks.slack.com/x', userId: 'U1' });
    const uploads = new Map(
      Array.from({ length: UPLOADS }, (_, i) => [`articles/invented-${ADDS + i}.txt`, articleQuoting(ADDS + i).bytes]),
    );
    const ingest = createIngestHandler(() => ({
      objects: uploadedObjects(uploads),
      store: writer(),
      rejectedPrefix: 'rejected/',
      log: () => {},
    }));

    // Act
    const [response] = await Promise.all([
      ingest(
        uploadsEvent(
          BUCKET,
          [...uploads.keys()].map((key) => ({ key, size: 500 })),
        ),
      ),
      ...Array.from({ length: ADDS }, (_, n) => linkJob(n)),
    ]);

    // Assess: every reply says stored, and the store agrees.
    expect(response.batchItemFailures).toEqual([]);
    expect(replies.map((r) => r.text)).toEqual(Array(ADDS).fill('Added 1 of 1 link'));
    const summary = await table.store.getSummary();
    expect(summary?.articleCount).toBe(ADDS + UPLOADS);
    expect(summary?.totalSpeakers).toBe(ADDS + UPLOADS);
    expect((await table.store.listSources(100)).sources).toHaveLength(ADDS + UPLOADS);
    for (let n = 0; n < ADDS + UPLOADS; n++) {
      const answer = JSON.stringify(
        await answerCommand(parseCommand(`who ${inventedPerson(n).fullName}`), table.store),
      );
      expect(answer, inventedPerson(n).fullName).toContain(quotedWordsOf(n));
    }
  });
});
