import { type Article, type SourceRef, toSourceRef } from '../articles/article.js';
import { addSpellings, displayName, spellingArticles } from '../facts/display-names.js';
import type { ArticleFacts, CorpusFacts, MentionedPerson, Person, Position, Statement } from '../facts/fact.js';
import { compareStrings, groupBy } from '../facts/group-by.js';
import { mergeArticleFacts, mergeGuarantors, mergePeople } from '../facts/merge.js';
import { addCountryCounts, countryArticles, majorityCountry } from '../facts/person-countries.js';
import {
  type GuarantorsView,
  hasSpoken,
  type SourcesView,
  type SpeakerDirectory,
  type SpeakerEntry,
  type SpeakerView,
  type SummaryView,
  type TopicView,
} from '../facts/views.js';
import { countGuarantors, type GuarantorCount } from './guarantor-count.js';
import { VIEW_LIMITS } from './limits.js';
import {
  type GroupMerge,
  mergeCandidates,
  mergeGroup,
  positionGroup,
  positionKind,
  statementKind,
} from './merge-records.js';
import { type NameShard, nameKeysOf, updateNameShards } from './name-index.js';
import {
  capCitations,
  rankGuarantors,
  rankMentions,
  rankPositions,
  rankSourcesNewestFirst,
  rankSpeakers,
  rankStatements,
  sourcesFor,
  takeWithinBytes,
} from './ranking.js';
import type { PositionRecord, Scored, StatementRecord, WordingIndex } from './records.js';
import { buildSummary } from './summary-view.js';

/*
 * The incremental update of the precomputed views, pure: given a batch of article facts and only the
 * stored items that batch touches, compute the items to write. The cost follows the batch, never the
 * corpus: a statement merges into the few stored records its wording index points at (merge-records.ts),
 * a speaker's ranking is the old top list plus what changed (scores only grow, so nothing outside the
 * old top list can overtake it unless it changed). This module owns the plan of a batch's update and the
 * per-item updates (speakers, topics, directory, guarantors, sources); the summary's shape is summary-view.ts.
 */

/** A batch, merged in memory, and the keys of every stored item it touches. */
export interface PreparedBatch {
  facts: CorpusFacts;
  articles: Article[];
  /** People with statements in the batch: their statement records and wording indexes are touched. */
  speakerKeys: string[];
  /** Everyone whose view the batch touches: the speakers and the people it only mentions. */
  personKeys: string[];
  topicIds: string[];
  /** Topic and party of every position group the batch touches. */
  positionGroups: { topic: string; party: string }[];
  /** By person key, each form of the name and the batch articles that write it. */
  spellings: Map<string, Map<string, Set<string>>>;
  /** By person key, each country the batch's articles give them and the articles that give it. */
  countries: Map<string, Map<string, Set<string>>>;
}

/** The stored items a batch touches, as read before the update. */
export interface StoredViews {
  summary: SummaryView | null;
  directory: SpeakerDirectory | null;
  guarantors: GuarantorsView | null;
  sources: SourcesView | null;
  speakers: Map<string, Scored<SpeakerView>>;
  topics: Map<string, Scored<TopicView>>;
  /** Stored records that may merge with the batch's facts (same id, or a wording the index matched). */
  statements: Map<string, StatementRecord>;
  positions: Map<string, PositionRecord>;
  /** Wording indexes by speaker key, and by `positionGroup`. */
  statementIndexes: Map<string, WordingIndex>;
  positionIndexes: Map<string, WordingIndex>;
  /** Batch articles already counted in the views (applied before). */
  indexedArticleIds: Set<string>;
  /** The name index items of every key in `nameKeysTouched` (an empty shard for a key not stored yet). */
  nameShards: Map<string, NameShard>;
  /** Every guarantor known, by key: what the summary's total counts. Null on a table written before it. */
  guarantorCount: GuarantorCount | null;
}

