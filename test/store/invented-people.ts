import { inventedPerson, inventedWord as wordFor } from '../../bench/invented-names.js';
import type { ArticleInput } from '../../lambda/articles/read-inputs.js';
import { textInput } from '../articles/fixtures.js';

export { inventedPerson } from '../../bench/invented-names.js';

/*
 * Short articles quoting invented delegates (bench/invented-names.ts), for concurrency tests: every name and
 * sentence is made up from syllables, so no two articles are near-duplicates and no two people share a surname.
 */

/** Words of a quotation no other article has: what the `who` answer for this person must show. */
export function quotedWordsOf(n: number): string {
  return `the ${wordFor(n * 7 + 3)} corridor and the ${wordFor(n * 11 + 5)} crossing`;
}

/** An article quoting one invented person (`n`), in our own words. */
export function articleQuoting(n: number): ArticleInput {
  const { fullName, surname } = inventedPerson(n);
  const text = [
    `Title: Delegate ${surname} on the ${wordFor(n * 13 + 1)} round`,
    'Source: Invented Wire',
    '',
    `"We will reopen ${quotedWordsOf(n)} before the winter," ${fullName} told reporters on Tuesday.`,
    `The ${wordFor(n * 17 + 2)} delegation met the ${wordFor(n * 19 + 4)} mediators for ${2 + (n % 5)} hours.`,
    `${surname} said the ${wordFor(n * 23 + 6)} proposal needed ${wordFor(n * 29 + 8)} guarantees.`,
  ].join('\n');
  return textInput(`invented-${n}.txt`, text);
}

/**
 * Another article quoting person `n`'s words in other wording ("before winter"): a statement that merges into
 * the one of `articleQuoting(n)`, which may then take this wording's id (merge.ts keeps the smallest).
 */
export function articleRewording(n: number): ArticleInput {
  const { fullName } = inventedPerson(n);
  const text = [
    `Title: Mediators hear the ${wordFor(n * 31 + 9)} plan`,
    'Source: Made-up Chronicle',
    '',
    `"We will reopen ${quotedWordsOf(n)} before winter," ${fullName} said in a statement on Thursday.`,
    `A ${wordFor(n * 37 + 10)} spokesman did not answer questions about the ${wordFor(n * 41 + 12)} timetable.`,
  ].join('\n');
  return textInput(`reworded-${n}.txt`, text);
}
