import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { backends, openStoreOn, type RunningServer, type TestStore } from './backends.js';

const ARTICLE = {
  name: 'lakeside.html',
  bytes: readFileSync(new URL('../fixtures/links/article.html', import.meta.url)),
};
const CounterSchema = z.object({ users: z.array(z.string()) });

describe.each(backends)('DynamoDB documents on $name', (backend) => {
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

  it('reads null for a document never written', async () => {
    const documents = createDynamoDocuments({ client: t.client, tableName: t.tableName });
    expect(await documents.read({ kind: 'flag-index' }, CounterSchema)).toBeNull();
    expect(await documents.readMany([{ kind: 'flagged-fact', factKey: 'statement:none' }], CounterSchema)).toEqual([
      null,
    ]);
  });

  it('keeps every change when three writers change one document at the same moment', async () => {
    const documents = createDynamoDocuments({ client: t.client, tableName: t.tableName });
    const name = { kind: 'flagged-fact', factKey: 'guarantor:Norway:Ukraine' } as const;
    await Promise.all(
      ['U1', 'U2', 'U3'].map((user) =>
        documents.update(name, CounterSchema, (current) => ({ users: [...(current?.users ?? []), user] })),
      ),
    );
    const [read] = await documents.readMany([name], CounterSchema);
    expect(read?.users.sort()).toEqual(['U1', 'U2', 'U3']);
  });

  it('reads the stored records of facts, and null for one not stored', async () => {
    const documents = createDynamoDocuments({ client: t.client, tableName: t.tableName });
    const guarantors = await documents.getGuarantors();
    expect(guarantors?.guarantors.map((g) => g.country)).toContain('Norway');
    expect(await documents.getStatementRecord('nobody', '0000000000000000')).toBeNull();
    expect(await documents.getPositionRecord('crimea', '0000000000000000')).toBeNull();
  });
});
