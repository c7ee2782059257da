import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FactLine } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { factKey } from '../../lambda/facts/fact-ref.js';
import { FlaggedFactSchema, FlagReviewError, factStatus, indexEntry } from '../../lambda/flags/flag-book.js';
import { flagFeatures } from '../../lambda/flags/flag-features.js';
import { createFlagStore, type FlagStore } from '../../lambda/flags/flag-store.js';
import { ingestInputs, ingestRead } from '../../lambda/ingest/ingest.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { openAnotherStoreOn, serverPerSuite, type TestStore } from './backends.js';
import { articleQuoting, articleRewording, inventedPerson, quotedWordsOf } from './invented-people.js';

/*
 * Issue 18, item 1: writers that overlap must lose nothing. Each `/talks add` job is one article through the
 * upload pipeline (what lambda/links/add-links.ts runs), each on its own store client as separate Lambda
 * invocations or local jobs are, while an ingest round of several articles runs at the same time.
 */

const suite = serverPerSuite();

/** A fresh table's store, or another client on `table`'s, as another process would open it. */
async function anotherWriter(table?: TestStore): Promise<TestStore> {
  return table ? suite.keep(openAnotherStoreOn(suite.server, table.tableName)) : suite.open();
}

/** One `/talks add` job: the article read from its page, ingested on its own. */
function addOne(n: number, store: TalksStore) {
  const article = parseArticleInput(articleQuoting(n));
  if (isRejection(article)) throw new Error(article.reason);
  return ingestRead({ articles: [article], rejected: [] }, store, {});
}

const textOf = async (store: TalksStore, command: string) =>
  JSON.stringify(await answerCommand(parseCommand(command), store));

const REVIEWER = 'UREVIEWER';
const flagPolicy = { reviewers: [REVIEWER], threshold: 2 };

/** A store's flags, as the Slack function opens them on the same table. */
function flagsOf(t: TestStore): FlagStore {
  return createFlagStore(createDynamoDocuments({ client: t.client, tableName: t.tableName }));
}

/** The statement lines of person `n`'s `who` answer, with the flags applied when `flags` is given. */
async function statementLinesOf(n: number, store: TalksStore, flags?: FlagStore): Promise<FactLine[]> {
  const features = flags ? flagFeatures({ reader: flags, policy: flagPolicy }) : undefined;
  const answer = await answerCommand(parseCommand(`who ${inventedPerson(n).fullName}`), store, features);
  return answer.parts.flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
}