export interface ViewsUpdate {
  statements: StatementRecord[];
  positions: PositionRecord[];
  /** Records merged into another one by this batch. */
  removedStatements: StatementRecord[];
  removedPositions: PositionRecord[];
  statementIndexes: [speakerKey: string, index: WordingIndex][];
  positionIndexes: [group: { topic: string; party: string }, index: WordingIndex][];
  speakers: Scored<SpeakerView>[];
  topics: Scored<TopicView>[];
  directory: SpeakerDirectory;
  nameShards: [surnameKey: string, shard: NameShard][];
  guarantors: GuarantorsView;
  guarantorCount: GuarantorCount;
  sources: SourcesView;
  summary: SummaryView;
  /** Articles to mark as counted, once everything above is written. */
  newlyIndexedArticleIds: string[];
}

/** Configured topics in display order (id → label). */
export type TopicLabels = ReadonlyMap<string, string>;

/** Merges a batch's facts in memory and lists the speakers and topics it touches. */
export function prepareBatch(articleFacts: ArticleFacts[], articles: Article[]): PreparedBatch {
  const merged = mergeArticleFacts(articleFacts);
  const speakerKeys = new Set([...merged.people.map((p) => p.key), ...merged.statements.map((s) => s.speakerKey)]);
  const personKeys = new Set([...speakerKeys, ...merged.mentions.map((m) => m.key)]);
  const topicIds = new Set([...merged.statements.flatMap((s) => s.topics), ...merged.positions.map((p) => p.topic)]);
  // An empty topic id would become an empty key suffix: meaningless, so such positions are dropped here.
  topicIds.delete('');
  const facts: CorpusFacts = { ...merged, positions: merged.positions.filter((p) => p.topic !== '') };
  const positionGroups = [...new Map(facts.positions.map((p) => [positionGroup(p), p])).values()].map(
    ({ topic, party }) => ({ topic, party }),
  );
  return {
    facts,
    articles,
    speakerKeys: [...speakerKeys].sort(),
    personKeys: [...personKeys].sort(),
    topicIds: [...topicIds].sort(),
    positionGroups,
    spellings: spellingArticles(articleFacts),
    countries: countryArticles(articleFacts),
  };
}

/**
 * The name index keys a batch may change: every name the batch gives a person (as a speaker, a person, a
 * mention) and every name their stored views know, since a person's merged entry carries both.
 */
export function nameKeysTouched(
  batch: PreparedBatch,
  storedSpeakers: ReadonlyMap<string, Scored<SpeakerView>>,
): string[] {
  const { people, mentions, statements } = batch.facts;
  const named = [
    ...people,
    ...mentions,
    ...statements.map((s) => ({ name: s.speaker, aliases: [] })),
    ...[...storedSpeakers.values()].map((s) => s.view.person),
  ];
  return [...new Set(named.flatMap(nameKeysOf))].sort(compareStrings);
}

/** The stored statements and positions that may merge with the batch: same id or a matching wording. */
export function candidateRecords(
  batch: PreparedBatch,
  statementIndexes: Map<string, WordingIndex>,
  positionIndexes: Map<string, WordingIndex>,
): { statements: { speakerKey: string; id: string }[]; positions: { topic: string; id: string }[] } {
  const statementsBySpeaker = groupBy(batch.facts.statements, (s) => s.speakerKey);
  const positionsByGroup = groupBy(batch.facts.positions, positionGroup);
  const statements = batch.speakerKeys.flatMap((speakerKey) => {
    const incoming = statementsBySpeaker.get(speakerKey) ?? [];
    const ids = new Set([
      ...incoming.map((s) => s.id),
      ...mergeCandidates(statementKind, incoming, statementIndexes.get(speakerKey)),
    ]);
    return [...ids].map((id) => ({ speakerKey, id }));
  });
  const positions = batch.positionGroups.flatMap((group) => {
    const incoming = positionsByGroup.get(positionGroup(group)) ?? [];
    const ids = new Set([
      ...incoming.map((p) => p.id),
      ...mergeCandidates(positionKind, incoming, positionIndexes.get(positionGroup(group))),
    ]);
    return [...ids].map((id) => ({ topic: group.topic, id }));
  });
  return { statements, positions };
}

