import type { Article } from '../articles/article.js';
import { withBoundedOrigins } from '../articles/article-limits.js';
import { dedupeArticles } from '../articles/dedupe.js';
import { type FingerprintOf, fingerprintsOnce } from '../articles/fingerprint.js';
import {
  type ArticleInput,
  type ReadResult,
  type Rejection,
  readArticleInputs,
  readArticlePaths,
} from '../articles/read-inputs.js';
import type { ArticleFacts } from '../facts/fact.js';
import { withCorpusGuarantors } from '../facts/guarantor-corpus.js';
import { withoutOutletSpeakers } from '../facts/non-people.js';
import {
  type CountryRereading,
  countryRereading,
  settleReadAgain,
  surnameKeysPlaced,
  surnameKeysToSettle,
} from '../facts/people-identity.js';
import { surnameKeyOf } from '../facts/speaker-key.js';
import { compileTopics, defaultTopicsConfig } from '../facts/topics.js';
import { isCorpusChanged } from '../store/corpus-generation.js';
import type { TalksStore } from '../store/ports.js';
import { isRefusedByStore } from '../store/refused-request.js';
import { VIEW_LIMITS } from '../views/limits.js';
import { type Extraction, type ExtractionRun, type FactExtraction, inThreadExtraction } from './fact-extraction.js';
import { resettleStored } from './resettle.js';

/** What a progress line shows of the article a file became. */
type ArticleLabel = { articleId: string; title: string | null; outlet: string | null };

/** What became of one input file. */
export type FileOutcome =
  | ({ file: string; outcome: 'stored' } & ArticleLabel)
  /** The file's article was already stored, or is a copy of another file's article in this batch. */
  | ({ file: string; outcome: 'duplicate'; duplicateOf: string } & ArticleLabel)
  | { file: string; outcome: 'rejected'; reason: string };

export interface IngestReport {
  /** Ids of articles stored for the first time (their facts applied). */
  stored: string[];
  /** Files whose article was already there: the stored article now remembers them. */
  duplicates: { file: string; duplicateOf: string }[];
  rejected: Rejection[];
  /** One outcome per input file, in the order they were decided. */
  files: FileOutcome[];
  /** Facts extracted from the stored articles, by kind (`mentions`: people named, quoted or not). */
  factsExtracted: FactCounts;
  /** Articles stored before whose facts what this ingest taught the corpus changed (resettle.ts). */
  resettled: string[];
  /** Stored articles what it taught would change but that were left as they were, with why. */
  notResettled: { id: string; reason: string }[];
}

/** How many facts of each kind. */
export interface FactCounts {
  statements: number;
  guarantors: number;
  positions: number;
  mentions: number;
}

export interface IngestOptions {
  /** Called once per input file as soon as its outcome is known. */
  onProgress?: (outcome: FileOutcome) => void;
  /**
   * Articles per storeArticles + applyFacts round. Each round rewrites every precomputed item it touches
   * (summary, directory, speakers, topics, the records of facts cited again), so larger rounds write far
   * fewer bytes per article: at 10,000 articles, rounds of 1,000 cost 10.6 ms an article against 16 ms for
   * rounds of 200 (npm run bench), for ~700 MB peak RSS instead of ~520 MB.
   * @default 1000
   */
  batchSize?: number;
  /**
   * Where facts are extracted: the ingest function and the CLI pass `defaultFactExtraction()` (worker threads
   * beside the store's work); tests inject a failing extractor with `inThreadExtraction`.
   * @default inThreadExtraction()
   */
  extraction?: FactExtraction;
  /**
   * The articles are read back from the store (a rebuild of the views: lambda/ingest/rebuild-views.ts): each is
   * stored as its own already, so copies within the batch are not merged. Two stored articles that the in-batch
   * check would take for copies (it is more sensitive than the store's) keep their own facts, as they had.
   * @default false
   */
  storedAlready?: boolean;
}

const DEFAULT_BATCH_SIZE = 1000;

