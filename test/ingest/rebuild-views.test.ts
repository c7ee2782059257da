import { describe, expect, it } from 'vitest';
import type { FactLine } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { printAnswer } from '../../lambda/cli/print-answer.js';
import { flagFeatures } from '../../lambda/flags/flag-features.js';
import { createFlagStore, type FlagStore } from '../../lambda/flags/flag-store.js';
import { ingestInputs, ingestPaths } from '../../lambda/ingest/ingest.js';
import { type RebuildProgress, rebuildViews } from '../../lambda/ingest/rebuild-views.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { VIEWS_PREFIX } from '../../lambda/store/keys.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { STORE_FORMAT } from '../../lambda/store/store-format.js';
import { createViewsRebuild } from '../../lambda/store/store-rebuild.js';
import { backends, openAnotherStoreOn, serverPerSuite, type TestStore } from '../store/backends.js';
import { articleQuoting, inventedPerson, quotedWordsOf } from '../store/invented-people.js';
import { FIXTURE as DATED_ROUNDS } from '../timeline/rounds.js';
import { allItems, openFormat8Table, rewriteAsFormat8 } from './format-8-table.js';

/*
 * A deployed table written by store format 8 meets format 9's code: its precomputed items are rebuilt in place
 * from its articles (lambda/ingest/rebuild-views.ts), while the format-8 items stay for the old version.
 */

const SEEDS = new URL('../../data/articles/', import.meta.url).pathname;
const LONG_ENOUGH = () => 10 * 60_000;

/** Every kind of answer, as the terminal prints it: what a rebuilt table must answer as a fresh one does. */
const COMMANDS = [
  'summary',
  'who',
  'guarantors',
  'sources',
  'crimea',
  'donbas',
  'timeline crimea',
  'timeline guarantors',
  'since 2020-01-01',
  ...[0, 3, 6].map((n) => `who ${inventedPerson(n).fullName}`),
];
const NOW = new Date('2026-06-01T00:00:00Z');
const answersOf = (store: TalksStore) =>
  Promise.all(COMMANDS.map((c) => printAnswer(c, store, undefined, { reader: store, now: () => NOW })));

const sharedItem = (pk: string, sk: string) => !pk.startsWith(VIEWS_PREFIX) && !sk.startsWith(VIEWS_PREFIX);

describe.each(backends)('rebuilding a format-8 table on $name', (backend) => {
  const suite = serverPerSuite(backend);
  const open = () => suite.open();

  it('answers every command as a fresh build, keeps the format-8 items, and records format 9 only at the end', async () => {
    // Prepare: the same corpus built fresh, and built then turned into a format-8 table.
    const corpus = async (store: TalksStore) => {
      await ingestPaths([SEEDS, DATED_ROUNDS], store);
      await ingestInputs(
        [0, 3, 6].map((n) => articleQuoting(n)),
        store,
      );
    };
    const fresh = await open();
    await corpus(fresh.store);
    const old = await open();
    await corpus(old.store);
    expect(await rewriteAsFormat8(old.client, old.tableName)).toBeGreaterThan(50);
    const rebuild = createViewsRebuild({ client: old.client, tableName: old.tableName });
    expect(await old.store.getSummary()).toBeNull();
    expect(await rebuild.status()).toMatchObject({ format: null, complete: false });
    const format8Items = (await allItems(old.client, old.tableName)).filter(
      (i) => !sharedItem(i.pk?.S ?? '', i.sk?.S ?? '') || (i.pk?.S ?? '').startsWith('VIEW#'),
    );

    // Act
    const rounds: RebuildProgress[] = [];
    const progress = await rebuildViews(old.store, rebuild, {
      remainingMs: LONG_ENOUGH,
      onRound: (p) => rounds.push({ ...p }),
    });

    // Assess: complete, every article applied once, the same answers, the old format's items untouched.
    const articles = (await fresh.store.listSources(1000)).total;
    expect(articles).toBe(10);
    expect(progress).toMatchObject({
      state: 'complete',
      articlesDone: articles,
      articlesApplied: articles,
      skipped: [],
    });
    expect(await rebuild.status()).toMatchObject({ format: STORE_FORMAT, complete: true, running: false });
    expect(await answersOf(old.store)).toEqual(await answersOf(fresh.store));
    const after = await allItems(old.client, old.tableName);
    for (const item of format8Items) expect(after).toContainEqual(item);

    // Assess: a second run has nothing to do.
    expect(await rebuildViews(old.store, rebuild, { remainingMs: LONG_ENOUGH })).toMatchObject({
      state: 'complete',
      articlesApplied: 0,
    });
  });
});

