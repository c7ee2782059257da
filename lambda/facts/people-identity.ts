import * as z from 'zod/mini';
import { type ArticleFacts, PartySchema, type Person } from './fact.js';
import { type OfficeVote, officesOf } from './office-vote.js';
import { LEADER_OFFICE, LEADER_TITLES, type OfficeKey, officeKey } from './offices.js';
import type { CorpusCountry, CorpusOffices } from './people-registry.js';
import { isBareKey, isInitialKey, mayStandFor, surnameKeyOf } from './speaker-key.js';
import { statementId } from './statements.js';

/** A key that names someone only partly: a bare surname, or a surname and an initial. */
const isPartial = (key: string) => isBareKey(key) || isInitialKey(key);

/*
 * Who a bare surname stands for across articles. An article that names someone only by surname
 * ("Johnson said") cannot tell, on its own, which Johnson it means; the corpus can, when it knows exactly
 * one person of that surname whose affiliation does not contradict the article's. Knowing several, it
 * names nobody rather than guess: the bare surname stays a person of its own.
 */

/** A person the corpus already knows: a speaker directory entry, or a person of the batch. */
export type KnownPerson = Pick<Person, 'key' | 'affiliation'>;

/**
 * The surname keys of the people the corpus may settle: those the articles name by surname only (`settleBareNames`),
 * principals named so (`settleAffiliations`), and everyone the articles give no country (`settlePeopleAndCountries`).
 */
export function surnameKeysToSettle(articles: ArticleFacts[]): string[] {
  const keys = articles.flatMap((facts) => [
    ...[...facts.people, ...facts.mentions].filter((p) => isPartial(p.key) || !p.affiliation).map((p) => p.key),
    // A principal named by surname alone ("an adviser to Belenskyy"), whose country `settleAffiliations` looks up.
    ...(facts.principals ?? []).map((p) => p.principal),
  ]);
  return [...new Set(keys.map(surnameKeyOf))];
}

/** The surname keys of everyone the articles place in a country: whose stored namesakes they may teach it. */
export function surnameKeysPlaced(articles: ArticleFacts[]): string[] {
  const placed = articles.flatMap((facts) => [...facts.people, ...facts.mentions].filter((p) => p.affiliation));
  return [...new Set(placed.map((p) => surnameKeyOf(p.key)))];
}

/**
 * Re-keys every bare-surname person of the articles to the one known person with that surname and a
 * given name (`known`, plus the people the articles themselves name in full) whose affiliation agrees;
 * statement ids follow the new key, so the words merge with that person's. Pure.
 */
export function settleBareNames(articles: ArticleFacts[], known: readonly KnownPerson[]): ArticleFacts[] {
  const candidates = new Map<string, KnownPerson[]>();
  const consider = (person: KnownPerson) => {
    if (isPartial(person.key)) return;
    const list = candidates.get(surnameKeyOf(person.key)) ?? [];
    if (!list.some((p) => p.key === person.key)) list.push(person);
    candidates.set(surnameKeyOf(person.key), list);
  };
  for (const person of known) consider(person);
  for (const facts of articles) for (const person of [...facts.people, ...facts.mentions]) consider(person);

  return articles.map((facts) => {
    const renamed = new Map<string, string>();
    for (const person of [...facts.people, ...facts.mentions]) {
      if (!isPartial(person.key)) continue;
      const fitting = (candidates.get(surnameKeyOf(person.key)) ?? []).filter(
        (p) =>
          mayStandFor(person.key, p.key) &&
          (!person.affiliation || !p.affiliation || p.affiliation === person.affiliation),
      );
      const [only] = fitting;
      if (only && fitting.length === 1) renamed.set(person.key, only.key);
    }
    if (renamed.size === 0) return facts;
    const rekey = <P extends { key: string }>(p: P): P => ({ ...p, key: renamed.get(p.key) ?? p.key });
    return {
      ...facts,
      people: facts.people.map(rekey),
      mentions: facts.mentions.map(rekey),
      statements: facts.statements.map((s) => {
        const key = renamed.get(s.speakerKey);
        return key ? { ...s, speakerKey: key, id: statementId(key, s.kind, s.text) } : s;
      }),
    };
  });
}

