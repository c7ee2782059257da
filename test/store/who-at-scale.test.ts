import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delegatesCorpus, delegateWords } from '../../bench/delegates-corpus.js';
import { inventedPerson } from '../../bench/invented-names.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { meterDynamoUsage } from '../../lambda/store/dynamo-usage.js';
import { textInput } from '../articles/fixtures.js';
import { dynaliteBackend, openStoreOn, type RunningServer, type TestStore } from './backends.js';

/*
 * Issue 18, item 2: `who` past the speaker directory's byte budget. 3,000 delegates (the directory lists
 * about 2,000) quoted 400 an article, as the report did with 12,000.
 */

const SPEAKERS = 3_000;
let server: RunningServer;
let t: TestStore;
beforeAll(async () => {
  server = await dynaliteBackend.start();
  t = await openStoreOn(server);
  for (const { articles, facts } of delegatesCorpus(SPEAKERS, 400, 4)) {
    await t.store.storeArticles(articles);
    await t.store.applyFacts(facts, articles);
  }
});
afterAll(async () => {
  await t.close();
  await server.close();
});

const who = async (name: string) => JSON.stringify(await answerCommand(parseCommand(`who ${name}`), t.store));

describe('who at scale', () => {
  it('lists a bounded directory and counts every speaker', async () => {
    const directory = await t.store.getSpeakerDirectory();
    expect(directory.speakers.length).toBeLessThan(SPEAKERS);
    expect(directory.totalSpeakers).toBe(SPEAKERS);
    expect((await t.store.getSummary())?.totalSpeakers).toBe(SPEAKERS);
  });

  it('finds a speaker the directory does not list, by full name and by surname, in one read', async () => {
    const listed = new Set((await t.store.getSpeakerDirectory()).speakers.map((s) => s.name));
    const unlisted = Array.from({ length: SPEAKERS }, (_, n) => n).filter(
      (n) => !listed.has(inventedPerson(n).fullName),
    );
    expect(unlisted.length).toBeGreaterThan(100);
    const meter = meterDynamoUsage(t.client);
    for (const n of unlisted.filter((_, i) => i % 50 === 0)) {
      const { fullName, surname } = inventedPerson(n);
      meter.reset();
      await expect(t.store.findPeople(fullName)).resolves.toContainEqual(expect.objectContaining({ name: fullName }));
      expect(meter.usage().requests).toBe(1);
      expect(await who(fullName), fullName).toContain(delegateWords(n));
      expect(await who(surname), surname).toContain(delegateWords(n));
    }
  });

  it('answers a stored surname with another given name, or a name a letter off, with nobody', async () => {
    // Person 1 is Marta Tovdordorov: nobody is Boris Tovdordorov or Marta Tovdordorav.
    const { fullName, surname } = inventedPerson(1);
    for (const name of [`Boris ${surname}`, `${fullName.slice(0, -2)}av`]) {
      const answer = await who(name);
      expect(answer, name).toContain('No one by that name');
      expect(answer, name).not.toContain(delegateWords(1));
    }
  });

  it('takes a later article that names an unlisted speaker by surname alone for that speaker', async () => {
    // Prepare: someone past the directory's top list, then an article that says only their surname.
    const listed = new Set((await t.store.getSpeakerDirectory()).speakers.map((s) => s.name));
    const n =
      SPEAKERS - 1 - [...Array(SPEAKERS).keys()].reverse().findIndex((i) => !listed.has(inventedPerson(i).fullName));
    const { fullName, surname } = inventedPerson(n);
    const words = 'the harbour ferries will sail again by spring';
    const article = ['Title: A ferry promise', 'Source: Invented Wire', '', `"${words}," ${surname} said on Friday.`];

    // Act
    await ingestInputs([textInput('bare.txt', article.join('\n'))], t.store);

    // Assess: one person, with both statements.
    const answer = await who(fullName);
    expect(answer).toContain(words);
    expect(answer).toContain(delegateWords(n));
    expect(await who(surname)).toContain(words);
  });
});
