import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { errorMessage } from '../shared/error-message.js';
import type { Article, ArticleMetadata } from './article.js';
import { articleId } from './article-id.js';
import { articleLimitProblem } from './article-limits.js';
import { cleanArticleText } from './clean.js';
import { decodeText } from './decode-text.js';
import type { FormatResult } from './formats/format.js';
import { isFormatProblem } from './formats/format.js';
import { readHtml } from './formats/html.js';
import { readJsonArticle } from './formats/json-article.js';
import { readPlainText } from './formats/plain-text.js';
import { collectInputFiles, fsErrorReason } from './input-files.js';
import { combineMetadata, titleWithoutFurniture } from './metadata.js';
import { isSourcesFile, parseSourcesFile, type SourcesFile } from './sources-file.js';

export { dedupeArticles } from './dedupe.js';

/** An input as bytes: a file (name = its base name) or an S3 object (name = its key). */
export type ArticleInput = { name: string; bytes: Uint8Array };

/** An input that did not become an article, and why, in one line. */
export type Rejection = { file: string; reason: string };

export interface ReadResult {
  /** One article per readable input, in input order; copies of one story are merged by `dedupeArticles`. */
  articles: Article[];
  rejected: Rejection[];
}

const READERS: Record<string, (text: string) => FormatResult> = {
  '.txt': (text) => readPlainText(text, { markdown: false }),
  '.text': (text) => readPlainText(text, { markdown: false }),
  '.md': (text) => readPlainText(text, { markdown: true }),
  '.markdown': (text) => readPlainText(text, { markdown: true }),
  '.html': readHtml,
  '.htm': readHtml,
  '.json': readJsonArticle,
};

export function isRejection(result: Article | Rejection): result is Rejection {
  return 'reason' in result;
}

/**
 * Turns one input into a cleaned article, or says why it cannot. Pure: no I/O. `metadata` is what the
 * user supplied for this input (sources.json); it wins over what the file says of itself, and what
 * nothing says stays null.
 */
export function parseArticleInput(input: ArticleInput, metadata: Partial<ArticleMetadata> = {}): Article | Rejection {
  const file = input.name;
  const extension = posix.extname(file).toLowerCase();
  const read = READERS[extension];
  if (!read) {
    return { file, reason: `unsupported file type "${extension || '(none)'}" (expected .txt, .md, .html or .json)` };
  }
  const decoded = decodeText(input.bytes);
  if ('reason' in decoded) return { file, reason: decoded.reason };
  const formatted = read(decoded.text);
  if (isFormatProblem(formatted)) return { file, reason: formatted.reason };

  const known = combineMetadata(metadata, formatted.metadata);
  const cleaned = cleanArticleText(formatted.text, { title: known.title, markdown: formatted.markdown });
  if (cleaned.body === '') {
    return {
      file,
      reason: formatted.noTextReason ?? 'no article text left once prompts, captions and links are removed',
    };
  }
  const combined = combineMetadata(known, { title: cleaned.headline, author: cleaned.author });
  const found = { ...combined, title: combined.title && titleWithoutFurniture(combined.title, combined.outlet) };
  const article: Article = {
    id: articleId(cleaned.body),
    ...found,
    urls: found.url ? [found.url] : [],
    body: cleaned.body,
    files: [file],
  };
  const problem = articleLimitProblem(article);
  return problem ? { file, reason: problem } : article;
}

/** `parseArticleInput`, with a failure of a reader (a library meeting input it cannot take) as the file's rejection too. */
function parseInputOrReason(input: ArticleInput, metadata: Partial<ArticleMetadata> | undefined): Article | Rejection {
  try {
    const result = parseArticleInput(input, metadata);
    // A reason may quote the file's name or contents: one line, so that a report line is one file.
    return isRejection(result) ? { file: result.file, reason: oneLine(result.reason) } : result;
  } catch (error) {
    return {
      file: input.name,
      reason: `could not be read (${oneLine(errorMessage(error))})`,
    };
  }
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();

interface PlacedInput {
  input: ArticleInput;
  /** Where the input sits: a sources.json applies to the inputs of its own folder. */
  folder: string;
}

/** Told of each article as soon as it is read, before the rest of the batch is. */
export type OnArticleRead = (article: Article) => void;

function readPlacedInputs(placed: PlacedInput[], onArticle?: OnArticleRead): ReadResult {
  const rejected: Rejection[] = [];
  const sourcesByFolder = new Map<string, SourcesFile>();
  for (const { input, folder } of placed.filter((p) => isSourcesFile(p.input.name))) {
    const decoded = decodeText(input.bytes);
    const sources =
      'reason' in decoded ? { byFile: new Map(), problems: [decoded.reason] } : parseSourcesFile(decoded.text);
    sourcesByFolder.set(folder, sources);
    // Named with its folder: a batch of folders may hold several sources.json files.
    const file = posix.dirname(input.name) === '.' ? posix.join(folder, input.name) : input.name;
    for (const problem of sources.problems) rejected.push({ file, reason: problem });
  }

  const articles: Article[] = [];
  for (const { input, folder } of placed.filter((p) => !isSourcesFile(p.input.name))) {
    const metadata = sourcesByFolder.get(folder)?.byFile.get(posix.basename(input.name));
    const result = parseInputOrReason(input, metadata);
    if (isRejection(result)) rejected.push(result);
    else {
      articles.push(result);
      onArticle?.(result);
    }
  }
  return { articles, rejected };
}

/**
 * Reads a batch of inputs (files or S3 objects). An input named `sources.json` is not an article: it
 * supplies metadata to the inputs beside it (same key prefix).
 */
export function readArticleInputs(inputs: ArticleInput[], onArticle?: OnArticleRead): ReadResult {
  return readPlacedInputs(
    inputs.map((input) => ({ input, folder: posix.dirname(input.name) })),
    onArticle,
  );
}

/** How many files are read at once: enough to hide disk latency, few enough to stay far below fd limits. */
const READ_CONCURRENCY = 32;

/**
 * Reads files and folders (recursively), with the sources.json found beside them. Every input either
 * becomes an article or a rejection with its reason; one bad file never stops the rest.
 */
export async function readArticlePaths(paths: string[], onArticle?: OnArticleRead): Promise<ReadResult> {
  const { files, rejected } = await collectInputFiles(paths);
  // sources.json files beside explicitly named files are read too, once per folder.
  const folders = new Set(files.map((f) => f.folder));
  const listedSources = new Set(files.filter((f) => isSourcesFile(f.name)).map((f) => f.folder));
  const besideSources = (
    await collectInputFiles([...folders].filter((f) => !listedSources.has(f)).map((f) => posix.join(f, 'sources.json')))
  ).files;

  const toRead = [...besideSources, ...files];
  const placed: PlacedInput[] = [];
  for (let start = 0; start < toRead.length; start += READ_CONCURRENCY) {
    const chunk = toRead.slice(start, start + READ_CONCURRENCY);
    const read = await Promise.all(
      chunk.map(async (file) => {
        try {
          return { input: { name: file.name, bytes: await readFile(file.path) }, folder: file.folder };
        } catch (error) {
          rejected.push({ file: file.path, reason: fsErrorReason(error) });
          return null;
        }
      }),
    );
    for (const entry of read) if (entry) placed.push(entry);
  }
  const result = readPlacedInputs(placed, onArticle);
  return { articles: result.articles, rejected: [...rejected, ...result.rejected] };
}
