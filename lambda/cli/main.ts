import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { shownFileName } from '../answers/file-name.js';
import type { FileOutcome } from '../ingest/ingest.js';
import type { LocalStore } from './local-store.js';
import { quietSdkNodeVersionWarning } from './sdk-warning.js';
import { localStoreProblem } from './store-problems.js';

/*
 * Each command imports what it needs when it runs: the HTML reader, the NLP rules, the AWS SDK and
 * dynalite together take seconds to load, and --help or a usage error should answer at once.
 */

export const USAGE = `Usage: npm run talks -- <command>

Commands:
  ingest <files|folders>...          Clean, de-duplicate and store articles (.txt, .md, .html, .json;
                                     a sources.json beside them adds title, source, url, date, author).
  extract --json <files|folders>...  Print the facts found in the files as JSON (no store involved).
  add <url>...                       Read up to 5 web pages (http/https, public addresses only) into the
                                     store, keeping each page under .talks/links/.
  summary | who [<name>] | guarantors | topic [<topic>] | crimea | donbas | <any topic id>
  | timeline <topic> | timeline guarantors | since <date> | sources | flags | help
                                     Answer as /talks does in Slack, from the local store
                                     (help lists the configured topics). A bare who, since and
                                     sources take "page N" for their later pages. No command is help;
                                     an unknown one answers help with a "did you mean", exit 2.

Options:
  -h, --help  Show this text.

Environment:
  TALKS_HOME  Folder of the local DynamoDB data (default: .talks/ in the repository). When a command
              answers from an empty store, the default corpus in data/articles/ is ingested first;
              ingest and add into an empty store store only their own articles.
  FLAG_REVIEWERS, FLAG_THRESHOLD
              Who hides a flagged fact with one flag, and how many flags hide it (as npm start).

Exit status: 0 on success, 1 when an input was rejected or a command failed, 2 on bad usage.`;

/** Where the CLI writes; injected so tests can run it in process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** `seed`: whether an empty store takes the default corpus (see LocalStoreOptions). */
  openStore?: (opts: { seed: boolean }) => Promise<LocalStore>;
}

class UsageError extends Error {
  override name = 'UsageError';
}

type Labelled = { title: string | null; outlet: string | null };

const label = ({ title, outlet }: Labelled) => [outlet, title].filter(Boolean).join(': ');

function describeArticle(article: Labelled & { articleId: string }) {
  return label(article) ? `${article.articleId} ${label(article)}` : article.articleId;
}

function progressLine(outcome: FileOutcome): string {
  const file = shownFileName(outcome.file);
  switch (outcome.outcome) {
    case 'stored':
      return `stored     ${file} as ${describeArticle(outcome)}`;
    case 'duplicate':
      // The outcome's outlet and title are this file's, which may differ from the stored article's.
      return `duplicate  ${file}${label(outcome) ? ` (${label(outcome)})` : ''} of ${outcome.duplicateOf}`;
    case 'rejected':
      return `rejected   ${file}: ${outcome.reason}`;
  }
}

/**
 * Runs `use` on the local store. `seed`: whether a first run takes the default corpus; false for the commands that
 * bring their own articles, so a user's corpus is theirs alone (an answer from an empty store still seeds it).
 */
async function withStore<T>(io: CliIo, use: (local: LocalStore) => Promise<T>, seed = true): Promise<T> {
  const local = await (io.openStore ?? (await import('./local-store.js')).openLocalStore)({ seed });
  try {
    return await use(local);
  } finally {
    await local.close();
  }
}

async function ingestCommand(paths: string[], io: CliIo): Promise<number> {
  if (paths.length === 0) throw new UsageError('ingest needs at least one file or folder');
  const [{ ingestPaths }, { defaultFactExtraction }] = await Promise.all([
    import('../ingest/ingest.js'),
    import('../ingest/fact-extraction.js'),
  ]);
  const report = await withStore(
    io,
    ({ store }) =>
      ingestPaths(paths, store, {
        onProgress: (outcome) => io.stdout(progressLine(outcome)),
        extraction: defaultFactExtraction({
          onWorkersFailed: (why) => io.stderr(`extraction threads could not start (${why}): extracting on one thread`),
        }),
      }),
    false,
  );
  const count = (kind: FileOutcome['outcome']) => report.files.filter((f) => f.outcome === kind).length;
  io.stdout(`${count('stored')} stored, ${count('duplicate')} duplicates, ${count('rejected')} rejected`);
  return report.rejected.length > 0 ? 1 : 0;
}

