import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dedupeArticles, readArticlePaths } from '../../lambda/articles/read-inputs.js';
import { SEED_DIR, scorerForm } from './fixtures.js';

/** Hand-labelled facts of the seed corpus (a copy of ../shared/eval/seed-gold.json): every cited sentence must survive cleaning. */
const gold = JSON.parse(readFileSync(new URL('../fixtures/seed-gold.json', import.meta.url), 'utf8')) as Record<
  string,
  { statements: { text: string }[]; guarantors: { evidence: string }[]; positions: { evidence: string }[] }
>;

const { articles, rejected } = await readArticlePaths([SEED_DIR]);
const unique = dedupeArticles(articles);
const bodyOfFile = (file: string) => unique.find((a) => a.files.includes(file))?.body ?? '';

describe('the seed corpus', () => {
  it('reads five files into four articles, the plain-text copy merged into its web page', () => {
    expect(rejected).toEqual([]);
    expect(articles).toHaveLength(5);
    expect(unique.map((a) => a.files)).toEqual([
      ['001_709e6c175c848506.txt', '000_62788a2fda1a184c.txt'],
      ['002_b9f7fdde2db4b894.txt'],
      ['003_dcca02cc661e344e.txt'],
      ['004_c7b77a2c806def36.txt'],
    ]);
  });

  it('takes outlet, title and author from sources.json and leaves unknown ones null', () => {
    expect(unique.map((a) => [a.outlet, a.title])).toEqual([
      ['The Moscow Times', "Russia to 'Drastically' Wind Down Military Presence Near Kyiv, Chernihiv"],
      [null, null],
      ['CBS News', 'Russia to drastically reduce military activity near Kyiv'],
      [
        'Antiwar.com',
        "Russia Says It Will 'Drastically' Reduce Military Activity Near Kyiv and Chernihiv as Talks Progress",
      ],
    ]);
    expect(unique.every((a) => a.date === '2022-03-29')).toBe(true);
    expect(unique[3]?.author).toBe('Dave DeCamp');
  });

  it.each(Object.keys(gold))('keeps every sentence the gold labels cite in %s', (file) => {
    const body = scorerForm(bodyOfFile(file));
    const labels = gold[file];
    const cited = [
      ...(labels?.statements.map((s) => s.text) ?? []),
      ...(labels?.guarantors.map((g) => g.evidence) ?? []),
      ...(labels?.positions.map((p) => p.evidence) ?? []),
    ];
    expect(cited.length).toBeGreaterThan(0);
    for (const text of cited) expect(body).toContain(scorerForm(text));
  });

  it.each([
    ['000_62788a2fda1a184c.txt', ['Related article:', 'https://']],
    [
      '001_709e6c175c848506.txt',
      [
        'Support The Moscow Times!',
        'UNIAN',
        'newsletter',
        'A Message from',
        'Dear readers',
        'unprecedented challenges',
        'Remind me later.',
        'Read more',
      ],
    ],
    ['003_dcca02cc661e344e.txt', ['Watch CBS News', '02:03', 'CBS News App', 'Be the first to know', 'notifications']],
    ['004_c7b77a2c806def36.txt', ['Author: Dave DeCamp', '@decampdave']],
  ])('drops the page furniture of %s', (file, noise) => {
    const body = bodyOfFile(file);
    for (const line of noise) expect(body).not.toContain(line);
  });

  it('keeps the headline out of the body and the last sentence of every article in', () => {
    expect(
      bodyOfFile('003_dcca02cc661e344e.txt').startsWith('Ukrainian and Russian negotiators sat face-to-face'),
    ).toBe(true);
    expect(bodyOfFile('001_709e6c175c848506.txt').endsWith('AFP contributed reporting.')).toBe(true);
    expect(bodyOfFile('004_c7b77a2c806def36.txt').endsWith('through sanctions.')).toBe(true);
  });
});
