import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_MIN_WORDS,
  indexReference,
  type NamedText,
  readableText,
  type SharedRun,
  sharedRuns,
} from './word-overlap.js';

/*
 * Checks that texts share no run of 8 or more consecutive words with real reports (test/fixtures/README.md):
 *   node --import tsx scripts/check-overlap.ts                      # the repo's test/ and lambda/ vs the seed corpus
 *   node --import tsx scripts/check-overlap.ts --against DIR        # the same files vs any folder of real reports
 *   node --import tsx scripts/check-overlap.ts --against DIR PATH…  # chosen files or folders vs DIR
 * Options: --against DIR (repeatable; default data/articles), --min-words N (default 8).
 * Exits 1 when a run is shared, printing each with the reference it came from; 0 otherwise.
 */

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The seed corpus: the only published text the repo may hold, and the default reference. */
export const SEED_CORPUS = path.join(REPO_ROOT, 'data', 'articles');

/**
 * What the repo writes itself and must keep in its own words: every fixture under test/fixtures/, every
 * test input and comment under test/, and lambda/'s comments and strings (whole files are read; code
 * tokens between words only break runs).
 */
export const OWN_WORDS_PATHS = [path.join(REPO_ROOT, 'test'), path.join(REPO_ROOT, 'lambda')];

/**
 * Files under OWN_WORDS_PATHS that quote the seed corpus by design, since what they test is the seed
 * corpus itself: its gold labels (a copy of ../shared/eval/seed-gold.json, evidence spans verbatim), the
 * test of its headers and sources.json, and the ingest test that expects its titles from sources.json.
 */
export const QUOTES_THE_SEED = [
  path.join(REPO_ROOT, 'test', 'fixtures', 'seed-gold.json'),
  path.join(REPO_ROOT, 'test', 'articles', 'seed-corpus.test.ts'),
  path.join(REPO_ROOT, 'test', 'handlers', 'ingest.test.ts'),
];

/** A text that shares runs with the reference. */
export interface Finding {
  file: string;
  runs: SharedRun[];
}

/** Every file under the given files or folders, recursively, sorted; dot-files and node_modules skipped. */
export function listFiles(paths: readonly string[], exclude: readonly string[] = []): string[] {
  const excluded = new Set(exclude.map((p) => path.resolve(p)));
  const files: string[] = [];
  const visit = (p: string) => {
    if (excluded.has(path.resolve(p))) return;
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p)) {
        if (!entry.startsWith('.') && entry !== 'node_modules') visit(path.join(p, entry));
      }
    } else files.push(p);
  };
  for (const p of paths) visit(p);
  return files.sort();
}

/** Reads files as texts to compare; binary files (a NUL byte) are left out, since they hold no prose. */
export function readTexts(files: readonly string[]): NamedText[] {
  return files.flatMap((file) => {
    const contents = readFileSync(file, 'utf8');
    return contents.includes('\u0000') ? [] : [{ name: file, text: readableText(file, contents) }];
  });
}

/** The checked texts that share a run of at least `minWords` words with a reference text. */
export function findOverlaps(
  checked: readonly NamedText[],
  references: readonly NamedText[],
  minWords = DEFAULT_MIN_WORDS,
): Finding[] {
  const index = indexReference(references, minWords);
  return checked.flatMap(({ name, text }) => {
    const runs = sharedRuns(text, index);
    return runs.length ? [{ file: name, runs }] : [];
  });
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      against: { type: 'string', multiple: true },
      'min-words': { type: 'string', default: String(DEFAULT_MIN_WORDS) },
    },
  });
  const minWords = Number(values['min-words']);
  if (!Number.isInteger(minWords) || minWords < 1) throw new Error('--min-words takes a positive integer');
  const againstDirs = values.against ?? [SEED_CORPUS];
  const references = readTexts(listFiles(againstDirs));
  if (references.length === 0) throw new Error(`No reference texts in ${againstDirs.join(', ')}`);
  const checked = readTexts(positionals.length ? listFiles(positionals) : listFiles(OWN_WORDS_PATHS, QUOTES_THE_SEED));
  const findings = findOverlaps(checked, references, minWords);
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  for (const { file, runs } of findings) {
    for (const run of runs) {
      console.log(`${shown(file)}: ${run.length} words shared with ${shown(run.reference)}: "${run.words}"`);
    }
  }
  const longest = Math.max(0, ...findings.flatMap(({ runs }) => runs.map((r) => r.length)));
  console.log(
    `checked ${checked.length} files against ${references.length} reference texts: ` +
      (findings.length
        ? `${findings.length} files share runs of ${minWords}+ words (longest ${longest})`
        : `no shared run of ${minWords}+ words`),
  );
  return findings.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main();
  } catch (error) {
    process.stderr.write(`check-overlap: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
