import type { SourceRef } from '../articles/article.js';
import type { Citation, Position, Statement } from '../facts/fact.js';
import { compareStrings } from '../facts/group-by.js';
import { mergePositions, mergeStatements } from '../facts/merge.js';
import { sameTokens, textTokens } from '../facts/merge-wording.js';
import { VIEW_LIMITS } from './limits.js';
import { capCitations, sourcesFor, takeWithinBytes } from './ranking.js';
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

/** The first `wordingsPerFact` distinct wordings of a fact, normalised (a merged fact may carry 20 quotes). */
function normalisedWordings<F extends Fact>(kind: FactKind<F>, fact: F): string[] {
  const wordings = new Set<string>();
  for (const wording of kind.wordingsOf(fact)) {
    if (wordings.size === VIEW_LIMITS.wordingsPerFact) break;
    wordings.add(textTokens(wording).join(' '));
  }
  return [...wordings];
}

/**
 * Ids of the stored facts of a group that merge.ts may merge with one of `incoming`: those with a
 * wording that `sameWording` accepts. An inverted index over the stored wordings' tokens counts the
 * tokens each pair shares, so `sameWording` runs only on pairs that share enough of them to pass
 * (a looser bound than merge-wording.ts's own thresholds; `sameWording` decides). Without it, a prolific
 * speaker's batch would compare every new statement with every stored one.
 */
export function mergeCandidates<F extends Fact>(
  kind: FactKind<F>,
  incoming: F[],
  index: WordingIndex | undefined,
): string[] {
  if (!index || incoming.length === 0) return [];
  const stored = index.entries.flatMap((entry) =>
    entry.wordings.map((w) => ({ id: entry.id, tokens: w.split(' ').filter(Boolean) })),
  );
  const postings = new Map<string, { wording: number; count: number }[]>();
  stored.forEach(({ tokens }, wording) => {
    for (const [token, count] of tokenCounts(tokens)) {
      const list = postings.get(token);
      if (list) list.push({ wording, count });
      else postings.set(token, [{ wording, count }]);
    }
  });
  // Per stored wording, for the incoming wording at hand: tokens in common (with repeats, as merge.ts counts
  // them), and each side's tokens found in the other. Reset through `met` after each incoming wording.
  const common = new Int32Array(stored.length);
  const mineInStored = new Int32Array(stored.length);
  const storedInMine = new Int32Array(stored.length);
  const met: number[] = [];
  const candidates = new Set<string>();
  for (const fact of incoming) {
    for (const wording of normalisedWordings(kind, fact)) {
      // Normalised wordings are `textTokens` joined by spaces, so splitting them gives those tokens back.
      const mine = wording.split(' ').filter(Boolean);
      if (mine.length === 0) continue;
      for (const [token, count] of tokenCounts(mine)) {
        for (const { wording: i, count: storedCount } of postings.get(token) ?? []) {
          if (mineInStored[i] === 0) met.push(i);
          common[i] = (common[i] ?? 0) + Math.min(count, storedCount);
          mineInStored[i] = (mineInStored[i] ?? 0) + count;
          storedInMine[i] = (storedInMine[i] ?? 0) + storedCount;
        }
      }
      for (const i of met) {
        const other = stored[i];
        if (!other || candidates.has(other.id)) continue;
        const f1 = (2 * (common[i] ?? 0)) / (mine.length + other.tokens.length);
        const contained =
          mine.length <= other.tokens.length
            ? (mineInStored[i] ?? 0) / mine.length
            : (storedInMine[i] ?? 0) / other.tokens.length;
        if ((f1 >= 0.5 || contained >= 0.8) && sameTokens(mine, other.tokens)) candidates.add(other.id);
      }
      for (const i of met) {
        common[i] = 0;
        mineInStored[i] = 0;
        storedInMine[i] = 0;
      }
      met.length = 0;
    }
  }
  return [...candidates];
}

function tokenCounts(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
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
 * One fact per id. merge.ts names a merged fact after its smallest member id, so a stored fact whose
 * capped citations no longer carry a wording can meet a new fact with its own id that merge.ts keeps
 * apart: the same id means the same fact here (ids are stable per speaker and words), so they are joined.
 */
function combineSameIds<F extends Fact>(kind: FactKind<F>, facts: F[]): F[] {
  const byId = new Map<string, F>();
  for (const fact of facts) {
    const first = byId.get(fact.id);
    if (!first) {
      byId.set(fact.id, fact);
      continue;
    }
    const seen = new Set(first.citations.map(citationKey));
    const wording = kind.wordingsOf(fact)[0] ?? '';
    // The joined fact keeps the first one's text: citations of another wording carry theirs as `quote`.
    const added = fact.citations
      .filter((c) => !seen.has(citationKey(c)))
      .map((c) => (c.quote || wording === kind.wordingsOf(first)[0] ? c : { ...c, quote: wording }));
    byId.set(fact.id, { ...first, citations: [...first.citations, ...added] });
  }
  return [...byId.values()];
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
  const merged = combineSameIds(kind, kind.merge(members.map(withoutRecordFields), incoming));
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
    return { ...capped, citedBy: [...citedBy].sort(compareStrings), sources: sourcesFor([capped], refs) };
  });
  const kept = new Set(records.map((r) => r.id));
  const removed = members.filter((m) => !kept.has(m.id));

  const gone = new Set([...removed.map((r) => r.id), ...kept]);
  const entries = [
    ...(index?.entries ?? []).filter((e) => !gone.has(e.id)),
    ...records.map((r) => ({ id: r.id, citedBy: r.citedBy.length, wordings: normalisedWordings(kind, r) })),
  ].sort((a, b) => b.citedBy - a.citedBy || compareStrings(a.id, b.id));
  // Past the budget the least-cited facts leave the index: they still merge by id, no longer by rewording.
  return { records, removed, members, index: { entries: takeWithinBytes(entries, VIEW_LIMITS.bytes.wordingIndex) } };
}