/** The line of person `n`'s quotation, whichever of its wordings and ids it shows now. */
const quoteLine = (n: number, lines: FactLine[]) => lines.find((line) => line.text.includes(quotedWordsOf(n)));

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

  it('any interleaving of adds, re-adds, rewordings, rounds, flags and restores loses no article, count or flag', async () => {
    const person = fc.integer({ min: 0, max: 7 });
    /** People whose quotation is stored before the jobs start, so that it can be flagged while they run. */
    const flaggable = fc.integer({ min: 0, max: 1 });
    const startsAfterMs = fc.integer({ min: 0, max: 15 });
    const job = fc.oneof(
      fc.record({
        kind: fc.constant('articles' as const),
        people: fc.oneof(
          person.map((n) => [n]),
          fc.uniqueArray(person, { minLength: 2, maxLength: 4 }),
        ),
        startsAfterMs,
      }),
      // Another article with the quotation in other wording: merges into the (perhaps flagged) statement.
      fc.record({ kind: fc.constant('reword' as const), person: flaggable, startsAfterMs }),
      fc.record({
        kind: fc.constant('flag' as const),
        person: flaggable,
        userId: fc.constantFrom('UANNA', 'UBORIS', REVIEWER),
        startsAfterMs,
      }),
      fc.record({ kind: fc.constant('restore' as const), person: flaggable, startsAfterMs }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(job, { minLength: 2, maxLength: 8 }), async (jobs) => {
        // Prepare: a fresh table holding the flaggable people's articles, and the line of each one's quotation
        // as an answer showed it (what someone flags from); a client per job, as separate Lambda invocations have.
        const first = await anotherWriter();
        await ingestInputs([articleQuoting(0), articleQuoting(1)], first.store);
        const shown = await Promise.all([0, 1].map(async (n) => quoteLine(n, await statementLinesOf(n, first.store))));
        const writers = await Promise.all(jobs.map(() => anotherWriter(first)));
        // A clock that moves a second a call: flags and reviews in the order the jobs reach them.
        let ticks = 0;
        const tick = () => {
          ticks += 1;
          return new Date(Date.UTC(2026, 10, 2) + ticks * 1000).toISOString();
        };
        /** Flags the store took (flagFact said so); refused ones name a fact a merge had replaced meanwhile. */
        const taken: { person: number; userId: string; at: string }[] = [];

        // Act
        await Promise.all(
          jobs.map(async (j, i) => {
            await new Promise((resolve) => setTimeout(resolve, j.startsAfterMs));
            const writer = writers[i] ?? first;
            switch (j.kind) {
              case 'articles': {
                const [only] = j.people;
                if (j.people.length === 1 && only !== undefined) return addOne(only, writer.store);
                return ingestInputs(
                  j.people.map((n) => articleQuoting(n)),
                  writer.store,
                );
              }
              case 'reword':
                return ingestInputs([articleRewording(j.person)], writer.store);
              case 'flag': {
                const ref = shown[j.person]?.fact;
                if (!ref) throw new Error(`no quotation line for person ${j.person}`);
                const flag = { userId: j.userId, reason: 'misquoted' as const, at: tick() };
                if (await flagsOf(writer).flagFact(ref, flag, flagPolicy))
                  taken.push({ person: j.person, userId: j.userId, at: flag.at });
                return;
              }
              case 'restore': {
                // As a reviewer restores a fact from the /talks flags list; nothing to do before it is flagged.
                const ref = shown[j.person]?.fact;
                if (!ref) throw new Error(`no quotation line for person ${j.person}`);
                const review = { decision: 'restored' as const, userId: REVIEWER, at: tick() };
                return flagsOf(writer)
                  .reviewFact(factKey(ref), review, flagPolicy)
                  .catch((error) => {
                    if (!(error instanceof FlagReviewError)) throw error;
                  });
              }
            }
          }),
        );

        // Assess: each person once, with the counts of their articles (two statements each).
        const everyone = [...new Set([0, 1, ...jobs.flatMap((j) => (j.kind === 'articles' ? j.people : []))])];
        const reworded = new Set(jobs.flatMap((j) => (j.kind === 'reword' ? [j.person] : [])));
        expect((await first.store.listSources(100)).total).toBe(everyone.length + reworded.size);
        expect((await first.store.getSummary())?.totalSpeakers).toBe(everyone.length);
        const directory = await first.store.getSpeakerDirectory();
        expect(directory.speakers.map((s) => s.name).sort()).toEqual(
          everyone.map((n) => inventedPerson(n).fullName).sort(),
        );
        for (const n of everyone) {
          const entry = directory.speakers.find((s) => s.name === inventedPerson(n).fullName);
          expect([entry?.statementCount, entry?.articleCount], inventedPerson(n).fullName).toEqual([
            2,
            reworded.has(n) ? 2 : 1,
          ]);
        }

        // Assess: no flag lost. Each person's latest flag is in the fact's item once; the index says what it says.
        const flags = flagsOf(first);
        const index = await flags.getFlagIndex();
        const documents = createDynamoDocuments({ client: first.client, tableName: first.tableName });
        for (const n of [0, 1]) {
          const key = factKey(shown[n]?.fact ?? { kind: 'guarantor', country: '-', proposedBy: null });
          const [item] = await documents.readMany([{ kind: 'flagged-fact', factKey: key }], FlaggedFactSchema);
          const theirs = taken.filter((f) => f.person === n);
          // A person's flag is their latest by when they made it, whichever write landed last.
          const latestByUser = new Map<string, string>();
          for (const f of theirs) if (f.at > (latestByUser.get(f.userId) ?? '')) latestByUser.set(f.userId, f.at);
          expect(item?.flags.map((f) => `${f.userId}@${f.at}`).sort() ?? [], `flags on person ${n}`).toEqual(
            [...latestByUser].map(([userId, at]) => `${userId}@${at}`).sort(),
          );
          const entry = index.facts.find((e) => e.key === key);
          expect(entry, `index entry of person ${n}`).toEqual(item ? indexEntry(item) : undefined);

          // Assess: flagged facts stay flagged across merges. The answer shows the quotation as its item's
          // status says, whichever wording and id the merged statement has now.
          const status = entry ? factStatus(entry, flagPolicy) : { state: 'clear', flaggedBy: 0 };
          const line = quoteLine(n, await statementLinesOf(n, first.store, flags));
          if (status.state === 'hidden') expect(line, `person ${n}'s hidden quotation`).toBeUndefined();
          else expect(line?.disputedBy, `person ${n}'s quotation`).toBe(status.flaggedBy || undefined);
        }
      }),
      { numRuns: 8 },
    );
  });
});
