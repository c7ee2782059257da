import { describe, expect, it } from 'vitest';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * Written for this test: one report names three South American states as possible guarantors; a later report on the
 * same effort only lists them among a call's leaders, beside its guarantee sentence. At ingest the later report's list
 * is read as the stored guarantors make it, as extraction's corpus pass reads it within one batch.
 */
const NAMES_THEM = [
  'Title: Guarantors named',
  'Source: Andes Wire',
  '',
  'Kyiv wants security guarantees from Chile, Peru and Ecuador, its foreign minister said on Tuesday.',
].join('\n');
const LIST = 'The call, chaired by the Uruguayan premier, will bring in the leaders of Chile, Peru and Ecuador.';
const LISTS_THEM = [
  'Title: A call on Friday',
  'Source: Valley Daily',
  '',
  `Envoys will meet on Friday to shape the security guarantees for Ukraine after a truce. ${LIST}`,
].join('\n');

const freshStore = freshStoresOnEmbeddedDynamo();
const citingTheList = async (store: TalksStore) =>
  (await store.getGuarantors()).guarantors
    .filter((g) => g.citations.some((c) => c.evidence === LIST))
    .map((g) => g.country)
    .sort();

describe('a list of the guarantors the store knows, at ingest', () => {
  it('names them as guarantors in a later batch', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('names.txt', NAMES_THEM)], store);
    await ingestInputs([textInput('lists.txt', LISTS_THEM)], store);

    expect(await citingTheList(store)).toEqual(['Chile', 'Ecuador', 'Peru']);
  });

  it('names none when nothing stored or in the batch knows them', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('lists.txt', LISTS_THEM)], store);

    expect(await citingTheList(store)).toEqual([]);
  });
});
