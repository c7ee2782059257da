import type { Guarantor, Position, Statement } from '../facts/fact.js';
import type { FactRef } from '../facts/fact-ref.js';
import type { FactGroup, FactLine } from './answer.js';

/**
 * The fact a guarantor line shows, as flags name it: the country and who proposed it. Views that keep the
 * proposer as a string store "" for none; every view names the same guarantor the same way, so a flag made
 * from one answer finds it in all of them.
 */
export function guarantorFact(country: string, proposedBy: string | null): FactRef {
  return { kind: 'guarantor', country, proposedBy: proposedBy || null };
}

export function statementLine(statement: Statement, withSpeaker: boolean): FactLine {
  return {
    ...(withSpeaker ? { lead: statement.speaker } : {}),
    text: statement.text,
    quoted: statement.kind === 'direct',
    citations: statement.citations,
    fact: { kind: 'statement', id: statement.id, speakerKey: statement.speakerKey },
  };
}

/** Groups items under a title each, in the order titles first appear (the views are ranked, so is this). */
function groupInOrder<T>(
  items: readonly T[],
  titleOf: (item: T) => string,
  lineOf: (item: T) => FactLine,
): FactGroup[] {
  const groups = new Map<string, FactLine[]>();
  for (const item of items) {
    const title = titleOf(item);
    const lines = groups.get(title) ?? [];
    lines.push(lineOf(item));
    groups.set(title, lines);
  }
  return [...groups].map(([title, lines]) => ({ title, lines, total: lines.length }));
}

/** Stances grouped by party: "Russia" → what Russia wants, offers or refuses. */
export function positionGroups(positions: readonly Position[]): FactGroup[] {
  return groupInOrder(
    positions,
    (p) => p.party,
    (p) => ({
      text: p.stance,
      quoted: false,
      citations: p.citations,
      fact: { kind: 'position', id: p.id, topic: p.topic },
    }),
  );
}

/** Guarantor countries grouped by who proposed them. */
export function guarantorGroups(guarantors: readonly Guarantor[]): FactGroup[] {
  return groupInOrder(
    guarantors,
    (g) => (g.proposedBy ? `Proposed by ${g.proposedBy}` : 'Proposer not stated'),
    (g) => ({
      text: g.country,
      quoted: false,
      citations: g.citations,
      fact: guarantorFact(g.country, g.proposedBy),
    }),
  );
}
