/*
 * Invented people for scale runs (bench/who-at-scale.ts) and the tests that need many speakers: names made
 * up from syllables, so no real person is named, and the `n`th person's surname is theirs alone.
 */

const SYLLABLES = ['dor', 'tov', 'bel', 'gar', 'kam', 'mir', 'zan', 'vel', 'rus', 'pel', 'nok', 'lid', 'fen', 'sab'];
const GIVEN_NAMES = ['Boris', 'Marta', 'Ilse', 'Teodor', 'Oksana', 'Piet', 'Rahel', 'Yusuf', 'Agne', 'Lorin'];

/** Syllables spelling `n` in base 14 (at least `minSyllables`): distinct numbers give distinct words. */
export function inventedWord(n: number, minSyllables = 3): string {
  const parts: string[] = [];
  let rest = n;
  do {
    parts.push(SYLLABLES[rest % SYLLABLES.length] as string);
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || parts.length < minSyllables);
  return parts.join('');
}

export interface InventedPerson {
  given: string;
  surname: string;
  fullName: string;
}

/** The `n`th invented person: a surname of their own (`…ov`), one of ten given names. */
export function inventedPerson(n: number): InventedPerson {
  const given = GIVEN_NAMES[n % GIVEN_NAMES.length] as string;
  const word = inventedWord(n);
  const surname = `${word.charAt(0).toUpperCase()}${word.slice(1)}ov`;
  return { given, surname, fullName: `${given} ${surname}` };
}
