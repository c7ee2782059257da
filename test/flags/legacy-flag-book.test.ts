import { deflateRawSync } from 'node:zlib';
import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { citationAnchor } from '../../lambda/flags/fact-anchor.js';
import {
  type FlaggedFact,
  FlaggedFactSchema,
  FlagIndexSchema,
  flagStatuses,
  indexEntry,
} from '../../lambda/flags/flag-book.js';
import { createFlagStore } from '../../lambda/flags/flag-store.js';
import {
  LEGACY_FLAG_BOOK,
  type LegacyFlagBook,
  LegacyFlagBookSchema,
  migrateLegacyFlagBook,
} from '../../lambda/flags/legacy-flag-book.js';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { decodePayload, type Item } from '../../lambda/store/items.js';
import type { VersionedDocuments } from '../../lambda/store/ports.js';
import { backends, openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';

/*
 * Tables written before flags became an item a fact keep every flag in one `FLAGS`/`BOOK` item. The
 * migration moves them into the per-fact items and the index, once, whoever runs it and however often.
 * The book is written here as that version wrote it (git show 0c43410^:lambda/store/dynamo-flag-store.ts):
 * the book's JSON, deflated raw, as the binary `payload`, beside a `version` number.
 */

const REVIEWER = 'UREVIEWER';
const policy = { reviewers: [REVIEWER], threshold: 2 };
const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 9, minute)).toISOString();

const evidence = (n: number) => `Ilse Varga told the harbour council on day ${n} that the ferry talks would resume.`;
const source = (n: number) => ({
  id: `a${String(n).padStart(15, '0')}`,
  title: `Ferry talks, day ${n}`,
  outlet: 'Harbour Ledger',
  url: `https://news.example/ferry/${n}`,
  date: '2026-09-30',
  files: [`ferry-${n}.txt`],
});

/** A book as the last version before the index wrote it: snapshots kept every citation, uncut. */
const LEGACY_BOOK: LegacyFlagBook = {
  facts: [
    {
      // Flagged by two people and confirmed: hidden under any policy.
      ref: { kind: 'statement', id: '00000000000000a1', speakerKey: 'varga.i' },
      fact: {
        lead: 'Ilse Varga',
        text: 'the ferry talks would resume',
        quoted: true,
        citations: Array.from({ length: 8 }, (_, n) => ({ articleId: source(n).id, evidence: evidence(n) })),
        sources: Array.from({ length: 8 }, (_, n) => source(n)),
      },
      flags: [
        { userId: 'UANNA', reason: 'misquoted', note: 'She said the opposite.', at: at(1) },
        { userId: 'UBORIS', reason: 'wrong-speaker', at: at(2) },
      ],
      review: { decision: 'confirmed', userId: REVIEWER, at: at(3) },
    },
    {
      // Flagged by one person who is no reviewer: disputed under a threshold of 2.
      ref: { kind: 'position', id: '00000000000000b2', topic: 'ferry-rights' },
      fact: {
        lead: 'Lowmark',
        text: 'wants the ferry lanes shared',
        quoted: false,
        citations: [{ articleId: source(1).id, evidence: evidence(1) }],
        sources: [source(1)],
      },
      flags: [{ userId: 'UCARLA', reason: 'not-a-position', at: at(4) }],
    },
    {
      // Restored by a reviewer: shown again, earlier flags no longer count.
      ref: { kind: 'guarantor', country: 'Norway', proposedBy: 'Lowmark' },
      fact: {
        lead: 'Proposed by Lowmark',
        text: 'Norway',
        quoted: false,
        citations: [{ articleId: source(2).id, evidence: evidence(2) }],
        sources: [source(2)],
      },
      flags: [{ userId: 'UDAVID', reason: 'not-a-guarantor', at: at(5) }],
      review: { decision: 'restored', userId: REVIEWER, at: at(6) },
    },
  ],
};
const [STATEMENT, POSITION, GUARANTOR] = [
  'statement:00000000000000a1',
  'position:00000000000000b2',
  'guarantor:Norway:Lowmark',
];

async function writeLegacyBook(client: DynamoDBClient, tableName: string, book: LegacyFlagBook, version = 7) {
  await client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        pk: { S: 'FLAGS' },
        sk: { S: 'BOOK' },
        payload: { B: deflateRawSync(JSON.stringify(book), { level: 1 }) },
        version: { N: String(version) },
      },
    }),
  );
}

