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
 * People as readers know them, through the real store: the corpus in test/fixtures/articles/people-spellings/
 * (its README says what each article exercises) ingested into dynalite, then answered as the CLI prints.
 */

const CORPUS = join(fixtureDir('people-spellings'), 'articles');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(CORPUS, f));
const MAJORITY = 'Bohdan Kovalchuk';
const OTHER_SPELLINGS = ['Bohdan Kovalchuck', 'Bogdan Kovaltchuk', 'Bogdan Kovalčuk'];
/** Names in speakers' places that are no person: a host, a correspondent, an agency, a cited outlet, crowds. */
const NOT_PEOPLE = ['Lozano', 'Reed', 'Belta', 'Lakeside Pravda', 'Russians', 'Ukrainians', 'delegations'];

const freshStore = freshStoresOnEmbeddedDynamo();
const print = async (command: string, store: TalksStore) =>
  renderText(await answerCommand(parseCommand(command), store));

describe('people as readers know them', () => {
  it('shows the four spellings as one person under the majority spelling, the others as also written', async () => {
    const store = await freshStore();
    await ingestPaths(FILES, store);

    const { speakers } = await store.getSpeakerDirectory();
    const named = speakers.filter((s) => /kova/iu.test([s.name, ...s.aliases].join(' ')));
    expect(named.map((s) => [s.name, s.articleCount])).toEqual([[MAJORITY, 6]]);

    const summary = await print('summary', store);
    const who = await print(`who ${MAJORITY}`, store);
    expect(summary).toContain(`${MAJORITY} — Ukraine · `);
    expect(who.split('\n')[0]).toBe(MAJORITY);
    for (const text of [summary, who]) {
      expect(text).toContain(`also written ${[...OTHER_SPELLINGS].sort().join(', ')}`);
    }
    // Topic answers name the speaker of a statement as shown too, whichever article it was read in.
    const topics = (await print('crimea', store)) + (await print('topic zaporizhzhia-npp', store));
    for (const spelling of OTHER_SPELLINGS) expect(topics).not.toContain(`${spelling}:`);
    for (const spelling of [...OTHER_SPELLINGS, 'kovaltchuk']) {
      expect((await print(`who ${spelling}`, store)).split('\n')[0]).toBe(MAJORITY);
    }
  });

  it('keeps outlets, agencies, a transcript host and correspondent and crowds out of the speakers', async () => {
    const store = await freshStore();
    await ingestPaths(FILES, store);

    const { speakers } = await store.getSpeakerDirectory();
    const everyName = speakers.flatMap((s) => [s.name, ...s.aliases]).join(' | ');
    for (const name of NOT_PEOPLE) expect(everyName).not.toContain(name);
    const crimea = await print('crimea', store);
    expect(crimea).not.toContain('refuses to discuss the status of Crimea at all?');
    expect(crimea).not.toContain('does Russia still insist');
  });

  it('keeps Mike Johnson and Boris Johnson two people', async () => {
    const store = await freshStore();
    await ingestPaths(FILES, store);

    const { speakers } = await store.getSpeakerDirectory();
    const johnsons = speakers.filter((s) => s.name.endsWith('Johnson')).map((s) => [s.name, s.affiliation]);
    expect(johnsons.sort()).toEqual([
      ['Boris Johnson', 'United Kingdom'],
      ['Mike Johnson', 'United States'],
    ]);
  });

  it('recomputes the name when articles arrive, and keeps it when they are ingested again', async () => {
    const store = await freshStore();
    const minority = FILES.filter((f) => /[456]-/u.test(f));
    await ingestPaths(minority, store);
    const before = (await store.getSpeakerDirectory()).speakers.find((s) => /kova/iu.test(s.key));
    expect(before?.name).not.toBe(MAJORITY);

    await ingestPaths(FILES, store);
    const view = async () => {
      const entry = (await store.getSpeakerDirectory()).speakers.find((s) => /kova/iu.test(s.key));
      return entry && (await store.getSpeaker(entry.key, 50));
    };
    const once = await view();
    await ingestPaths(FILES, store);
    const twice = await view();

    expect(once?.person.name).toBe(MAJORITY);
    expect(once?.spellings.find((s) => s.name === MAJORITY)?.articles).toBe(3);
    expect(twice).toEqual(once);
  });

  it('prints no evidence sentence twice in the terminal guarantor section', async () => {
    const store = await freshStore();
    await ingestPaths(FILES, store);

    for (const command of ['summary', 'guarantors']) {
      const text = await print(command, store);
      const section = text.slice(text.indexOf('guarantors\n'), text.indexOf('\n\n', text.indexOf('Proposed by')) + 1);
      const evidence = section.split('\n').filter((l) => /^ {6}\[\d+\] /u.test(l));
      const sentences = evidence.map((l) => l.replace(/^ {6}\[\d+\] /u, ''));
      expect(sentences.length).toBeGreaterThan(0);
      expect(new Set(sentences).size).toBe(sentences.length);
      expect(section).toContain('Chile, Japan, Norway, Portugal [');
    }
  });
});