/** The outcome of each file of an article, given how the store took the article. */
function outcomesOf(article: Article, storedIds: Set<string>, duplicateOf: Map<string, string>): FileOutcome[] {
  const [first = '', ...copies] = article.files;
  const label: ArticleLabel = { articleId: article.id, title: article.title, outlet: article.outlet };
  const target = duplicateOf.get(article.id);
  if (target === undefined && storedIds.has(article.id)) {
    return [
      { file: first, outcome: 'stored', ...label },
      ...copies.map((file) => ({ file, outcome: 'duplicate' as const, duplicateOf: article.id, ...label })),
    ];
  }
  return article.files.map((file) => ({
    file,
    outcome: 'duplicate' as const,
    duplicateOf: target ?? article.id,
    ...label,
  }));
}

/**
 * The pipeline from already-read articles on: merge copies → store → extract facts of new articles →
 * update the views. What the link worker runs once it has read a fetched page.
 */
export function ingestRead(read: ReadResult, store: TalksStore, opts: IngestOptions): Promise<IngestReport> {
  return ingestArticles(read, store, opts, (opts.extraction ?? inThreadExtraction()).start());
}

/** `ingestRead`, with an extraction run that may have been given the articles as they were read. */
async function ingestArticles(
  { articles, rejected }: ReadResult,
  store: TalksStore,
  opts: IngestOptions,
  run: ExtractionRun,
): Promise<IngestReport> {
  const factsExtracted: FactCounts = { statements: 0, guarantors: 0, positions: 0, mentions: 0 };
  const report: IngestReport = {
    stored: [],
    duplicates: [],
    rejected,
    files: [],
    factsExtracted,
    resettled: [],
    notResettled: [],
  };
  const record = (outcome: FileOutcome) => {
    report.files.push(outcome);
    if (outcome.outcome === 'duplicate')
      report.duplicates.push({ file: outcome.file, duplicateOf: outcome.duplicateOf });
    opts.onProgress?.(outcome);
  };
  for (const { file, reason } of rejected) record({ file, outcome: 'rejected', reason });

  // Made once an article, for merging copies and for the store's near-duplicate lookup; let go with the call.
  const fingerprintOf = fingerprintsOnce();
  const unique = opts.storedAlready ? articles : dedupeArticles(articles, fingerprintOf);
  const kept = new Set(unique.map((article) => article.id));
  run.skip(articles.filter((article) => !kept.has(article.id)).map((article) => article.id));
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  for (let start = 0; start < unique.length; start += batchSize) {
    const round = unique.slice(start, start + batchSize);
    // This round's articles, and the next round's behind them, so extraction goes on while this one is applied.
    run.add(unique.slice(start, start + 2 * batchSize));
    for (const outcome of await ingestRound(round, store, run, report, fingerprintOf)) {
      if (outcome.outcome === 'stored') report.stored.push(outcome.articleId);
      if (outcome.outcome === 'rejected') report.rejected.push({ file: outcome.file, reason: outcome.reason });
      record(outcome);
    }
  }
  return report;
}

/** Every file of an article rejected for one reason. */
const rejectArticle = (article: Article, reason: string): FileOutcome[] =>
  article.files.map((file) => ({ file, outcome: 'rejected' as const, reason }));

/**
 * Stores one round of articles and applies the facts of the new ones. An article whose extraction
 * fails is rejected alone. When DynamoDB refuses the round's writes for what one article made (which
 * the article limits should prevent), the round is split in halves until the article is found and
 * rejected, so it never costs the others: every step is idempotent, so repeating part of a round is safe.
 */
