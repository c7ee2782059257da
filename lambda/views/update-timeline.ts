import { type SourceRef, toSourceRef } from '../articles/article.js';
import type { Citation, Guarantor } from '../facts/fact.js';
import { compareStrings } from '../facts/group-by.js';
import { resolveSaidDate } from '../facts/said-date.js';
import { stanceKind } from '../facts/stance-kind.js';
import { sourcesFor, takeWithinBytes, utf8Bytes } from './ranking.js';
import type { PositionRecord, StatementRecord } from './records.js';
import {
  type DayNews,
  GUARANTORS_TIMELINE,
  type NewsEntry,
  type TimelineEntry,
  type TimelineView,
} from './timeline-records.js';
import type { PreparedBatch, StoredViews, TopicLabels, ViewsUpdate } from './update-views.js';

/*
 * The timeline and "first reported" items, updated from what planViewsUpdate merged: pure, and like the
 * other views it reads only what the batch touches. A fact's dates come from the articles citing it
 * (their SourceRefs); it is news on the day of its first report, and moves to an earlier day when an
 * article dated before it arrives later.
 */

export const TIMELINE_LIMITS = {
  /** Facts kept per party on a timeline: the oldest half and the newest half; the middle is counted. */
  entriesPerParty: 40,
  /** Facts listed per day; `total` counts the rest. */
  entriesPerDay: 100,
  bytes: { timeline: 200_000, day: 150_000 },
} as const;

/** The stored timeline and day items a batch touches. */
export interface StoredTimelines {
  /** By subject: a topic id or `GUARANTORS_TIMELINE`. */
  timelines: Map<string, TimelineView>;
  days: Map<string, DayNews>;
}

export interface TimelineUpdate {
  timelines: TimelineView[];
  days: DayNews[];
}

/** A fact as the timeline and news see it, with the dates of its citations. */
interface DatedFact {
  id: string;
  citations: Citation[];
}

/** The subjects whose timeline a batch may change: every topic it touches, and the guarantors. */
export function timelineSubjects(batch: PreparedBatch): string[] {
  return [...batch.topicIds, GUARANTORS_TIMELINE];
}

/** The articles of the batch not applied before: only their citations can make a fact news. */
function freshArticleIds(batch: PreparedBatch, stored: StoredViews): Set<string> {
  return new Set(batch.articles.map((a) => a.id).filter((id) => !stored.indexedArticleIds.has(id)));
}

/** The earliest dated citation (the first listed when none is dated), and the date range of all of them. */
function datesOf(fact: DatedFact, dateOf: (articleId: string) => string | null) {
  const dated = fact.citations.flatMap((c) => {
    const date = dateOf(c.articleId);
    return date === null ? [] : [{ c, date }];
  });
  const byDate = dated.toSorted((a, b) => a.date.localeCompare(b.date));
  const first = byDate[0];
  return {
    citation: first?.c ?? (fact.citations[0] as Citation),
    firstReported: first?.date ?? null,
    lastReported: byDate.at(-1)?.date ?? null,
  };
}

/**
 * The day a fact became news with this batch, and the day it was news on before (to leave), or null when
 * the batch brings nothing new about it: it is news when no earlier-applied article cited it, or when the
 * batch dates it before its first report so far. An undated fact is never news: its day is not known.
 */
function newsDays(
  fact: DatedFact,
  fresh: Set<string>,
  dateOf: (articleId: string) => string | null,
): { day: string; leaves: string | null } | null {
  if (!fact.citations.some((c) => fresh.has(c.articleId))) return null;
  const { firstReported } = datesOf(fact, dateOf);
  if (firstReported === null) return null;
  const before = fact.citations.filter((c) => !fresh.has(c.articleId));
  if (before.length === 0) return { day: firstReported, leaves: null };
  const old = datesOf({ id: fact.id, citations: before }, dateOf).firstReported;
  return old !== null && firstReported < old ? { day: firstReported, leaves: old } : null;
}

/**
 * The days whose items the batch's news touches: the batch's dates, and the earlier first-report day of
 * every fact the batch dates earlier. Read before `planTimelineUpdate`.
 */
export function newsDaysToRead(batch: PreparedBatch, stored: StoredViews, update: ViewsUpdate): string[] {
  const { facts, dateOf, fresh } = newsContext(batch, stored, update);
  const days = new Set<string>();
  for (const fact of facts) {
    const news = newsDays(fact, fresh, dateOf);
    if (news) days.add(news.day);
    if (news?.leaves) days.add(news.leaves);
  }
  return [...days].sort();
}

function guarantorId(g: Guarantor): string {
  return `guarantor:${g.country}:${g.proposedBy ?? ''}`;
}

function refsOf(batch: PreparedBatch, update: ViewsUpdate, stored: StoredTimelines | null): Map<string, SourceRef> {
  const refs = new Map<string, SourceRef>();
  const add = (list: readonly SourceRef[]) => {
    for (const ref of list) refs.set(ref.id, ref);
  };
  for (const timeline of stored?.timelines.values() ?? []) add(timeline.sources);
  for (const day of stored?.days.values() ?? []) add(day.sources);
  for (const record of [...update.statements, ...update.positions]) add(record.sources);
  add(update.guarantors.sources);
  add(batch.articles.map(toSourceRef));
  return refs;
}

