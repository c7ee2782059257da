/**
 * One lookup key per person across spellings: news outlets transliterate Cyrillic, Turkish or Arabic
 * names differently (Lomakhia / Lomahia / Lomahiya, Belensky / Belenskyy / Belenskiy), so the key
 * folds the usual transliteration choices instead of listing names.
 */

import { memoizeByString } from '../shared/memoize.js';

/** Letters that Unicode decomposition does not reduce to a Latin base letter. */
const SPECIAL_LETTERS = new Map(
  Object.entries({
    ı: 'i',
    ł: 'l',
    ø: 'o',
    đ: 'd',
    ð: 'd',
    þ: 'th',
    ß: 'ss',
    æ: 'ae',
    œ: 'oe',
  }),
);

/**
 * Háček letters that English-language copy writes as digraphs (Kovalčuk / Kovalchuk, Šmyhal / Shmyhal,
 * Žovkva / Zhovkva): spelled out before diacritics are stripped, or "č" would fold to a bare "c".
 */
const HACEK_DIGRAPHS = new Map(Object.entries({ č: 'ch', š: 'sh', ž: 'zh' }));

/** Generational suffixes that follow the surname ("Martin Luther King Jr."). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Transliteration folds, applied in order to the lower-case ASCII surname. Each maps the spellings
 * that common romanisation systems (BGN/PCGN, ISO 9, the Ukrainian national system, German and French
 * habits) give for one sound to a single form.
 */
const FOLDS: [RegExp, string][] = [
  [/dzh/g, 'j'], // Dzhemilev / Jemilev
  [/tch/g, 'ch'], // French and German habits: Kovaltchuk / Kovalchuk, Tchernov / Chernov
  [/kh/g, 'h'], // Lomakhia / Lomahia
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'], // Wolodymyr / Volodymyr
  [/x/g, 'ks'], // Alexander / Aleksandr
  [/tz/g, 'ts'],
  [/g/g, 'h'], // Ukrainian "г" as h, Russian as g: Hrytsenko / Gritsenko, Herashchenko / Gerashchenko
  [/j/g, 'y'], // Belenskij / Belenskyj, Jarvak / Yarvak
  [/y/g, 'i'], // Belensky / Belenskyy / Belenskiy, Sokolyak / Sokoliak, Lomahiya / Lomahia
  [/(.)\1+/g, '$1'], // doubled letters: Belenskii, Lomahiia, Tusanoglu / Tussanoglu
  [/^ie/, 'e'], // a Cyrillic initial "е": Yermolaev / Ermolaev, Yevtushenko / Evtushenko
];

/** The words of a name as written, without a possessive, editorial brackets or a generational suffix. */
function nameWords(name: string): string[] {
  const words = name
    .replace(/['\u2019]s\b/gu, '')
    .replace(/[[\]]/gu, '')
    .split(/[\s,]+/u)
    .filter((w) => /\p{L}/u.test(w));
  while (words.length > 1 && SUFFIXES.has((words.at(-1) ?? '').replaceAll('.', '').toLowerCase())) words.pop();
  return words;
}

/** The surname of a name as written: the last word, without a possessive or a generational suffix. */
export function surnameOf(name: string): string {
  return nameWords(name).at(-1) ?? '';
}

/** A word lower-cased, without diacritics, with the transliteration folds applied. */
function foldWord(word: string): string {
  let folded = word
    .toLowerCase()
    .replace(/[čšž]/gu, (c) => HACEK_DIGRAPHS.get(c) ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøđðþßæœ]/gu, (c) => SPECIAL_LETTERS.get(c) ?? c)
    .replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * The lookup key of a person's name: the surname, lower-cased, diacritics stripped and transliteration
 * variants folded. "Vadim Torinsky", "torinsky" and "Torinskiy" share a key; so do "Tuşanoğlu" and
 * "Tusanoglu". Returns "" for a string without letters.
 */
export const speakerKey: (name: string) => string = memoizeByString((name) => foldWord(surnameOf(name)));

/** Separates the surname key from the given-name initial in a person key. */
const GIVEN_SEPARATOR = '.';

/**
 * The given name as every spelling of it writes it: its folded initial, then the consonants after it.
 * Volodymyr / Wolodymyr / Vladimir → "vldmr", Oleksiy / Aleksei / Alexei → "alks", Yevhen / Evgeny →
 * "avhn", Konstantin / Constantin → "knstntn", Bohdan / Bogdan → "bhdn": transliterations differ in
 * vowels, and the folds make their consonants agree. Initial vowels (and "y", "j", which
 * transliterations swap with them) count as one, so Ukrainian and Russian forms of a name agree. Mark and
 * Mike ("mrk", "mk"), who share an initial, stay apart. "" when the name has no given name; the initial
 * alone for an initial ("K. Kosachev").
 */
function givenNameKeyOf(name: string): string {
  const words = nameWords(name);
  if (words.length < 2) return '';
  const given = foldWord(words[0] ?? '');
  const first = given[0] ?? '';
  const initial = /[aeiou]/u.test(first) ? 'a' : first === 'c' ? 'k' : first;
  return (
    initial +
    given
      .slice(1)
      .replace(/[aeiouh]/gu, '')
      .replace(/c/gu, 'k')
      .replace(/(.)\1+/gu, '$1')
  );
}

/**
 * The key of one person across articles: the surname key, then the given name's key when the article
 * gives one ("Boris Johnson" → `ionson.brs`, "Mike Johnson" → `ionson.mk`, "Mark Johnson" → `ionson.mrk`),
 * so that two people who share a surname, even with one initial, stay two. A bare surname ("Johnson")
 * gives the surname key alone, and an initial ("M. Johnson") the surname and initial: whom they stand for
 * is settled against the people the article, and then the corpus, knows (`settleBareNames`).
 */
export const personKey: (name: string) => string = memoizeByString((name) => {
  const surname = speakerKey(name);
  const given = surname ? givenNameKeyOf(name) : '';
  return given ? `${surname}${GIVEN_SEPARATOR}${given}` : surname;
});

/** The surname key of a person key: what every spelling and every given name of the surname share. */
export function surnameKeyOf(key: string): string {
  const at = key.indexOf(GIVEN_SEPARATOR);
  return at < 0 ? key : key.slice(0, at);
}

/** Whether a person key was made from a bare surname, with no given name to tell people apart. */
export const isBareKey = (key: string) => !key.includes(GIVEN_SEPARATOR);

/** Whether a person key gives only an initial ("M. Johnson"): several given names may share it. */
export const isInitialKey = (key: string) => key.length - key.indexOf(GIVEN_SEPARATOR) === 2 && !isBareKey(key);

/** Whether a key that names someone partly (a bare surname, an initial) may stand for the person keyed `full`. */
export function mayStandFor(partial: string, full: string): boolean {
  if (surnameKeyOf(partial) !== surnameKeyOf(full) || isBareKey(full) || isInitialKey(full)) return false;
  return isBareKey(partial) || (isInitialKey(partial) && full.startsWith(partial));
}
