import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findOverlaps,
  listFiles,
  OWN_WORDS_PATHS,
  QUOTES_THE_SEED,
  readTexts,
  SEED_CORPUS,
} from '../../scripts/check-overlap.js';
import { indexReference, normalisedWords, readableText, sharedRuns } from '../../scripts/word-overlap.js';

/** A fixture paragraph written for this test, in the shape of a wire report. */
const OWN_PARAGRAPH =
  'GENEVA (Talks Wire) — The two delegations broke off for the night without a joint text, a mediator said. ' +
  'Both sides are expected back at the table on Monday.';

/**
 * A sentence of a seed article, read at run time so that no seed text is written into this file: the
 * first run of 60 to 200 characters from a capital letter to a full stop.
 */
function seedSentence(file: string): string {
  const text = readFileSync(path.join(SEED_CORPUS, file), 'utf8');
  const sentence = /\p{Lu}[^.!?\n“”"]{60,200}[.!?]/u.exec(text)?.[0];
  if (!sentence) throw new Error(`no sentence found in ${file}`);
  return sentence;
}

const seed = () => readTexts(listFiles([SEED_CORPUS]));

describe('normalisedWords', () => {
  it('ignores case, quote marks, apostrophes, punctuation and line breaks', () => {
    expect(normalisedWords('Kyiv’s “neutral”\r\n status — for NOW.')).toEqual(
      normalisedWords('kyiv\'s "neutral" status, for now'),
    );
    expect(normalisedWords('Kyiv’s “neutral” status')).toEqual(['kyivs', 'neutral', 'status']);
  });
});

describe('sharedRuns', () => {
  const reference = [{ name: 'report', text: 'one two three four five six seven eight nine ten' }];

  it('reports a run of exactly the minimum length, and nothing one word shorter', () => {
    const index = indexReference(reference, 8);
    expect(sharedRuns('zero one two three four five six seven eight', index)).toEqual([
      { reference: 'report', length: 8, words: 'one two three four five six seven eight' },
    ]);
    expect(sharedRuns('zero one two three four five six seven zero', index)).toEqual([]);
  });

  it('reports each maximal run once, at its full length', () => {
    const index = indexReference(reference, 3);
    expect(sharedRuns('Two, three; four five six! And eight nine ten.', index)).toEqual([
      { reference: 'report', length: 5, words: 'two three four five six' },
      { reference: 'report', length: 3, words: 'eight nine ten' },
    ]);
  });
});

describe('findOverlaps against the seed corpus', () => {
  it('flags a seed sentence pasted into a fixture, even re-wrapped and with its case and quotes changed', () => {
    const pasted = seedSentence('002_b9f7fdde2db4b894.txt');
    const rewrapped = pasted.replace(/ (\S+) /, ' $1\n').toUpperCase();
    const fixture = { name: 'pasted.txt', text: `${OWN_PARAGRAPH}\n\n"${rewrapped}"\n` };

    const findings = findOverlaps([fixture], seed());

    expect(findings).toHaveLength(1);
    expect(findings[0]?.runs[0]).toMatchObject({
      reference: path.join(SEED_CORPUS, '002_b9f7fdde2db4b894.txt'),
      words: normalisedWords(pasted).join(' '),
    });
  });

  it('flags eight consecutive seed words inside an otherwise new sentence', () => {
    const eightWords = normalisedWords(seedSentence('004_c7b77a2c806def36.txt')).slice(0, 8).join(' ');
    const fixture = { name: 'phrase.txt', text: `A mediator said that ${eightWords} was still on the table.` };

    expect(findOverlaps([fixture], seed()).flatMap((f) => f.runs.map((r) => r.length))).toContain(8);
  });

  it('passes a fixture written in its own words', () => {
    expect(findOverlaps([{ name: 'own.txt', text: OWN_PARAGRAPH }], seed())).toEqual([]);
  });
});

describe('readableText', () => {
  it('compares the string values of JSON and the text of HTML, not their markup', () => {
    expect(readableText('gold.json', '{"evidence": "one \\"two\\"", "n": 3}')).toBe('evidence\none "two"\nn');
    expect(normalisedWords(readableText('page.html', '<p>Kyiv&rsquo;s <b>draft</b>&nbsp;text</p>'))).toEqual([
      'kyivs',
      'draft',
      'text',
    ]);
  });
});

describe('the repo in its own words', () => {
  it('shares no run of 8 or more words with the seed corpus in test/ (fixtures and inputs) or lambda/', () => {
    const checked = readTexts(listFiles(OWN_WORDS_PATHS, QUOTES_THE_SEED));
    const findings = findOverlaps(checked, seed()).flatMap(({ file, runs }) =>
      runs.map((r) => `${path.relative(process.cwd(), file)}: "${r.words}"`),
    );

    expect(checked.length).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });

  it('names only files that exist among those allowed to quote the seed corpus', () => {
    const everyFile = new Set(listFiles(OWN_WORDS_PATHS));
    expect(QUOTES_THE_SEED.filter((file) => !everyFile.has(file))).toEqual([]);
  });
});

describe('the check-overlap command', () => {
  const script = fileURLToPath(new URL('../../scripts/check-overlap.ts', import.meta.url));
  // Run from the repo, where `--import tsx` resolves; the files are named by absolute path.
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', cwd: repo });

  it('checks chosen files against any folder of reports given with --against, and exits 1 on a shared run', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'check-overlap-'));
    const at = (name: string) => path.join(tmp, name);
    try {
      mkdirSync(path.join(tmp, 'reports', 'spans'), { recursive: true });
      writeFileSync(
        path.join(tmp, 'reports', 'spans', 'one.json'),
        JSON.stringify({ span: 'The harbour talks ended at dawn with no agreement on the grain corridor.' }),
      );
      writeFileSync(
        path.join(tmp, 'copied.txt'),
        'Reports said the harbour talks ended at dawn with no agreement, officials said.',
      );
      writeFileSync(path.join(tmp, 'own.txt'), OWN_PARAGRAPH);

      const copied = run('--against', at('reports'), at('copied.txt'), at('own.txt'));
      const own = run('--against', at('reports'), at('own.txt'));

      expect(copied.status).toBe(1);
      expect(copied.stdout).toContain(
        `copied.txt: 9 words shared with ${path.relative(repo, at('reports/spans/one.json'))}: "the harbour talks ended at dawn with no agreement"`,
      );
      expect(copied.stdout).not.toContain('own.txt:');
      expect(own.status).toBe(0);
      expect(own.stdout).toContain('no shared run of 8+ words');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
