import { describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { MAX_FILES_PER_ARTICLE } from '../../lambda/articles/article-limits.js';
import { nearDuplicateDetector } from '../../lambda/articles/fingerprint.js';
import type { ArticleInput } from '../../lambda/articles/read-inputs.js';
import { readArticle } from '../../lambda/facts/extract.js';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { inThreadExtraction } from '../../lambda/ingest/fact-extraction.js';
import { type FileOutcome, ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';
import {
  bigQuoteHeavyInput,
  goodInputs,
  longSurnameInput,
  manyNamesInputs,
  nestedHtmlInput,
} from './hostile-inputs.js';

const nearDuplicates = nearDuplicateDetector;

const freshStore = freshStoresOnEmbeddedDynamo({ nearDuplicates });

const outcomeOf = (files: FileOutcome[], name: string) => files.find((f) => f.file === name);

/** Every good input stored, with its facts in the speaker directory. */
async function expectStored(store: TalksStore, files: FileOutcome[], good: ArticleInput[]): Promise<void> {
  for (const { name } of good) expect(outcomeOf(files, name)?.outcome, name).toBe('stored');
  expect((await store.listSources(1000)).total).toBeGreaterThanOrEqual(good.length);
}

describe('ingest of hostile inputs (issue 11)', () => {
  it('stores an article whose "speaker" has a 2,200-letter surname, without taking it for a person', async () => {
    const store = await freshStore();
    const good = goodInputs(3);
    const hostile = longSurnameInput();

    const report = await ingestInputs([...good, hostile], store);

    await expectStored(store, report.files, good);
    expect(outcomeOf(report.files, hostile.name)?.outcome).toBe('stored');
    const directory = await store.getSpeakerDirectory();
    expect(directory.speakers.every((s) => s.key.length <= 100)).toBe(true);
  });

  it('rejects HTML nested 20,000 and 2,000 elements deep, naming the depth, and stores the rest', async () => {
    const store = await freshStore();
    const good = goodInputs(2);
    const deep = [nestedHtmlInput(20_000), nestedHtmlInput(2_000)];

    const report = await ingestInputs([...good, ...deep], store);

    await expectStored(store, report.files, good);
    expect(report.rejected).toEqual([
      { file: 'nested-20000.html', reason: 'HTML nested 20003 elements deep (at most 128)' },
      { file: 'nested-2000.html', reason: 'HTML nested 2003 elements deep (at most 128)' },
    ]);
    expect(outcomeOf((await ingestInputs([nestedHtmlInput(40)], store)).files, 'nested-40.html')?.outcome).toBe(
      'stored',
    );
  });

  it('rejects an .html file without tags, which made Readability throw and stopped the batch', async () => {
    const store = await freshStore();
    const good = goodInputs(1);

    const report = await ingestInputs([textInput('plain.html', 'Officials said "".'), ...good], store);

    await expectStored(store, report.files, good);
    expect(report.rejected).toEqual([
      { file: 'plain.html', reason: 'HTML file has no tags (plain text? name it .txt)' },
    ]);
  });

  it('keeps the first 100 names of an article found under 800 long names, across batches, and stores the rest', async () => {
    const store = await freshStore();
    const good = goodInputs(2);
    const names = manyNamesInputs(800);

    const first = await ingestInputs([...good, ...names.slice(0, 400)], store);
    const second = await ingestInputs([...names.slice(400), ...goodInputs(1, 1102)], store);

    await expectStored(store, first.files, good);
    expect(first.rejected).toEqual([]);
    expect(second.rejected).toEqual([]);
    expect(second.files.filter((f) => f.outcome === 'duplicate')).toHaveLength(400);
    const id = first.files.find((f) => f.outcome === 'stored' && f.file === names[0]?.name);
    const stored = id?.outcome === 'stored' ? await store.getArticle(id.articleId) : null;
    expect(stored?.files).toHaveLength(MAX_FILES_PER_ARTICLE);
    expect(stored?.files[0]).toBe(names[0]?.name);
  });

  it('stores every good file of a batch holding every hostile case, rejecting each hostile one by name', async () => {
    const store = await freshStore();
    const good = goodInputs(5);
    const big = bigQuoteHeavyInput(4.9);
    const names = manyNamesInputs(400);
    const hostile = [
      longSurnameInput(),
      nestedHtmlInput(20_000),
      nestedHtmlInput(2_000),
      textInput('plain.html', 'Officials said "".'),
      textInput(`${'n'.repeat(1100)}.txt`, 'Long name\n\nThe talks went on late into the night, officials said.\n'),
      big,
      ...names,
    ];

    const report = await ingestInputs([...good.slice(0, 2), ...hostile, ...good.slice(2)], store);

    await expectStored(store, report.files, [...good, big, longSurnameInput()]);
    expect(report.rejected.map((r) => r.file)).toEqual([
      'nested-20000.html',
      'nested-2000.html',
      'plain.html',
      `${'n'.repeat(1100)}.txt`,
    ]);
    expect(report.files).toHaveLength(good.length + hostile.length);
    // The big article's evidence is verbatim, as for any other.
    const bigId = (report.files.find((f) => f.file === big.name) as { articleId: string }).articleId;
    const article = await store.getArticle(bigId);
    const speaker = await store.getSpeaker((await store.getSpeakerDirectory()).speakers[0]?.key ?? '', 5);
    for (const statement of speaker?.statements ?? [])
      for (const citation of statement.citations.filter((c) => c.articleId === bigId))
        expect(article?.body.includes(citation.evidence)).toBe(true);
  }, 240_000);

  it('rejects, alone, an article whose items DynamoDB refuses, and stores the rest of its round', async () => {
    const real = await freshStore();
    const good = goodInputs(5);
    const refused = good[3] as ArticleInput;
    // Failure injection: the real store, refusing like DynamoDB any round that holds one given file.
    const refusing: TalksStore = {
      ...real,
      applyFacts: (facts: ArticleFacts[], articles: Article[]) => {
        if (articles.some((a) => a.files.includes(refused.name))) {
          const error = new Error(
            'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes',
          );
          error.name = 'ValidationException';
          return Promise.reject(error);
        }
        return real.applyFacts(facts, articles);
      },
    };

    const report = await ingestInputs(good, refusing);

    await expectStored(
      real,
      report.files,
      good.filter((g) => g !== refused),
    );
    expect(report.rejected).toEqual([
      { file: refused.name, reason: expect.stringMatching(/^the store refused it \(One or more parameter values/) },
    ]);
  });

  it('rejects, alone, an article whose extraction throws, and stores the rest', async () => {
    const store = await freshStore();
    const good = goodInputs(3);
    const poisoned = good[1] as ArticleInput;
    // Failure injection: an extractor that meets a bug on one article.
    const extractFacts = (article: Article) => {
      if (article.files.includes(poisoned.name)) throw new RangeError('Maximum call stack size exceeded');
      return readArticle(article);
    };

    const report = await ingestInputs(good, store, { extraction: inThreadExtraction(extractFacts) });

    await expectStored(
      store,
      report.files,
      good.filter((g) => g !== poisoned),
    );
    expect(report.rejected).toEqual([
      { file: poisoned.name, reason: 'facts could not be extracted (Maximum call stack size exceeded)' },
    ]);
  });
});
