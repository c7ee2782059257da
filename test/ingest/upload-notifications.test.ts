import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../lambda/articles/decode-text.js';
import { notAnArticle, partsBySize, SqsEventSchema, uploadsOf } from '../../lambda/ingest/upload-notifications.js';
import { s3CreatedNotification, s3TestEvent, sqsEvent } from '../handlers/upload-events.js';

/*
 * Reading a batch of queue messages into uploads, without S3 or DynamoDB: the shapes come from
 * test/handlers/upload-events.ts, built as AWS sends them.
 */

const BUCKET = 'talks-articles';
const messagesOf = (event: unknown) => SqsEventSchema.parse(event).Records;

describe('uploadsOf', () => {
  it('decodes S3 keys and gives one upload per object, remembering every message that names it', () => {
    const messages = messagesOf(
      sqsEvent([
        JSON.stringify(s3CreatedNotification(BUCKET, [{ key: 'articles/peace talks (1).txt', size: 10 }])),
        JSON.stringify(s3CreatedNotification(BUCKET, [{ key: 'articles/peace talks (1).txt', size: 12 }])),
        JSON.stringify(s3CreatedNotification(BUCKET, [{ key: 'articles/other.md', size: 5 }])),
      ]),
    );

    const { uploads, malformed, testMessageIds } = uploadsOf(messages);

    expect(uploads.map((u) => u.ref.key)).toEqual(['articles/peace talks (1).txt', 'articles/other.md']);
    expect(uploads[0]?.messageIds).toEqual([messages[0]?.messageId, messages[1]?.messageId]);
    expect(uploads[0]?.size).toBe(12);
    expect(malformed).toEqual([]);
    expect(testMessageIds).toEqual([]);
  });

  it("sets S3's test message apart and names each message that is not a notification, with why", () => {
    const messages = messagesOf(
      sqsEvent([JSON.stringify(s3TestEvent(BUCKET)), 'not json', JSON.stringify({ Records: [{ s3: {} }] })]),
    );

    const { uploads, malformed, testMessageIds } = uploadsOf(messages);

    expect(uploads).toEqual([]);
    expect(testMessageIds).toEqual([messages[0]?.messageId]);
    expect(malformed.map((m) => m.messageId)).toEqual([messages[1]?.messageId, messages[2]?.messageId]);
    expect(malformed[0]?.reason).toBe('the message body is not JSON');
    expect(malformed[1]?.reason).toMatch(/^not an S3 event notification: /);
  });

  it('fails a message whose key is not valid URL encoding instead of guessing the key', () => {
    const body = JSON.stringify(s3CreatedNotification(BUCKET, [{ key: 'articles/x.txt', size: 1 }])).replace(
      'articles/x.txt',
      'articles/%E0%A4%A.txt',
    );

    const { uploads, malformed } = uploadsOf(messagesOf(sqsEvent([body])));

    expect(uploads).toEqual([]);
    expect(malformed[0]?.reason).toMatch(/not a URL-encoded object key/);
  });
});

describe('notAnArticle', () => {
  const upload = (key: string, size = 100) => ({ ref: { bucket: BUCKET, key }, size, messageIds: ['m'] });

  it('skips folder markers, rejected files and sources.json, rejects oversized uploads, and reads the rest', () => {
    expect(notAnArticle(upload('articles/2022/'), 'rejected/')).toEqual({ skip: 'a folder marker, not a file' });
    expect(notAnArticle(upload('rejected/articles/a.pdf'), 'rejected/')).toEqual({ skip: 'already rejected' });
    expect(notAnArticle(upload('articles/sources.json'), 'rejected/')).toHaveProperty('skip');
    expect(notAnArticle(upload('articles/huge.txt', MAX_ARTICLE_BYTES + 1), 'rejected/')).toHaveProperty('reject');
    expect(notAnArticle(upload('articles/a.txt', MAX_ARTICLE_BYTES), 'rejected/')).toBeNull();
  });
});

describe('partsBySize', () => {
  const sized = (...sizes: number[]) =>
    sizes.map((size, i) => ({ ref: { bucket: BUCKET, key: `articles/${i}.txt` }, size, messageIds: [`m${i}`] }));
  const keysOf = (parts: ReturnType<typeof partsBySize>) => parts.map((part) => part.map((u) => u.ref.key));

  it('keeps uploads in order, in parts of at most the budget, an oversized upload alone', () => {
    expect(keysOf(partsBySize(sized(40, 50, 10, 200, 30), 100))).toEqual([
      ['articles/0.txt', 'articles/1.txt', 'articles/2.txt'],
      ['articles/3.txt'],
      ['articles/4.txt'],
    ]);
  });

  it('gives one part for a batch within the budget, and none for no uploads', () => {
    expect(keysOf(partsBySize(sized(1, 2, 3), 100))).toEqual([['articles/0.txt', 'articles/1.txt', 'articles/2.txt']]);
    expect(partsBySize([], 100)).toEqual([]);
  });
});
