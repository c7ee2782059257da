import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { fixtureDir } from '../facts/fixture-articles.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * A person's country when the articles disagree, through the real store: the corpus in
 * test/fixtures/articles/people-countries/ (its README says what each article gives) ingested into dynalite, at once
 * and in every order, then answered as the CLI prints.
 */

const CORPUS = join(fixtureDir('people-countries'), 'articles');
const [NORWAY_1, NORWAY_2, DENMARK] = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(CORPUS, f)) as [string, string, string];
const NAME = 'Ilse Varnholm';

const freshStore = freshStoresOnEmbeddedDynamo();
const print = async (command: string, store: TalksStore) =>
  renderText(await answerCommand(parseCommand(command), store));

/** The person's entry as the directory, the name index and her own view hold it. */
async function varnholm(store: TalksStore) {
  const listed = (await store.getSpeakerDirectory()).speakers.find((s) => s.name === NAME);
  const found = (await store.findPeople(NAME)).find((s) => s.name === NAME);
  const view = listed && (await store.getSpeaker(listed.key, 50));
  return { listed: listed?.affiliation, found: found?.affiliation, view };
}

describe("a person's country by the articles' majority", () => {
  it('gives the country two of three articles give, not the alphabetically first, in every list and answer', async () => {
    // Prepare
    const store = await freshStore();

    // Act
    await ingestPaths([NORWAY_1, NORWAY_2, DENMARK], store);

    // Assess
    const { listed, found, view } = await varnholm(store);
    expect([listed, found, view?.person.affiliation]).toEqual(['Norway', 'Norway', 'Norway']);
    expect(view?.countries).toEqual([
      { country: 'Norway', articles: 2 },
      { country: 'Denmark', articles: 1 },
    ]);
    expect(await print('summary', store)).toContain(`${NAME} — Norway · `);
    expect(await print(`who ${NAME}`, store)).toMatch(/^Norway · 5 statements/mu);
  });

  it.each([
    ['the slip first', [[DENMARK], [NORWAY_1], [NORWAY_2]]],
    ['the slip last', [[NORWAY_1], [NORWAY_2], [DENMARK]]],
    ['the slip between', [[NORWAY_2], [DENMARK, NORWAY_1]]],
  ])('ends with the majority whatever the order of incremental ingests (%s)', async (_, rounds) => {
    const store = await freshStore();
    for (const round of rounds) await ingestPaths(round, store);
    const { listed, found, view } = await varnholm(store);
    expect([listed, found, view?.person.affiliation]).toEqual(['Norway', 'Norway', 'Norway']);
  });

  it('breaks a tie for the alphabetically first, and counts an article ingested again once', async () => {
    const store = await freshStore();
    await ingestPaths([NORWAY_1], store);
    expect((await varnholm(store)).listed).toBe('Norway');

    await ingestPaths([DENMARK], store);
    const tied = await varnholm(store);
    expect(tied.listed).toBe('Denmark');

    // The same two again: no vote counts twice, so the tie stands; the third article then decides.
    await ingestPaths([NORWAY_1, DENMARK], store);
    expect((await varnholm(store)).view?.countries).toEqual(tied.view?.countries);
    await ingestPaths([NORWAY_2], store);
    expect((await varnholm(store)).listed).toBe('Norway');
  });
});
