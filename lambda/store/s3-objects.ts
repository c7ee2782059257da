import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** An object in the article bucket. */
export interface ObjectRef {
  bucket: string;
  key: string;
}

/** What the ingest handler needs from S3: read an upload, and set a rejected one aside. */
export interface ArticleObjects {
  /** The object's bytes. */
  read(ref: ObjectRef): Promise<Uint8Array>;
  /**
   * Moves the object under `prefix` (keeping its key after the prefix) and returns the new key. Copy first, then
   * delete: if the delete fails the file exists twice, never zero times. In a versioned bucket the original also
   * stays as a noncurrent version.
   */
  moveUnder(ref: ObjectRef, prefix: string): Promise<string>;
}

/** Thrown when an object's key no longer exists (deleted between the event and the read). */
export class ObjectNotFoundError extends Error {
  override name = 'ObjectNotFoundError';
}

/** The S3 implementation of `ArticleObjects`. Create once per container so connections are reused. */
export function createS3ArticleObjects(client: S3Client = new S3Client({})): ArticleObjects {
  return {
    async read({ bucket, key }) {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!Body) throw new ObjectNotFoundError(`s3://${bucket}/${key} has no body`);
        return await Body.transformToByteArray();
      } catch (error) {
        if (error instanceof Error && error.name === 'NoSuchKey') {
          throw new ObjectNotFoundError(`s3://${bucket}/${key} does not exist`);
        }
        throw error;
      }
    },

    async moveUnder({ bucket, key }, prefix) {
      const target = `${prefix}${key}`;
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: target,
          // CopySource is "bucket/key" with the key URL-encoded segment by segment (S3 API reference, CopyObject).
          CopySource: `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
        }),
      );
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      return target;
    },
  };
}
