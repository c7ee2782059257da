import { type Article, type SourceRef, toSourceRef } from '../articles/article.js';
import type { ArticleFacts, CorpusFacts, Person, Position, Statement } from '../facts/fact.js';
import { mergeArticleFacts, mergeGuarantors, mergePeople, mergePositions, mergeStatements } from '../facts/merge.js';
import type {
  GuarantorsView,
  SourcesView,
  SpeakerDirectory,
  SpeakerEntry,
  SpeakerView,
  SummaryView,
  TopicView,
} from '../facts/views.js';
import { VIEW_LIMITS } from './limits.js';
import {
  capCitations,
  compareText,
  rankGuarantors,
  rankPositions,
  rankSourcesNewestFirst,
  rankSpeakers,
  rankStatements,
  sourcesFor,
  takeWithinBytes,
  utf8Bytes,
} from './ranking.js';
import type { PositionRecord, Scored, StatementRecord } from './records.js';

/*
 * The incremental update of the precomputed views, pure: given a batch of article facts and only the
 * stored items that batch touches, compute the items to write. The cost follows the batch, never the
 * corpus: a statement merges into its own record, a speaker's ranking is the old top list plus what
 * changed (scores only grow, so nothing outside the old top list can overtake it unless it changed).
 */

/** A batch, merged in memory, and the keys of every stored item it touches. */
export interface PreparedBatch {
  facts: CorpusFacts;
  articles: Article[];
  speakerKeys: string[];
  topicIds: string[];
}

/** The stored items a batch touches, as read before the update. */
export interface StoredViews {
  summary: SummaryView | null;
  directory: SpeakerDirectory | null;
  guarantors: GuarantorsView | null;
  sources: SourcesView | null;
  speakers: Map<string, Scored<SpeakerView>>;
  topics: Map<string, Scored<TopicView>>;
  statements: Map<string, StatementRecord>;
  positions: Map<string, PositionRecord>;
  /** Batch articles already counted in the views (applied before). */
  indexedArticleIds: Set<string>;
}

export interface ViewsUpdate {
  statements: StatementRecord[];
  positions: PositionRecord[];
  speakers: Scored<SpeakerView>[];
  topics: Scored<TopicView>[];
  directory: SpeakerDirectory;
  guarantors: GuarantorsView;
  sources: SourcesView;
  summary: SummaryView;
  /** Articles to mark as counted, once everything above is written. */
  newlyIndexedArticleIds: string[];
}

/** Configured topics in display order (id → label). */
export type TopicLabels = ReadonlyMap<string, string>;

/** Merges a batch's facts in memory and lists the speakers and topics it touches. */
export function prepareBatch(facts: ArticleFacts[], articles: Article[]): PreparedBatch {
  const merged = mergeArticleFacts(facts);
  const speakerKeys = new Set([...merged.people.map((p) => p.key), ...merged.statements.map((s) => s.speakerKey)]);
  const topicIds = new Set([...merged.statements.flatMap((s) => s.topics), ...merged.positions.map((p) => p.topic)]);
  // An empty topic id would become an empty key suffix: meaningless, so dropped here.
  topicIds.delete('');
  return { facts: merged, articles, speakerKeys: [...speakerKeys].sort(), topicIds: [...topicIds].sort() };
}

