import type { SourceRef } from '../articles/article.js';
import type { Citation, Position, Statement } from '../facts/fact.js';
import { mergePositions, mergeStatements, sameWording, textTokens } from '../facts/merge.js';
import { VIEW_LIMITS } from './limits.js';
import { capCitations, compareText, sourcesFor, takeWithinBytes } from './ranking.js';
import type { WordingIndex } from './records.js';

/*
 * Cross-batch merging of facts with merge.ts's own rules. A batch's facts are merged in memory first;
 * then each group (a speaker's statements, a party's positions on a topic) is compared against that
 * group's wording index to find the few stored facts merge.ts would merge with it, and only those
 * records are read and merged. The result equals merging everything at once, at a cost that follows
 * the batch, not the corpus.
 */

type Fact = Statement | Position;
type StoredRecord<F extends Fact> = F & { citedBy: string[]; sources: SourceRef[] };

/** How one kind of fact is grouped, worded and merged. */
export interface FactKind<F extends Fact> {
  groupOf(fact: F): string;
  wordingsOf(fact: F): string[];
  merge(existing: F[], incoming: F[]): F[];
}

const quotesOf = (fact: Fact) => fact.citations.flatMap((c) => (c.quote ? [c.quote] : []));

export const statementKind: FactKind<Statement> = {
  groupOf: (s) => s.speakerKey,
  wordingsOf: (s) => [s.text, ...quotesOf(s)],
  merge: mergeStatements,
};

export const positionKind: FactKind<Position> = {
  groupOf: (p) => positionGroup(p),
  wordingsOf: (p) => [p.stance, ...quotesOf(p)],
  merge: mergePositions,
};

/** Positions merge within one party's positions on one topic. */
export function positionGroup(p: { topic: string; party: string }): string {
  return `${p.topic}\u0000${p.party}`;
}

function normalisedWordings<F extends Fact>(kind: FactKind<F>, fact: F): string[] {
  return [...new Set(kind.wordingsOf(fact).map((w) => textTokens(w).join(' ')))].slice(0, VIEW_LIMITS.wordingsPerFact);
}

/** Ids of the stored facts of `group` that merge.ts may merge with one of `incoming`. */
export function mergeCandidates<F extends Fact>(
  kind: FactKind<F>,
  incoming: F[],
  index: WordingIndex | undefined,
): string[] {
  if (!index) return [];
  const wanted = incoming.map((f) => normalisedWordings(kind, f).map((w) => w.split(' ')));
  return index.entries
    .filter((entry) => {
      const stored = entry.wordings.map((w) => w.split(' '));
      return wanted.some((mine) => mine.some((a) => stored.some((b) => sameWording(a, b))));
    })
    .map((entry) => entry.id);
}

/** The outcome of merging one group's batch facts into its stored records. */
export interface GroupMerge<F extends Fact> {
  /** The merged records to write (new, changed, or absorbing others). */
  records: StoredRecord<F>[];
  /** Stored records the batch merged into another record: to delete. */
  removed: StoredRecord<F>[];
  /** The stored records that took part, as they were. */
  members: StoredRecord<F>[];
  index: WordingIndex;
}

const citationKey = (c: Citation) => `${c.articleId}\u0000${c.evidence}`;

function withoutRecordFields<F extends Fact>(record: StoredRecord<F>): F {
  const { citedBy: _citedBy, sources: _sources, ...fact } = record;
  return fact as unknown as F;
}

/**
 * Merges a group's batch facts with the stored records that may merge with them (`members`: the
 * candidates and same-id records), and updates the group's wording index.
 */
export function mergeGroup<F extends Fact>(
  kind: FactKind<F>,
  incoming: F[],
  members: StoredRecord<F>[],
  index: WordingIndex | undefined,
  refs: Map<string, SourceRef>,
): GroupMerge<F> {
  const merged = kind.merge(members.map(withoutRecordFields), incoming);
  // Which stored records each merged fact absorbed: a record's citations all stay with its fact.
  const resultOfCitation = new Map<string, number>();
  merged.forEach((fact, i) => {
    for (const c of fact.citations) resultOfCitation.set(citationKey(c), i);
  });
  const membersOf = merged.map((): StoredRecord<F>[] => []);
  for (const member of members) {
    const first = member.citations[0];
    const i = first ? resultOfCitation.get(citationKey(first)) : undefined;
    if (i !== undefined) membersOf[i]?.push(member);
  }
  const records = merged.map((fact, i): StoredRecord<F> => {
    const capped = capCitations(fact, VIEW_LIMITS.citationsPerRecord);
    const citedBy = new Set([
      ...(membersOf[i] ?? []).flatMap((m) => m.citedBy),
      ...fact.citations.map((c) => c.articleId),
    ]);
    return { ...capped, citedBy: [...citedBy].sort(compareText), sources: sourcesFor([capped], refs) };
  });
  const kept = new Set(records.map((r) => r.id));
  const removed = members.filter((m) => !kept.has(m.id));

  const gone = new Set([...removed.map((r) => r.id), ...kept]);
  const entries = [
    ...(index?.entries ?? []).filter((e) => !gone.has(e.id)),
    ...records.map((r) => ({ id: r.id, citedBy: r.citedBy.length, wordings: normalisedWordings(kind, r) })),
  ].sort((a, b) => b.citedBy - a.citedBy || compareText(a.id, b.id));
  // Past the budget the least-cited facts leave the index: they still merge by id, no longer by rewording.
  return { records, removed, members, index: { entries: takeWithinBytes(entries, VIEW_LIMITS.bytes.wordingIndex) } };
}
