/**
 * Measures wink-nlp (wink-eng-lite-web-model) against the hand-written code where the extractor would use it
 * (issue 17, item 5; the numbers and the decision are in README.md, Quality):
 *   1. sentence boundaries: the share of gold evidence sentences and statement texts that lie inside one
 *      sentence of each splitter, and that each splitter gives exactly; the extractor's P/R/F1 with each
 *      splitter plugged in (scripts/splitter-hook.mjs swaps `./sentences.js` for scripts/sentences-variant.ts);
 *      splitting and extraction throughput; wink's cold import and bundle size;
 *   2. part-of-speech tags as a check that a statement's speaker is a person: statements whose speaker's
 *      surname wink does not tag as a proper noun in the cited sentence are dropped, and the rest scored.
 * Sets: the seed corpus, the dev set and the tune half of the real set (TALKS_REAL_SET_DIR/tune, when present).
 * wink is not a dependency: `npm install --no-save wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1` first.
 *
 *   node --import tsx scripts/measure-wink.ts [--rounds 5] [--examples]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { bundleLambda } from '../bench/bundle.js';
import type { Article } from '../lambda/articles/article.js';
import { dedupeArticles, readArticlePaths } from '../lambda/articles/read-inputs.js';
import type { Sentence } from '../lambda/facts/sentences.js';
import { DEV_SET_ARTICLES, readDevSetGold } from './dev-set.js';
import { locateRealSetHalf, REAL_SET_FIXTURES, type ScoreReport } from './real-set.js';
import { loadWink, WINK_PACKAGES, type WinkNlp, winkSentences, winkSentencesWithLineBreaks } from './wink-sentences.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    examples: { type: 'boolean' },
    // Child modes, run by this script in a fresh process with the splitter of TALKS_SPLITTER.
    predict: { type: 'string' },
    out: { type: 'string' },
    throughput: { type: 'boolean' },
  },
});
const rounds = Number(values.rounds);
const SPLITTERS = ['hand', 'wink', 'wink-lines'] as const;
type Splitter = (typeof SPLITTERS)[number];
const shared = resolve(process.env.TALKS_SHARED_DIR ?? '../shared');
const scorer = join(shared, 'eval', 'score.mjs');

interface GoldLabels {
  statements?: { speaker: string; text: string }[];
  guarantors?: { evidence: string }[];
  positions?: { evidence: string }[];
}
interface EvalSet {
  label: string;
  articlesDir: string;
  gold: Record<string, GoldLabels>;
}

function evalSets(): EvalSet[] {
  const readGold = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, GoldLabels>;
  const sets: EvalSet[] = [
    { label: 'seed', articlesDir: join(shared, 'corpus'), gold: readGold(join(shared, 'eval', 'seed-gold.json')) },
    { label: 'dev', articlesDir: DEV_SET_ARTICLES, gold: readDevSetGold() },
  ];
  const tune = locateRealSetHalf(join(resolve(process.env.TALKS_REAL_SET_DIR ?? REAL_SET_FIXTURES), 'tune'));
  if (tune.present) sets.push({ label: 'tune', articlesDir: tune.articles, gold: readGold(tune.gold) });
  else console.log(`tune half not measured: ${tune.reason}`);
  return sets;
}

/** The set's articles as the eval and the CLI read them: read, then copies merged. */
async function readSet(set: EvalSet): Promise<Article[]> {
  return dedupeArticles((await readArticlePaths([set.articlesDir])).articles);
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: extraction with one splitter.

/** Loads the extractor, with `./sentences.js` swapped for the splitter of TALKS_SPLITTER unless it is the hand one. */
async function loadExtractor() {
  const splitter = (process.env.TALKS_SPLITTER ?? 'hand') as Splitter;
  if (splitter !== 'hand') {
    const target = pathToFileURL(join(import.meta.dirname, 'sentences-variant.ts')).href;
    register('./splitter-hook.mjs', import.meta.url, { data: { target } });
  }
  const extract = await import('../lambda/facts/extract.js');
  const { toPrediction } = await import('../lambda/facts/prediction.js');
  return { ...extract, toPrediction };
}

/** `--predict SET --out FILE`: the set's prediction, as `npm run eval` makes it, optionally through the proper-noun check. */
async function predict(label: string, out: string): Promise<void> {
  const set = evalSets().find((s) => s.label === label);
  if (!set) throw new Error(`no set ${label}`);
  const { extractCorpusFacts, toPrediction } = await loadExtractor();
  const articles = await readSet(set);
  const prediction = toPrediction(articles, extractCorpusFacts(articles));
  writeFileSync(out, JSON.stringify(prediction));
  if (process.env.TALKS_PROPN_CHECK) {
    const nlp = await loadWink('full');
    const checked = { ...prediction, statements: prediction.statements.filter((s) => speakerIsProperNoun(nlp, s)) };
    writeFileSync(`${out}.propn.json`, JSON.stringify(checked));
  }
}

/**
 * Whether wink tags the speaker's surname as a proper noun where a cited sentence names it. A statement whose
 * cited sentences do not name the surname (a pronoun, a role) is kept: the check cannot judge it.
 */
function speakerIsProperNoun(nlp: WinkNlp, statement: { speaker: string; citations: { evidence: string }[] }): boolean {
  const surname = statement.speaker.split(/\s+/u).at(-1) ?? '';
  let named = false;
  for (const { evidence } of statement.citations) {
    const tokens = nlp.readDoc(evidence).tokens();
    const words = tokens.out(nlp.its.value) as string[];
    const tags = tokens.out(nlp.its.pos) as string[];
    for (const [i, word] of words.entries()) {
      if (word !== surname) continue;
      named = true;
      if (tags[i] === 'PROPN') return true;
    }
  }
  return !named;
}

/** `--throughput`: articles a second (wall and CPU) of `extractArticleFacts` over every set's articles. */
async function extractionThroughput(): Promise<void> {
  const { extractArticleFacts } = await loadExtractor();
  const articles = (await Promise.all(evalSets().map(readSet))).flat();
  for (const a of articles) extractArticleFacts(a); // warm-up: the first pass compiles
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (const a of articles) extractArticleFacts(a);
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    perRound.push({ wall: articles.length / wall, cpu: articles.length / ((used.user + used.system) / 1e6) });
  }
  console.log(JSON.stringify({ articles: articles.length, rounds: perRound }));
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: every measurement, printed as tables.

/** A text with quote marks, dashes and runs of spaces made as the scorer compares them, and where each char came from. */
function canonical(text: string): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i] as string;
    if (/\s/u.test(c)) {
      if (out.endsWith(' ')) continue;
      c = ' ';
    } else if (/[\u2018\u2019\u201a\u201b\u2032]/u.test(c)) c = "'";
    else if (/[\u201c-\u201f\u2033\u00ab\u00bb]/u.test(c)) c = '"';
    else if (/[\u2013\u2014]/u.test(c)) c = '-';
    out += c;
    from.push(i);
  }
  return { text: out, from };
}

