import * as z from 'zod/mini';
import { addArticleCounts, personArticles } from './display-names.js';
import type { ArticleFacts } from './fact.js';
import { compareStrings } from './group-by.js';

/*
 * A person's country, chosen by evidence: the one most of the articles naming them give. Articles now and then
 * disagree ("Norwegian minister Ilse Varnholm" in two reports, "Danish envoy Ilse Varnholm" in a third), and the
 * country most of them give is the one readers know; a tie goes to the alphabetically first, so the choice never
 * depends on the order in which articles arrive. The counts are kept in the person's view between ingests, as the
 * spellings of the name are (display-names.ts).
 */

/** One country given to a person and how many articles give it. */
export const CountryCountSchema = z.object({
  country: z.string().check(z.minLength(1)),
  articles: z.number().check(z.int(), z.nonnegative()),
});
export type CountryCount = z.infer<typeof CountryCountSchema>;

/** Countries kept per person: beyond this, those fewest articles give go (a person is rarely given more than two). */
export const COUNTRIES_PER_PERSON = 10;

/** Most articles first; a tie to the alphabetically first country. */
const compareCounts = (a: CountryCount, b: CountryCount) =>
  b.articles - a.articles || compareStrings(a.country, b.country);

/** Adds country counts together (old counts plus a batch's), most articles first, bounded. */
export function addCountryCounts(...lists: readonly (readonly CountryCount[])[]): CountryCount[] {
  return addArticleCounts('country', lists, compareCounts, COUNTRIES_PER_PERSON);
}

/** The country most articles give (ties: the alphabetically first), or null when none gives one. */
export function majorityCountry(counts: readonly CountryCount[]): string | null {
  return counts.filter((c) => c.articles > 0).sort(compareCounts)[0]?.country ?? null;
}

/**
 * The country most of the records give, one record a vote (`mergePeople` and `mergeStatements`: one article's word on
 * a person each, in extraction's corpus pass), or null when none gives one.
 */
export function majorityOf(affiliations: readonly (string | null)[]): string | null {
  return majorityCountry(
    addCountryCounts(affiliations.flatMap((country) => (country ? [{ country, articles: 1 }] : []))),
  );
}

/** For each person key, each country the articles give them and the articles that give it. */
export function countryArticles(articles: readonly ArticleFacts[]): Map<string, Map<string, Set<string>>> {
  return personArticles(articles, (person) => (person.affiliation ? [person.affiliation] : []));
}
