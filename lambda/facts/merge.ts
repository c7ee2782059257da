import type { ArticleFacts, CorpusFacts, Guarantor, Person, Position, Statement } from './fact.js';

/*
 * Merging: the same statement, guarantor or position reported by several articles becomes one fact with
 * several citations. Placeholder rules until the extraction lands: same id (statements, positions),
 * same country (guarantors), same key (people). Each function is pure and idempotent:
 * merging a fact that is already there changes nothing.
 */

function mergeCitations<T extends { citations: Statement['citations'] }>(into: T, from: T): T {
  const seen = new Set(into.citations.map((c) => `${c.articleId}\u0000${c.evidence}`));
  const added = from.citations.filter((c) => !seen.has(`${c.articleId}\u0000${c.evidence}`));
  return added.length ? { ...into, citations: [...into.citations, ...added] } : into;
}

function mergeBy<T extends { citations: Statement['citations'] }>(
  existing: T[],
  incoming: T[],
  key: (t: T) => string,
): T[] {
  const byKey = new Map(existing.map((t) => [key(t), t]));
  for (const t of incoming) {
    const k = key(t);
    const current = byKey.get(k);
    byKey.set(k, current ? mergeCitations(current, t) : t);
  }
  return [...byKey.values()];
}

export function mergeStatements(existing: Statement[], incoming: Statement[]): Statement[] {
  return mergeBy(existing, incoming, (s) => s.id);
}

export function mergeGuarantors(existing: Guarantor[], incoming: Guarantor[]): Guarantor[] {
  return mergeBy(existing, incoming, (g) => g.country);
}

export function mergePositions(existing: Position[], incoming: Position[]): Position[] {
  return mergeBy(existing, incoming, (p) => p.id);
}

export function mergePeople(existing: Person[], incoming: Person[]): Person[] {
  const byKey = new Map(existing.map((p) => [p.key, p]));
  for (const p of incoming) {
    const current = byKey.get(p.key);
    if (!current) {
      byKey.set(p.key, p);
      continue;
    }
    const names = new Set([current.name, ...current.aliases, p.name, ...p.aliases]);
    const name = [...names].sort((a, b) => b.length - a.length)[0] ?? current.name;
    names.delete(name);
    byKey.set(p.key, { ...current, name, aliases: [...names], affiliation: current.affiliation ?? p.affiliation });
  }
  return [...byKey.values()];
}

/** Merges every article's facts into corpus facts. */
export function mergeArticleFacts(all: ArticleFacts[]): CorpusFacts {
  return all.reduce<CorpusFacts>(
    (acc, f) => ({
      people: mergePeople(acc.people, f.people),
      statements: mergeStatements(acc.statements, f.statements),
      guarantors: mergeGuarantors(acc.guarantors, f.guarantors),
      positions: mergePositions(acc.positions, f.positions),
    }),
    { people: [], statements: [], guarantors: [], positions: [] },
  );
}
