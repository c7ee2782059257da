import type { Article } from '../articles/article.js';
import type { ArticleFacts } from './fact.js';

/**
 * Extracts statements, guarantors and positions from one article. Pure and deterministic.
 * Placeholder until the extraction lands: finds nothing.
 */
export function extractArticleFacts(article: Article): ArticleFacts {
  return { articleId: article.id, people: [], statements: [], guarantors: [], positions: [] };
}
