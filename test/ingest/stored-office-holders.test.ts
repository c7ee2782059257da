import { describe, expect, it } from 'vitest';
import { readArticleInputs } from '../../lambda/articles/read-inputs.js';
import { extractCorpusFacts } from '../../lambda/facts/extract.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * Written for these tests (invented people; a real country, since an office names its country by the country's name):
 * one report gives a foreign minister her office and name; a later one, ingested on another day, names her and a
 * colleague without offices and then only the office when she speaks (read alone, it gives the words to the first
 * person it named). The office holder learnt from the first must be known to the second's ingest, as it is
 * when both are extracted together.
 */
const NAMES_HER = [
  'Title: Ministers gather in Tarsk',
  'Source: Harbour Gazette',
  '',
  'Danish Foreign Minister Ilse Marrow landed in Tarsk on Sunday evening. Marrow said the agenda was settled.',
].join('\n');
const OFFICE_ONLY = [
  'Title: Crossings stay closed',
  'Source: Upland Courier',
  '',
  'Tomas Brill and Ilse Marrow met the mediators in Tarsk on the second day of talks.',
  'The Danish foreign minister told reporters that the river crossings would stay closed until spring.',
].join('\n');
const NAMES_ANOTHER = [
  'Title: A second minister',
  'Source: Lowland Post',
  '',
  'Danish Foreign Minister Per Quill arrived in Tarsk. Quill said he expected a long week.',
].join('\n');

const freshStore = freshStoresOnEmbeddedDynamo();

/** Who said the words about the crossings, by the speaker's view in the store. */
const crossingsSpeaker = async (store: TalksStore) => {
  const { speakers } = await store.getSpeakerDirectory();
  for (const { key, name } of speakers) {
    const view = await store.getSpeaker(key, 50);
    if (view?.statements.some((s) => s.text.includes('crossings'))) return name;
  }
  return null;
};

describe('office holders learnt by earlier ingests', () => {
  it('fill an office a later ingest names by its title alone, as extracting both together does', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('names-her.txt', NAMES_HER)], store);
    await ingestInputs([textInput('office-only.txt', OFFICE_ONLY)], store);

    const together = extractCorpusFacts(
      readArticleInputs([textInput('names-her.txt', NAMES_HER), textInput('office-only.txt', OFFICE_ONLY)]).articles,
    );
    expect(together.statements.find((s) => s.text.includes('crossings'))?.speaker).toBe('Ilse Marrow');
    expect(await crossingsSpeaker(store)).toBe('Ilse Marrow');
    expect((await store.officeVotes()).votes).toEqual([
      expect.objectContaining({ office: 'Denmark|foreign minister', name: 'Ilse Marrow', votes: 1 }),
    ]);
  });

  it('count each article once, however often it is ingested again', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('names-her.txt', NAMES_HER)], store);
    await ingestInputs([textInput('names-her-again.txt', NAMES_HER)], store);

    expect((await store.officeVotes()).votes.map((v) => v.votes)).toEqual([1]);
  });

  it('name nobody when the stored reports give the office to two people as often: the report alone decides', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('names-her.txt', NAMES_HER)], store);
    await ingestInputs([textInput('names-another.txt', NAMES_ANOTHER)], store);
    await ingestInputs([textInput('office-only.txt', OFFICE_ONLY)], store);

    expect(await crossingsSpeaker(store)).toBe('Tomas Brill');
  });
});
