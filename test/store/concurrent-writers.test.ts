import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { ingestInputs, ingestRead } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { dynaliteBackend, openAnotherStoreOn, openStoreOn, type RunningServer, type TestStore } from './backends.js';
import { articleQuoting, inventedPerson, quotedWordsOf } from './invented-people.js';

/*
 * Issue 18, item 1: writers that overlap must lose nothing. Each `/talks add` job is one article through the
 * upload pipeline (what lambda/links/add-links.ts runs), each on its own store client as separate Lambda
 * invocations or local jobs are, while an ingest round of several articles runs at the same time.
 */

let server: RunningServer;
const opened: TestStore[] = [];
beforeAll(async () => {
  server = await dynaliteBackend.start();
});
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  await server.close();
});

/** A fresh table's store, or another client on `table`'s, as another process would open it. */
async function anotherWriter(table?: TestStore): Promise<TestStore> {
  const t = table ? openAnotherStoreOn(server, table.tableName) : await openStoreOn(server);
  opened.push(t);
  return t;
}

/** One `/talks add` job: the article read from its page, ingested on its own. */
function addOne(n: number, store: TalksStore) {
  const article = parseArticleInput(articleQuoting(n));
  if (isRejection(article)) throw new Error(article.reason);
  return ingestRead({ articles: [article], rejected: [] }, store, {});
}

const textOf = async (store: TalksStore, command: string) =>
  JSON.stringify(await answerCommand(parseCommand(command), store));

describe('concurrent writers', () => {
  it('ten adds and an ingest round at once lose no article, no speaker and no count', async () => {
    // Prepare: ten add jobs (people 0-9) and a round of five articles (people 10-14), each on its own client.
    const first = await anotherWriter();
    const writers = [first, ...(await Promise.all(Array.from({ length: 10 }, () => anotherWriter(first))))];
    const people = Array.from({ length: 15 }, (_, n) => n);

    // Act
    const reports = await Promise.all([
      ...people.slice(0, 10).map((n, i) => addOne(n, (writers[i] ?? first).store)),
      ingestInputs(
        people.slice(10).map((n) => articleQuoting(n)),
        (writers[10] ?? first).store,
      ),
    ]);

    // Assess: every article stored once, listed, counted; every speaker answers with their own words.
    expect(reports.flatMap((r) => r.stored)).toHaveLength(15);
    const sources = await first.store.listSources(100);
    expect(sources.total).toBe(15);
    expect(new Set(sources.sources.map((s) => s.id))).toEqual(new Set(reports.flatMap((r) => r.stored)));
    const summary = await first.store.getSummary();
    expect(summary?.articleCount).toBe(15);
    expect(summary?.totalSpeakers).toBe(15);
    for (const n of people) {
      const answer = await textOf(first.store, `who ${inventedPerson(n).fullName}`);
      expect(answer, inventedPerson(n).fullName).toContain(quotedWordsOf(n));
    }
  });

  it('an article a lost writer reports as stored already still ends with its facts', async () => {
    // Prepare: two writers add the same page at once, then the same page is added again.
    const first = await anotherWriter();
    const second = await anotherWriter(first);
    await Promise.all([addOne(40, first.store), addOne(41, second.store), addOne(40, second.store)]);

    // Act
    const again = await addOne(40, first.store);

    // Assess
    expect(again.stored).toEqual([]);
    expect(await textOf(first.store, `who ${inventedPerson(40).fullName}`)).toContain(quotedWordsOf(40));
    expect(await textOf(first.store, `who ${inventedPerson(41).fullName}`)).toContain(quotedWordsOf(41));
    expect((await first.store.listSources(10)).total).toBe(2);
  });

  it('any interleaving of adds, re-adds and ingest rounds ends with every article and count once', async () => {
    const person = fc.integer({ min: 0, max: 7 });
    const job = fc.record({
      people: fc.oneof(
        person.map((n) => [n]),
        fc.uniqueArray(person, { minLength: 2, maxLength: 4 }),
      ),
      startsAfterMs: fc.integer({ min: 0, max: 15 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(job, { minLength: 2, maxLength: 6 }), async (jobs) => {
        // Prepare: a fresh table, a client per job; a job of one person is an add, of several an ingest round.
        const first = await anotherWriter();
        const writers = await Promise.all(jobs.map(() => anotherWriter(first)));

        // Act
        await Promise.all(
          jobs.map(async ({ people, startsAfterMs }, i) => {
            await new Promise((resolve) => setTimeout(resolve, startsAfterMs));
            const store = (writers[i] ?? first).store;
            const [only] = people;
            if (people.length === 1 && only !== undefined) return addOne(only, store);
            return ingestInputs(
              people.map((n) => articleQuoting(n)),
              store,
            );
          }),
        );

        // Assess: each person once, with the counts of their one article (two statements).
        const everyone = [...new Set(jobs.flatMap((j) => j.people))];
        expect((await first.store.listSources(100)).total).toBe(everyone.length);
        expect((await first.store.getSummary())?.totalSpeakers).toBe(everyone.length);
        const directory = await first.store.getSpeakerDirectory();
        expect(directory.speakers.map((s) => s.name).sort()).toEqual(
          everyone.map((n) => inventedPerson(n).fullName).sort(),
        );
        for (const entry of directory.speakers) {
          expect([entry.statementCount, entry.articleCount], entry.name).toEqual([2, 1]);
        }
      }),
      { numRuns: 8 },
    );
  });
});
