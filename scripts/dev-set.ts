import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The purpose-written development set (test/fixtures/dev-set/): articles we wrote in our own words, each
 * in the shape of a real outlet's coverage of some negotiation, with hand labels in the eval format. One
 * gold file an article keeps each article's labels next to the reason it exists, and lets several people
 * add articles without editing one shared file.
 */

/** The folder of dev-set articles, read like any folder the CLI ingests. */
export const DEV_SET_ARTICLES = fileURLToPath(new URL('../test/fixtures/dev-set/articles/', import.meta.url));
const DEV_SET_GOLD = fileURLToPath(new URL('../test/fixtures/dev-set/gold/', import.meta.url));

/** The labels of one article, as the eval README's gold format has them (`_about` says what it exercises). */
export interface DevSetLabels {
  _about: string;
  statements?: { speaker: string; affiliation?: string | null; kind: string; text: string }[];
  guarantors?: { country: string; proposed_by?: string | null; evidence: string }[];
  positions?: { topic: string; party: string; stance: string; evidence: string }[];
}

/**
 * Reads every gold file into the scorer's gold format, keyed by article file name. A gold file
 * `gold/<name>.json` labels the article `articles/<name>.txt` (or another extension, found by base name).
 */
export function readDevSetGold(): Record<string, DevSetLabels> {
  const articleFiles = new Map(
    readdirSync(DEV_SET_ARTICLES).map((file) => [basename(file).replace(/\.[^.]+$/, ''), file] as const),
  );
  const gold: Record<string, DevSetLabels> = {};
  for (const goldFile of readdirSync(DEV_SET_GOLD).filter((f) => f.endsWith('.json'))) {
    const name = goldFile.replace(/\.json$/, '');
    const articleFile = articleFiles.get(name);
    if (!articleFile) throw new Error(`dev-set gold ${goldFile} labels no article: add articles/${name}.txt`);
    gold[articleFile] = JSON.parse(readFileSync(join(DEV_SET_GOLD, goldFile), 'utf8')) as DevSetLabels;
  }
  const unlabelled = [...articleFiles].filter(([name]) => !readdirSync(DEV_SET_GOLD).includes(`${name}.json`));
  if (unlabelled.length) throw new Error(`dev-set articles without gold: ${unlabelled.map(([, f]) => f).join(', ')}`);
  return gold;
}