/** Where `quote` (gold evidence or statement text) lies in the body, as `[start, end)`, or null. */
function locate(body: ReturnType<typeof canonical>, quote: string): [number, number] | null {
  const wanted = canonical(quote).text.trim();
  const at = body.text.indexOf(wanted);
  if (!wanted || at < 0) return null;
  return [body.from[at] as number, (body.from[at + wanted.length - 1] as number) + 1];
}

const bare = (s: string) =>
  s.replace(/^[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb(]+|[\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb)]+$/gu, '');

interface Tally {
  located: number;
  inside: number;
  exact: number;
  cutOnlyHere: number;
}

async function boundaryAccuracy(sets: EvalSet[], nlp: WinkNlp): Promise<void> {
  const split: Record<Splitter, (text: string) => Sentence[]> = {
    hand: (await import('../lambda/facts/sentences.js')).splitSentences,
    wink: (text) => winkSentences(nlp, text),
    'wink-lines': (text) => winkSentencesWithLineBreaks(nlp, text, split.hand(text)),
  };
  await boundaryDisagreement(sets, split);
  console.log('\n## 1a. Gold spans inside one sentence / given exactly as one sentence / cut by this splitter only');
  console.log('set    kind        located  splitter    inside  exact   cut here only');
  for (const set of sets) {
    const articles = await readSet(set);
    for (const kind of ['evidence', 'statement'] as const) {
      const tallies = Object.fromEntries(
        SPLITTERS.map((s) => [s, { located: 0, inside: 0, exact: 0, cutOnlyHere: 0 }]),
      ) as Record<Splitter, Tally>;
      for (const [file, labels] of Object.entries(set.gold)) {
        const article = articles.find((a) => a.files.includes(file));
        if (!article) continue;
        const body = canonical(article.body);
        const sentences = Object.fromEntries(SPLITTERS.map((s) => [s, split[s](article.body)])) as Record<
          Splitter,
          Sentence[]
        >;
        const quotes =
          kind === 'evidence'
            ? [...(labels.guarantors ?? []), ...(labels.positions ?? [])].map((g) => g.evidence)
            : (labels.statements ?? []).map((s) => s.text);
        for (const quote of quotes) {
          const span = locate(body, quote);
          if (!span) continue;
          const inside = (s: Splitter) => sentences[s].some((x) => x.start <= span[0] && span[1] <= x.end);
          for (const s of SPLITTERS) {
            const t = tallies[s];
            t.located++;
            if (inside(s)) t.inside++;
            else if (SPLITTERS.some((o) => o !== s && inside(o))) {
              t.cutOnlyHere++;
              if (values.examples) console.log(`  [${set.label} ${s} cuts] ${quote.slice(0, 160)}`);
            }
            const wanted = bare(article.body.slice(span[0], span[1]));
            if (sentences[s].some((x) => bare(x.text) === wanted)) t.exact++;
          }
        }
      }
      for (const s of SPLITTERS) {
        const t = tallies[s];
        const pct = (n: number) => `${((100 * n) / Math.max(1, t.located)).toFixed(1)}%`.padEnd(8);
        console.log(
          `${set.label.padEnd(6)} ${kind.padEnd(11)} ${String(t.located).padEnd(8)} ${s.padEnd(11)} ${pct(t.inside)}${pct(t.exact)}${t.cutOnlyHere}`,
        );
      }
    }
  }
}