/**
 * Gives a person the article left without a country the one the corpus gives their principal: "an adviser to
 * Belenskyy" in an article that calls Belenskyy only by name is Ruritanian when the other articles (the batch's,
 * `known`) agree that Belenskyy is. A principal named by surname alone stands for every known person it may
 * stand for; their countries must agree. The person's statements take the country too. Pure.
 */
function settleAffiliations(articles: ArticleFacts[], known: readonly KnownPerson[]): ArticleFacts[] {
  if (!articles.some((facts) => facts.principals?.length)) return articles;
  const affiliated = [...known, ...articles.flatMap((facts) => [...facts.people, ...facts.mentions])].filter(
    (p) => p.affiliation && !isPartial(p.key),
  );
  const countryOf = (principal: string) => {
    const countries = new Set(
      affiliated.filter((p) => p.key === principal || mayStandFor(principal, p.key)).map((p) => p.affiliation),
    );
    return countries.size === 1 ? ([...countries][0] ?? null) : null;
  };
  return articles.map((facts) => {
    const settled = new Map<string, string>();
    for (const { key, principal } of facts.principals ?? []) {
      const country = countryOf(principal);
      if (country) settled.set(key, country);
    }
    if (settled.size === 0) return facts;
    const affiliate = <P extends { key: string; affiliation: string | null }>(p: P): P => ({
      ...p,
      affiliation: p.affiliation ?? settled.get(p.key) ?? null,
    });
    return {
      ...facts,
      people: facts.people.map(affiliate),
      mentions: facts.mentions.map(affiliate),
      statements: facts.statements.map((s) => ({
        ...s,
        affiliation: s.affiliation ?? settled.get(s.speakerKey) ?? null,
      })),
    };
  });
}

/**
 * Everything the corpus settles about the people of a batch of articles, against the people it already knows: bare
 * surnames (`settleBareNames`), then advisers' countries from their principals (`settleAffiliations`). The one call
 * extraction's corpus pass and ingest both make.
 */
export function settlePeople(articles: ArticleFacts[], known: readonly KnownPerson[]): ArticleFacts[] {
  return settleAffiliations(settleBareNames(articles, known), known);
}

/**
 * How many times over the records that give a person one country must outnumber those that give them any other. The
 * corpus's countries come from extraction, which errs now and then (a leader given the country of the adviser beside
 * them: 2 records of 115 in the read set); a person the corpus splits more evenly stays without a country.
 */
const CLEAR_MAJORITY = 4;

/**
 * The country the corpus gives each person, for an article that names them without one ("Vell said …" where another
 * report has "Ruritanian President Anton Vell"): the country the records of the person give by a clear majority
 * (`CLEAR_MAJORITY`), one record an article or a stored person, a record of a bare surname or an initial counting
 * for each full name it may stand for. When the corpus disagrees (one record each for two countries) the person
 * stays without a country, as the article left them.
 */
export function corpusCountries(known: readonly KnownPerson[]): CorpusCountry {
  const bySurname = new Map<string, KnownPerson[]>();
  for (const person of known) {
    if (!person.affiliation) continue;
    const namesakes = bySurname.get(surnameKeyOf(person.key)) ?? [];
    namesakes.push(person);
    bySurname.set(surnameKeyOf(person.key), namesakes);
  }
  return (key) => {
    const votes = new Map<string, number>();
    for (const p of bySurname.get(surnameKeyOf(key)) ?? []) {
      if (p.affiliation && (p.key === key || mayStandFor(key, p.key) || mayStandFor(p.key, key)))
        votes.set(p.affiliation, (votes.get(p.affiliation) ?? 0) + 1);
    }
    const [leading, count = 0] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [];
    const others = [...votes.values()].reduce((sum, n) => sum + n, 0) - count;
    return leading && count >= CLEAR_MAJORITY * others ? leading : null;
  };
}

/**
 * Who holds each office of a country, by the corpus's word (`officeKey` → the holder): the person the articles give
 * that office by a clear majority (`CLEAR_MAJORITY`, one record an article), so that "the Bordurian foreign minister
 * said" in a report that never names her is Mira Vell when the other reports call Mira Vell Borduria's foreign
 * minister and nobody else so. `placed`: the corpus's records of people's countries; an office counts only under the
 * country its holder's records favour, so one article's wrong country does not make its holder another country's
 * minister. `earlier`: the votes of articles read before (at ingest, the store's), counted as the articles' own. A
 * country's "leader" is its president's holder, failing that its premier's, and so on down `LEADER_TITLES`. Plain
 * data, built once a batch.
 */