describe('a rebuild that stops, races or meets flags', () => {
  const suite = serverPerSuite();

  const format8Table = async (people: number[]) => suite.keep(await openFormat8Table(suite.server, people));
  const another = (t: TestStore) => suite.keep(openAnotherStoreOn(suite.server, t.tableName));
  const rebuildOf = (t: TestStore, now?: () => number) =>
    createViewsRebuild({ client: t.client, tableName: t.tableName, ...(now ? { now } : {}) });
  const EIGHT = [0, 1, 2, 3, 4, 5, 6, 7];
  const answersOfPeople = (store: TalksStore, people: number[]) =>
    Promise.all(
      ['summary', 'sources', ...people.map((n) => `who ${inventedPerson(n).fullName}`)].map((c) =>
        printAnswer(c, store),
      ),
    );

  it('a round that fails leaves its checkpoint, and the next run goes on from it to the same end', async () => {
    // Prepare: one table rebuilt without a hitch, one whose second round's apply fails (a throttle after retries).
    const smooth = await format8Table(EIGHT);
    await rebuildViews(smooth.store, rebuildOf(smooth), { remainingMs: LONG_ENOUGH, articlesPerRound: 3 });
    const broken = await format8Table(EIGHT);
    let applies = 0;
    const failingSecondApply: TalksStore = {
      ...broken.store,
      applyFacts: async (facts, articles) => {
        applies += 1;
        if (applies === 2) throw new Error('ProvisionedThroughputExceededException (injected)');
        return broken.store.applyFacts(facts, articles);
      },
    };

    // Act
    const failed = rebuildViews(failingSecondApply, rebuildOf(broken), {
      remainingMs: LONG_ENOUGH,
      articlesPerRound: 3,
    });
    await expect(failed).rejects.toThrow(/injected/);
    const between = await rebuildOf(broken).status();
    const resumed = await rebuildViews(another(broken).store, rebuildOf(broken), {
      remainingMs: LONG_ENOUGH,
      articlesPerRound: 3,
    });

    // Assess: not complete in between (and not held: the failed run let go), then complete without redoing round 1.
    expect(between).toMatchObject({ format: null, complete: false, articlesDone: 3, running: false });
    expect(resumed).toMatchObject({ state: 'complete', articlesDone: 8, articlesApplied: 5 });
    expect(await answersOfPeople(broken.store, EIGHT)).toEqual(await answersOfPeople(smooth.store, EIGHT));
    for (const n of EIGHT)
      expect(await printAnswer(`who ${inventedPerson(n).fullName}`, broken.store)).toContain(quotedWordsOf(n));
  });

  it('a run out of time stops between rounds, and the next one goes on', async () => {
    // Prepare: time for one round only.
    const t = await format8Table(EIGHT);
    let calls = 0;
    const oneRound = () => (calls++ === 0 ? LONG_ENOUGH() : 0);

    // Act
    const first = await rebuildViews(t.store, rebuildOf(t), { remainingMs: oneRound, articlesPerRound: 3 });
    const summaryBetween = await t.store.getSummary();
    const second = await rebuildViews(t.store, rebuildOf(t), { remainingMs: LONG_ENOUGH, articlesPerRound: 3 });

    // Assess
    expect(first).toMatchObject({ state: 'continuing', articlesDone: 3, articlesApplied: 3 });
    expect(summaryBetween?.articleCount).toBe(3);
    expect(await rebuildOf(t).status()).toMatchObject({ format: STORE_FORMAT, complete: true });
    expect(second).toMatchObject({ state: 'complete', articlesDone: 8, articlesApplied: 5 });
    expect((await t.store.getSummary())?.articleCount).toBe(8);
  });

  it('a round stops at its body budget before its article count, and the pass still ends with every article', async () => {
    // Prepare: the same table twice; one rebuilt with a body budget that the first article's body already fills,
    // as a round of 1,000 articles near the 5 MB limit fills the real one (BODY_UNITS_PER_CALL).
    const plain = await format8Table(EIGHT);
    await rebuildViews(plain.store, rebuildOf(plain), { remainingMs: LONG_ENOUGH, articlesPerRound: 8 });
    const tight = await format8Table(EIGHT);
    const rounds: RebuildProgress[] = [];

    // Act
    const progress = await rebuildViews(
      tight.store,
      createViewsRebuild({ client: tight.client, tableName: tight.tableName, bodyUnitsPerCall: 1 }),
      { remainingMs: LONG_ENOUGH, articlesPerRound: 8, onRound: (p) => rounds.push({ ...p }) },
    );

    // Assess: one article a round instead of eight in one (the last round finds the table's end), the same answers.
    expect(progress).toMatchObject({ state: 'complete', articlesDone: 8, articlesApplied: 8 });
    expect(new Set(rounds.map((r) => r.articlesDone))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(await answersOfPeople(tight.store, EIGHT)).toEqual(await answersOfPeople(plain.store, EIGHT));
  });

  it('two rebuilds and an upload at once: one rebuilds, the other leaves it, and every count is exact', async () => {
    // Prepare: three clients on one format-8 table, as two Lambda invocations and the ingest function have.
    const t = await format8Table(EIGHT);
    const [a, b, c] = [t, another(t), another(t)];

    // Act
    const [first, second] = await Promise.all([
      rebuildViews(a.store, rebuildOf(a), { remainingMs: LONG_ENOUGH, articlesPerRound: 2 }),
      rebuildViews(b.store, rebuildOf(b), { remainingMs: LONG_ENOUGH, articlesPerRound: 2 }),
      ingestInputs([articleQuoting(20)], c.store),
    ]);

    // Assess: one ran the pass; the other found it held (or already complete) and applied nothing.
    const outcomes = [first, second].map((p) => p.state);
    expect(outcomes).toContain('complete');
    expect(outcomes.filter((s) => s !== 'complete' && s !== 'busy')).toEqual([]);
    expect(Math.min(first.articlesApplied, second.articlesApplied)).toBe(0);
    const summary = await t.store.getSummary();
    expect([summary?.articleCount, summary?.totalSpeakers]).toEqual([9, 9]);
    expect((await t.store.listSources(100)).total).toBe(9);
    for (const n of [...EIGHT, 20]) {
      expect(await printAnswer(`who ${inventedPerson(n).fullName}`, t.store)).toContain(quotedWordsOf(n));
    }
    expect(await rebuildOf(t).status()).toMatchObject({ complete: true, running: false });
  });

  it('a holder that died keeps the pass until its hold expires, then another takes it over', async () => {
    // Prepare: a pass claimed by a process that never comes back.
    const t = await format8Table([0, 1]);
    expect(await rebuildOf(t).claim('died', 60_000)).not.toBeNull();

    // Act
    const meanwhile = await rebuildViews(t.store, rebuildOf(t), { remainingMs: LONG_ENOUGH });
    const later = await rebuildViews(
      t.store,
      rebuildOf(t, () => Date.now() + 61_000),
      { remainingMs: LONG_ENOUGH },
    );

    // Assess
    expect(meanwhile).toMatchObject({ state: 'busy', articlesApplied: 0 });
    expect(later).toMatchObject({ state: 'complete', articlesApplied: 2 });
  });

  it('a deploy begins the pass again, and the holder of the old one stops at its next checkpoint', async () => {
    // Prepare: a pass under way, its place recorded.
    const t = await format8Table([0, 1, 2]);
    const rebuild = rebuildOf(t);
    const pass = await rebuild.claim('before-deploy', 60_000);
    if (!pass) throw new Error('no pass');
    await rebuild.checkpoint({ ...pass, articlesDone: 2, after: { pk: 'ARTICLE#x', sk: 'META' } }, 60_000);

    // Act
    await rebuild.begin(0);

    // Assess: the old holder's checkpoint is refused; the new pass starts from the first article.
    await expect(rebuild.checkpoint({ ...pass, articlesDone: 3 }, 60_000)).rejects.toThrow(/took the rebuild/);
    expect(await rebuild.status()).toMatchObject({ complete: false, articlesDone: 0, running: false });
    expect(await rebuildViews(t.store, rebuild, { remainingMs: LONG_ENOUGH })).toMatchObject({
      state: 'complete',
      articlesDone: 3,
      articlesApplied: 3,
    });
  });

  it("a deploy's pass waits for the previous version's writers to finish, except on a new table", async () => {
    // Prepare: a deploy begins the pass on a table with articles, and on an empty one.
    const t = await format8Table([0, 1]);
    await rebuildOf(t).begin(60_000);
    const empty = await suite.open();
    await rebuildOf(empty).begin(60_000);

    // Act
    const meanwhile = await rebuildViews(t.store, rebuildOf(t), { remainingMs: LONG_ENOUGH });
    const later = await rebuildViews(
      t.store,
      rebuildOf(t, () => Date.now() + 61_000),
      { remainingMs: LONG_ENOUGH },
    );
    const fresh = await rebuildViews(empty.store, rebuildOf(empty), { remainingMs: LONG_ENOUGH });

    // Assess
    expect(meanwhile).toMatchObject({ state: 'busy', articlesApplied: 0 });
    expect(later).toMatchObject({ state: 'complete', articlesApplied: 2 });
    expect(fresh).toMatchObject({ state: 'complete', articlesDone: 0 });
  });

  it('flags made on the format-8 table hide and keep the same facts after the rebuild', async () => {
    // Prepare: person 0's quotation hidden by a reviewer and person 1's flagged once, on the old table.
    const t = await suite.open();
    await ingestInputs([articleQuoting(0), articleQuoting(1)], t.store);
    const flags: FlagStore = createFlagStore(createDynamoDocuments({ client: t.client, tableName: t.tableName }));
    const policy = { reviewers: ['UREVIEWER'], threshold: 2 };
    const linesOf = async (n: number, withFlags: boolean): Promise<FactLine[]> => {
      const features = withFlags ? flagFeatures({ reader: flags, policy }) : undefined;
      const answer = await answerCommand(parseCommand(`who ${inventedPerson(n).fullName}`), t.store, features);
      return answer.parts.flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
    };
    const quoteOf = async (n: number, withFlags: boolean) =>
      (await linesOf(n, withFlags)).find((line) => line.text.includes(quotedWordsOf(n)));
    const [hidden, disputed] = [await quoteOf(0, false), await quoteOf(1, false)];
    if (!hidden?.fact || !disputed?.fact) throw new Error('no flaggable quotation lines');
    const at = '2026-05-01T10:00:00.000Z';
    expect(await flags.flagFact(hidden.fact, { userId: 'UREVIEWER', reason: 'misquoted', at }, policy)).toBe(true);
    expect(await flags.flagFact(disputed.fact, { userId: 'UANNA', reason: 'misquoted', at }, policy)).toBe(true);
    const flagsBefore = (await allItems(t.client, t.tableName)).filter((i) => i.pk?.S === 'FLAGS');
    await rewriteAsFormat8(t.client, t.tableName);

    // Act
    await rebuildViews(t.store, rebuildOf(t), { remainingMs: LONG_ENOUGH });

    // Assess: the flag items as they were, the hidden quotation still hidden, the disputed one still marked.
    expect((await allItems(t.client, t.tableName)).filter((i) => i.pk?.S === 'FLAGS')).toEqual(flagsBefore);
    expect(await quoteOf(0, true)).toBeUndefined();
    expect(await quoteOf(0, false)).toBeDefined();
    const marked = await quoteOf(1, true);
    expect(marked?.text).toContain(quotedWordsOf(1));
    expect(JSON.stringify(marked)).not.toEqual(JSON.stringify(await quoteOf(1, false)));
    expect((await flags.getFlagIndex()).facts).toHaveLength(2);
  });
});
