import * as z from 'zod/mini';
import { formatMegabytes, MAX_ARTICLE_BYTES } from '../articles/decode-text.js';
import { describeIssues } from '../articles/schema-errors.js';
import { isSourcesFile } from '../articles/sources-file.js';
import type { ObjectRef } from '../store/s3-objects.js';

/*
 * What the ingest function is handed, read without I/O: Lambda's SQS event source delivers a batch of queue
 * messages, each the S3 notification of an upload under articles/ (or, once, S3's test message). This turns
 * a batch into the uploads to read, one per object, and names the messages that are not notifications.
 */

/** The part of the SQS event the ingest function reads (Lambda docs: "Using Lambda with Amazon SQS"). */
export const SqsEventSchema = z.object({
  Records: z.array(
    z.object({
      messageId: z.string().check(z.minLength(1)),
      body: z.string(),
      /** When S3 queued the notification, in epoch milliseconds: how long the upload has waited. */
      attributes: z.optional(z.object({ SentTimestamp: z.optional(z.string().check(z.regex(/^\d+$/))) })),
    }),
  ),
});
export type SqsMessage = z.infer<typeof SqsEventSchema>['Records'][number];

/** The part of an S3 "object created" notification the ingest function reads (S3 docs: event message structure). */
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

/** What S3 sends once to a destination when a notification is configured, to check that it can deliver. */
export const S3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent') });

/** An uploaded object named by one or more messages of the batch (S3 may notify twice, an upload may repeat). */
export interface Upload {
  ref: ObjectRef;
  size: number;
  messageIds: string[];
}

/** S3 event keys are URL-encoded with `+` for spaces (S3 docs: "Event message structure"). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** What one SQS message body holds. */
type Notification =
  | { kind: 'uploads'; uploads: { ref: ObjectRef; size: number }[] }
  | { kind: 'test event' }
  | { kind: 'malformed'; reason: string };

function readNotification(body: string): Notification {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'the message body is not JSON' };
  }
  if (S3TestEventSchema.safeParse(json).success) return { kind: 'test event' };
  const parsed = S3EventSchema.safeParse(json);
  if (!parsed.success) {
    return { kind: 'malformed', reason: `not an S3 event notification: ${describeIssues(parsed.error)}` };
  }
  const uploads: { ref: ObjectRef; size: number }[] = [];
  for (const { s3 } of parsed.data.Records) {
    try {
      uploads.push({ ref: { bucket: s3.bucket.name, key: decodeS3Key(s3.object.key) }, size: s3.object.size });
    } catch {
      return { kind: 'malformed', reason: `not a URL-encoded object key: ${s3.object.key}` };
    }
  }
  return { kind: 'uploads', uploads };
}

/** A batch of messages read: the uploads they name, and the messages that name none. */
export interface BatchUploads {
  /** One per object, however many messages name it. */
  uploads: Upload[];
  /** Messages that are not S3 notifications, with why: to hand back to SQS. */
  malformed: { messageId: string; reason: string }[];
  /** S3's test messages: nothing to do. */
  testMessageIds: string[];
}

export function uploadsOf(messages: SqsMessage[]): BatchUploads {
  const result: BatchUploads = { uploads: [], malformed: [], testMessageIds: [] };
  const uploads = new Map<string, Upload>();
  for (const { messageId, body } of messages) {
    const notification = readNotification(body);
    if (notification.kind === 'malformed') {
      result.malformed.push({ messageId, reason: notification.reason });
    } else if (notification.kind === 'test event') {
      result.testMessageIds.push(messageId);
    } else {
      for (const { ref, size } of notification.uploads) {
        const id = `${ref.bucket}/${ref.key}`;
        const upload = uploads.get(id) ?? { ref, size, messageIds: [] };
        upload.size = Math.max(upload.size, size);
        upload.messageIds.push(messageId);
        uploads.set(id, upload);
      }
    }
  }
  result.uploads = [...uploads.values()];
  return result;
}

/** Why an upload is not an article to read, if it is not. */
export function notAnArticle(upload: Upload, rejectedPrefix: string): { skip: string } | { reject: string } | null {
  const { key } = upload.ref;
  if (key.endsWith('/')) return { skip: 'a folder marker, not a file' };
  if (key.startsWith(rejectedPrefix)) return { skip: 'already rejected' };
  if (isSourcesFile(key)) return { skip: 'metadata for articles uploaded to its folder after it' };
  // Checked before reading, so a huge upload cannot exhaust the function's memory.
  if (upload.size > MAX_ARTICLE_BYTES) {
    return { reject: `file too large: ${formatMegabytes(upload.size)} (limit ${formatMegabytes(MAX_ARTICLE_BYTES)})` };
  }
  return null;
}

/**
 * Splits uploads, in order, into parts whose sizes (as S3 notified them) add up to at most `maxBytes`; an
 * upload larger than that is a part of its own.
 */
export function partsBySize(uploads: Upload[], maxBytes: number): Upload[][] {
  const parts: Upload[][] = [];
  let part: Upload[] = [];
  let bytes = 0;
  for (const upload of uploads) {
    if (part.length > 0 && bytes + upload.size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(upload);
    bytes += upload.size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
