import { posix } from 'node:path';
import * as z from 'zod/mini';
import { formatMegabytes, MAX_ARTICLE_BYTES } from '../articles/decode-text.js';
import { isNearDuplicate, nearDuplicateKeys } from '../articles/fingerprint.js';
import type { ArticleInput } from '../articles/read-inputs.js';
import { isSourcesFile, SOURCES_FILE_NAME } from '../articles/sources-file.js';
import { ingestInputs } from '../ingest/ingest.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import type { TalksStore } from '../store/ports.js';
import {
  type ArticleObjects,
  createS3ArticleObjects,
  ObjectNotFoundError,
  type ObjectRef,
} from '../store/s3-objects.js';

/*
 * S3 → ingest Lambda. Reads each uploaded object and hands it to the same pipeline the CLI uses, with the
 * sources.json of its folder (if any) so metadata given for the file applies, as it does for `talks ingest`.
 * A file the pipeline rejects is logged with the reason and moved under REJECTED_PREFIX, so the uploader
 * can find it and nothing is lost. Any other failure is thrown: Lambda retries the event (ingest is
 * idempotent), then sends it to the dead-letter queue.
 */

/** The part of an S3 "object created" notification this handler reads (S3 docs: event message structure). */
export const S3EventSchema = z.object({
  Records: z.array(
    z.object({
      s3: z.object({
        bucket: z.object({ name: z.string().check(z.minLength(1)) }),
        object: z.object({ key: z.string().check(z.minLength(1)), size: z.number().check(z.nonnegative()) }),
      }),
    }),
  ),
});

const IngestEnvSchema = z.object({
  REJECTED_PREFIX: z.string().check(z.regex(/^[^/].*\/$/, 'REJECTED_PREFIX must be a key prefix ending in "/"')),
});

export interface IngestHandlerDeps {
  objects: ArticleObjects;
  store: TalksStore;
  /** Where rejected uploads go, e.g. `rejected/`. */
  rejectedPrefix: string;
  /** One log record; the Lambda runtime adds the level, time and request id (JSON log format). */
  log: (level: 'info' | 'warn', message: string, fields: Record<string, unknown>) => void;
}

/** What one invocation did, by object key: returned for tests and logged for operators. */
export interface IngestOutcome {
  /** Stored as new articles, or merged into an article already stored (duplicates). */
  ingested: string[];
  rejected: { key: string; reason: string; movedTo: string }[];
  /** Not articles to ingest: folder markers, sources.json files, objects gone before they were read. */
  skipped: { key: string; reason: string }[];
}

/** S3 event keys are URL-encoded with `+` for spaces (S3 docs: "Event message structure"). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** Builds the handler from its dependencies; `deps` is called once, on the first event. */
export function createIngestHandler(deps: () => IngestHandlerDeps): (event: unknown) => Promise<IngestOutcome> {
  let resolved: IngestHandlerDeps | undefined;
  return async (event) => {
    resolved ??= deps();
    const { objects, store, rejectedPrefix, log } = resolved;
    const outcome: IngestOutcome = { ingested: [], rejected: [], skipped: [] };
    const tooLarge: { ref: ObjectRef; reason: string }[] = [];
    const uploads: { ref: ObjectRef; bytes: Uint8Array }[] = [];

    for (const { s3 } of S3EventSchema.parse(event).Records) {
      const ref = { bucket: s3.bucket.name, key: decodeS3Key(s3.object.key) };
      if (ref.key.endsWith('/')) {
        outcome.skipped.push({ key: ref.key, reason: 'a folder marker, not a file' });
      } else if (ref.key.startsWith(rejectedPrefix)) {
        outcome.skipped.push({ key: ref.key, reason: 'already rejected' });
      } else if (isSourcesFile(ref.key)) {
        outcome.skipped.push({ key: ref.key, reason: 'metadata for articles uploaded to its folder after it' });
      } else if (s3.object.size > MAX_ARTICLE_BYTES) {
        // Checked before reading, so a huge upload cannot exhaust the function's memory.
        const limit = formatMegabytes(MAX_ARTICLE_BYTES);
        tooLarge.push({ ref, reason: `file too large: ${formatMegabytes(s3.object.size)} (limit ${limit})` });
      } else {
        try {
          uploads.push({ ref, bytes: await objects.read(ref) });
        } catch (error) {
          if (!(error instanceof ObjectNotFoundError)) throw error;
          outcome.skipped.push({ key: ref.key, reason: error.message });
        }
      }
    }

    const rejectedReasons = new Map(tooLarge.map(({ ref, reason }) => [ref.key, reason]));
    if (uploads.length > 0) {
      const inputs: ArticleInput[] = [
        ...(await sourcesFilesBeside(
          uploads.map(({ ref }) => ref),
          objects,
        )),
        ...uploads.map(({ ref, bytes }) => ({ name: ref.key, bytes })),
      ];
      const report = await ingestInputs(inputs, store);
      for (const { file, reason } of report.rejected) {
        if (isSourcesFile(file)) log('warn', 'Problem in a sources.json file', { key: file, reason });
        else rejectedReasons.set(file, reason);
      }
    }

    for (const ref of [...uploads.map((upload) => upload.ref), ...tooLarge.map((entry) => entry.ref)]) {
      const reason = rejectedReasons.get(ref.key);
      if (reason === undefined) {
        outcome.ingested.push(ref.key);
        continue;
      }
      const movedTo = await objects.moveUnder(ref, rejectedPrefix);
      outcome.rejected.push({ key: ref.key, reason, movedTo });
      log('warn', 'Rejected an uploaded file', { bucket: ref.bucket, key: ref.key, reason, movedTo });
    }
    log('info', 'Ingest finished', { ...outcome });
    return outcome;
  };
}

/** The sources.json of each folder holding an upload, where one exists. */
async function sourcesFilesBeside(refs: ObjectRef[], objects: ArticleObjects): Promise<ArticleInput[]> {
  const folders = new Map(refs.map((ref) => [`${ref.bucket}/${posix.dirname(ref.key)}`, ref]));
  const found: ArticleInput[] = [];
  for (const { bucket, key } of folders.values()) {
    const sourcesKey = posix.join(posix.dirname(key), SOURCES_FILE_NAME);
    try {
      found.push({ name: sourcesKey, bytes: await objects.read({ bucket, key: sourcesKey }) });
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError)) throw error;
    }
  }
  return found;
}

function productionDeps(): IngestHandlerDeps {
  const { tableName, endpoint, region } = storeConfig();
  const { REJECTED_PREFIX } = IngestEnvSchema.parse(process.env);
  return {
    objects: createS3ArticleObjects(),
    store: createDynamoTalksStore({
      client: createDynamoClient({ endpoint, region }),
      tableName,
      // As the CLI's store does (lambda/cli/local-store.ts): a re-worded copy of a stored article is merged.
      nearDuplicates: { keys: nearDuplicateKeys, isNearDuplicate },
    }),
    rejectedPrefix: REJECTED_PREFIX,
    log: (level, message, fields) => console[level](JSON.stringify({ message, ...fields })),
  };
}

/** The Lambda entry point. Clients are created on the first event and reused for the container's life. */
export const handler = createIngestHandler(productionDeps);
