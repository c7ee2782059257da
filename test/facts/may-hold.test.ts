import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextWords } from '../../lambda/facts/guarantor-context.js';
import { mayHold } from '../../lambda/facts/may-hold.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { DEV_SET_ARTICLES } from '../../scripts/dev-set.js';
import { generateCorpus } from '../fixtures/synthetic/generate-corpus.js';
import { readArticles } from './fixture-articles.js';

/** What `mayHold` stood for when each family ran a regex of its own: each entry's longest word, case-insensitively. */
function regexOf(entries: readonly string[]): RegExp {
  const longest = entries.map((e) =>
    e.split(/[^\p{L}]+/u).reduce((best, word) => (word.length >= best.length ? word : best), ''),
  );
  return new RegExp(longest.join('|'), 'i');
}

/** Families with words inside each other, a shared word, one letter, and a phrase whose head is the last word. */
const families = [
  ['troops', 'forces', 'peacekeepers'],
  ['assurance', 'reassurance force', 'the sea'],
  ['part', 'participation', 'take part'],
  ['sea', 'forces'],
  ['a'],
];

describe('mayHold', () => {
  const tests = families.map((entries) => ({ entries, test: mayHold(entries), regex: regexOf(entries) }));

  it('answers as a case-insensitive regex of the families words does, on any text, family after family', () => {
    const texts = fc
      .array(
        fc.constantFrom(
          'troop',
          'Forces',
          'PEACE',
          'keepers',
          'reassurance',
          'sea',
          'SEA',
          'par',
          't',
          'ſea',
          '\u212Aa',
        ),
        { maxLength: 8 },
      )
      .chain((words) =>
        fc
          .array(fc.constantFrom('', ' ', '-', 'é', 'x', '1', '\n', 'A'), {
            minLength: words.length,
            maxLength: words.length,
          })
          .map((gaps) => words.map((word, i) => word + (gaps[i] ?? '')).join('')),
      );
    fc.assert(
      fc.property(texts, (text) => {
        for (const { test, regex, entries } of tests)
          expect([entries, test(text)]).toEqual([entries, regex.test(text)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds an entry with no letter in every text, and a word outside ASCII in either case', () => {
    expect(mayHold(['10', 'troops'])('no such word')).toBe(true);
    const accented = mayHold(['Türkiye']);
    expect(accented('TÜRKIYE said')).toBe(true);
    expect(accented('Turkiye said')).toBe(false);
  });

  describe('on the news', () => {
    let sentences: string[] = [];
    beforeAll(async () => {
      const articles = [
        ...(await readArticles(DEV_SET_ARTICLES)),
        ...generateCorpus({ seed: 20220329, count: 60 }).map(({ bytes }) => ({
          body: new TextDecoder().decode(bytes),
        })),
      ];
      sentences = articles.flatMap(({ body }) => splitSentences(body).map((s) => s.text));
    });

    it('never skips a sentence the regex of a family of the lexicon finds its words in, nor the other way', () => {
      const lists = Object.entries(contextWords).filter((entry): entry is [string, string[]] =>
        Array.isArray(entry[1]),
      );
      const gates = lists.map(([name, entries]) => ({ name, test: mayHold(entries), regex: regexOf(entries) }));
      expect(sentences.length).toBeGreaterThan(1000);
      for (const text of sentences) {
        for (const { name, test, regex } of gates)
          expect([name, text, test(text)]).toEqual([name, text, regex.test(text)]);
      }
    });
  });
});