export function corpusOffices(
  articles: readonly ArticleFacts[],
  placed: readonly PlacedPerson[] = [],
  earlier: readonly OfficeVote[] = [],
): CorpusOffices {
  const votes = new Map<OfficeKey, Map<string, number>>();
  const names = new Map<string, string>();
  const countryFits = countryTheRecordsFavour(placed);
  const vote = ({ key, name, office }: { key: string; name: string; office: string }, n: number) => {
    if (!countryFits(key, office.slice(0, office.indexOf('|')))) return;
    const byPerson = votes.get(office) ?? new Map<string, number>();
    byPerson.set(key, (byPerson.get(key) ?? 0) + n);
    votes.set(office, byPerson);
    if (name.length > (names.get(key)?.length ?? 0)) names.set(key, name);
  };
  for (const stored of earlier) vote(stored, stored.votes);
  for (const facts of articles) for (const held of officesOf(facts)) vote(held, 1);
  const holders: Record<OfficeKey, { key: string; name: string }> = {};
  for (const [office, byPerson] of votes) {
    const [leading, count = 0] = [...byPerson].sort((a, b) => b[1] - a[1])[0] ?? [];
    const others = [...byPerson.values()].reduce((sum, n) => sum + n, 0) - count;
    if (leading && count >= CLEAR_MAJORITY * others)
      holders[office] = { key: leading, name: names.get(leading) ?? leading };
  }
  for (const country of new Set([...votes.keys()].map((office) => office.slice(0, office.indexOf('|'))))) {
    const leader = LEADER_TITLES.map((title) => holders[officeKey(country, title)]).find(Boolean);
    if (leader) holders[officeKey(country, LEADER_OFFICE)] = leader;
  }
  return holders;
}

/**
 * Whether a person's records (`placed`, one an article) favour a country no less than any other: an office is the
 * country's the person belongs to by the most records, not the one a single article's slip gave them ("Premier Holm
 * of Norway met President Vell of Austria" once read as Holm of Austria makes Holm no Austrian premier while the
 * other reports call him Norwegian). A person the records place nowhere fits any country.
 */
function countryTheRecordsFavour(placed: readonly PlacedPerson[]): (key: string, country: string) => boolean {
  const votes = new Map<string, Map<string, number>>();
  for (const { key, affiliation } of placed) {
    const byCountry = votes.get(key) ?? new Map<string, number>();
    byCountry.set(affiliation, (byCountry.get(affiliation) ?? 0) + 1);
    votes.set(key, byCountry);
  }
  return (key, country) => {
    const byCountry = votes.get(key);
    if (!byCountry) return true;
    const own = byCountry.get(country) ?? 0;
    return [...byCountry.values()].every((n) => n <= own);
  };
}

/** Whether an article asked for an office it could not fill that `offices` knows the holder of. */
const asksAnOfficeTheCorpusFills = (facts: ArticleFacts, offices: CorpusOffices) =>
  (facts.askedOffices ?? []).some((office) => offices[office] !== undefined);

/** Each person an article names, once: one article's word on a person is one record of the corpus. */
const peopleOf = (facts: ArticleFacts): KnownPerson[] => [
  ...new Map([...facts.people, ...facts.mentions].map((p) => [p.key, p])).values(),
];

/** Whether an article names someone without a country whom `countryOf` knows: its facts would change with it. */
const namesSomeoneTheCorpusPlaces = (facts: ArticleFacts, countryOf: CorpusCountry) =>
  [...facts.people, ...facts.mentions].some((p) => !p.affiliation && countryOf(p.key) !== null) ||
  (facts.unlistedNames ?? []).some((key) => countryOf(key) !== null);

/**
 * The records that place people (`corpusCountries` counts them): each stored person once, however many of the store's
 * lists (directory, name index) hold them, then each article's people; only those with a country vote, in their order.
 */
