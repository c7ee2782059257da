import { fileURLToPath } from 'node:url';
import type { Article } from '../../lambda/articles/article.js';
import { dedupeArticles, readArticlePaths } from '../../lambda/articles/read-inputs.js';

/** The seed corpus shipped with the project (the default corpus), so these tests need nothing outside the checkout. */
export const SEED_DIR = fileURLToPath(new URL('../../data/articles/', import.meta.url));
export const SEED_GOLD = fileURLToPath(new URL('../fixtures/seed-gold.json', import.meta.url));

/** A purpose-written fixture folder under test/fixtures/articles/. */
export const fixtureDir = (name: string) => fileURLToPath(new URL(`../fixtures/articles/${name}/`, import.meta.url));

/** Reads folders the way `talks extract` does: the real readers, sources.json, copies merged. */
export async function readArticles(...dirs: string[]): Promise<Article[]> {
  const { articles, rejected } = await readArticlePaths(dirs);
  if (rejected.length) throw new Error(`fixture inputs rejected: ${JSON.stringify(rejected)}`);
  return dedupeArticles(articles);
}
