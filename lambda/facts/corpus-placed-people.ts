import type { Person } from './fact.js';
import type { CorpusCountry } from './people-registry.js';
import { personKey } from './speaker-key.js';
import { CLAUSE_VERBS, speechVerbLemma } from './speakers-lexicon.js';

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

/** The capitalised word a possessive ends ("Volnov" of "Volnov's"), read back from the apostrophe. */
const OWNER_BEFORE = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+$/u;
/** How far back from an apostrophe its owner's word may start. */
const OWNER_REACH = 24;

/** Each possessive's owner in the body, with its offset: found from the apostrophes, as a scan for names cost more. */
function* possessiveOwners(body: string): Generator<{ word: string; at: number }> {
  for (const mark of ["'s", '’s']) {
    for (let at = body.indexOf(mark, 1); at > 0; at = body.indexOf(mark, at + 2)) {
      if (/\p{L}/u.test(body[at + 2] ?? '')) continue;
      const from = Math.max(0, at - OWNER_REACH);
      const owner = OWNER_BEFORE.exec(body.slice(from, at));
      if (owner) yield { word: owner[0], at: from + owner.index };
    }
  }
}

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
  for (const { word, at } of possessiveOwners(body)) {
    if (seen.has(word)) continue;
    const key = personKey(word);
    if (key && namesTopicAt(at)) {
      keys.push(key);
      seen.add(word);
    }
  }
  return keys;
}

/** A capitalised word opening a sentence and the lower-case word after it: "Holm played …", not "Ivo Holm said". */
const OPENING_SURNAME = /^(\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?)[ \t]+(\p{Ll}+)/u;

/**
 * Whether the word after an opening capitalised word is a verb of its clause: a past form, an auxiliary or a verb of
 * the clause (`clauseVerbs`), or a verb of saying ("Holm played down", "Holm has", "Holm says"); not a noun the
 * surname qualifies ("Holm campaign staff …", which is no person's sentence).
 */
const opensWithVerb = (word: string) =>
  word.endsWith('ed') || CLAUSE_VERBS.has(word) || speechVerbLemma(word, '') !== null;

/**
 * On an article's first reading, the person keys of the words that open a sentence as a bare surname would ("Holm
 * played down the plans. \"…,\" he said.") and that name none of its people: a report may give a person only by the
 * surname other reports give in full (round 17's g, round 15's surname-only subjects), and the pronoun after it is
 * theirs once the corpus places them. Most such words are no one ("Hopes for a truce faded"): the corpus places
 * none of those, and the article is read again only when it places one.
 */
export function unlistedOpeningKeys(
  body: string,
  sentenceStarts: readonly number[],
  listed: readonly Person[],
): string[] {
  const seen = listedSurnames(listed);
  const keys: string[] = [];
  for (const start of sentenceStarts) {
    const [, word, next] = OPENING_SURNAME.exec(body.slice(start, start + 48)) ?? [];
    if (!word || !next || seen.has(word) || !opensWithVerb(next)) continue;
    seen.add(word);
    const key = personKey(word);
    if (key) keys.push(key);
  }
  return keys;
}
