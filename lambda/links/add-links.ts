import { createHash } from 'node:crypto';
import { type Article, toSourceRef } from '../articles/article.js';
import { isRejection, parseArticleInput } from '../articles/read-inputs.js';
import { extractArticleFacts } from '../facts/extract.js';
import { mergeGuarantors } from '../facts/merge.js';
import { ingestRead } from '../ingest/ingest.js';
import type { PageArchive } from '../store/page-archive.js';
import type { TalksStore } from '../store/ports.js';
import { type FetchedPage, fetchPage, LinkRefusedError } from './fetch-page.js';
import type { FoundFacts, LinkOutcome } from './link-outcome.js';

export interface AddLinksDeps {
  store: TalksStore;
  /** Where each fetched page is kept, as an upload would be: it can be re-ingested and audited. */
  archive: PageArchive;
  /** @default `fetchPage` with its production limits */
  fetch?: (link: string) => Promise<FetchedPage>;
}

/** The archive key of a page: one per URL, so fetching a link again replaces its earlier copy. */
export function archiveName(page: FetchedPage): string {
  const host = new URL(page.url).hostname.replace(/[^a-z0-9.-]/giu, '_');
  const digest = createHash('sha256').update(page.url).digest('hex').slice(0, 16);
  return `${host}/${digest}.${page.format === 'html' ? 'html' : 'txt'}`;
}

function foundIn(article: Article, facts: ReturnType<typeof extractArticleFacts>): FoundFacts {
  const topics = new Map<string, Set<string>>();
  for (const { topic, party } of facts.positions) topics.set(topic, (topics.get(topic) ?? new Set()).add(party));
  return {
    speakers: [...new Set(facts.statements.map((s) => s.speaker))],
    // One line a country and proposer, as the stored guarantors merge them.
    guarantors: mergeGuarantors([], facts.guarantors),
    positions: [...topics].map(([topic, parties]) => ({ topic, parties: [...parties] })),
    source: toSourceRef(article),
  };
}

async function addLink(link: string, deps: AddLinksDeps): Promise<LinkOutcome> {
  let page: FetchedPage;
  try {
    page = await (deps.fetch ?? fetchPage)(link);
  } catch (error) {
    if (error instanceof LinkRefusedError)
      return { link, outcome: 'rejected', refusal: error.refusal, reason: error.message };
    throw error;
  }
  const name = archiveName(page);
  // Read before anything is stored: a page with no article text is refused whole.
  const read = parseArticleInput({ name, bytes: page.bytes });
  if (isRejection(read)) return { link, outcome: 'rejected', refusal: 'not-an-article', reason: read.reason };
  const article = read.url ? read : { ...read, url: page.url, urls: [page.url] };
  const file = await deps.archive.save(name, page.bytes);
  // The same text stored before (its id is its content's) but not in this format's items yet, which ingest reports
  // as stored so that its facts are applied: while a deploy rebuilds a new format, every article stored before it.
  // Once ingestRead returns its facts are in, so "already stored" is then true.
  const storedBefore = (await deps.store.getArticle(article.id)) !== null;
  const report = await ingestRead({ articles: [{ ...article, files: [file] }], rejected: [] }, deps.store, {});
  const found = foundIn(article, extractArticleFacts(article));
  const [outcome] = report.files;
  const duplicateOf = outcome?.outcome === 'duplicate' ? outcome.duplicateOf : storedBefore ? article.id : null;
  if (duplicateOf !== null) {
    const stored = await deps.store.getArticle(duplicateOf);
    return {
      link,
      outcome: 'merged',
      article: { id: duplicateOf, title: stored?.title ?? null, outlet: stored?.outlet ?? null },
      found,
    };
  }
  return { link, outcome: 'stored', article: { id: article.id, title: article.title, outlet: article.outlet }, found };
}

/**
 * Reads shared links into the corpus, one after another: fetch safely, keep the page in the archive, ingest
 * it through the upload pipeline. Every link gets an outcome; a refused link stores nothing and never stops
 * the others. A store failure is thrown (ingest is idempotent: sending the links again completes it).
 */
export async function addLinks(links: readonly string[], deps: AddLinksDeps): Promise<LinkOutcome[]> {
  const outcomes: LinkOutcome[] = [];
  for (const link of links) outcomes.push(await addLink(link, deps));
  return outcomes;
}
