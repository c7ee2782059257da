import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3ArticleObjects, ObjectNotFoundError } from '../../lambda/store/s3-objects.js';
import { type S3StandIn, s3ClientFor, startS3StandIn } from '../handlers/ingest-s3-stand-in.js';

describe('createS3ArticleObjects', () => {
  let s3: S3StandIn;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3StandIn();
    client = s3ClientFor(s3);
  });
  afterAll(async () => {
    client.destroy();
    await s3.close();
  });

  it('reads an object as bytes', async () => {
    s3.put('b', 'articles/a.txt', 'Talks resumed in Istanbul.');
    const bytes = await createS3ArticleObjects(client).read({ bucket: 'b', key: 'articles/a.txt' });
    expect(new TextDecoder().decode(bytes)).toBe('Talks resumed in Istanbul.');
  });

  it('reports a missing key as ObjectNotFoundError', async () => {
    await expect(createS3ArticleObjects(client).read({ bucket: 'b', key: 'articles/none.txt' })).rejects.toThrow(
      ObjectNotFoundError,
    );
  });

  it('moves a key with spaces, plus signs and non-ASCII letters under a prefix, copy first', async () => {
    const key = 'articles/Переговоры 29+30 März.txt';
    s3.put('b', key, 'x');
    s3.requests.length = 0;

    const movedTo = await createS3ArticleObjects(client).moveUnder({ bucket: 'b', key }, 'rejected/');

    expect(movedTo).toBe(`rejected/${key}`);
    expect(s3.get('b', `rejected/${key}`)).toEqual(new TextEncoder().encode('x'));
    expect(s3.get('b', key)).toBeUndefined();
    expect(s3.requests).toEqual([`PUT b/rejected/${key}`, `DELETE b/${key}`]);
  });
});
