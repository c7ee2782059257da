import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { inventedWord as wordFor } from '../../bench/invented-names.js';
import { createSlackHandler, type SlackHandlerDeps } from '../../lambda/handlers/slack.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import type { AwsEvent } from '../../lambda/slack/lambda-handler.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import { lambdaContext, signedCommandEvent, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { inventedPerson, quotedWordsOf } from '../store/invented-people.js';

/*
 * The production Slack handler on a corpus of its own, for a suite: the corpus (written report files, or folders
 * such as the seed corpus) is ingested into an embedded DynamoDB before the suite, and `ask` sends a Slack-signed
 * `/talks` command as a Function URL event, checking the answer keeps to Slack's limits.
 */

export interface SlackCorpus {
  /** The store the corpus went into. */
  readonly backend: TestStore;
  /** Sends any signed event to the handler. */
  call(event: AwsEvent): Promise<{ statusCode: number; body: string }>;
  /** `/talks <text>`: the message, its fallback title and its blocks' text, one line per block line. */
  ask(text: string): Promise<{ title: string; text: string; message: SlackMessage }>;
}

export interface CorpusOptions {
  /** Report files to write (plain-text format with header lines), by name, ingested together. */
  files?: () => Record<string, string>;
  /** Folders or files ingested as they are (the seed corpus). */
  paths?: readonly string[];
  /** More of the handler's dependencies (its Slack stand-in, flags); views and timeline are the corpus's store. */
  deps?: () => Omit<SlackHandlerDeps, 'views' | 'timeline' | 'signingSecret'>;
}

/** Registers the suite's beforeAll (write, ingest, handler) and afterAll (close, remove); use the result in tests. */
export function slackOnCorpus({ files, paths = [], deps }: CorpusOptions): SlackCorpus {
  let backend: TestStore | undefined;
  let folder: string | undefined;
  let handler: ReturnType<typeof createSlackHandler> | undefined;

  beforeAll(async () => {
    const written = files?.() ?? {};
    const inputs = [...paths];
    if (Object.keys(written).length) {
      folder = await mkdtemp(join(tmpdir(), 'talks-corpus-'));
      const into = folder;
      await Promise.all(Object.entries(written).map(([name, text]) => writeFile(join(into, name), text)));
      inputs.push(into);
    }
    backend = await withEmbeddedStore();
    await ingestPaths(inputs, backend.store);
    handler = createSlackHandler({
      ...deps?.(),
      views: backend.store,
      timeline: backend.store,
      signingSecret: TEST_SIGNING_SECRET,
    });
  });
  afterAll(async () => {
    await backend?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const call = async (event: AwsEvent) => {
    if (!handler) throw new Error('slackOnCorpus: the corpus is not ingested yet (use it inside a test)');
    return (await handler(event, lambdaContext)) as { statusCode: number; body: string };
  };
  return {
    get backend() {
      if (!backend) throw new Error('slackOnCorpus: the corpus is not ingested yet (use it inside a test)');
      return backend;
    },
    call,
    ask: async (text) => {
      const response = await call(signedCommandEvent(text));
      expect(response.statusCode).toBe(200);
      const message = JSON.parse(response.body) as SlackMessage;
      expect(slackLimitViolations(message)).toEqual([]);
      return { title: message.text, text: message.blocks.flatMap(blockTexts).join('\n'), message };
    },
  };
}

/** The ISO days from `first`, one a day: `days('2026-01-01', 3)` is the 1st to the 3rd. */
export function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** A report dated `day` quoting invented delegate `n`, in our own words; with `guarantors` it also names two. */
export function datedArticle(n: number, day: string, guarantors: boolean): string {
  const { fullName, surname } = inventedPerson(n);
  return [
    `Title: Delegate ${surname} on the ${wordFor(n * 13 + 1)} round`,
    'Source: Invented Wire',
    `Date: ${day}`,
    '',
    `"We will reopen ${quotedWordsOf(n)} before the winter," ${fullName}, the head of the Ukrainian delegation, told reporters.`,
    `The ${wordFor(n * 17 + 2)} delegation met the ${wordFor(n * 19 + 4)} mediators for ${2 + (n % 5)} hours.`,
    ...(guarantors ? [`${surname} said Ukraine wants security guarantees from Norway and Portugal.`] : []),
  ].join('\n');
}
