import * as z from 'zod/mini';
import { memoizeByString } from '../shared/memoize.js';
import type { ArticleFacts } from './fact.js';
import nonSpeakersJson from './lexicon/non-speakers.json' with { type: 'json' };
import { countryOfWord } from './people-affiliation.js';

/*
 * Names that stand where a speaker's name stands but are no person: a news outlet or agency ("…, Harbour
 * Ledger reported"), a crowd or group in the plural ("Russians say"), a transcript's own journalists
 * ("JANE ROE, CNN ANCHOR:"). What they say is reporting, not anyone's statement. The vocabulary is data
 * (lexicon/non-speakers.json); the outlets of the corpus at hand are added at run time.
 */

const Entries = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
const NonSpeakersSchema = z.object({
  _about: z.string(),
  staffRoles: Entries,
  newsOutlets: Entries,
  groupNouns: Entries,
  regionNames: Entries,
  organisations: Entries,
});

const lexicon = NonSpeakersSchema.parse(nonSpeakersJson);

/**
 * Lower case, without diacritics or a possessive, hyphens and runs of spaces as one space: how names are
 * compared. Remembered: every name of an article is compared several times.
 */
export const comparableName: (name: string) => string = memoizeByString((name) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s?$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[\s\-\u2010-\u2015]+/gu, ' ')
    .trim(),
);

const STAFF_ROLES = new Set(lexicon.staffRoles.map(comparableName));
const KNOWN_OUTLETS = new Set(lexicon.newsOutlets.map(comparableName));
const GROUP_NOUNS = new Set(lexicon.groupNouns.map(comparableName));
const REGION_NAMES = new Set(lexicon.regionNames.map(comparableName));
const ORGANISATIONS = new Set(lexicon.organisations.map(comparableName));

/**
 * Whether a transcript label or its role names one of the programme's own journalists: "HOST",
 * "CNN ANCHOR", "SENIOR INTERNATIONAL CORRESPONDENT", "HOST JANE ROE". Any word, or pair of words, that is
 * a staff role will do.
 */
export function isStaffLabel(label: string): boolean {
  const words = comparableName(label.replace(/[^\p{L}\s-]+/gu, ' ')).split(' ');
  return words.some((w, i) => STAFF_ROLES.has(w) || STAFF_ROLES.has(`${w} ${words[i + 1] ?? ''}`));
}

/**
 * Whether a person's description makes them the reporting journalist: "NewsHour correspondent", "a
 * reporter for the daily", "the programme's host". The role must head the description (its last word, or
 * the noun after an article that a preposition follows), so "the host country's president" is no such role.
 * Remembered: the registry asks it of every description of a speaker each time a statement is attributed.
 */
export const describesJournalist = memoizeByString((descriptor: string): boolean => {
  const words = descriptor
    .replace(/[^\p{L}\s-]+/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean)
    .map(comparableName);
  const isStaff = (w: string | undefined) => w !== undefined && STAFF_ROLES.has(w);
  const last = words.at(-1);
  // After an article or a possessive ("our", "the agency's") and adjectives of rank, a noun that a preposition
  // follows: "a senior correspondent for …", "our correspondent in Kyiv".
  let head = /^(a|an|the|our|its|their)$/u.test(words[0] ?? '') ? 1 : words.length;
  while (words[head + 1] === 's') head += 2;
  while (JOURNALIST_RANKS.has(words[head] ?? '')) head++;
  const headBeforePreposition = /^(for|at|with|of|in)$/u.test(words[head + 1] ?? '') ? words[head] : undefined;
  return isStaff(last) || isStaff(`${words.at(-2)} ${last}`) || isStaff(headBeforePreposition);
});

const JOURNALIST_RANKS = new Set(['senior', 'chief', 'veteran', 'longtime', 'political', 'foreign', 'special']);

/** "Russians", "Ukrainians", "Americans": a demonym in the plural, never one person. */
function isPluralDemonym(word: string): boolean {
  return word.length > 3 && word.endsWith('s') && countryOfWord(word.slice(0, -1)) !== null;
}

/** A group in the plural: "Russians", "the delegations", "Separatists", "both sides". */
export function isGroupName(name: string): boolean {
  const compared = comparableName(name);
  const last = compared.split(' ').at(-1) ?? '';
  // Only alone: as the last word of a longer name, "Jordans" or "Chads" is a surname.
  const words = name.replace(/^the\s+/iu, '').split(/\s+/u);
  const [only] = words;
  return GROUP_NOUNS.has(compared) || GROUP_NOUNS.has(last) || (words.length === 1 && isPluralDemonym(only ?? ''));
}

/**
 * A test for names that are no person: outlets (the lexicon's, and `outlets`: an article's own Source,
 * the corpus's), continents and regions ("European leaders"), groups in the plural, organisations ("Hamas said"). Whole names only:
 * "Pravda" is an outlet, "Olena Pravdyuk" a person.
 */
export function nonPersonTest(outlets: Iterable<string | null | undefined> = []): (name: string) => boolean {
  // The lexicon's outlets stay in their own set: copying it for every article cost more than the tests.
  const given = new Set<string>();
  for (const outlet of outlets) if (outlet) given.add(comparableName(outlet));
  return (name) => {
    const compared = comparableName(name);
    return (
      KNOWN_OUTLETS.has(compared) ||
      given.has(compared) ||
      REGION_NAMES.has(compared) ||
      ORGANISATIONS.has(compared) ||
      isGroupName(name) ||
      onlyInitials(compared)
    );
  };
}

/** Whether the words are a continent or region's name or adjective ("Middle East", "European"; lexicon `regionNames`). */
export const isRegionName = (words: string): boolean => REGION_NAMES.has(comparableName(words));

/** "H E", "H.E.": an honorific's initials alone name nobody; a person has at least one written-out name. */
const onlyInitials = (compared: string) => /^(?:\p{L}(?:\.\s*|\s+|$))+$/u.test(compared);

/**
 * The facts without the people an outlet of the corpus names (`outlets`: every article's Source): an
 * article may cite another outlet of the corpus that its own extraction could not know as one. Their
 * statements go with them. Pure.
 */
export function withoutOutletSpeakers(
  articles: readonly ArticleFacts[],
  outlets: Iterable<string | null | undefined>,
): ArticleFacts[] {
  const isNoPerson = nonPersonTest(outlets);
  return articles.map((facts) => {
    const gone = new Set(
      [...facts.people, ...facts.mentions].filter((p) => [p.name, ...p.aliases].some(isNoPerson)).map((p) => p.key),
    );
    if (gone.size === 0) return facts;
    return {
      ...facts,
      people: facts.people.filter((p) => !gone.has(p.key)),
      mentions: facts.mentions.filter((p) => !gone.has(p.key)),
      statements: facts.statements.filter((s) => !gone.has(s.speakerKey)),
    };
  });
}