/** How many sentences each splitter gives that the hand splitter does not, over every article of the sets. */
async function boundaryDisagreement(sets: EvalSet[], split: Record<Splitter, (text: string) => Sentence[]>) {
  console.log('\n## 1. Sentences over every article: total, and those the hand splitter does not give alike');
  for (const set of sets) {
    const articles = await readSet(set);
    const cells = SPLITTERS.map((s) => {
      let total = 0;
      let differ = 0;
      for (const a of articles) {
        const hand = new Set(split.hand(a.body).map((x) => `${x.start}:${x.end}`));
        const own = split[s](a.body);
        total += own.length;
        differ += own.filter((x) => !hand.has(`${x.start}:${x.end}`)).length;
        if (values.examples && s === 'wink') {
          for (const x of own.filter((y) => !hand.has(`${y.start}:${y.end}`)))
            console.log(`  [${set.label} wink] ${x.text.slice(0, 160)}`);
        }
      }
      return `${s} ${total} (${differ} not the hand's)`;
    });
    console.log(`${set.label.padEnd(6)} ${articles.length} articles: ${cells.join(', ')}`);
  }
}

function extractorScores(sets: EvalSet[], dir: string): void {
  console.log('\n## 1b. Extractor P / R / F1 with each splitter; 2. with the proper-noun check on speakers');
  console.log('set    splitter          statements           guarantors           positions            ungrounded');
  for (const set of sets) {
    const goldFile = join(dir, `${set.label}-gold.json`);
    writeFileSync(goldFile, JSON.stringify(set.gold));
    for (const splitter of SPLITTERS) {
      const out = join(dir, `${set.label}-${splitter}.json`);
      const env = { ...process.env, TALKS_SPLITTER: splitter, TALKS_PROPN_CHECK: splitter === 'hand' ? '1' : '' };
      runChild(['--predict', set.label, '--out', out], env);
      printScore(set.label, splitter, scoreFile(goldFile, out, set.articlesDir));
      if (splitter === 'hand')
        printScore(set.label, 'hand+propn', scoreFile(goldFile, `${out}.propn.json`, set.articlesDir));
    }
  }
}

function runChild(args: string[], env: NodeJS.ProcessEnv): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

function scoreFile(goldFile: string, predictionFile: string, articlesDir: string): ScoreReport {
  const args = [scorer, '--gold', goldFile, '--pred', predictionFile, '--articles', articlesDir, '--json'];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`scorer failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ScoreReport;
}

function printScore(set: string, splitter: string, report: ScoreReport): void {
  const cells = (['statements', 'guarantors', 'positions'] as const).map((c) => {
    const { precision, recall, f1 } = report.perCategory[c];
    return `${precision.toFixed(2)} / ${recall.toFixed(2)} / ${f1.toFixed(2)}`.padEnd(21);
  });
  const ungrounded = report.ungrounded ? `${report.ungrounded.count}/${report.ungrounded.checked}` : '-';
  console.log(`${set.padEnd(6)} ${splitter.padEnd(17)} ${cells.join('')}${ungrounded}`);
}

async function splittingThroughput(sets: EvalSet[]): Promise<void> {
  const texts = (await Promise.all(sets.map(readSet))).flat().map((a) => a.body);
  const { splitSentences } = await import('../lambda/facts/sentences.js');
  const sbd = await loadWink('sbd');
  const full = await loadWink('full');
  const ways: [string, (text: string) => unknown][] = [
    ['hand splitSentences', splitSentences],
    ['wink, sentences only', (text) => winkSentences(sbd, text)],
    ['wink, every pipe (readDoc)', (text) => full.readDoc(text)],
  ];
  console.log(`\n## 1c. Splitting alone: ${texts.length} articles (seed, dev, tune), median of ${rounds} rounds`);
  for (const [name, run] of ways) {
    for (const t of texts) run(t);
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = process.cpuUsage();
      for (const t of texts) run(t);
      const used = process.cpuUsage(cpu);
      rates.push(texts.length / ((used.user + used.system) / 1e6));
    }
    console.log(`${name.padEnd(28)} ${median(rates).toFixed(0)} articles per CPU second`);
  }
}

