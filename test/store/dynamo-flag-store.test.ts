import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFlag } from '../../lambda/flags/flag-book.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { createDynamoFlagStore } from '../../lambda/store/dynamo-flag-store.js';
import type { FactSnapshot } from '../../lambda/store/flag-book-schema.js';
import { backends, openStoreOn, type RunningServer, type TestStore } from './backends.js';

const ARTICLE = {
  name: 'lakeside.html',
  bytes: readFileSync(new URL('../fixtures/links/article.html', import.meta.url)),
};
const snapshot: FactSnapshot = { lead: null, text: 'Norway', quoted: false, citations: [], sources: [] };
const norway = { kind: 'guarantor', country: 'Norway', proposedBy: 'Ukraine' } as const;

describe.each(backends)('DynamoDB flag store on $name', (backend) => {
  let server: RunningServer;
  let t: TestStore;
  beforeAll(async () => {
    server = await backend.start();
    t = await openStoreOn(server);
    await ingestInputs([ARTICLE], t.store);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('reads an empty book before anyone flags', async () => {
    const flags = createDynamoFlagStore({ client: t.client, tableName: t.tableName });
    expect(await flags.getFlagBook()).toEqual({ facts: [] });
  });

  it('keeps both flags when two people flag at the same moment', async () => {
    const flags = createDynamoFlagStore({ client: t.client, tableName: t.tableName });
    await Promise.all(
      ['U1', 'U2', 'U3'].map((userId) =>
        flags.updateFlagBook((book) =>
          addFlag(book, norway, snapshot, { userId, reason: 'not-a-guarantor', at: '2026-11-01T00:00:00Z' }),
        ),
      ),
    );
    const [fact] = (await flags.getFlagBook()).facts;
    expect(fact?.flags.map((f) => f.userId).sort()).toEqual(['U1', 'U2', 'U3']);
  });

  it('describes a stored fact with its evidence and sources, and a fact no longer stored as null', async () => {
    const flags = createDynamoFlagStore({ client: t.client, tableName: t.tableName });
    const fact = await flags.describeFact(norway);
    expect(fact?.text).toBe('Norway');
    expect(fact?.citations.map((c) => c.evidence)).toContain(
      'Kyiv has asked for security guarantees from Norway and Portugal, a senior official said.',
    );
    expect(fact?.sources.map((s) => s.outlet)).toEqual(['Harbour Ledger']);
    expect(await flags.describeFact({ kind: 'statement', id: '0000000000000000', speakerKey: 'nobody' })).toBeNull();
  });
});
