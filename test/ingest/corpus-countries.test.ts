import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { personKey } from '../../lambda/facts/speaker-key.js';
import { createExtractionThreads, spawnExtractionWorker } from '../../lambda/ingest/fact-extraction.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * Written for this test: a leader one report introduces with his country and office, and a later report that names
 * him by surname alone while he states his side's terms on a topic. At ingest the later report reads him as the
 * stored people place him (settlePeopleAndCountries over the name index), as extraction's corpus pass does within
 * one batch.
 */
const INTRODUCES = [
  'Title: Talks to resume',
  'Source: Vell Wire',
  '',
  'Russian President Anton Vell said on Monday that the delegations would meet again next week.',
].join('\n');
const BARE_TERMS = [
  'Title: Terms restated',
  'Source: Valley Daily',
  '',
  'The envoys spent the morning on prisoner lists before the afternoon session.',
  'Vell insisted that Crimea would stay under his control, whatever the mediators proposed.',
].join('\n');
const SPLITS_HIM = [
  'Title: Lists nearly done',
  'Source: Border Post',
  '',
  'Ukrainian negotiator Anton Vell said the lists were nearly done.',
].join('\n');

const freshStore = freshStoresOnEmbeddedDynamo();
const crimeaParties = async (store: TalksStore) =>
  (await store.getTopic('crimea'))?.positions.map((p) => p.party) ?? [];

describe('a holder the article gives no country, at ingest', () => {
  it("takes the country the stored people give him, for his position and in 'who'", async () => {
    const store = await freshStore();
    await ingestInputs([textInput('introduces.txt', INTRODUCES)], store);
    const report = await ingestInputs([textInput('terms.txt', BARE_TERMS)], store);

    expect(report.factsExtracted.positions).toBe(1);
    expect(await crimeaParties(store)).toEqual(['Russia']);
    const who = JSON.stringify(await answerCommand(parseCommand('who Vell'), store));
    expect(who).toContain('under his control');
    expect(who).toContain('Russia');
  });

  it('takes none when the articles of the batch give the name two countries', async () => {
    const store = await freshStore();
    await ingestInputs(
      [
        textInput('introduces.txt', INTRODUCES),
        textInput('splits.txt', SPLITS_HIM),
        textInput('terms.txt', BARE_TERMS),
      ],
      store,
    );

    expect(await crimeaParties(store)).toEqual([]);
  });

  it('reads the later report again on an extraction thread, sent the records that place him', async () => {
    // Prepare: real extraction workers whose messages are recorded as they are posted.
    const posted: { articles: { title: string | null }[]; corpus?: { lessons?: { placed: unknown[] } } }[] = [];
    const threads = createExtractionThreads(1, {
      spawn: () => {
        const worker = spawnExtractionWorker();
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (message: (typeof posted)[number]) => {
          posted.push(message);
          post(message);
        };
        return worker;
      },
    });
    const store = await freshStore();
    await ingestInputs([textInput('introduces.txt', INTRODUCES)], store, { extraction: threads });

    // Act
    await ingestInputs([textInput('terms.txt', BARE_TERMS)], store, { extraction: threads });
    await threads.close();

    // Assess: read twice by the worker, the second time with Vell's country as data; the answer is the ingest thread's.
    const terms = posted.filter((m) => m.articles.some((a) => a.title === 'Terms restated'));
    expect(terms.map((m) => m.corpus?.lessons?.placed)).toEqual([
      undefined,
      expect.arrayContaining([{ key: personKey('Anton Vell'), affiliation: 'Russia' }]),
    ]);
    expect(await crimeaParties(store)).toEqual(['Russia']);
  });

  it('takes none when nothing stored places him', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('terms.txt', BARE_TERMS)], store);

    expect(await crimeaParties(store)).toEqual([]);
  });
});