async function rawItem(t: TestStore, sk: string) {
  const { Item } = await t.client.send(
    new GetItemCommand({ TableName: t.tableName, Key: { pk: { S: 'FLAGS' }, sk: { S: sk } }, ConsistentRead: true }),
  );
  return Item;
}

/** Everything the flags keep, as stored: the index, each fact's item, the book. */
async function storedFlags(t: TestStore) {
  const item = async <S extends z.ZodMiniType>(sk: string, schema: S): Promise<z.infer<S> | null> => {
    const found = await rawItem(t, sk);
    return found ? decodePayload(found, schema) : null;
  };
  return {
    index: await item('INDEX', FlagIndexSchema),
    facts: Object.fromEntries(
      await Promise.all(
        [STATEMENT, POSITION, GUARANTOR].map(async (key) => [key, await item(`FACT#${key}`, FlaggedFactSchema)]),
      ),
    ) as Record<string, FlaggedFact | null>,
    book: await item('BOOK', LegacyFlagBookSchema),
  };
}

/** The flags of a fact's item, as (person, when) pairs: each must be there exactly once. */
const flagsOf = (fact: FlaggedFact | null | undefined) => fact?.flags.map((f) => `${f.userId}@${f.at}`).sort();

/**
 * Documents that let a test stop a migration at one step (`pauseBefore`) until it is told to go on: a race
 * made to happen at its worst moment rather than hoped for. Every read and write still goes to the table.
 */
function gated(documents: VersionedDocuments, pauseBefore: (name: { kind: string }) => boolean) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let reached: () => void = () => {};
  const paused = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const wrapped: VersionedDocuments = {
    ...documents,
    async update(name, schema, change) {
      if (pauseBefore(name)) {
        reached();
        await released;
      }
      return documents.update(name, schema, change);
    },
  };
  return { documents: wrapped, paused, release };
}

/** A client whose `n`th PutItem of an item whose sort key starts with `sk` fails as DynamoDB fails one past the SDK's retries. */
function throttleNthWrite(endpoint: string, sk: string, n: number): DynamoDBClient {
  const client = createDynamoClient({ endpoint });
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  let writes = 0;
  // Failure injection: the embedded DynamoDB cannot be made to throttle one write on demand.
  client.send = ((command: unknown) => {
    if (command instanceof PutItemCommand && command.input.Item?.sk?.S?.startsWith(sk)) {
      writes += 1;
      if (writes === n)
        return Promise.reject(
          Object.assign(new Error('Throughput exceeds the current capacity'), {
            name: 'ProvisionedThroughputExceededException',
          }),
        );
    }
    return send(command);
  }) as DynamoDBClient['send'];
  return client;
}