/** Computes every item a batch changes. Applying the same batch again yields the same items. */
export function planViewsUpdate(batch: PreparedBatch, stored: StoredViews, topicLabels: TopicLabels): ViewsUpdate {
  const refs = collectRefs(batch, stored);
  const statements = batch.facts.statements.map((s) => updateStatementRecord(stored.statements.get(s.id), s, refs));
  const positions = batch.facts.positions
    .filter((p) => p.topic !== '')
    .map((p) => updatePositionRecord(stored.positions.get(p.id), p, refs));

  const speakers = batch.speakerKeys.map((key) => updateSpeaker(key, batch, stored, statements, refs));
  const topics = batch.topicIds.map((topic) => updateTopic(topic, stored, statements, positions, refs, topicLabels));
  const { directory, totalSpeakers } = updateDirectory(stored.directory, speakers);
  const guarantors = updateGuarantors(stored.guarantors, batch, refs);
  const { sources, newlyIndexedArticleIds } = updateSources(stored.sources, batch.articles, stored.indexedArticleIds);
  const summary = buildSummary({
    old: stored.summary,
    directory,
    totalSpeakers,
    speakers,
    topics,
    guarantors,
    sources,
    refs,
    topicLabels,
  });
  return { statements, positions, speakers, topics, directory, guarantors, sources, summary, newlyIndexedArticleIds };
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

function sortedUnion(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}

function withoutRecordFields<R extends { citedBy: string[]; sources: SourceRef[] }>(
  record: R,
): Omit<R, 'citedBy' | 'sources'> {
  const { citedBy: _citedBy, sources: _sources, ...fact } = record;
  return fact;
}

function updateStatementRecord(
  old: StatementRecord | undefined,
  incoming: Statement,
  refs: Map<string, SourceRef>,
): StatementRecord {
  const merged = old
    ? (mergeStatements([withoutRecordFields(old)], [incoming]).find((s) => s.id === incoming.id) ?? incoming)
    : incoming;
  const fact = capCitations(merged, VIEW_LIMITS.citationsPerRecord);
  return {
    ...fact,
    citedBy: sortedUnion(
      old?.citedBy ?? [],
      incoming.citations.map((c) => c.articleId),
    ),
    sources: sourcesFor([fact], refs),
  };
}

function updatePositionRecord(
  old: PositionRecord | undefined,
  incoming: Position,
  refs: Map<string, SourceRef>,
): PositionRecord {
  const merged = old
    ? (mergePositions([withoutRecordFields(old)], [incoming]).find((p) => p.id === incoming.id) ?? incoming)
    : incoming;
  const fact = capCitations(merged, VIEW_LIMITS.citationsPerRecord);
  return {
    ...fact,
    citedBy: sortedUnion(
      old?.citedBy ?? [],
      incoming.citations.map((c) => c.articleId),
    ),
    sources: sourcesFor([fact], refs),
  };
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
  batch: PreparedBatch,
  stored: StoredViews,
  records: StatementRecord[],
  refs: Map<string, SourceRef>,
): Scored<SpeakerView> {
  const old = stored.speakers.get(key);
  const mine = records.filter((r) => r.speakerKey === key);
  const fallback: Person[] = mine[0]
    ? [{ key, name: mine[0].speaker, aliases: [], affiliation: mine[0].affiliation }]
    : [{ key, name: key, aliases: [], affiliation: null }];
  const batchPeople = batch.facts.people.filter((p) => p.key === key);
  const oldPerson: Person[] = old ? [toPerson(old.view.person)] : [];
  const person = mergePeople(oldPerson, batchPeople.length ? batchPeople : fallback)[0] ?? fallback[0];

  const isNew = (r: StatementRecord) => !stored.statements.has(r.id);
  // An article counts once per speaker: new unless one of the speaker's records already cited it.
  const citedBefore = new Set(mine.flatMap((r) => stored.statements.get(r.id)?.citedBy ?? []));
  const citingArticles = new Set(mine.flatMap((r) => r.citations.map((c) => c.articleId)));
  const newArticles = [...citingArticles].filter((id) => !citedBefore.has(id)).length;

  const scores: Record<string, number> = { ...old?.scores };
  for (const r of mine) scores[r.id] = r.citedBy.length;
  const ranked = rankStatements(unionById(old?.view.statements ?? [], mine.map(forView)), scores).slice(
    0,
    VIEW_LIMITS.statementsPerSpeaker,
  );
  const statements = takeWithinBytes(ranked, VIEW_LIMITS.bytes.speaker / 2);
  const entry: SpeakerEntry = {
    ...(person as Person),
    statementCount: (old?.view.person.statementCount ?? 0) + mine.filter(isNew).length,
    directCount: (old?.view.person.directCount ?? 0) + mine.filter((r) => isNew(r) && r.kind === 'direct').length,
    articleCount: (old?.view.person.articleCount ?? 0) + newArticles,
  };
  return {
    view: { person: entry, statements, sources: sourcesFor(statements, refs) },
    scores: pickScores(scores, statements),
  };
}

function toPerson(entry: SpeakerEntry): Person {
  return { key: entry.key, name: entry.name, aliases: entry.aliases, affiliation: entry.affiliation };
}

function pickScores(scores: Record<string, number>, facts: { id: string }[]): Record<string, number> {
  return Object.fromEntries(facts.map((f) => [f.id, scores[f.id] ?? 0]));
}

function updateTopic(
  topic: string,
  stored: StoredViews,
  statementRecords: StatementRecord[],
  positionRecords: PositionRecord[],
  refs: Map<string, SourceRef>,
  topicLabels: TopicLabels,
): Scored<TopicView> {
  const old = stored.topics.get(topic);
  const positions = positionRecords.filter((p) => p.topic === topic);
  const statements = statementRecords.filter((s) => s.topics.includes(topic));
  const newPositions = positions.filter((p) => !stored.positions.has(p.id)).length;
  // New to this topic: a new statement, or a known one whose merged topics now include it.
  const newStatements = statements.filter((s) => !stored.statements.get(s.id)?.topics.includes(topic)).length;

  const scores: Record<string, number> = { ...old?.scores };
  for (const f of [...positions, ...statements]) scores[f.id] = f.citedBy.length;
  const topPositions = takeWithinBytes(
    rankPositions(unionById(old?.view.positions ?? [], positions.map(forView)), scores).slice(
      0,
      VIEW_LIMITS.positionsPerTopic,
    ),
    VIEW_LIMITS.bytes.topic / 4,
  );
  const topStatements = takeWithinBytes(
    rankStatements(unionById(old?.view.statements ?? [], statements.map(forView)), scores).slice(
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
      totalPositions: (old?.view.totalPositions ?? 0) + newPositions,
      statements: topStatements,
      totalStatements: (old?.view.totalStatements ?? 0) + newStatements,
      sources: sourcesFor([...topPositions, ...topStatements], refs),
    },
    scores: pickScores(scores, [...topPositions, ...topStatements]),
  };
}

function updateDirectory(
  old: SpeakerDirectory | null,
  speakers: Scored<SpeakerView>[],
): { directory: SpeakerDirectory; totalSpeakers: number } {
  const byKey = new Map((old?.speakers ?? []).map((e) => [e.key, e]));
  for (const { view } of speakers) byKey.set(view.person.key, view.person);
  const ranked = rankSpeakers([...byKey.values()]);
  // Past the budget only the least-quoted speakers are cut; `who` then answers them as unknown.
  return {
    directory: { speakers: takeWithinBytes(ranked, VIEW_LIMITS.bytes.directory) },
    totalSpeakers: ranked.length,
  };
}

function updateGuarantors(
  old: GuarantorsView | null,
  batch: PreparedBatch,
  refs: Map<string, SourceRef>,
): GuarantorsView {
  const merged = mergeGuarantors(old?.guarantors ?? [], batch.facts.guarantors).map((g) =>
    capCitations(g, VIEW_LIMITS.citationsPerRecord),
  );
  const guarantors = takeWithinBytes(
    rankGuarantors(merged).slice(0, VIEW_LIMITS.guarantors),
    VIEW_LIMITS.bytes.guarantors / 2,
  );
  return { guarantors, sources: sourcesFor(guarantors, refs) };
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

interface SummaryInputs {
  old: SummaryView | null;
  directory: SpeakerDirectory;
  totalSpeakers: number;
  speakers: Scored<SpeakerView>[];
  topics: Scored<TopicView>[];
  guarantors: GuarantorsView;
  sources: SourcesView;
  refs: Map<string, SourceRef>;
  topicLabels: TopicLabels;
}

/** How much of each list the summary keeps: tried from the first, the first that fits the byte budget wins. */
const SUMMARY_SHAPES = [
  { ...VIEW_LIMITS.summary, citations: VIEW_LIMITS.citationsPerViewFact },
  { ...VIEW_LIMITS.summary, citations: 2 },
  { speakers: 10, statementsPerSpeaker: 2, guarantors: 10, positionsPerParty: 2, citations: 1 },
  { speakers: 5, statementsPerSpeaker: 1, guarantors: 5, positionsPerParty: 1, citations: 1 },
];

type SummaryShape = (typeof SUMMARY_SHAPES)[number];

function buildSummary(inputs: SummaryInputs): SummaryView {
  let summary: SummaryView | undefined;
  for (const shape of SUMMARY_SHAPES) {
    summary = summaryOfShape(inputs, shape);
    if (utf8Bytes(summary) <= VIEW_LIMITS.bytes.summary) return summary;
  }
  // Even the smallest shape is over budget only when single facts are huge: keep the counts, drop the lists.
  return { ...(summary as SummaryView), speakers: [], guarantors: [], positions: [], sources: [] };
}

function summaryOfShape(inputs: SummaryInputs, shape: SummaryShape): SummaryView {
  const { old, directory, totalSpeakers, speakers, topics, guarantors, sources, refs, topicLabels } = inputs;
  const updatedSpeakers = new Map(speakers.map((s) => [s.view.person.key, s.view.statements]));
  const oldSpeakers = new Map((old?.speakers ?? []).map((s) => [s.key, s.statements]));
  const summarySpeakers = directory.speakers.slice(0, shape.speakers).map((entry) => ({
    ...entry,
    statements: (updatedSpeakers.get(entry.key) ?? oldSpeakers.get(entry.key) ?? [])
      .slice(0, shape.statementsPerSpeaker)
      .map((s) => capCitations(s, shape.citations)),
  }));

  const updatedTopics = new Map(topics.map((t) => [t.view.topic, t.view]));
  const topicIds = orderTopics(topicLabels, [
    ...(old?.topics.map((t) => t.id) ?? []),
    ...topics.map((t) => t.view.topic),
  ]);
  const positions = topicIds.flatMap((id) => {
    const view = updatedTopics.get(id);
    const ranked = view ? view.positions : (old?.positions.filter((p) => p.topic === id) ?? []);
    const perParty = new Map<string, number>();
    return ranked
      .filter((p) => {
        const n = perParty.get(p.party) ?? 0;
        perParty.set(p.party, n + 1);
        return n < shape.positionsPerParty;
      })
      .map((p) => capCitations(p, shape.citations));
  });
  const labels = new Map([
    ...(old?.topics.map((t) => [t.id, t.label] as const) ?? []),
    ...topics.map((t) => [t.view.topic, t.view.label] as const),
    ...topicLabels,
  ]);

  const summaryGuarantors = guarantors.guarantors
    .slice(0, shape.guarantors)
    .map((g) => capCitations(g, shape.citations));
  const cited = [...summarySpeakers.flatMap((s) => s.statements), ...summaryGuarantors, ...positions];
  return {
    articleCount: sources.total,
    speakers: summarySpeakers,
    totalSpeakers,
    guarantors: summaryGuarantors,
    positions,
    topics: topicIds.map((id) => ({ id, label: labels.get(id) ?? id })),
    sources: sourcesFor(cited, refs),
  };
}

/** Configured topics first, in their order, then any other topic the facts name, alphabetically. */
function orderTopics(topicLabels: TopicLabels, seen: string[]): string[] {
  const configured = [...topicLabels.keys()];
  const others = [...new Set(seen)].filter((t) => !topicLabels.has(t)).sort(compareText);
  return [...configured, ...others];
}