async function ingestRound(
  batch: Article[],
  store: TalksStore,
  extraction: ExtractionRun,
  /** Added to once the round's facts are applied, so a round split after a refusal counts them once. */
  tally: Pick<IngestReport, 'factsExtracted' | 'resettled' | 'notResettled'>,
  fingerprintOf: FingerprintOf,
): Promise<FileOutcome[]> {
  try {
    // Stored with their first files and URLs only (article-limits.ts); every file still gets its outcome.
    const result = await store.storeArticles(batch.map(withBoundedOrigins), fingerprintOf);
    const storedIds = new Set(result.stored);
    // Facts only for articles new to the store: a duplicate's facts were applied when it was first stored.
    extraction.skip(batch.filter((article) => !storedIds.has(article.id)).map((article) => article.id));
    const needed = batch.filter((article) => storedIds.has(article.id)).map(withBoundedOrigins);
    const extractions = await extraction.factsOfAll(needed);
    const extracted = needed.map((article, i) => ({ article, extraction: extractions[i] as Extraction }));
    const fresh = extracted.flatMap(({ article, extraction: e }) =>
      'facts' in e ? [{ article, facts: e.facts, guaranteeTopic: e.guaranteeTopic }] : [],
    );
    if (fresh.length > 0) await settleAndApply(fresh, store, extraction, tally);
    const failures = new Map(
      extracted.flatMap(({ article, extraction: e }) => ('reason' in e ? [[article.id, e.reason] as const] : [])),
    );
    const duplicateOf = new Map(result.duplicates.map(({ id, duplicateOf: target }) => [id, target]));
    return batch.flatMap((article) => {
      const reason = failures.get(article.id);
      return reason === undefined ? outcomesOf(article, storedIds, duplicateOf) : rejectArticle(article, reason);
    });
  } catch (error) {
    if (!isRefusedByStore(error)) throw error;
    const [only] = batch;
    if (batch.length === 1 && only) return rejectArticle(only, `the store refused it (${(error as Error).message})`);
    const half = Math.ceil(batch.length / 2);
    return [
      ...(await ingestRound(batch.slice(0, half), store, extraction, tally, fingerprintOf)),
      ...(await ingestRound(batch.slice(half), store, extraction, tally, fingerprintOf)),
    ];
  }
}

/**
 * Times a writer settles a round again when other writers keep applying rounds meanwhile, before it gives up (the
 * round's articles stay stored but not applied, as after any store failure: sending them again applies them). Every
 * failed attempt is another writer's applied round, so ten links added at once and an upload all get through.
 */
const SETTLING_ATTEMPTS = 30;

/**
 * Settles a round's facts with what the corpus knows (people's countries, office holders, guarantors), reads again the
 * stored articles the round teaches something (resettle.ts) and applies both in one applyFacts. Settled again from
 * fresh reads when another writer taught the corpus something in between (CorpusChangedError): each round is settled
 * with every lesson applied before it, and teaches every article applied before it.
 */
async function settleAndApply(
  fresh: { article: Article; facts: ArticleFacts; guaranteeTopic: readonly boolean[] }[],
  store: TalksStore,
  extraction: ExtractionRun,
  tally: Pick<IngestReport, 'factsExtracted' | 'resettled' | 'notResettled'>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // A bare surname is someone the corpus already knows only if it knows exactly one person of that name, and a
    // person named without a country has the one the corpus agrees on: the directory's top list and everyone
    // filed under the batch's surnames to settle in the name index.
    // The guarantors stored before tell a list of them in the batch, as the batch's own do (withCorpusGuarantors).
    // Office holders learnt from stored articles fill an office a batch article names by its title alone.
    // The generation first: knowledge read after it is at least as new, so a round applied at it missed nothing.
    const knowledgeAt = await store.corpusGeneration();
    const [{ speakers: listed }, { sources }, { guarantors: storedGuarantors }, officeVotes] = await Promise.all([
      store.getSpeakerDirectory(),
      store.listSources(VIEW_LIMITS.sources),
      store.getGuarantors(),
      store.officeVotes(),
    ]);
    // An article may cite another outlet of the corpus by name: no speaker either.
    const outlets = [...fresh.map((e) => e.article.outlet), ...sources.map((s) => s.outlet)];
    const facts = withoutOutletSpeakers(
      fresh.map((e) => e.facts),
      outlets,
    );
    // The name index under the surnames the batch settles, and under those of everyone it places in a country, whose
    // stored namesakes the batch may teach a country (re-settling, below): one read.
    const toSettle = new Set(surnameKeysToSettle(facts));
    const filed = await store.peopleFiledUnder([...new Set([...toSettle, ...surnameKeysPlaced(facts)])]);
    const known = [...listed, ...filed.filter((p) => toSettle.has(surnameKeyOf(p.key)))];
    const first = countryRereading(facts, known, officeVotes.votes);
    // The guarantee topic of the reading each article's facts come from: the first, or the second one below.
    const guaranteeTopics = fresh.map((e) => e.guaranteeTopic);
    const settled = first.rereading
      ? settleReadAgain(facts, known, await readAgain(first.rereading, fresh, extraction, outlets, guaranteeTopics))
      : first.settled;
    const topics = compileTopics(defaultTopicsConfig);
    const storedCountries = storedGuarantors.map((g) => g.country);
    const withGuarantors = withCorpusGuarantors(
      fresh.map((e) => e.article),
      settled,
      topics,
      storedCountries,
      guaranteeTopics,
    );
    // What the round taught the corpus, read into the stored articles it changes, applied with the round's facts.
    const resettling = await resettleStored(store, extraction, {
      known: [...listed, ...filed],
      officeVotes,
      round: withGuarantors,
      storedGuarantors: storedCountries,
      topics,
      outlets,
    });
    try {
      await store.applyFacts(
        [...withGuarantors, ...resettling.facts],
        [...fresh.map((e) => e.article), ...resettling.articles],
        knowledgeAt,
      );
    } catch (error) {
      if (isCorpusChanged(error) && attempt < SETTLING_ATTEMPTS) continue;
      throw error;
    }
    tally.resettled.push(...resettling.articles.map((a) => a.id));
    tally.notResettled.push(...resettling.left);
    for (const facts of withGuarantors) countFacts(tally.factsExtracted, facts);
    return;
  }
}