/** Computes every item a batch changes. Applying the same batch again yields the same items. */
export function planViewsUpdate(batch: PreparedBatch, stored: StoredViews, topicLabels: TopicLabels): ViewsUpdate {
  const refs = collectRefs(batch, stored);
  const statementsBySpeaker = groupBy(batch.facts.statements, (s) => s.speakerKey);
  const positionsByGroup = groupBy(batch.facts.positions, positionGroup);
  const storedBySpeaker = groupBy([...stored.statements.values()], (r) => r.speakerKey);
  const storedByGroup = groupBy([...stored.positions.values()], positionGroup);
  const peopleByKey = groupBy(batch.facts.people, (p) => p.key);
  const mentionsByKey = new Map(batch.facts.mentions.map((m) => [m.key, m]));
  const statementMerges = new Map(
    batch.speakerKeys.map((key) => [
      key,
      mergeGroup(
        statementKind,
        statementsBySpeaker.get(key) ?? [],
        storedBySpeaker.get(key) ?? [],
        stored.statementIndexes.get(key),
        refs,
      ),
    ]),
  );
  const positionMerges = new Map(
    batch.positionGroups.map((group) => {
      const id = positionGroup(group);
      return [
        id,
        mergeGroup(
          positionKind,
          positionsByGroup.get(id) ?? [],
          storedByGroup.get(id) ?? [],
          stored.positionIndexes.get(id),
          refs,
        ),
      ];
    }),
  );
  const statementGroups = [...statementMerges.values()];
  const positionGroups = [...positionMerges.values()];

  const speakers = batch.personKeys.map((key) =>
    updateSpeaker(
      key,
      peopleByKey.get(key) ?? [],
      mentionsByKey.get(key),
      statementsBySpeaker.get(key) ?? [],
      stored,
      statementMerges.get(key),
      refs,
      { spellings: batch.spellings.get(key), countries: batch.countries.get(key) },
    ),
  );
  // Statements name their speaker as shown: the spelling the person's view chose, not one article's.
  const shownNames = new Map(speakers.map((s) => [s.view.person.key, s.view.person.name]));
  const shown = <S extends Statement>(statement: S): S => {
    const name = shownNames.get(statement.speakerKey);
    return name && name !== statement.speaker ? { ...statement, speaker: name } : statement;
  };
  for (const speaker of speakers) speaker.view.statements = speaker.view.statements.map(shown);
  const topics = batch.topicIds.map((topic) => {
    const updated = updateTopic(topic, stored, statementGroups, positionGroups, refs, topicLabels);
    return { ...updated, view: { ...updated.view, statements: updated.view.statements.map(shown) } };
  });
  const directory = updateDirectory(stored.directory, speakers);
  const totalSpeakers = countSpeakers(stored, speakers);
  const { view: guarantors, count: guarantorCount, total: totalGuarantors } = updateGuarantors(stored, batch, refs);
  const { sources, newlyIndexedArticleIds } = updateSources(stored.sources, batch.articles, stored.indexedArticleIds);
  const summary = buildSummary({
    old: stored.summary,
    directory,
    totalSpeakers,
    speakers,
    topics,
    guarantors,
    totalGuarantors,
    sources,
    refs,
    topicLabels,
  });
  return {
    statements: statementGroups.flatMap((g) => g.records.map(shown)),
    positions: positionGroups.flatMap((g) => g.records),
    removedStatements: statementGroups.flatMap((g) => g.removed),
    removedPositions: positionGroups.flatMap((g) => g.removed),
    statementIndexes: [...statementMerges].map(([key, g]) => [key, g.index]),
    positionIndexes: batch.positionGroups.map((group) => [
      group,
      (positionMerges.get(positionGroup(group)) as GroupMerge<Position>).index,
    ]),
    speakers,
    topics,
    directory: { ...directory, totalSpeakers },
    nameShards: updateNameShards(
      stored.nameShards,
      speakers.map((s) => s.view.person),
    ),
    guarantors,
    guarantorCount,
    sources,
    summary,
    newlyIndexedArticleIds,
  };
}

/**
 * Everyone who has said something, counted by what the batch changed (people who now have statements and
 * had none), not from the directory, which stops at its byte budget.
 */
