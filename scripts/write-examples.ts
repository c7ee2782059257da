import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerCommand } from '../lambda/answers/answer-command.js';
import { parseCommand } from '../lambda/answers/command.js';
import { printAnswer } from '../lambda/cli/print-answer.js';
import { ingestPaths } from '../lambda/ingest/ingest.js';
import { renderBlocks } from '../lambda/slack/render-blocks.js';
import { createDynamoClient } from '../lambda/store/dynamo-client.js';
import { createDynamoTalksStore } from '../lambda/store/dynamo-talks-store.js';
import { startEmbeddedDynamo } from '../lambda/store/embedded-dynamodb.js';
import type { TalksStore } from '../lambda/store/ports.js';
import { ensureTable } from '../lambda/store/table.js';

/*
 * The answers docs/examples/ shows and the README quotes, made as a user makes them: the seed corpus for the
 * summary (terminal text and Block Kit), the three purpose-written rounds of
 * test/fixtures/articles/timeline-three-rounds/ (each ingested as its own upload, as they arrived) for the
 * timelines and `since`. `node --import tsx scripts/write-examples.ts` writes them again after extraction
 * changes; test/scripts/write-examples.test.ts fails while they differ from what the commands print.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLES_DIR = join(ROOT, 'docs/examples');
const SEED = join(ROOT, 'data/articles');
const ROUNDS_DIR = join(ROOT, 'test/fixtures/articles/timeline-three-rounds');
const ROUNDS = ['round-1.txt', 'round-2.txt', 'round-3.txt'];
/** `since` counts back from today; the examples ask for fixed dates, and this clock is the day after round 3. */
const AFTER_ROUNDS = new Date('2026-03-27T09:00:00Z');

/** A fresh store on its own embedded DynamoDB, for one corpus. */
async function withFreshStore<T>(use: (store: TalksStore) => Promise<T>): Promise<T> {
  const server = await startEmbeddedDynamo();
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, 'talks-examples');
    return await use(createDynamoTalksStore({ client, tableName: 'talks-examples' }));
  } finally {
    client.destroy();
    await server.close();
  }
}

async function ingestRounds(store: TalksStore): Promise<void> {
  const sources = JSON.parse(await readFile(join(ROUNDS_DIR, 'sources.json'), 'utf8')) as Record<string, unknown>;
  for (const file of ROUNDS) {
    const dir = await mkdtemp(join(tmpdir(), 'talks-example-round-'));
    try {
      await copyFile(join(ROUNDS_DIR, file), join(dir, file));
      await writeFile(join(dir, 'sources.json'), JSON.stringify({ [file]: sources[file] }));
      await ingestPaths([dir], store);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Every example file's name and contents, as the commands answer today. */
export async function renderExamples(): Promise<Record<string, string>> {
  const seed = await withFreshStore(async (store) => {
    await ingestPaths([SEED], store);
    const blocks = renderBlocks(await answerCommand(parseCommand('summary'), store));
    return {
      'summary.txt': `${await printAnswer('summary', store)}\n`,
      'summary.blocks.json': `${JSON.stringify(blocks, null, 2)}\n`,
    };
  });
  const rounds = await withFreshStore(async (store) => {
    await ingestRounds(store);
    const ask = async (command: string) =>
      `${await printAnswer(command, store, undefined, { reader: store, now: () => AFTER_ROUNDS })}\n`;
    return {
      'timeline-crimea.txt': await ask('timeline crimea'),
      'timeline-guarantors.txt': await ask('timeline guarantors'),
      'since.txt': await ask('since 2026-03-10'),
      'since-nothing.txt': await ask('since 2026-03-26'),
    };
  });
  return { ...seed, ...rounds };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const examples = await renderExamples();
  for (const [name, text] of Object.entries(examples)) await writeFile(join(EXAMPLES_DIR, name), text);
  process.stdout.write(`wrote ${Object.keys(examples).length} examples to docs/examples/\n`);
}
