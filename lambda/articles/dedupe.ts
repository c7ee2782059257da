import type { Article } from './article.js';
import {
  type FingerprintOf,
  fingerprintsAreNearDuplicates,
  fingerprintsOnce,
  NearDuplicateIndex,
  sketchesMayMatch,
} from './fingerprint.js';
import { metadataRichness } from './metadata.js';

const union = <T>(...lists: T[][]): T[] => [...new Set(lists.flat())];

/**
 * Folds a second copy of an article into the copy that is kept: the kept copy's body and id stay, its
 * unknown metadata is filled from the other, and every file and URL of both is remembered (the kept
 * copy's first). Also what the store does when a stored article is read again.
 */
export function mergeArticleCopies(kept: Article, copy: Article): Article {
  const url = kept.url ?? copy.url;
  return {
    ...kept,
    title: kept.title ?? copy.title,
    outlet: kept.outlet ?? copy.outlet,
    url,
    author: kept.author ?? copy.author,
    date: kept.date ?? copy.date,
    urls: union(url ? [url] : [], kept.urls, copy.urls),
    files: union(kept.files, copy.files),
  };
}

/** The copy to keep: the one whose inputs say most about it (title, outlet, URL…); the first read on a tie. */
function primaryOf(copies: Article[]): Article {
  return copies.reduce((best, next) => (metadataRichness(next) > metadataRichness(best) ? next : best));
}

/**
 * Merges the copies of one article within a batch: the same body (same id), or a near-duplicate (at
 * least 80% of word 4-grams shared). Returns one article per story, in the order stories were first
 * read, each remembering every file and URL it came from. `fingerprintOf` lets the caller keep the
 * fingerprints for storing the articles (lambda/articles/fingerprint.ts `fingerprintsOnce`).
 */
export function dedupeArticles(articles: Article[], fingerprintOf: FingerprintOf = fingerprintsOnce()): Article[] {
  const groups: Article[][] = [];
  const groupById = new Map<string, Article[]>();
  const groupsByKey = new NearDuplicateIndex<Article[]>();

  for (const article of articles) {
    const sameBody = groupById.get(article.id);
    if (sameBody) {
      sameBody.push(article);
      continue;
    }
    const fingerprint = fingerprintOf(article);
    // Indexed and looked up under every probe key: in memory an entry costs nothing (fingerprint.ts ROWS).
    // As in the store, a candidate's sketch is compared before its shingles: stock phrases make many.
    const group = groupsByKey.candidates(fingerprint.probeKeys).find((candidate) => {
      const kept = fingerprintOf(candidate[0] ?? article);
      return sketchesMayMatch(kept.sketch, fingerprint.sketch) && fingerprintsAreNearDuplicates(fingerprint, kept);
    });
    if (group) {
      group.push(article);
      groupById.set(article.id, group);
      continue;
    }
    const created = [article];
    groups.push(created);
    groupById.set(article.id, created);
    groupsByKey.add(fingerprint.probeKeys, created);
  }

  return groups.map((copies) => {
    const primary = primaryOf(copies);
    return copies.filter((copy) => copy !== primary).reduce(mergeArticleCopies, primary);
  });
}