function countSpeakers(stored: StoredViews, speakers: Scored<SpeakerView>[]): number {
  const before = stored.summary?.totalSpeakers ?? 0;
  const spokeBefore = (key: string) => {
    const old = stored.speakers.get(key);
    return old !== undefined && hasSpoken(old.view.person);
  };
  const joined = speakers.filter((s) => hasSpoken(s.view.person) && !spokeBefore(s.view.person.key)).length;
  const left = speakers.filter((s) => !hasSpoken(s.view.person) && spokeBefore(s.view.person.key)).length;
  return before + joined - left;
}

function collectRefs(batch: PreparedBatch, stored: StoredViews): Map<string, SourceRef> {
  const refs = new Map<string, SourceRef>();
  const add = (list: SourceRef[] | undefined) => {
    for (const ref of list ?? []) refs.set(ref.id, ref);
  };
  for (const record of stored.statements.values()) add(record.sources);
  for (const record of stored.positions.values()) add(record.sources);
  for (const speaker of stored.speakers.values()) add(speaker.view.sources);
  for (const topic of stored.topics.values()) add(topic.view.sources);
  add(stored.guarantors?.sources);
  add(stored.summary?.sources);
  // The batch's own articles last: their refs are the freshest (files and URLs merged at store time).
  add(batch.articles.map(toSourceRef));
  return refs;
}

/** A fact as a view shows it: its record fields dropped, its citations capped. */
function forView<F extends Statement | Position>(record: F & { citedBy?: string[]; sources?: SourceRef[] }): F {
  const { citedBy: _citedBy, sources: _sources, ...fact } = record;
  return capCitations(fact as F, VIEW_LIMITS.citationsPerViewFact);
}

/** Replaces listed facts by their updated versions (same id) and adds the new ones. */
function unionById<F extends { id: string }>(old: F[], updated: F[]): F[] {
  const byId = new Map(old.map((f) => [f.id, f]));
  for (const f of updated) byId.set(f.id, f);
  return [...byId.values()];
}

function updateSpeaker(
  key: string,
  batchPeople: Person[],
  batchMentions: MentionedPerson | undefined,
  batchStatements: Statement[],
  stored: StoredViews,
  group: GroupMerge<Statement> | undefined,
  refs: Map<string, SourceRef>,
  batchCounts: { spellings: Map<string, Set<string>> | undefined; countries: Map<string, Set<string>> | undefined },
): Scored<SpeakerView> {
  const old = stored.speakers.get(key);
  const records = group?.records ?? [];
  const members = group?.members ?? [];
  const fallback: Person = records[0]
    ? { key, name: records[0].speaker, aliases: [], affiliation: records[0].affiliation }
    : { key, name: key, aliases: [], affiliation: null };
  const oldPerson: Person[] = old ? [toPerson(old.view.person)] : [];
  const named: Person[] = batchMentions ? [...batchPeople, toPerson(batchMentions)] : batchPeople;
  const merged = mergePeople(oldPerson, named.length ? named : [fallback])[0] ?? fallback;
  const oldMentions = old?.view.mentions ?? [];
  const counted = countedArticles(oldMentions, stored);
  const spellings = addSpellings(
    old?.view.spellings ?? [],
    uncounted(batchCounts.spellings, counted).map(([name, articles]) => ({ name, articles })),
  );
  // The country most of the person's articles give, counted as the spellings are; the merge's when none gave one.
  const countries = addCountryCounts(
    old?.view.countries ?? [],
    uncounted(batchCounts.countries, counted).map(([country, articles]) => ({ country, articles })),
  );
  const person = withDisplayName(
    { ...merged, affiliation: majorityCountry(countries) ?? merged.affiliation },
    displayName(spellings),
  );

  // Counts move by what the merge changed: facts added minus stored facts absorbed. An article counts
  // once per speaker: new unless a stored record of the speaker already cited it (re-applying is a no-op).
  const citedBefore = new Set(members.flatMap((r) => r.citedBy));
  const citing = new Set(batchStatements.flatMap((s) => s.citations.map((c) => c.articleId)));
  const direct = (list: Statement[]) => list.filter((s) => s.kind === 'direct').length;

  const removed = new Set(group?.removed.map((r) => r.id));
  const scores: Record<string, number> = { ...old?.scores };
  for (const r of records) scores[r.id] = r.citedBy.length;
  const listed = (old?.view.statements ?? []).filter((s) => !removed.has(s.id));
  const ranked = rankStatements(unionById(listed, records.map(forView)), scores).slice(
    0,
    VIEW_LIMITS.statementsPerSpeaker,
  );
  const statements = takeWithinBytes(ranked, VIEW_LIMITS.bytes.speaker / 2);
  const mentions = rankMentions([...oldMentions, ...(batchMentions?.citations ?? [])], refs).slice(
    0,
    VIEW_LIMITS.mentionsPerPerson,
  );
  const entry: SpeakerEntry = {
    ...person,
    statementCount: (old?.view.person.statementCount ?? 0) + records.length - members.length,
    directCount: (old?.view.person.directCount ?? 0) + direct(records) - direct(members),
    articleCount: (old?.view.person.articleCount ?? 0) + [...citing].filter((id) => !citedBefore.has(id)).length,
    mentionCount: (old?.view.person.mentionCount ?? 0) + newlyMentioning(batchMentions, counted),
  };
  return {
    view: {
      person: entry,
      statements,
      mentions,
      spellings,
      countries,
      sources: sourcesFor([...statements, { citations: mentions }], refs),
    },
    scores: pickScores(scores, statements),
  };
}

