import type { Article } from '../articles/article.js';
import type { ArticleReading } from '../facts/extract.js';
import type { ArticleFacts } from '../facts/fact.js';
import { withCorpusGuarantors } from '../facts/guarantor-corpus.js';
import { withoutOutletSpeakers } from '../facts/non-people.js';
import {
  type CorpusLessons,
  corpusCountries,
  corpusOffices,
  type KnownPerson,
  placedRecords,
  settlePeople,
} from '../facts/people-identity.js';
import type { CompiledTopics } from '../facts/topics.js';
import type { TalksStore } from '../store/ports.js';
import { VIEW_LIMITS } from '../views/limits.js';
import type { OfficeVotes } from '../views/office-votes.js';
import type { ExtractionRun } from './fact-extraction.js';

/*
 * Re-settling: what a round teaches the corpus reaches the articles stored before it. When the round gives a stored
 * person a country the corpus did not give them, or an office a new holder, the stored articles that name that person
 * or ask for that office are read again with what the corpus knows before the round and with what it knows after,
 * and the second reading goes into the views with the round's own facts, in the same applyFacts (so under the same
 * writer lease, and marked done with the round: a round that fails is re-settled when it is applied again).
 *
 * The views only ever merge facts in (lambda/views/update-views.ts): a reading that only adds to the first (a country
 * where there was none, a position, a guarantor) is applied; one that would take a fact away or give it to someone
 * else (a bare surname now settled on a full name) is left and reported, since the views cannot unmerge an article.
 */

/** Stored articles a round reads again at most: past it they are reported, left as they were. */
export const STORED_ARTICLES_RESETTLED_PER_ROUND = 100;

/** What the corpus knew before the round and knows after it, as a stored article's second reading is given it. */
export interface RoundKnowledge {
  /** Stored people the round's reads returned (directory, name index under the round's surnames). */
  known: readonly KnownPerson[];
  officeVotes: OfficeVotes;
  /** The round's facts, settled. */
  round: readonly ArticleFacts[];
  /** Countries the stored guarantors view lists. */
  storedGuarantors: readonly string[];
  topics: CompiledTopics;
  /** Every outlet the round and the store know: an article citing one by name gives it no speaker. */
  outlets: readonly (string | null)[];
}

/** Stored articles read again: the facts to apply with the round's, and those left as they were, with why. */
export interface Resettling {
  articles: Article[];
  facts: ArticleFacts[];
  left: { id: string; reason: string }[];
}

/** Reads again the stored articles whose facts the round's knowledge changes; see the module header. */
export async function resettleStored(
  store: TalksStore,
  extraction: ExtractionRun,
  knowledge: RoundKnowledge,
): Promise<Resettling> {
  const { known, officeVotes, round } = knowledge;
  const placedBefore = placedRecords(known, []);
  const placedAfter = placedRecords(known, round);
  const before: CorpusLessons = { placed: placedBefore, offices: corpusOffices([], placedBefore, officeVotes.votes) };
  const after: CorpusLessons = { placed: placedAfter, offices: corpusOffices(round, placedAfter, officeVotes.votes) };
  const ids = await articlesToResettle(store, knowledge, before, after);
  const inRound = new Set(round.map((f) => f.articleId));
  const wanted = ids.filter((id) => !inRound.has(id));
  const left = wanted
    .slice(STORED_ARTICLES_RESETTLED_PER_ROUND)
    .map((id) => ({ id, reason: 'past the bound of stored articles re-settled a round' }));
  const articles = (
    await Promise.all(wanted.slice(0, STORED_ARTICLES_RESETTLED_PER_ROUND).map(store.getArticle))
  ).filter((a): a is Article => a !== null);
  if (articles.length === 0) return { articles: [], facts: [], left };

  const [first, again] = await Promise.all([
    extraction.factsOfAll(articles, before),
    extraction.factsOfAll(articles, after),
  ]);
  // Each reading settled with the people and guarantors it was read with: before the round, and with the round's.
  const peopleAfter = [...known, ...round.flatMap((f) => [...f.people, ...f.mentions])];
  const guarantorsAfter = [...knowledge.storedGuarantors, ...round.flatMap((f) => f.guarantors.map((g) => g.country))];
  const settle = (article: Article, reading: ArticleReading, people: readonly KnownPerson[], guarantors: string[]) =>
    withCorpusGuarantors(
      [article],
      settlePeople(withoutOutletSpeakers([reading.facts], knowledge.outlets), people),
      knowledge.topics,
      guarantors,
      [reading.guaranteeTopic],
    )[0] as ArticleFacts;

  const resettled: Resettling = { articles: [], facts: [], left };
  articles.forEach((article, i) => {
    const was = first[i];
    const now = again[i];
    if (!was || !now || !('facts' in was) || !('facts' in now)) {
      left.push({ id: article.id, reason: 'its facts could not be extracted again' });
      return;
    }
    const old = settle(article, was, known, [...knowledge.storedGuarantors]);
    const next = settle(article, now, peopleAfter, guarantorsAfter);
    if (JSON.stringify(old) === JSON.stringify(next)) return;
    if (!addsOnly(old, next)) {
      left.push({ id: article.id, reason: 'what the corpus learnt would take facts away, which the views cannot' });
      return;
    }
    resettled.articles.push(article);
    resettled.facts.push(next);
  });
  return resettled;
}

