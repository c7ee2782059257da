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
  const seen = new Set(listed.flatMap((p) => [p.name, ...p.aliases].map((name) => name.split(/\s+/u).at(-1) ?? name)));
  const placed: Person[] = [];
  for (const [word] of body.matchAll(CAPITALISED)) {
    if (seen.has(word)) continue;
    seen.add(word);
    const key = personKey(word);
    const country = key ? countryOf(key) : null;
    if (country && parties.includes(country)) placed.push({ key, name: word, aliases: [], affiliation: country });
  }
  return placed;
}
