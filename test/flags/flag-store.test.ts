import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, FactLine } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import type { FactRef } from '../../lambda/facts/fact-ref.js';
import { MAX_FLAG_INDEX_BYTES } from '../../lambda/flags/flag-book.js';
import { flagFeatures } from '../../lambda/flags/flag-features.js';
import { createFlagStore, type FlagStore } from '../../lambda/flags/flag-store.js';
import { flagsAnswer } from '../../lambda/flags/flags-answer.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import type { StatementRecord } from '../../lambda/views/records.js';
import { dynaliteBackend, openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';

/*
 * The flags on the embedded DynamoDB: many flags of large facts, a flood of flags from one person, and a
 * flagged statement whose id changes when a later article merges into it.
 */

const REVIEWER = 'UREVIEWER';
const policy = { reviewers: [REVIEWER], threshold: 3 };
const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();

let server: RunningServer;
let t: TestStore;
beforeAll(async () => {
  server = await dynaliteBackend.start();
});
afterAll(async () => {
  await server.close();
});

const articleId = (i: number) => `a${String(i).padStart(15, '0')}`;

/** A statement record as large as ingest keeps one: 20 citations with 5,000-character evidence. */
function largeRecord(speakerKey: string, id: string): StatementRecord {
  const evidence = `${'A long sentence of evidence that runs on and on, '.repeat(100)}${id}.`;
  return {
    id,
    speakerKey,
    speaker: 'Ilse Varga',
    affiliation: null,
    kind: 'direct',
    text: `${'words of a long quote '.repeat(200)}${id}`,
    topics: [],
    citations: Array.from({ length: 20 }, (_, i) => ({ articleId: articleId(i), evidence })),
    citedBy: Array.from({ length: 20 }, (_, i) => articleId(i)),
    sources: Array.from({ length: 20 }, (_, i) => ({
      id: articleId(i),
      title: `An article of ${'many words '.repeat(40)}`,
      outlet: 'Harbour Ledger',
      url: `https://news.example/${'x'.repeat(500)}/${i}`,
      date: '2026-11-01',
      files: [`${articleId(i)}.html`],
    })),
  };
}

/** Flags over a real table whose statement records are all large: only the records are made up. */
function largeFactFlags(store: TestStore): FlagStore {
  const documents = createDynamoDocuments({ client: store.client, tableName: store.tableName });
  return createFlagStore({
    ...documents,
    getStatementRecord: async (speakerKey, id) => largeRecord(speakerKey, id),
  });
}

const statementRef = (i: number): FactRef => ({
  kind: 'statement',
  id: i.toString(16).padStart(16, '0'),
  speakerKey: 'varga.i',
});

describe('flag store', () => {
  beforeAll(async () => {
    t = await openStoreOn(server);
  });

  it('stores and lists 1,000 flags of large facts', async () => {
    const flags = largeFactFlags(t);

    for (let i = 0; i < 1000; i += 1)
      await flags.flagFact(statementRef(i), { userId: `U${i % 7}`, reason: 'misquoted', at: at(i) }, policy);

    const index = await flags.getFlagIndex();
    expect(index.facts).toHaveLength(1000);
    expect(Buffer.byteLength(JSON.stringify(index))).toBeLessThan(MAX_FLAG_INDEX_BYTES);
    const list = await flags.listFlaggedFacts(25);
    const answer = flagsAnswer(list, policy);
    expect(answer.title).toBe('Flagged facts: 1000');
    expect(list.facts.map((f) => f.ref)).toEqual(Array.from({ length: 25 }, (_, i) => statementRef(999 - i)));
    // Each fact's document keeps a bounded snapshot, not the 20 long citations.
    expect(list.facts[0]?.fact.citations).toHaveLength(3);
    expect(JSON.stringify(list.facts[0]).length).toBeLessThan(20_000);
  }, 300_000);

  it('keeps a confirmed fact hidden after one person flags 300 other facts', async () => {
    const store = await openStoreOn(server);
    const flags = largeFactFlags(store);
    const confirmed = statementRef(5000);
    for (const userId of ['U1', 'U2', 'U3'])
      await flags.flagFact(confirmed, { userId, reason: 'misquoted', at: at(0) }, policy);
    await flags.reviewFact(
      'statement:0000000000001388',
      { decision: 'confirmed', userId: REVIEWER, at: at(1) },
      policy,
    );

    for (let i = 0; i < 300; i += 1)
      await flags.flagFact(statementRef(i), { userId: 'USPAM', reason: 'other', at: at(2 + i) }, policy);

    const entry = (await flags.getFlagIndex()).facts.find((f) => f.key === 'statement:0000000000001388');
    expect(entry?.review).toBe('confirmed');
    await store.close();
  }, 120_000);
});

/** An article in our own words: the same delegate quoted with a wording of the outlet's own. */
function article(name: string, outlet: string, quote: string, rest: string) {
  const text = `Title: ${outlet} on the harbour round\nSource: ${outlet}\nDate: 2026-11-02\n\n"${quote}," said Ilse Varga, the head of the coastal delegation, after the round.\n\n${rest}\n`;
  return { name, bytes: Buffer.from(text) };
}

function statementLines(answer: Answer): FactLine[] {
  return answer.parts.flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
}

describe('a flag after a merge', () => {
  it('still hides a statement whose id changed when a later wording merged into it', async () => {
    // Prepare: two wordings of one quote; the one with the larger id is stored and flagged first.
    const wordings = [
      'We will sign the harbour accord only with firm guarantees from our neighbours',
      'We will sign the harbour accord only with guarantees from our neighbours',
    ];
    const inputs = [
      article(
        'first.txt',
        'Coastal Courier',
        wordings[0] as string,
        'Talks went on into the night at the old customs house, where both teams met the mediators twice.',
      ),
      article(
        'second.txt',
        'Bay Gazette',
        wordings[1] as string,
        'Observers in the port city said the mood had improved since the spring, though no date was set.',
      ),
    ];
    const ids = inputs.map((input) => {
      const read = parseArticleInput(input);
      if (isRejection(read)) throw new Error(read.reason);
      return extractArticleFacts(read).statements[0]?.id ?? '';
    });
    const [flaggedFirst, mergedLater] = (ids[0] as string) > (ids[1] as string) ? inputs : [...inputs].reverse();
    const store = await openStoreOn(server);
    const flags = createFlagStore(createDynamoDocuments({ client: store.client, tableName: store.tableName }));
    const features = flagFeatures({ reader: flags, policy });
    const who = () => answerCommand(parseCommand('who Ilse Varga'), store.store, features);
    await ingestInputs([flaggedFirst as (typeof inputs)[number]], store.store);
    const before = statementLines(await answerCommand(parseCommand('who Ilse Varga'), store.store));
    const ref = before[0]?.fact as FactRef;
    expect(await flags.flagFact(ref, { userId: REVIEWER, reason: 'misquoted', at: at(0) }, policy)).toBe(true);
    expect(statementLines(await who())).toEqual([]);

    // Act: the later article merges into the flagged statement and brings a smaller id.
    await ingestInputs([mergedLater as (typeof inputs)[number]], store.store);

    // Assess
    const merged = statementLines(await answerCommand(parseCommand('who Ilse Varga'), store.store));
    expect(merged).toHaveLength(1);
    expect(merged[0]?.citations).toHaveLength(2);
    expect(merged[0]?.fact).not.toEqual(ref);
    expect(statementLines(await who())).toEqual([]);
    await store.close();
  }, 60_000);
});