function newsContext(batch: PreparedBatch, stored: StoredViews, update: ViewsUpdate, timelines?: StoredTimelines) {
  const refs = refsOf(batch, update, timelines ?? null);
  const dateOf = (articleId: string) => refs.get(articleId)?.date ?? null;
  const guarantors = update.guarantors.guarantors.map((g) => ({ ...g, id: guarantorId(g) }));
  const facts: DatedFact[] = [...update.statements, ...update.positions, ...guarantors];
  return { refs, dateOf, fresh: freshArticleIds(batch, stored), guarantors, facts };
}

/** Computes the timeline and day items a batch changes; applying the same batch again changes nothing. */
export function planTimelineUpdate(
  batch: PreparedBatch,
  stored: StoredViews,
  update: ViewsUpdate,
  timelines: StoredTimelines,
  topicLabels: TopicLabels,
): TimelineUpdate {
  const { refs, dateOf, fresh, guarantors } = newsContext(batch, stored, update, timelines);
  const entryOf = (fact: DatedFact, party: string, text: string, kind: TimelineEntry['kind']): TimelineEntry => {
    const { citation, firstReported, lastReported } = datesOf(fact, dateOf);
    return {
      id: fact.id,
      party,
      text,
      kind,
      saidOn: resolveSaidDate(citation.evidence, firstReported === null ? null : dateOf(citation.articleId)),
      firstReported,
      lastReported,
      articleCount: 'citedBy' in fact ? (fact as PositionRecord).citedBy.length : fact.citations.length,
      citation,
    };
  };

  const updated = new Map<string, TimelineView>();
  const topics = new Set([...update.positions, ...update.removedPositions].map((p) => p.topic));
  for (const topic of topics) {
    const old = timelines.timelines.get(topic);
    const records = update.positions.filter((p) => p.topic === topic);
    const entries = records.map((p) => entryOf(p, p.party, p.stance, stanceKind(p.stance)));
    const gone = new Set([...update.removedPositions.map((p) => p.id), ...records.map((p) => p.id)]);
    const totals = { ...old?.totalByParty };
    for (const [party, delta] of positionCountChanges(topic, records, stored, update)) {
      totals[party] = Math.max(0, (totals[party] ?? 0) + delta);
    }
    const kept = (old?.entries ?? []).filter((e) => !gone.has(e.id));
    updated.set(
      topic,
      boundTimeline(
        {
          subject: topic,
          label: topicLabels.get(topic) ?? old?.label ?? topic,
          entries: [...kept, ...entries],
          totalByParty: totals,
          sources: [],
        },
        refs,
      ),
    );
  }
  // The guarantors view lists every guarantor (up to its bound): their timeline is rebuilt from it.
  const guarantorEntries = guarantors.map((g) => entryOf(g, g.proposedBy ?? '', g.country, null));
  const totalByParty: Record<string, number> = {};
  for (const e of guarantorEntries) totalByParty[e.party] = (totalByParty[e.party] ?? 0) + 1;
  updated.set(
    GUARANTORS_TIMELINE,
    boundTimeline(
      { subject: GUARANTORS_TIMELINE, label: 'Guarantors', entries: guarantorEntries, totalByParty, sources: [] },
      refs,
    ),
  );

  const days = updateDays(
    timelines.days,
    newsEntries(update, topicLabels, guarantors, updated, { fresh, dateOf, entryOf }),
    refs,
  );
  return { timelines: [...updated.values()], days };
}

/**
 * How many positions each party gained or lost on the topic: records written minus the stored records they
 * absorbed (the stored candidates that kept their id or were merged away), as the topic's totals count.
 */
function positionCountChanges(
  topic: string,
  records: PositionRecord[],
  stored: StoredViews,
  update: ViewsUpdate,
): Map<string, number> {
  const written = new Set(records.map((r) => r.id));
  const removed = new Set(update.removedPositions.map((r) => r.id));
  const changes = new Map<string, number>();
  const add = (party: string, delta: number) => changes.set(party, (changes.get(party) ?? 0) + delta);
  for (const r of records) add(r.party, 1);
  for (const r of stored.positions.values()) {
    if (r.topic === topic && (written.has(r.id) || removed.has(r.id))) add(r.party, -1);
  }
  return changes;
}

/** When a fact is placed on a timeline: the day the act is dated to, else its first report; undated last. */
export function entryDate(entry: { saidOn: string | null; firstReported: string | null }): string | null {
  return entry.saidOn ?? entry.firstReported;
}

