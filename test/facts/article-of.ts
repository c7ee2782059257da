import type { Article } from '../../lambda/articles/article.js';

/** A minimal stored article around a body, for unit tests of single sentences. */
export function articleOf(body: string, id = '0123456789abcdef'): Article {
  return { id, body, files: [`${id}.txt`], urls: [], title: null, outlet: null, url: null, author: null, date: null };
}
