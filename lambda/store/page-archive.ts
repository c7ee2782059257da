import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** Where a page fetched from a shared link is kept, so the article can be re-ingested and audited. */
export interface PageArchive {
  /** Saves the page under `name` (`host/digest.html`) and returns where it went, as the article's file. */
  save(name: string, bytes: Uint8Array): Promise<string>;
}

/**
 * The article bucket as the archive. Pages go under their own prefix, not `articles/`: the worker ingests
 * them itself, and an `articles/` key would queue the same page for the ingest function a second time.
 */
export function createS3PageArchive({
  bucket,
  prefix,
  client = new S3Client({}),
}: {
  bucket: string;
  prefix: string;
  client?: S3Client;
}): PageArchive {
  return {
    async save(name, bytes) {
      const key = `${prefix}${name}`;
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: name.endsWith('.html') ? 'text/html' : 'text/plain',
        }),
      );
      return `s3://${bucket}/${key}`;
    },
  };
}
