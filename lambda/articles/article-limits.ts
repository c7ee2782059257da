import type { Article } from './article.js';

/*
 * What one article may bring into the store. An article's metadata is a single DynamoDB item (at most
 * 400 KB) and its text ends up in keys (at most 2,048 bytes) and in Slack messages, so anything a file
 * can make as long as it likes is bounded here, before it is stored: one file must never be able to make
 * a write fail, because a failed write costs the whole batch beside it.
 */

/** Longest input name: S3's limit on an object key (1,024 bytes), so any uploaded object fits. */
export const MAX_FILE_NAME_LENGTH = 1024;
/** Files one article remembers; later copies are still reported as duplicates, but not listed. */
export const MAX_FILES_PER_ARTICLE = 100;
/** URLs one article remembers, as for files. */
export const MAX_URLS_PER_ARTICLE = 20;
/** Longest URL kept: what browsers and CDNs commonly accept. */
export const MAX_URL_LENGTH = 2048;

/** Longest metadata values: a title, an outlet or an author longer than this is not one. */
const MAX_FIELD_LENGTH = { title: 1000, outlet: 200, author: 300 } as const;

/** Why an article read from a file exceeds what one article may store, or null when it is within bounds. */
export function articleLimitProblem(article: Article): string | null {
  const name = article.files[0] ?? '';
  if (name.length > MAX_FILE_NAME_LENGTH) {
    return `file name is ${name.length} characters long (at most ${MAX_FILE_NAME_LENGTH})`;
  }
  for (const field of ['title', 'outlet', 'author'] as const) {
    const value = article[field];
    if (value && value.length > MAX_FIELD_LENGTH[field]) {
      return `${field} is ${value.length} characters long (at most ${MAX_FIELD_LENGTH[field]})`;
    }
  }
  const url = article.urls.find((u) => u.length > MAX_URL_LENGTH);
  if (url) return `URL is ${url.length} characters long (at most ${MAX_URL_LENGTH})`;
  return null;
}

/** The files and URLs an article keeps when copies are merged into it: the first ones, up to the limits. */
export function boundedOrigins(files: string[], urls: string[]): { files: string[]; urls: string[] } {
  return { files: files.slice(0, MAX_FILES_PER_ARTICLE), urls: urls.slice(0, MAX_URLS_PER_ARTICLE) };
}

/** The article as it is stored: its first files and URLs, up to the limits. */
export function withBoundedOrigins<A extends Pick<Article, 'files' | 'urls'>>(article: A): A {
  const bounded = boundedOrigins(article.files, article.urls);
  const unchanged = bounded.files.length === article.files.length && bounded.urls.length === article.urls.length;
  return unchanged ? article : { ...article, ...bounded };
}
