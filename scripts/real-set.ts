import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/*
 * The real evaluation set (test/fixtures/real-set/, see its README): real reports whose text may not be committed,
 * in a tune half that rule writers read, a blind half scored once, as a whole, when a round of rules is done, and a
 * reserve half that nobody reads or scores until the next round of rules is done (it then becomes the blind half). The repo holds the labels
 * as spans (gold-spans.json); a half can be scored only once its articles are fetched again and its gold.json is
 * rebuilt from the spans, so every helper here first says whether a half is present.
 */

export const REAL_SET_HALVES = ['tune', 'blind', 'reserve'] as const;
export type RealSetHalf = (typeof REAL_SET_HALVES)[number];

/** The halves nobody may read before they are scored: `npm run eval` scores them only when asked for by name. */
export const SCORED_ONLY_BY_NAME: readonly RealSetHalf[] = ['blind', 'reserve'];

/** Whether a run scores `set`: one asked for by name (`--set`) scores that set alone, the default run all but the unread halves. */
export function isSetScored(set: string, requested: string | undefined): boolean {
  if (requested !== undefined) return set === requested;
  return !(SCORED_ONLY_BY_NAME as readonly string[]).includes(set);
}

/** Where the halves live unless TALKS_REAL_SET_DIR moves them: beside their committed spans. */
export const REAL_SET_FIXTURES = fileURLToPath(new URL('../test/fixtures/real-set/', import.meta.url));

/** The sets `npm run eval` and `npm run accounting` read: the seed corpus, the dev set and the real set's halves. */
export const EVAL_SETS = ['seed', 'dev', ...REAL_SET_HALVES] as const;

export interface SetOptions {
  verbose: boolean;
  /** One set to read alone (one of EVAL_SETS). */
  set?: string | undefined;
  /** A folder to read the real-set half from. */
  dir?: string | undefined;
}

/** The options `npm run eval` and `npm run accounting` share, or what is wrong with them. */
export function parseSetOptions(args: string[]): SetOptions | { error: string } {
  const { values } = parseArgs({
    args,
    options: { verbose: { type: 'boolean' }, set: { type: 'string' }, dir: { type: 'string' } },
  });
  if (values.set !== undefined && !(EVAL_SETS as readonly string[]).includes(values.set)) {
    return { error: `--set must be one of ${EVAL_SETS.join(', ')}` };
  }
  return { verbose: values.verbose ?? false, set: values.set, dir: values.dir };
}

/** The shared options of a script's command line; a wrong one ends the script with status 2 and says why. */
export function setOptionsOrExit(args: string[]): SetOptions {
  const options = parseSetOptions(args);
  if (!('error' in options)) return options;
  console.error(options.error);
  process.exit(2);
}

/** Where a half is read from: `--dir`, else TALKS_REAL_SET_DIR/<half>, else beside its committed spans. */
export function realSetHalfDir(half: RealSetHalf, dir: string | undefined): string {
  return dir ? resolve(dir) : join(resolve(process.env.TALKS_REAL_SET_DIR ?? REAL_SET_FIXTURES), half);
}

export type RealSetLocation = { present: true; articles: string; gold: string } | { present: false; reason: string };

/** Finds a half's articles and gold in `dir`, or says what is missing and how to get it. */
export function locateRealSetHalf(dir: string): RealSetLocation {
  const articles = join(dir, 'articles');
  const gold = join(dir, 'gold.json');
  if (!existsSync(articles)) {
    return {
      present: false,
      reason: `no articles in ${articles}: fetch them again as test/fixtures/real-set/README.md says`,
    };
  }
  if (!existsSync(gold)) {
    return {
      present: false,
      reason: `no gold.json in ${dir}: rebuild it with \`node ../shared/eval/pack.mjs ${dir} --unpack\``,
    };
  }
  return { present: true, articles, gold };
}

/** The part of the scorer's `--json` report that the comparison table shows. */
export interface ScoreReport {
  perCategory: Record<Category, { precision: number; recall: number; f1: number }>;
  proposedByAgreement: number | null;
  ungrounded?: { checked: number; count: number };
}

const CATEGORIES = ['statements', 'guarantors', 'positions'] as const;
type Category = (typeof CATEGORIES)[number];

const fixed = (n: number | null | undefined) => (n === null || n === undefined ? '  - ' : n.toFixed(2));

/** One line per category: the extractor's P/R/F1 beside the naive baseline's, so a recall below the floor shows. */
export function formatComparison(set: string, extractor: ScoreReport, baseline: ScoreReport): string[] {
  const cell = (r: ScoreReport, c: Category) =>
    `${fixed(r.perCategory[c].precision)} / ${fixed(r.perCategory[c].recall)} / ${fixed(r.perCategory[c].f1)}`;
  const lines = CATEGORIES.map((c) => {
    const below = extractor.perCategory[c].recall < baseline.perCategory[c].recall ? '  recall below baseline' : '';
    return `${set.padEnd(7)} ${c.padEnd(11)} ${cell(extractor, c)}   ${cell(baseline, c)}${below}`;
  });
  const ungrounded = extractor.ungrounded ? `${extractor.ungrounded.count}/${extractor.ungrounded.checked}` : '-';
  lines.push(
    `${set.padEnd(7)} ${'proposer'.padEnd(11)} ${fixed(extractor.proposedByAgreement)}                 ` +
      `${fixed(baseline.proposedByAgreement)}                 ungrounded ${ungrounded}`,
  );
  return lines;
}

export const COMPARISON_HEADER = `${'set'.padEnd(7)} ${'category'.padEnd(11)} extractor P / R / F1   baseline P / R / F1`;
