import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalPageArchive } from '../../lambda/cli/local-page-archive.js';
import { addLinks } from '../../lambda/links/add-links.js';
import { fetchPage } from '../../lambda/links/fetch-page.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import { rewriteAsFormat8 } from '../ingest/format-8-table.js';
import { openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';
import { PAGE_SERVER_ADDRESS, type PageServer, startPageServer } from './page-server.js';

let site: PageServer;
let dynamo: RunningServer;
let store: TestStore;
let folder: string;

beforeAll(async () => {
  [site, dynamo] = await Promise.all([startPageServer(), startEmbeddedDynamo()]);
});
afterAll(async () => {
  await Promise.all([site.close(), dynamo.close()]);
});
beforeEach(async () => {
  store = await openStoreOn(dynamo);
  folder = await mkdtemp(join(tmpdir(), 'talks-links-'));
  return async () => {
    await store.close();
    await rm(folder, { recursive: true, force: true });
  };
});

const deps = () => ({
  store: store.store,
  archive: createLocalPageArchive(folder),
  fetch: (link: string) => fetchPage(link, { allowedAddresses: [PAGE_SERVER_ADDRESS] }),
});

async function archived(): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).filter((name) => /\.(html|txt)$/u.test(name));
}

describe('addLinks', () => {
  it('stores a page as a new article, keeps the page, and names what was found in it', async () => {
    const [outcome] = await addLinks([`${site.origin}/article.html`], deps());

    expect(outcome).toMatchObject({
      outcome: 'stored',
      article: { title: 'Lakeside round ends with a draft on guarantees', outlet: 'Harbour Ledger' },
      found: {
        speakers: expect.arrayContaining(['Marta Hrytsenko', 'Pavel Orlov']),
        guarantors: [
          { country: 'Norway', proposedBy: 'Ukraine' },
          { country: 'Portugal', proposedBy: 'Ukraine' },
        ],
        positions: [{ topic: 'crimea', parties: ['Russia'] }],
        source: { title: 'Lakeside round ends with a draft on guarantees', url: `${site.origin}/article.html` },
      },
    });
    // Each guarantor with the page's sentences that propose it, once each, as the stored guarantors keep them.
    const norway = outcome?.outcome === 'stored' ? outcome.found.guarantors[0] : undefined;
    expect(norway?.citations.map((c) => c.evidence)).toEqual([
      'Hrytsenko said Ukraine wants Norway to act as a guarantor of its security alongside its neighbours.',
      'Kyiv has asked for security guarantees from Norway and Portugal, a senior official said.',
    ]);
    expect(await archived()).toHaveLength(1);
    const sources = await store.store.listSources(10);
    expect(sources.sources[0]).toMatchObject({ url: `${site.origin}/article.html` });
    expect((await store.store.getSpeakerDirectory()).speakers.map((s) => s.name)).toContain('Marta Hrytsenko');
  });

  it('merges the same page read through another link into the stored article', async () => {
    const [, second] = await addLinks([`${site.origin}/article.html`, `${site.origin}/moved`], deps());
    expect(second).toMatchObject({ outcome: 'merged', article: { outlet: 'Harbour Ledger' } });
    expect((await store.store.listSources(10)).total).toBe(1);
  });

  it('answers "already stored" for a page stored before a deploy brought a new store format, while it is rebuilt', async () => {
    // Prepare: the page stored, then the table turned back into format 8 (its precomputed items under the old keys),
    // as a table is while the deploy's rebuild has not reached that article.
    await addLinks([`${site.origin}/article.html`], deps());
    await rewriteAsFormat8(store.client, store.tableName);

    // Act
    const [again] = await addLinks([`${site.origin}/article.html`], deps());

    // Assess: merged into the stored article, and its facts are in the new format's items.
    expect(again).toMatchObject({ outcome: 'merged', article: { outlet: 'Harbour Ledger' } });
    expect((await store.store.getSpeakerDirectory()).speakers.map((s) => s.name)).toContain('Marta Hrytsenko');
    expect((await store.store.listSources(10)).total).toBe(1);
  });

  it('refuses a page with no article text, and a missing page, storing nothing', async () => {
    const outcomes = await addLinks([`${site.origin}/no-text.html`, `${site.origin}/gone.html`], deps());
    expect(outcomes.map((o) => o.outcome)).toEqual(['rejected', 'rejected']);
    expect(outcomes[1]).toMatchObject({ reason: 'the page answered 404 Not Found' });
    expect(await archived()).toEqual([]);
    expect((await store.store.listSources(10)).total).toBe(0);
  });
});
