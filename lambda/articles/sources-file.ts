import * as z from 'zod/mini';
import { toIsoDate } from './iso-date.js';
import type { MetadataLayer } from './metadata.js';
import { ReadableDateSchema, WebUrlSchema } from './metadata.js';
import { describeIssues } from './schema-errors.js';

/*
 * `sources.json` beside article files: what the user knows of each file, keyed by file name.
 *
 *   { "story.txt": { "title": "…", "source": "Example News", "url": "https://…", "date": "2022-03-29", "author": null } }
 *
 * `outlet` is accepted for `source`; `notes`, keys starting with "_" (such as "_about") and any other
 * key are ignored; null means "not known", exactly like a missing key.
 */

export const SOURCES_FILE_NAME = 'sources.json';

const Text = z.optional(z.nullable(z.string({ error: 'expected text or null' })));
const SourceEntrySchema = z.object(
  {
    title: Text,
    source: Text,
    outlet: Text,
    url: z.optional(z.nullable(WebUrlSchema)),
    date: ReadableDateSchema,
    author: Text,
  },
  { error: 'expected an object of metadata' },
);

export interface SourcesFile {
  /** Metadata by file base name. */
  byFile: Map<string, MetadataLayer>;
  /** One line per entry that could not be read; the other entries still apply. */
  problems: string[];
}

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Whether an input is a metadata file rather than an article. */
export function isSourcesFile(name: string): boolean {
  return name.split(/[\\/]/).pop() === SOURCES_FILE_NAME;
}

/** Parses a sources.json text. A bad entry is reported and skipped; a file that is not a JSON object yields only a problem. */
export function parseSourcesFile(text: string): SourcesFile {
  const byFile = new Map<string, MetadataLayer>();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { byFile, problems: [`not valid JSON: ${(error as Error).message}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { byFile, problems: ['expected a JSON object mapping file names to metadata'] };
  }
  const problems: string[] = [];
  for (const [file, entry] of Object.entries(json)) {
    // Top-level comments ("_about", or any non-object value) describe the file, not an article.
    if (file.startsWith('_') || typeof entry !== 'object' || entry === null) continue;
    const parsed = SourceEntrySchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(`entry "${file}": ${describeIssues(parsed.error)}`);
      continue;
    }
    const { title, source, outlet, url, date, author } = parsed.data;
    byFile.set(file, {
      title: textOrNull(title),
      outlet: textOrNull(source) ?? textOrNull(outlet),
      url: url ?? null,
      date: date ? toIsoDate(date) : null,
      author: textOrNull(author),
    });
  }
  return { byFile, problems };
}
