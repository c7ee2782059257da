import type { ArticleFacts, Person } from './fact.js';
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

/** The surname keys of the people the articles name by surname only: whom `settleBareNames` and `settleAffiliations` must know of. */
export function bareSurnameKeys(articles: ArticleFacts[]): string[] {
  const bare = articles.flatMap((facts) => [
    ...[...facts.people, ...facts.mentions].filter((p) => isPartial(p.key)).map((p) => p.key),
    // A principal named by surname alone ("an adviser to Belenskyy"), whose country `settleAffiliations` looks up.
    ...(facts.principals ?? []).map((p) => p.principal),
  ]);
  return [...new Set(bare.map(surnameKeyOf))];
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