async function addCommand(links: string[], io: CliIo): Promise<number> {
  const [
    { MAX_LINKS },
    { answerLinkRequest },
    { renderText },
    { createLocalPageArchive },
    { localLinksFolder },
    { flagFeatures },
    { flagPolicyFromEnv },
  ] = await Promise.all([
    import('../answers/link-text.js'),
    import('../links/answer-link-request.js'),
    import('../answers/render-text.js'),
    import('./local-page-archive.js'),
    import('./local-app.js'),
    import('../flags/flag-features.js'),
    import('../flags/flag-policy-config.js'),
  ]);
  if (links.length === 0 || links.length > MAX_LINKS) throw new UsageError(`add takes 1 to ${MAX_LINKS} links`);
  const policy = flagPolicyFromEnv(process.env);
  let reply = '';
  // A store failure is thrown past the reply it also gives (runCli prints the error and exits 1).
  const outcomes = await withStore(
    io,
    (local) =>
      answerLinkRequest(links, {
        store: local.store,
        archive: createLocalPageArchive(localLinksFolder(local)),
        readFactFilter: flagFeatures({ reader: local.flags, policy }).readFactFilter,
        reply: async (answer) => {
          reply = renderText(answer);
        },
      }),
    false,
  );
  io.stdout(reply);
  return outcomes.some((o) => o.outcome === 'rejected') ? 1 : 0;
}

async function extractCommand(paths: string[], json: boolean, io: CliIo): Promise<number> {
  if (!json) throw new UsageError('extract prints JSON only: use extract --json <files|folders>');
  if (paths.length === 0) throw new UsageError('extract needs at least one file or folder');
  const [{ readArticlePaths }, { dedupeArticles }, { extractCorpusFacts }, { toPrediction }] = await Promise.all([
    import('../articles/read-inputs.js'),
    import('../articles/dedupe.js'),
    import('../facts/extract.js'),
    import('../facts/prediction.js'),
  ]);
  const { articles, rejected } = await readArticlePaths(paths);
  for (const { file, reason } of rejected) io.stderr(`rejected ${shownFileName(file)}: ${reason}`);
  const unique = dedupeArticles(articles);
  // The corpus pass, as ingest and the eval read: what one article tells of a person or a list holds in the others.
  const facts = extractCorpusFacts(unique);
  io.stdout(JSON.stringify(toPrediction(unique, facts), null, 2));
  return rejected.length > 0 ? 1 : 0;
}

/** Runs one CLI invocation; returns the exit status. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.json && command !== 'extract') throw new UsageError('--json is an option of extract only');
    if (command === 'ingest') return await ingestCommand(rest, io);
    if (command === 'extract') return await extractCommand(rest, values.json ?? false, io);
    if (command === 'add') return await addCommand(rest, io);
    const [{ printedAnswer }, { flagPolicyFromEnv }] = await Promise.all([
      import('./print-answer.js'),
      import('../flags/flag-policy-config.js'),
    ]);
    const policy = flagPolicyFromEnv(process.env);
    // No command at all is `help`, as in Slack; an unknown one answers help too, and is bad usage.
    const answer = await withStore(io, ({ store, flags }) =>
      printedAnswer(positionals.join(' ') || 'help', store, { reader: flags, policy }, { reader: store }),
    );
    io.stdout(answer.text);
    return answer.understood ? 0 : 2;
  } catch (error) {
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr(`error: ${(error as Error).message}`);
    if (usage) io.stderr('Run with --help for usage.');
    const recovery = localStoreProblem(error)?.recovery;
    if (recovery) io.stderr(recovery);
    return usage ? 2 : 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  quietSdkNodeVersionWarning();
  // `talks ingest … | head -1`: once the reader is gone, later lines are dropped and the ingest still completes.
  let stdoutOpen = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutOpen = false;
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => {
      if (stdoutOpen) process.stdout.write(`${text}\n`);
    },
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
