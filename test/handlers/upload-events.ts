import { randomUUID } from 'node:crypto';

/*
 * The events the ingest function receives, shaped as AWS sends them: S3 writes an "object created" notification
 * (or, once, a test message) into the upload queue, and Lambda's SQS event source delivers a batch of those
 * messages as one event (Lambda docs: "Using Lambda with Amazon SQS"; S3 docs: "Event message structure").
 */

/** An S3 "object created" notification for keys, encoded as S3 encodes them (spaces as "+"). */
export function s3CreatedNotification(bucket: string, objects: { key: string; size: number }[]) {
  return {
    Records: objects.map(({ key, size }) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-23T12:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'talks-ingest',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
          size,
          sequencer: '0A1B2C3D4E5F',
        },
      },
    })),
  };
}

/** The message S3 sends once to a queue when a notification to it is configured. */
export function s3TestEvent(bucket: string) {
  return {
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: '2026-11-23T12:00:00.000Z',
    Bucket: bucket,
    RequestId: '5582815E1AEA5ADF',
    HostId: 'test-host-id',
  };
}

/** An SQS event from a standard queue, one message per body (a string, as SQS carries it). */
export function sqsEvent(bodies: string[]) {
  return {
    Records: bodies.map((body) => ({
      messageId: randomUUID(),
      receiptHandle: `AQEB${randomUUID()}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1795435200000',
        SenderId: 'AIDAJHIPRHEMV73VRJEBU',
        ApproximateFirstReceiveTimestamp: '1795435200010',
      },
      messageAttributes: {},
      md5OfBody: '0123456789abcdef0123456789abcdef',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:talks-uploads',
      awsRegion: 'us-east-1',
    })),
  };
}

/** What Lambda delivers for these uploads: S3 sends one message per object created. */
export function uploadsEvent(bucket: string, objects: { key: string; size: number }[]) {
  return sqsEvent(objects.map((object) => JSON.stringify(s3CreatedNotification(bucket, [object]))));
}
