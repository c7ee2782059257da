import * as z from 'zod/mini';
import { toIsoDate } from '../iso-date.js';
import { ReadableDateSchema, WebUrlSchema } from '../metadata.js';
import { describeIssues } from '../schema-errors.js';
import type { FormatResult } from './format.js';

const OptionalText = z.optional(z.nullable(z.string({ error: 'expected text' })));

/** A .json article: `{ title, source, url, date, body }`; `outlet` and `author` are read too, other keys ignored. */
export const JsonArticleSchema = z.object(
  {
    title: OptionalText,
    source: OptionalText,
    outlet: OptionalText,
    url: z.optional(z.nullable(WebUrlSchema)),
    date: ReadableDateSchema,
    author: OptionalText,
    body: z
      .string({ error: 'expected the article text as a string' })
      .check(z.refine((value) => value.trim() !== '', 'the article body is empty')),
  },
  { error: 'expected a JSON object' },
);

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Reads a JSON article; a file that is not JSON or not this shape is refused with zod's explanation on one line. */
export function readJsonArticle(text: string): FormatResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { reason: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = JsonArticleSchema.safeParse(json);
  if (!parsed.success) {
    return {
      reason: `JSON article does not match { title, source, url, date, body }: ${describeIssues(parsed.error)}`,
    };
  }
  const { title, source, outlet, url, date, author, body } = parsed.data;
  return {
    text: body,
    metadata: {
      title: blankToNull(title),
      outlet: blankToNull(source) ?? blankToNull(outlet),
      url: url ?? null,
      date: date ? toIsoDate(date) : null,
      author: blankToNull(author),
    },
    markdown: false,
  };
}