/**
 * The stored articles the round's knowledge may change: those citing a stored person the corpus places in another
 * country than before (their view's ranked statements and the sentences naming them), and those that asked for an
 * office whose holder changed (office-votes.ts keeps the last of them).
 */
async function articlesToResettle(
  store: TalksStore,
  { known, officeVotes }: RoundKnowledge,
  before: CorpusLessons,
  after: CorpusLessons,
): Promise<string[]> {
  const [countryBefore, countryAfter] = [corpusCountries(before.placed), corpusCountries(after.placed)];
  const placedAnew = [...new Set(known.map((p) => p.key))].filter((key) => countryBefore(key) !== countryAfter(key));
  const offices = new Set([...Object.keys(before.offices), ...Object.keys(after.offices)]);
  const newHolders = [...offices].filter((o) => before.offices[o]?.key !== after.offices[o]?.key);
  const views = await Promise.all(placedAnew.map((key) => store.getSpeaker(key, VIEW_LIMITS.statementsPerSpeaker)));
  const asked = officeVotes.asked ?? [];
  return [
    ...new Set([
      ...views.flatMap((view) =>
        view ? [...view.statements.flatMap((s) => s.citations), ...view.mentions].map((c) => c.articleId) : [],
      ),
      ...asked.filter((a) => newHolders.includes(a.office)).flatMap((a) => a.articles),
    ]),
  ];
}

/**
 * Whether a second reading only adds to the first: every statement, position, guarantor and person of the first is
 * still there, under the same key, with the same country where the first gave one.
 */
export function addsOnly(first: ArticleFacts, second: ArticleFacts): boolean {
  const agrees = (was: string | null, now: string | null) => was === null || was === now;
  const statements = new Map(second.statements.map((s) => [`${s.speakerKey}\u0000${s.id}`, s]));
  const positions = new Set(second.positions.map((p) => p.id));
  const guarantors = new Map(second.guarantors.map((g) => [g.country, g]));
  const people = new Map([...second.people, ...second.mentions].map((p) => [p.key, p]));
  return (
    first.statements.every((s) => {
      const now = statements.get(`${s.speakerKey}\u0000${s.id}`);
      return now !== undefined && agrees(s.affiliation, now.affiliation);
    }) &&
    first.positions.every((p) => positions.has(p.id)) &&
    first.guarantors.every((g) => {
      const now = guarantors.get(g.country);
      return now !== undefined && agrees(g.proposedBy, now.proposedBy);
    }) &&
    [...first.people, ...first.mentions].every((p) => {
      const now = people.get(p.key);
      return now !== undefined && agrees(p.affiliation, now.affiliation);
    })
  );
}