/** Date order (undated last), then id, so the order does not depend on when articles arrived. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  const da = entryDate(a);
  const db = entryDate(b);
  if (da !== db) return da === null ? 1 : db === null ? -1 : da.localeCompare(db);
  return compareStrings(a.id, b.id);
}

/** Per party, the oldest and newest entries within the bounds; the totals still count the middle. */
function boundTimeline(view: TimelineView, refs: Map<string, SourceRef>): TimelineView {
  const byParty = new Map<string, TimelineEntry[]>();
  for (const e of view.entries.toSorted(compareEntries)) byParty.set(e.party, [...(byParty.get(e.party) ?? []), e]);
  const shaped = (perParty: number) =>
    [...byParty.values()].flatMap((list) =>
      list.length <= perParty ? list : [...list.slice(0, perParty / 2), ...list.slice(list.length - perParty / 2)],
    );
  let perParty: number = TIMELINE_LIMITS.entriesPerParty;
  let entries = shaped(perParty);
  while (perParty > 2 && utf8Bytes(entries) > TIMELINE_LIMITS.bytes.timeline * 0.75) {
    perParty /= 2;
    entries = shaped(perParty);
  }
  entries = takeWithinBytes(entries, TIMELINE_LIMITS.bytes.timeline * 0.75);
  const totalByParty = { ...view.totalByParty };
  for (const [party, list] of byParty) totalByParty[party] = Math.max(totalByParty[party] ?? 0, list.length);
  return {
    ...view,
    entries,
    totalByParty,
    sources: sourcesFor(
      entries.map((e) => ({ citations: [e.citation] })),
      refs,
    ),
  };
}

interface NewsTools {
  fresh: Set<string>;
  dateOf: (articleId: string) => string | null;
  entryOf: (fact: DatedFact, party: string, text: string, kind: TimelineEntry['kind']) => TimelineEntry;
}

interface DayChange {
  day: string;
  leaves: string | null;
  entry: NewsEntry;
}

function newsEntries(
  update: ViewsUpdate,
  topicLabels: TopicLabels,
  guarantors: (Guarantor & { id: string })[],
  timelines: Map<string, TimelineView>,
  { fresh, dateOf, entryOf }: NewsTools,
): DayChange[] {
  const changes: DayChange[] = [];
  const push = (fact: DatedFact, entry: Omit<NewsEntry, 'id' | 'saidOn' | 'citation'>) => {
    const news = newsDays(fact, fresh, dateOf);
    if (!news) return;
    const { saidOn, citation } = entryOf(fact, '', '', null);
    changes.push({ ...news, entry: { ...entry, id: fact.id, saidOn, citation } });
  };
  for (const s of update.statements as StatementRecord[]) {
    const quoted = s.kind === 'direct';
    push(s, {
      category: 'statement',
      subject: s.speaker,
      key: s.speakerKey,
      label: '',
      text: s.text,
      quoted,
      kind: null,
      changedFrom: null,
    });
  }
  for (const g of guarantors) {
    const entry = {
      category: 'guarantor',
      subject: g.proposedBy ?? '',
      key: '',
      label: '',
      text: g.country,
      quoted: false,
    } as const;
    push(g, { ...entry, kind: null, changedFrom: null });
  }
  for (const p of update.positions) {
    const kind = stanceKind(p.stance);
    const before = kind === null ? null : kindBefore(p, timelines.get(p.topic));
    push(p, {
      category: 'position',
      subject: p.party,
      key: p.topic,
      label: topicLabels.get(p.topic) ?? timelines.get(p.topic)?.label ?? p.topic,
      text: p.stance,
      quoted: false,
      kind,
      changedFrom: before !== null && before !== kind ? before : null,
    });
  }
  return changes;
}

/** The kind of the party's last cued stance on the topic before this position, on its timeline. */
function kindBefore(position: PositionRecord, timeline: TimelineView | undefined): TimelineEntry['kind'] {
  const entries = (timeline?.entries ?? []).filter((e) => e.party === position.party);
  const at = entries.findIndex((e) => e.id === position.id);
  const earlier = at < 0 ? [] : entries.slice(0, at);
  return earlier.findLast((e) => e.kind !== null)?.kind ?? null;
}

function updateDays(stored: Map<string, DayNews>, changes: DayChange[], refs: Map<string, SourceRef>): DayNews[] {
  const days = new Map<string, DayNews>();
  const dayOf = (day: string): DayNews => {
    const existing = days.get(day) ?? stored.get(day) ?? { day, entries: [], total: 0, sources: [] };
    days.set(day, existing);
    return existing;
  };
  for (const { day, leaves, entry } of changes) {
    if (leaves !== null) {
      const old = dayOf(leaves);
      days.set(leaves, {
        ...old,
        entries: old.entries.filter((e) => e.id !== entry.id),
        total: Math.max(0, old.total - 1),
      });
    }
    const target = dayOf(day);
    const at = target.entries.findIndex((e) => e.id === entry.id);
    if (at >= 0) {
      days.set(day, { ...target, entries: target.entries.with(at, entry) });
    } else if (target.entries.length < TIMELINE_LIMITS.entriesPerDay) {
      days.set(day, { ...target, entries: [...target.entries, entry], total: target.total + 1 });
    } else {
      days.set(day, { ...target, total: target.total + 1 });
    }
  }
  return [...days.values()].map((d) => {
    const entries = takeWithinBytes(d.entries, TIMELINE_LIMITS.bytes.day * 0.75);
    return {
      ...d,
      entries,
      sources: sourcesFor(
        entries.map((e) => ({ citations: [e.citation] })),
        refs,
      ),
    };
  });
}