/**
 * The articles of a round read again by the extraction run (on its threads, beside the next round's first readings),
 * read with what the corpus taught (their people placed as it places them, the offices it knows), by index in the round. An article whose second reading fails is left
 * out: its first reading, which succeeded, stands. The guarantee topic of each second reading replaces the first's in
 * `guaranteeTopics`.
 */
async function readAgain(
  { indices, ...lessons }: CountryRereading,
  fresh: { article: Article }[],
  extraction: ExtractionRun,
  outlets: readonly (string | null)[],
  guaranteeTopics: (readonly boolean[])[],
): Promise<Map<number, ArticleFacts>> {
  const extractions = await extraction.factsOfAll(
    indices.map((i) => (fresh[i] as { article: Article }).article),
    lessons,
  );
  return new Map(
    indices.flatMap((index, n) => {
      const again = extractions[n];
      if (!again || !('facts' in again)) return [];
      guaranteeTopics[index] = again.guaranteeTopic;
      const [facts] = withoutOutletSpeakers([again.facts], outlets);
      return facts ? [[index, facts] as const] : [];
    }),
  );
}

function countFacts(counts: FactCounts, facts: ArticleFacts): void {
  counts.statements += facts.statements.length;
  counts.guarantors += facts.guarantors.length;
  counts.positions += facts.positions.length;
  counts.mentions += facts.mentions.length;
}

/**
 * The ingest pipeline: read → merge copies → store → extract facts of new articles → update the
 * views. Used by the S3 ingest Lambda. A bad input is reported and skipped; a store failure is thrown
 * (after the store's own retries), and running the same inputs again is safe: ingest is idempotent.
 */
export async function ingestInputs(
  inputs: ArticleInput[],
  store: TalksStore,
  opts: IngestOptions = {},
): Promise<IngestReport> {
  const run = (opts.extraction ?? inThreadExtraction()).start();
  // Each article is handed to extraction as soon as it is read: on worker threads, its facts are being extracted
  // while the rest are read, copies merged and the round stored.
  return ingestArticles(
    readArticleInputs(inputs, (article) => run.add([article])),
    store,
    opts,
    run,
  );
}

/** The ingest pipeline over files and folders (with their sources.json): what `talks ingest` runs. */
export async function ingestPaths(paths: string[], store: TalksStore, opts: IngestOptions = {}): Promise<IngestReport> {
  const run = (opts.extraction ?? inThreadExtraction()).start();
  return ingestArticles(await readArticlePaths(paths, (article) => run.add([article])), store, opts, run);
}
