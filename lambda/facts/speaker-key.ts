/**
 * One lookup key per person across spellings: news outlets transliterate Cyrillic, Turkish or Arabic
 * names differently (Arakhamia / Arahamia / Arahamiya, Zelensky / Zelenskyy / Zelenskiy), so the key
 * folds the usual transliteration choices instead of listing names.
 */

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

/** Generational suffixes that follow the surname ("Martin Luther King Jr."). */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * Transliteration folds, applied in order to the lower-case ASCII surname. Each maps the spellings
 * that common romanisation systems (BGN/PCGN, ISO 9, the Ukrainian national system, German and French
 * habits) give for one sound to a single form.
 */
const FOLDS: [RegExp, string][] = [
  [/dzh/g, 'j'], // Dzhemilev / Jemilev
  [/kh/g, 'h'], // Arakhamia / Arahamia
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/w/g, 'v'], // Wolodymyr / Volodymyr
  [/x/g, 'ks'], // Alexander / Aleksandr
  [/tz/g, 'ts'],
  [/g/g, 'h'], // Ukrainian "г" as h, Russian as g: Hrytsenko / Gritsenko, Herashchenko / Gerashchenko
  [/j/g, 'y'], // Zelenskij / Zelenskyj, Jermak / Yermak
  [/y/g, 'i'], // Zelensky / Zelenskyy / Zelenskiy, Podolyak / Podoliak, Arahamiya / Arahamia
  [/(.)\1+/g, '$1'], // doubled letters: Zelenskii, Arahamiia, Cavusoglu / Cavussoglu
  [/^ie/, 'e'], // a Cyrillic initial "е": Yermolaev / Ermolaev, Yevtushenko / Evtushenko
];

/** The surname of a name as written: the last word, without a possessive or a generational suffix. */
export function surnameOf(name: string): string {
  const words = name
    .replace(/['\u2019]s\b/gu, '')
    .split(/[\s,]+/u)
    .filter((w) => /\p{L}/u.test(w));
  while (words.length > 1 && SUFFIXES.has((words.at(-1) ?? '').replaceAll('.', '').toLowerCase())) words.pop();
  return words.at(-1) ?? '';
}

/**
 * The lookup key of a person's name: the surname, lower-cased, diacritics stripped and transliteration
 * variants folded. "Vladimir Medinsky", "medinsky" and "Medinskiy" share a key; so do "Çavuşoğlu" and
 * "Cavusoglu". Returns "" for a string without letters.
 */
export function speakerKey(name: string): string {
  const cached = keyCache.get(name);
  if (cached !== undefined) return cached;
  let key = surnameOf(name)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøđðþßæœ]/gu, (c) => SPECIAL_LETTERS.get(c) ?? c)
    .replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

/** Extraction asks for the same few names many times per article; a bounded memo keeps that cheap. */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;