describe.each(backends)('migrating the flag book on $name', (backend) => {
  let server: RunningServer;
  const opened: TestStore[] = [];
  const clients: DynamoDBClient[] = [];
  beforeAll(async () => {
    server = await backend.start();
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(opened.map((t) => t.close()));
    await server.close();
  });

  /** A fresh table holding the legacy book, and documents over it as one process opens them. */
  async function tableWithBook(): Promise<TestStore> {
    const t = await openStoreOn(server);
    opened.push(t);
    await writeLegacyBook(t.client, t.tableName, LEGACY_BOOK);
    return t;
  }
  function documentsOn(t: TestStore, client?: DynamoDBClient) {
    const own = client ?? createDynamoClient({ endpoint: t.endpoint });
    clients.push(own);
    return createDynamoDocuments({ client: own, tableName: t.tableName });
  }

  it('moves every flag of the book into its fact item and the index on the first read, and marks the book migrated', async () => {
    // Prepare
    const t = await tableWithBook();
    const flags = createFlagStore(documentsOn(t));

    // Act: the first command's read of the flags.
    const index = await flags.getFlagIndex();

    // Assess: what the book hid is hidden, what it marked disputed is, what it restored is shown.
    const statuses = flagStatuses(index, policy);
    expect(statuses.byKey.get(STATEMENT)?.state).toBe('hidden');
    expect(statuses.byKey.get(POSITION)).toEqual({ state: 'disputed', flaggedBy: 1 });
    expect(statuses.byKey.get(GUARANTOR)?.state).toBe('clear');
    // The statement is found by its citations after a merge changes its id, as a flag made today would be.
    const first = LEGACY_BOOK.facts[0]?.fact.citations[0];
    expect(
      first && statuses.byAnchor.get(citationAnchor('statement', first, 'the ferry talks would resume'))?.state,
    ).toBe('hidden');
    const stored = await storedFlags(t);
    expect(stored.index).toEqual(index);
    expect(stored.index?.facts.map((e) => e.key)).toEqual([GUARANTOR, POSITION, STATEMENT]);
    expect(flagsOf(stored.facts[STATEMENT])).toEqual([`UANNA@${at(1)}`, `UBORIS@${at(2)}`]);
    expect(stored.facts[STATEMENT]?.flags[0]?.note).toBe('She said the opposite.');
    expect(stored.facts[STATEMENT]?.review?.decision).toBe('confirmed');
    expect(stored.facts[STATEMENT]?.fact.citations).toHaveLength(3);
    expect(stored.facts[STATEMENT]?.anchors).toHaveLength(5);
    expect(flagsOf(stored.facts[POSITION])).toEqual([`UCARLA@${at(4)}`]);
    expect(stored.facts[GUARANTOR]?.review?.decision).toBe('restored');
    expect(stored.book?.facts).toEqual([]);
    expect(stored.book?.migratedAt).toBeDefined();
    expect((await flags.listFlaggedFacts(25)).facts.map((f) => f.ref.kind)).toEqual(['position', 'statement']);
  });

  it('changes nothing when it runs again, even from a copy of the book read before it was marked', async () => {
    // Prepare: migrated once; then the book as it was, as a stale read or a process that read it early sees it.
    const t = await tableWithBook();
    const documents = documentsOn(t);
    await migrateLegacyFlagBook(documents);
    const once = await storedFlags(t);
    await writeLegacyBook(t.client, t.tableName, LEGACY_BOOK, 99);

    // Act
    await migrateLegacyFlagBook(documents);
    await migrateLegacyFlagBook(documents);

    // Assess: the same items, every flag once; a migrated book is not migrated again.
    const again = await storedFlags(t);
    expect(again.index).toEqual(once.index);
    expect(again.facts).toEqual(once.facts);
    expect(again.book?.facts).toEqual([]);
    expect(await migrateLegacyFlagBook(documents)).toBeNull();
  });

  it('two processes migrating at once write every flag once, and a flag made meanwhile is kept', async () => {
    // Prepare: process A stops just before marking the book migrated, after writing every fact and the index.
    const t = await tableWithBook();
    const a = gated(documentsOn(t), (name) => name.kind === 'legacy-flag-book');
    const b = documentsOn(t);
    const reviewer = createFlagStore(documentsOn(t));

    // Act: A migrates up to its last step; then B migrates in full and someone flags a migrated fact; then A goes on.
    const migratingA = migrateLegacyFlagBook(a.documents);
    await a.paused;
    const [indexB] = await Promise.all([
      migrateLegacyFlagBook(b),
      reviewer.reviewFact(GUARANTOR, { decision: 'confirmed', userId: REVIEWER, at: at(30) }, policy),
    ]);
    a.release();
    const indexA = await migratingA;

    // Assess: every flag of the book once, the later review kept, the book marked once, the index whole.
    const stored = await storedFlags(t);
    expect(flagsOf(stored.facts[STATEMENT])).toEqual([`UANNA@${at(1)}`, `UBORIS@${at(2)}`]);
    expect(flagsOf(stored.facts[POSITION])).toEqual([`UCARLA@${at(4)}`]);
    expect(flagsOf(stored.facts[GUARANTOR])).toEqual([`UDAVID@${at(5)}`]);
    expect(stored.facts[GUARANTOR]?.review).toEqual({ decision: 'confirmed', userId: REVIEWER, at: at(30) });
    expect(stored.index?.facts.map((e) => e.key).sort()).toEqual([GUARANTOR, POSITION, STATEMENT].sort());
    for (const key of [STATEMENT, POSITION, GUARANTOR]) {
      const fact = stored.facts[key];
      expect(stored.index?.facts.find((e) => e.key === key)).toEqual(fact && indexEntry(fact));
    }
    expect(indexB?.facts).toHaveLength(3);
    expect(indexA?.facts).toHaveLength(3);
    expect(stored.book?.facts).toEqual([]);
  });

  it('a migration throttled half way leaves the book whole, answers from it meanwhile, and the next completes it', async () => {
    // Prepare: the second fact item's write fails.
    const t = await tableWithBook();
    const failures: unknown[] = [];
    const throttled = createFlagStore(documentsOn(t, throttleNthWrite(t.endpoint, 'FACT#', 2)), {
      onMigrationError: (error) => failures.push(error),
    });

    // Act
    const meanwhile = await throttled.getFlagIndex();

    // Assess: the answer still hides what the book hid; the book is untouched; the failure was reported.
    expect(failures.map((e) => (e as Error).name)).toEqual(['ProvisionedThroughputExceededException']);
    expect(flagStatuses(meanwhile, policy).byKey.get(STATEMENT)?.state).toBe('hidden');
    expect(flagStatuses(meanwhile, policy).byKey.get(POSITION)?.state).toBe('disputed');
    const half = await storedFlags(t);
    expect(half.index).toBeNull();
    expect(half.book).toEqual(LEGACY_BOOK);
    expect((await rawItem(t, 'BOOK'))?.version?.N).toBe('7');
    expect(Object.values(half.facts).filter(Boolean).length).toBeGreaterThan(0);

    // Act: the next command, on a healthy client.
    const index = await createFlagStore(documentsOn(t)).getFlagIndex();

    // Assess: complete, every flag once.
    const done = await storedFlags(t);
    expect(done.index).toEqual(index);
    expect(index.facts).toHaveLength(3);
    expect(flagsOf(done.facts[STATEMENT])).toEqual([`UANNA@${at(1)}`, `UBORIS@${at(2)}`]);
    expect(flagsOf(done.facts[POSITION])).toEqual([`UCARLA@${at(4)}`]);
    expect(flagsOf(done.facts[GUARANTOR])).toEqual([`UDAVID@${at(5)}`]);
    expect(done.book?.facts).toEqual([]);
  });

  it('a flag written before any command read the flags joins the book’s flags instead of replacing them', async () => {
    // Prepare
    const t = await tableWithBook();
    const flags = createFlagStore({
      ...documentsOn(t),
      getGuarantors: async () => ({
        guarantors: [
          { country: 'Norway', proposedBy: 'Lowmark', citations: LEGACY_BOOK.facts[2]?.fact.citations ?? [] },
        ],
        sources: [source(2)],
      }),
    } as Parameters<typeof createFlagStore>[0]);

    // Act
    await flags.flagFact(
      { kind: 'guarantor', country: 'Norway', proposedBy: 'Lowmark' },
      { userId: 'UERIK', reason: 'not-a-guarantor', at: at(40) },
      policy,
    );

    // Assess
    const stored = await storedFlags(t);
    expect(stored.index?.facts.map((e) => e.key)).toEqual([GUARANTOR, POSITION, STATEMENT]);
    expect(flagsOf(stored.facts[GUARANTOR])).toEqual([`UDAVID@${at(5)}`, `UERIK@${at(40)}`]);
    expect(flagStatuses(stored.index ?? { facts: [] }, policy).byKey.get(GUARANTOR)).toEqual({
      state: 'disputed',
      flaggedBy: 1,
    });
    expect(stored.book?.facts).toEqual([]);
  });

  it('a table without a book gets an empty index on its first read, so later reads are one request', async () => {
    // Prepare
    const t = await openStoreOn(server);
    opened.push(t);
    const documents = documentsOn(t);
    const flags = createFlagStore(documents);

    // Act
    const index = await flags.getFlagIndex();

    // Assess: empty, and marked as having no book to migrate, so flags and reviews never look for one.
    expect(index).toEqual({ facts: [], bookMigrated: true });
    expect((await storedFlags(t)).index).toEqual({ facts: [], bookMigrated: true });
    expect(await documents.read(LEGACY_FLAG_BOOK, LegacyFlagBookSchema)).toBeNull();
  });

  /** A flag store over a table, with every request it makes recorded (which item, how), and one fact to flag. */
  function recordedFlagStore(t: TestStore, client = createDynamoClient({ endpoint: t.endpoint })) {
    clients.push(client);
    const sent: string[] = [];
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    // Observation only: every request still goes to the table, unchanged.
    client.send = ((command: { constructor: { name: string }; input: { Key?: Item; Item?: Item } }) => {
      const key = command.input.Key ?? command.input.Item;
      sent.push(`${command.constructor.name.replace(/Command$/u, '')} ${key?.sk?.S ?? ''}`);
      return send(command);
    }) as DynamoDBClient['send'];
    const flags = createFlagStore({
      ...createDynamoDocuments({ client, tableName: t.tableName }),
      // The fact flagged: a guarantor, described from the guarantors view (one GetItem, as stored).
      getGuarantors: async () => {
        sent.push('GetItem VIEW');
        return { guarantors: [{ country: 'Chile', proposedBy: 'Lowmark', citations: [] }], sources: [] };
      },
    } as Parameters<typeof createFlagStore>[0]);
    return { flags, sent };
  }
  const CHILE = { kind: 'guarantor', country: 'Chile', proposedBy: 'Lowmark' } as const;
  const CHILE_KEY = 'guarantor:Chile:Lowmark';

  it('a flag or review on a migrated table reads no flag book: one request fewer each', async () => {
    // Prepare: the book migrated as the version before the mark did, leaving the index unmarked.
    const t = await tableWithBook();
    await migrateLegacyFlagBook(documentsOn(t));
    expect((await storedFlags(t)).index?.bookMigrated).toBeUndefined();
    const { flags, sent } = recordedFlagStore(t);

    // Act: a first flag (the index, migrated by an earlier version, is not marked yet), a second, a review.
    await flags.flagFact(CHILE, { userId: 'UERIK', reason: 'not-a-guarantor', at: at(50) }, policy);
    const first = sent.splice(0);
    await flags.flagFact(CHILE, { userId: 'UFRIDA', reason: 'not-a-guarantor', at: at(51) }, policy);
    const second = sent.splice(0);
    await flags.reviewFact(CHILE_KEY, { decision: 'confirmed', userId: REVIEWER, at: at(52) }, policy);
    const review = sent.splice(0);

    // Assess: the first looks at the book once and marks the index; later ones never read it.
    expect(first.filter((r) => r.endsWith(' BOOK'))).toEqual(['GetItem BOOK']);
    const readsAndWrites = [`GetItem FACT#${CHILE_KEY}`, `PutItem FACT#${CHILE_KEY}`, 'GetItem INDEX', 'PutItem INDEX'];
    expect(second).toEqual(['GetItem VIEW', ...readsAndWrites]);
    expect(review).toEqual(readsAndWrites);
    const stored = await storedFlags(t);
    expect(stored.index?.bookMigrated).toBe(true);
    expect(stored.index?.facts.map((e) => e.key)).toEqual([CHILE_KEY, GUARANTOR, POSITION, STATEMENT]);
    expect(flagStatuses(stored.index ?? { facts: [] }, policy).byKey.get(CHILE_KEY)?.state).toBe('hidden');
  });

  it('two flags at once on an unmigrated table both migrate the book, both count, and mark the index once it is moved', async () => {
    // Prepare: a book, no index; two processes.
    const t = await tableWithBook();
    const [a, b] = [recordedFlagStore(t), recordedFlagStore(t)];

    // Act
    await Promise.all([
      a.flags.flagFact(CHILE, { userId: 'UERIK', reason: 'not-a-guarantor', at: at(60) }, policy),
      b.flags.flagFact(CHILE, { userId: 'UFRIDA', reason: 'other', at: at(61) }, policy),
    ]);

    // Assess: every flag of the book once, both new flags, the book marked migrated, the index marked.
    const stored = await storedFlags(t);
    expect(stored.book?.facts).toEqual([]);
    expect(stored.index?.bookMigrated).toBe(true);
    expect(stored.index?.facts.map((e) => e.key).sort()).toEqual([CHILE_KEY, GUARANTOR, POSITION, STATEMENT].sort());
    expect(flagsOf(stored.facts[STATEMENT])).toEqual([`UANNA@${at(1)}`, `UBORIS@${at(2)}`]);
    expect(stored.index?.facts.find((e) => e.key === CHILE_KEY)?.openBy.sort()).toEqual(['UERIK', 'UFRIDA']);
  });

  it('a review of a fact only the unmigrated book holds migrates the book, then records the review', async () => {
    // Prepare: a book, no index; the position flagged in the book is disputed there.
    const t = await tableWithBook();
    const { flags } = recordedFlagStore(t);

    // Act
    await flags.reviewFact(POSITION, { decision: 'confirmed', userId: REVIEWER, at: at(70) }, policy);

    // Assess
    const stored = await storedFlags(t);
    expect(stored.book?.facts).toEqual([]);
    expect(stored.index?.bookMigrated).toBe(true);
    expect(stored.facts[POSITION]?.review).toEqual({ decision: 'confirmed', userId: REVIEWER, at: at(70) });
    expect(flagStatuses(stored.index ?? { facts: [] }, policy).byKey.get(POSITION)?.state).toBe('hidden');
    expect(flagsOf(stored.facts[STATEMENT])).toEqual([`UANNA@${at(1)}`, `UBORIS@${at(2)}`]);
  });

  it('a review of a fact nobody flagged is still refused on a migrated table', async () => {
    const t = await tableWithBook();
    const { flags } = recordedFlagStore(t);
    await flags.getFlagIndex();

    await expect(
      flags.reviewFact(CHILE_KEY, { decision: 'confirmed', userId: REVIEWER, at: at(80) }, policy),
    ).rejects.toThrow('That fact is no longer flagged.');
  });

  it('a flag whose index write fails after the book moved is indexed by the next command, not left out until flagged again', async () => {
    // Prepare: a book, no index; the flag's own index write (after the migration wrote the book's) fails.
    const t = await tableWithBook();
    const failing = recordedFlagStore(t, throttleNthWrite(t.endpoint, 'INDEX', 2));

    // Act
    await expect(
      failing.flags.flagFact(CHILE, { userId: 'UERIK', reason: 'not-a-guarantor', at: at(90) }, policy),
    ).rejects.toThrow('Throughput exceeds the current capacity');

    // Assess: the flag's item is written, its entry is not, and the index is not marked complete.
    const half = await storedFlags(t);
    const chile = await rawItem(t, `FACT#${CHILE_KEY}`);
    expect(flagsOf(chile && decodePayload(chile, FlaggedFactSchema))).toEqual([`UERIK@${at(90)}`]);
    expect(half.book?.facts).toEqual([]);
    expect(half.index?.facts.map((e) => e.key)).toEqual([GUARANTOR, POSITION, STATEMENT]);
    expect(half.index?.bookMigrated).toBeUndefined();

    // Act: the next command's read of the flags, on a healthy client.
    const index = await createFlagStore(documentsOn(t)).getFlagIndex();

    // Assess: the flag counts, as it would had its write not failed; the index is marked, so it is the last rebuild.
    expect(index.facts.map((e) => e.key)).toEqual([CHILE_KEY, GUARANTOR, POSITION, STATEMENT]);
    expect(flagStatuses(index, policy).byKey.get(CHILE_KEY)).toEqual({ state: 'disputed', flaggedBy: 1 });
    expect(flagStatuses(index, policy).byKey.get(STATEMENT)?.state).toBe('hidden');
    expect((await storedFlags(t)).index).toEqual({ ...index, bookMigrated: true });
  });

  it('the same failure is mended by the next flag of any other fact, if it comes before a command', async () => {
    // Prepare
    const t = await tableWithBook();
    const failing = recordedFlagStore(t, throttleNthWrite(t.endpoint, 'INDEX', 2));
    await expect(
      failing.flags.flagFact(CHILE, { userId: 'UERIK', reason: 'not-a-guarantor', at: at(90) }, policy),
    ).rejects.toThrow('Throughput exceeds the current capacity');

    // Act: someone reviews the position the book flagged.
    await recordedFlagStore(t).flags.reviewFact(
      POSITION,
      { decision: 'confirmed', userId: REVIEWER, at: at(91) },
      policy,
    );

    // Assess
    const { index } = await storedFlags(t);
    expect(index?.bookMigrated).toBe(true);
    const statuses = flagStatuses(index ?? { facts: [] }, policy);
    expect(statuses.byKey.get(CHILE_KEY)).toEqual({ state: 'disputed', flaggedBy: 1 });
    expect(statuses.byKey.get(POSITION)?.state).toBe('hidden');
  });
});
