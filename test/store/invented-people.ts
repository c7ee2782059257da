import type { ArticleInput } from '../../lambda/articles/read-inputs.js';
import { textInput } from '../articles/fixtures.js';

/*
 * Invented delegates and the short articles that quote them, for concurrency and scale tests: every name and
 * every sentence is made up here from syllables, so no two articles are near-duplicates and no two people share
 * a surname unless a test asks for it.
 */

const SYLLABLES = ['dor', 'tov', 'bel', 'gar', 'kam', 'mir', 'zan', 'vel', 'rus', 'pel', 'nok', 'lid', 'fen', 'sab'];
const GIVEN_NAMES = ['Boris', 'Marta', 'Ilse', 'Teodor', 'Oksana', 'Piet', 'Rahel', 'Yusuf', 'Agne', 'Lorin'];

/** Syllables spelling `n` in base 14: distinct numbers give distinct words. */
function wordFor(n: number, minSyllables = 3): string {
  const parts: string[] = [];
  let rest = n;
  do {
    parts.push(SYLLABLES[rest % SYLLABLES.length] as string);
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || parts.length < minSyllables);
  return parts.join('');
}

const capitalised = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

export interface InventedPerson {
  given: string;
  surname: string;
  fullName: string;
}

/** The `n`th invented person: a surname of its own (`…ov`), one of ten given names. */
export function inventedPerson(n: number): InventedPerson {
  const given = GIVEN_NAMES[n % GIVEN_NAMES.length] as string;
  const surname = `${capitalised(wordFor(n))}ov`;
  return { given, surname, fullName: `${given} ${surname}` };
}

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