/**
 * The batch's articles already counted in a person's view. Article ids are not kept per person (a
 * much-named person would need thousands), so an article counts unless it is already marked indexed
 * (applied in full before) or cited among the stored mentions (an apply that stopped before its markers
 * were written, as `updateSources` allows for too).
 */
function countedArticles(oldMentions: { articleId: string }[], stored: StoredViews): Set<string> {
  return new Set([...stored.indexedArticleIds, ...oldMentions.map((c) => c.articleId)]);
}

/** The batch's articles that name the person and were not counted before. */
function newlyMentioning(batchMentions: MentionedPerson | undefined, counted: Set<string>): number {
  const mentioning = new Set(batchMentions?.citations.map((c) => c.articleId));
  return [...mentioning].filter((id) => !counted.has(id)).length;
}

/** Each value (a form of the name, a country) with how many batch articles give it that were not counted before. */
function uncounted(values: Map<string, Set<string>> | undefined, counted: Set<string>): [string, number][] {
  return [...(values ?? [])]
    .map(([value, ids]): [string, number] => [value, [...ids].filter((id) => !counted.has(id)).length])
    .filter(([, articles]) => articles > 0);
}

/** The person under the name chosen by evidence; every other form seen stays an alias, for lookups. */
function withDisplayName(person: Person, name: string | null): Person {
  if (!name || name === person.name) return person;
  const aliases = [...new Set([person.name, ...person.aliases])].filter((a) => a !== name).sort(compareStrings);
  return { ...person, name, aliases };
}

function toPerson(entry: Person): Person {
  return { key: entry.key, name: entry.name, aliases: entry.aliases, affiliation: entry.affiliation };
}

function pickScores(scores: Record<string, number>, facts: { id: string }[]): Record<string, number> {
  return Object.fromEntries(facts.map((f) => [f.id, scores[f.id] ?? 0]));
}

