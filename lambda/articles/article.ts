import * as z from 'zod/mini';

const NonEmpty = z.string().check(z.minLength(1));

/** A calendar date as articles give it (YYYY-MM-DD); times are dropped because no answer needs them. */
export const IsoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));

/**
 * What an input (header block, HTML meta tags, JSON fields, sources.json) says about an article.
 * Whatever no input says stays null: the bot never guesses an outlet or a title.
 */
export const ArticleMetadataSchema = z.object({
  title: z.nullable(NonEmpty),
  outlet: z.nullable(NonEmpty),
  url: z.nullable(z.url()),
  author: z.nullable(NonEmpty),
  date: z.nullable(IsoDateSchema),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadataSchema>;

/** A stored article: cleaned body plus everything known of where it came from. */
export const ArticleSchema = z.extend(ArticleMetadataSchema, {
  /** Stable hash of the normalised body, so re-ingesting the same text is idempotent. */
  id: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** Every URL the article was found at (duplicates merged); `url` is the first. */
  urls: z.array(z.url()),
  /** Cleaned text. Facts quote from it verbatim, so cleaning never rewrites a sentence. */
  body: NonEmpty,
  /** Base names of every input file that held this article; the first is where it was first read. */
  files: z.array(NonEmpty).check(z.minLength(1)),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What a citation shows of its article: enough to name and link it without reading the body. */
export const SourceRefSchema = z.pick(ArticleSchema, {
  id: true,
  title: true,
  outlet: true,
  url: true,
  date: true,
  files: true,
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export function toSourceRef(article: Article): SourceRef {
  const { id, title, outlet, url, date, files } = article;
  return { id, title, outlet, url, date, files };
}