function extractionThroughputs(): void {
  console.log(`\n## 1d. Extraction (extractArticleFacts), every set's articles, ${rounds} rounds after a warm-up`);
  // Alternated twice, so that load from other work on the machine falls on every splitter alike.
  for (const pass of [1, 2]) {
    for (const splitter of SPLITTERS) {
      const out = runChild(['--throughput', '--rounds', String(rounds)], { ...process.env, TALKS_SPLITTER: splitter });
      const { articles, rounds: per } = JSON.parse(out) as {
        articles: number;
        rounds: { wall: number; cpu: number }[];
      };
      console.log(
        `pass ${pass} ${splitter.padEnd(11)} ${articles} articles: ${median(per.map((p) => p.cpu)).toFixed(0)} articles per CPU s, ${median(per.map((p) => p.wall)).toFixed(0)} per wall s`,
      );
    }
  }
}

/** wink's import and model load in a fresh process (what an ingest Lambda's cold start would pay), median of 5. */
function coldInit(): void {
  const script = `
    const t0 = performance.now(); const rss0 = process.memoryUsage().rss;
    const { default: wink } = await import('wink-nlp');
    const t1 = performance.now();
    const { default: model } = await import('wink-eng-lite-web-model');
    const t2 = performance.now();
    const nlp = wink(model, ['sbd']);
    nlp.readDoc('He said so. Then he left.').sentences().length();
    const t3 = performance.now();
    console.log(JSON.stringify({ core: t1 - t0, model: t2 - t1, init: t3 - t2, total: t3 - t0,
      rssMb: (process.memoryUsage().rss - rss0) / 2 ** 20 }));`;
  const runs = Array.from({ length: 5 }, () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as Record<'core' | 'model' | 'init' | 'total' | 'rssMb', number>;
  });
  const at = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k])).toFixed(k === 'rssMb' ? 1 : 0);
  console.log('\n## 1e. Cold start of wink in a fresh Node process (median of 5)');
  console.log(
    `import wink-nlp ${at('core')} ms, import model ${at('model')} ms, instantiate + first doc ${at('init')} ms, total ${at('total')} ms; RSS +${at('rssMb')} MB`,
  );
}

/** The bytes wink adds to a bundle built like the Lambda bundles (esbuild, ESM, minified). */
async function bundleSize(): Promise<void> {
  const result = await build({
    stdin: {
      contents: `import wink from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; export const nlp = wink(model, ['sbd']);`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    metafile: true,
  });
  const bytes = result.outputFiles?.[0]?.contents.length ?? 0;
  const ingest = await bundleLambda(
    'measure-wink-ingest',
    join(import.meta.dirname, '..', 'lambda/handlers/ingest.ts'),
  );
  const inputs = Object.entries(result.metafile.inputs).filter(([p]) => p.includes('wink-eng-lite-web-model'));
  const modelBytes = inputs.reduce((sum, [, i]) => sum + i.bytes, 0);
  console.log('\n## 1f. Bundle (esbuild, ESM, minified)');
  console.log(
    `wink-nlp + wink-eng-lite-web-model: ${(bytes / 2 ** 20).toFixed(2)} MB (model sources ${(modelBytes / 2 ** 20).toFixed(2)} MB before minifying)`,
  );
  console.log(`the ingest function's bundle today (bench/bundle.ts): ${(ingest.bytes / 2 ** 20).toFixed(2)} MB`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  if (values.predict) return predict(values.predict, values.out ?? 'prediction.json');
  if (values.throughput) return extractionThroughput();
  if (!existsSync(scorer)) throw new Error(`no scorer at ${scorer}: set TALKS_SHARED_DIR`);
  const sets = evalSets();
  const nlp = await loadWink('sbd');
  console.log(`wink-nlp measured: ${WINK_PACKAGES.join(', ')}`);
  await boundaryAccuracy(sets, nlp);
  const dir = mkdtempSync(join(tmpdir(), 'talks-wink-'));
  try {
    extractorScores(sets, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await splittingThroughput(sets);
  extractionThroughputs();
  coldInit();
  await bundleSize();
}

await main();