function updateTopic(
  topic: string,
  stored: StoredViews,
  statementGroups: GroupMerge<Statement>[],
  positionGroups: GroupMerge<Position>[],
  refs: Map<string, SourceRef>,
  topicLabels: TopicLabels,
): Scored<TopicView> {
  const old = stored.topics.get(topic);
  const onTopic = <F extends Statement | Position>(f: F) =>
    'topic' in f ? f.topic === topic : f.topics.includes(topic);
  const positions = positionGroups.flatMap((g) => g.records).filter(onTopic);
  const statements = statementGroups.flatMap((g) => g.records).filter(onTopic);
  const positionMembers = positionGroups.flatMap((g) => g.members).filter(onTopic);
  const statementMembers = statementGroups.flatMap((g) => g.members).filter(onTopic);
  const removed = new Set([...positionGroups, ...statementGroups].flatMap((g) => g.removed.map((r) => r.id)));

  const scores: Record<string, number> = { ...old?.scores };
  for (const f of [...positions, ...statements]) scores[f.id] = f.citedBy.length;
  const keep = <F extends { id: string }>(list: F[]) => list.filter((f) => !removed.has(f.id));
  const topPositions = takeWithinBytes(
    rankPositions(unionById(keep(old?.view.positions ?? []), positions.map(forView)), scores).slice(
      0,
      VIEW_LIMITS.positionsPerTopic,
    ),
    VIEW_LIMITS.bytes.topic / 4,
  );
  // A statement leaves the topic list when its merged topics no longer include it.
  const topStatements = takeWithinBytes(
    rankStatements(unionById(keep(old?.view.statements ?? []), statements.map(forView)).filter(onTopic), scores).slice(
      0,
      VIEW_LIMITS.statementsPerTopic,
    ),
    VIEW_LIMITS.bytes.topic / 4,
  );
  return {
    view: {
      topic,
      label: topicLabels.get(topic) ?? old?.view.label ?? topic,
      positions: topPositions,
      totalPositions: (old?.view.totalPositions ?? 0) + positions.length - positionMembers.length,
      statements: topStatements,
      totalStatements: (old?.view.totalStatements ?? 0) + statements.length - statementMembers.length,
      sources: sourcesFor([...topPositions, ...topStatements], refs),
    },
    scores: pickScores(scores, [...topPositions, ...topStatements]),
  };
}

function updateDirectory(old: SpeakerDirectory | null, speakers: Scored<SpeakerView>[]): SpeakerDirectory {
  const byKey = new Map((old?.speakers ?? []).map((e) => [e.key, e]));
  for (const { view } of speakers) byKey.set(view.person.key, view.person);
  // Past the budget the least-mentioned of the never-quoted go first, then the least-quoted speakers: a bare
  // `who` lists the top ~2,000 and says how many more there are; `who <name>` finds them in the name index.
  return { speakers: takeWithinBytes(rankSpeakers([...byKey.values()]), VIEW_LIMITS.bytes.directory) };
}

/** The guarantors item, and every guarantor known, listed in it or not (what the summary counts). */
function updateGuarantors(
  stored: StoredViews,
  batch: PreparedBatch,
  refs: Map<string, SourceRef>,
): { view: GuarantorsView; count: GuarantorCount; total: number } {
  const old = stored.guarantors;
  const merged = mergeGuarantors(old?.guarantors ?? [], batch.facts.guarantors).map((g) =>
    capCitations(g, VIEW_LIMITS.citationsPerRecord),
  );
  const guarantors = takeWithinBytes(
    rankGuarantors(merged, refs).slice(0, VIEW_LIMITS.guarantors),
    VIEW_LIMITS.bytes.guarantors / 2,
  );
  const { count, total } = countGuarantors(
    stored.guarantorCount,
    old?.guarantors ?? [],
    stored.summary?.totalGuarantors,
    merged,
  );
  return { view: { guarantors, sources: sourcesFor(guarantors, refs) }, count, total };
}

function updateSources(
  old: SourcesView | null,
  articles: Article[],
  indexed: Set<string>,
): { sources: SourcesView; newlyIndexedArticleIds: string[] } {
  const fresh = [...new Map(articles.filter((a) => !indexed.has(a.id)).map((a) => [a.id, a])).values()];
  const byId = new Map((old?.sources ?? []).map((s) => [s.id, s]));
  // Listed but not marked: an earlier apply stopped between its two writes; it was counted then.
  const uncounted = fresh.filter((a) => !byId.has(a.id)).length;
  for (const a of fresh) byId.set(a.id, { ...toSourceRef(a), urls: a.urls });
  const ranked = rankSourcesNewestFirst([...byId.values()]).slice(0, VIEW_LIMITS.sources);
  return {
    sources: {
      total: (old?.total ?? 0) + uncounted,
      sources: takeWithinBytes(ranked, VIEW_LIMITS.bytes.sources),
    },
    newlyIndexedArticleIds: fresh.map((a) => a.id),
  };
}
