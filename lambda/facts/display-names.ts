import * as z from 'zod/mini';
import type { ArticleFacts, Person } from './fact.js';
import { compareStrings } from './group-by.js';
import { surnameOf } from './speaker-key.js';

/*
 * The name a person goes by in answers, chosen by evidence: the spelling most articles use. Outlets
 * transliterate differently (Bohdan Kovalchuk / Bogdan Kovaltchuk), and the longest or first spelling
 * seen is often a minority one ("Arkady V. Volnov" from the one outlet that adds middle initials); the
 * spelling most articles use is the one most readers know.
 */

/** One written form of a person's name and how many articles write it. */
export const SpellingSchema = z.object({
  name: z.string(),
  articles: z.number().check(z.int(), z.nonnegative()),
});
export type Spelling = z.infer<typeof SpellingSchema>;

/** Spellings kept per person: beyond this, the least-used go (they stay `aliases`, still found by `who`). */
export const SPELLINGS_PER_PERSON = 20;

const words = (name: string) => name.split(/\s+/u).filter(Boolean);

/** A single letter, with or without a full stop: an initial ("V.", "B"). */
const isInitial = (word: string) => /^\p{L}\.?$/u.test(word);

/** "Bohdan Belensky", not "Belensky" or "B. Belensky". */
const givenNameSpelledOut = (name: string) => {
  const [given, ...rest] = words(name);
  return rest.length > 0 && given !== undefined && !isInitial(given);
};

/** "Arkady V. Volnov": an initial between the given name and the surname. */
const hasMiddleInitial = (name: string) => words(name).slice(1, -1).some(isInitial);

/**
 * Best display spelling first: used by more articles; then the given name spelled out; then without a
 * middle initial; then the shorter; then alphabetical, so the choice never depends on arrival order.
 */
function compareSpellings(a: Spelling, b: Spelling): number {
  return (
    b.articles - a.articles ||
    Number(givenNameSpelledOut(b.name)) - Number(givenNameSpelledOut(a.name)) ||
    Number(hasMiddleInitial(a.name)) - Number(hasMiddleInitial(b.name)) ||
    a.name.length - b.name.length ||
    compareStrings(a.name, b.name)
  );
}

/**
 * The spelling to show for a person, or null when none is known. A form with a given name wins over a
 * bare surname whatever the counts: an article that names someone once in full and ten times as
 * "Kovalchuk" still introduces "Bohdan Kovalchuk", and a bare surname says less.
 */
export function displayName(spellings: readonly Spelling[]): string | null {
  const full = spellings.filter((s) => words(s.name).length > 1);
  return [...(full.length ? full : spellings)].sort(compareSpellings)[0]?.name ?? null;
}

/** Adds spelling counts together (old counts plus a batch's), best first, bounded. */
export function addSpellings(...lists: readonly (readonly Spelling[])[]): Spelling[] {
  return addArticleCounts('name', lists, compareSpellings, SPELLINGS_PER_PERSON);
}

/** A value read off articles' records of a person (a spelling's `name`, a `country`) and how many articles give it. */
type ArticleCount<Field extends string> = { [F in Field]: string } & { articles: number };

/**
 * Adds counts of a person's values together (old counts plus a batch's), one entry a value, ordered by `compare`,
 * the first `limit`: how a person's view keeps its spellings and its countries (person-countries.ts) between ingests.
 */
export function addArticleCounts<Field extends string>(
  field: Field,
  lists: readonly (readonly ArticleCount<Field>[])[],
  compare: (a: ArticleCount<Field>, b: ArticleCount<Field>) => number,
  limit: number,
): ArticleCount<Field>[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const c of list) counts.set(c[field], (counts.get(c[field]) ?? 0) + c.articles);
  return [...counts]
    .map(([value, articles]) => ({ [field]: value, articles }) as ArticleCount<Field>)
    .sort(compare)
    .slice(0, limit);
}

/**
 * For each person key, each value `valuesOf` reads off an article's record of them (a spelling, a country:
 * person-countries.ts) and the articles that give it: over every article's speakers and mentions, an article counting
 * once per value, however often it repeats it.
 */
export function personArticles(
  articles: readonly ArticleFacts[],
  valuesOf: (person: Person) => readonly string[],
): Map<string, Map<string, Set<string>>> {
  const byKey = new Map<string, Map<string, Set<string>>>();
  for (const facts of articles) {
    for (const person of [...facts.people, ...facts.mentions]) {
      const values = byKey.get(person.key) ?? new Map<string, Set<string>>();
      byKey.set(person.key, values);
      for (const value of valuesOf(person)) {
        const ids = values.get(value) ?? new Set<string>();
        ids.add(facts.articleId);
        values.set(value, ids);
      }
    }
  }
  return byKey;
}

/** For each person key, each form of the name and the articles that write it. */
export function spellingArticles(articles: readonly ArticleFacts[]): Map<string, Map<string, Set<string>>> {
  return personArticles(articles, (person) =>
    [person.name, ...person.aliases].map((form) => words(form).join(' ')).filter(Boolean),
  );
}

const folded = (name: string) => name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The other ways a person's name is written, for "also written": every alias but case variants of the
 * shown name and a bare surname already part of a longer form listed ("Kovalchuk" beside "Bohdan
 * Kovalchuk").
 */
export function otherSpellings(person: { name: string; aliases: readonly string[] }): string[] {
  const shown = folded(person.name);
  const seen = new Set([shown]);
  const others = person.aliases.filter((a) => !seen.has(folded(a)) && seen.add(folded(a)));
  const longer = [person.name, ...others].filter((n) => words(n).length > 1);
  const surnames = new Set(longer.map((n) => folded(surnameOf(n))));
  return others.filter((a) => words(a).length > 1 || !surnames.has(folded(a)));
}