export function placedRecords(known: readonly KnownPerson[], articles: readonly ArticleFacts[]): PlacedPerson[] {
  const stored = new Map(known.map((p) => [p.key, p])).values();
  return [...stored, ...articles.flatMap(peopleOf)].flatMap((p) =>
    p.affiliation ? [{ key: p.key, affiliation: p.affiliation }] : [],
  );
}

/** A person the corpus places in a country: one record `corpusCountries` counts, as plain data (it crosses threads). */
export const PlacedPersonSchema = z.object({ key: z.string().check(z.minLength(1)), affiliation: PartySchema });
export type PlacedPerson = z.infer<typeof PlacedPersonSchema>;

/** Who holds an office the corpus knows (`corpusOffices`), as plain data (it crosses threads). */
export const CorpusOfficesSchema = z.record(
  z.string(),
  z.object({ key: z.string().check(z.minLength(1)), name: z.string().check(z.minLength(1)) }),
);

/**
 * What the corpus teaches a second reading, as plain data: the records that place people in countries (`placed`,
 * counted by `corpusCountries`) and who holds each office (`offices`).
 */
export const CorpusLessonsSchema = z.object({ placed: z.array(PlacedPersonSchema), offices: CorpusOfficesSchema });
export type CorpusLessons = z.infer<typeof CorpusLessonsSchema>;

/**
 * What settling a batch leaves to read again: the articles (by index) that name someone without a country whom the
 * corpus places, or an office by its title alone whose holder the corpus knows, and the lessons to read them with.
 */
export interface CountryRereading extends CorpusLessons {
  indices: number[];
}

/**
 * The first step of `settlePeopleAndCountries`: the batch settled by `settlePeople`, and which articles must be read
 * again with the countries the corpus gives their people (`corpusCountries` over the batch's people once settled, and
 * `known`) or the offices it knows (`corpusOffices` over the batch and the votes `knownOffices` of articles read
 * before), or null when none. Apart from the reading, so
 * that the caller may read them where it likes (ingest: on its extraction threads). Pure.
 */
export function countryRereading(
  articles: ArticleFacts[],
  known: readonly KnownPerson[],
  knownOffices: readonly OfficeVote[] = [],
): { settled: ArticleFacts[]; rereading: CountryRereading | null } {
  const settled = settlePeople(articles, known);
  const placed = placedRecords(known, settled);
  const countryOf = corpusCountries(placed);
  const offices = corpusOffices(settled, placed, knownOffices);
  const indices = settled.flatMap((facts, i) =>
    namesSomeoneTheCorpusPlaces(facts, countryOf) || asksAnOfficeTheCorpusFills(facts, offices) ? [i] : [],
  );
  return { settled, rereading: indices.length > 0 ? { indices, placed, offices } : null };
}

/**
 * The second step of `settlePeopleAndCountries`: the batch settled again, each article read again (`again`, by index)
 * in place of its first reading. Pure.
 */
export function settleReadAgain(
  articles: ArticleFacts[],
  known: readonly KnownPerson[],
  again: ReadonlyMap<number, ArticleFacts>,
): ArticleFacts[] {
  return settlePeople(
    articles.map((facts, i) => again.get(i) ?? facts),
    known,
  );
}

/**
 * `settlePeople`, and then the articles that name someone without a country the corpus gives one by a clear majority
 * or that name an office by its title alone whose holder the corpus knows (`countryRereading`), are extracted again
 * (`extractAgain`, with that knowledge) and settled with the rest (`settleReadAgain`). A person's country is a fact of
 * its own in an article's extraction (it makes "Vell said Ruritania's claim …" the Ruritanian side's position, and a
 * mediator's words no side's), so the article is read again rather than its facts patched. One round: a country
 * learnt only from a re-read article teaches no other.
 */
export function settlePeopleAndCountries(
  articles: ArticleFacts[],
  known: readonly KnownPerson[],
  extractAgain: (index: number, countryOf: CorpusCountry, offices: CorpusOffices) => ArticleFacts,
): ArticleFacts[] {
  const { settled, rereading } = countryRereading(articles, known);
  if (!rereading) return settled;
  const countryOf = corpusCountries(rereading.placed);
  return settleReadAgain(
    articles,
    known,
    new Map(rereading.indices.map((i) => [i, extractAgain(i, countryOf, rereading.offices)])),
  );
}
