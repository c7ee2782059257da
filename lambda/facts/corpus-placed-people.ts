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

/** The last word of every name and alias of the listed people: the surnames they are named by. */
const listedSurnames = (listed: readonly Person[]) =>
  new Set(listed.flatMap((p) => [p.name, ...p.aliases].map((name) => name.split(/\s+/u).at(-1) ?? name)));

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
  const seen = listedSurnames(listed);
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

/** A capitalised word before a possessive: "Volnov's demands", the owner of a stance the sentence names. */
const POSSESSIVE_NAME = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?=['’]s(?![\p{L}]))/gu;

/**
 * On an article's first reading, the person keys of the owners of possessives ("Volnov's demands") that name none of
 * its people, where `namesTopicAt` says the sentence at the possessive names a topic: the corpus may place one, and the
 * article is then read again with the corpus's countries even when none of its listed people wants one.
 */
export function unlistedOwnerKeys(
  body: string,
  listed: readonly Person[],
  namesTopicAt: (offset: number) => boolean,
): string[] {
  const seen = listedSurnames(listed);
  const keys: string[] = [];
  for (const m of body.matchAll(POSSESSIVE_NAME)) {
    const [word] = m;
    if (seen.has(word)) continue;
    const key = personKey(word);
    if (key && namesTopicAt(m.index)) {
      keys.push(key);
      seen.add(word);
    }
  }
  return keys;
}
