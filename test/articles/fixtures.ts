import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../../lambda/articles/read-inputs.js';

/** Folder of the purpose-written article fixtures (test/fixtures/articles). */
export const ARTICLE_FIXTURES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
/** The seed corpus as committed in the repository (data/articles), so tests never need ../shared. */
export const SEED_DIR = fileURLToPath(new URL('../../data/articles/', import.meta.url));

export function fixturePath(relativePath: string): string {
  return `${ARTICLE_FIXTURES}${relativePath}`;
}

/** A fixture as an ingest input named by its base name, as files are. */
export function fixtureInput(relativePath: string): ArticleInput {
  return { name: relativePath.split('/').pop() ?? relativePath, bytes: readFileSync(fixturePath(relativePath)) };
}

export function textInput(name: string, text: string): ArticleInput {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** Whitespace folded and quote marks straightened, as the eval scorer compares evidence with files. */
export function scorerForm(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
