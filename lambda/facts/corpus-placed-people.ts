import type { Person } from './fact.js';
import type { CorpusCountry } from './people-registry.js';
import { personKey } from './speaker-key.js';

/*
 * People an article names by surname alone ("Volnov insists on …"), with no role and no quote, so that it lists them
 * neither as speakers nor as mentions. The rest of the corpus may place them ("Ruritanian President Ivo Volnov"), and
 * a stance they take is their country's, as it is when the article gives the country itself.
 */

/** A capitalised word, possibly hyphenated, without a possessive: the forms a surname stands in. */
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?![\p{L}\p{N}-])/gu;

/** Each capitalised word of the body that no listed person's name ends in, once, with its person key. */
function* unlistedWords(body: string, listed: readonly Person[]): Generator<{ word: string; key: string }> {
  const seen = new Set(listed.flatMap((p) => [p.name, ...p.aliases].map((name) => name.split(/\s+/u).at(-1) ?? name)));
  for (const [word] of body.matchAll(CAPITALISED)) {
    if (seen.has(word)) continue;
    seen.add(word);
    const key = personKey(word);
    if (key) yield { word, key };
  }
}

/**
 * The people the article names by a surname that neither its people nor its mentions hold and that the corpus places
 * in one of `parties` (by the clear majority `countryOf` asks for), each as a person of that party.
 */
export function corpusPlacedPeople(
  body: string,
  listed: readonly Person[],
  countryOf: CorpusCountry,
  parties: readonly string[],
): Person[] {
  const placed: Person[] = [];
  for (const { word, key } of unlistedWords(body, listed)) {
    const country = countryOf(key);
    if (country && parties.includes(country)) placed.push({ key, name: word, aliases: [], affiliation: country });
  }
  return placed;
}

/**
 * The person keys of the capitalised words that name none of the article's people: on its first reading, what the
 * corpus may place, so that an article naming a leader only by a bare surname ("Volnov's demands") is read again
 * with the corpus's countries even when none of its listed people wants one.
 */
export const unlistedNameKeys = (body: string, listed: readonly Person[]): string[] =>
  [...unlistedWords(body, listed)].map(({ key }) => key);
