import type {
  ArticleFacts,
  Citation,
  CorpusFacts,
  Guarantor,
  MentionedPerson,
  Person,
  Position,
  Statement,
} from './fact.js';
import { compareStrings, groupBy } from './group-by.js';
import { cluster } from './merge-cluster.js';
import { majorityOf } from './person-countries.js';

/*
 * Merging: the same statement, guarantor or position reported by several articles becomes one fact with
 * several citations, each citation keeping its own article's evidence and, where its wording differs
 * from the fact's, that wording (`quote`).
 *
 * - Statements: same speaker key and highly similar text (token overlap), unless the two disagree on a
 *   negation or a number ("will withdraw" / "will not withdraw"): then both facts stay.
 * - Positions: same topic and party and a similar stance, by the same rule.
 * - Guarantors: same country and same proposer; proposers that disagree stay separate facts.
 *
 * Within one merge every attribute is chosen by a rule that does not depend on the order of the records given
 * (union of citations, the wording most citations use, the smallest id, the fullest speaker name, the country most
 * records give), and merging a fact that is already there changes nothing. Across merges (ingest batches) the
 * country is where that stops. A person's and a statement's is the one most of the merged records give (ties: the
 * alphabetically first). In extraction's corpus pass a record is one article's reading, so that is the country most articles give.
 * The views merge a stored record with a batch's, one vote each, and a statement's item keeps no count of the articles
 * behind its country (keeping one would change the item), so there a statement's country depends on how its articles
 * were batched: of four articles, one giving Belarus and three Russia, one batch gives Russia, and the Belarusian one
 * alone in its batch gives Belarus, a one-to-one tie (test/facts/merge.test.ts). The person's country does not depend
 * on it: update-views.ts keeps exact counts for the person.
 *
 * This module builds the merged records; merge-cluster.ts finds which facts are one, by the rule of
 * merge-wording.ts.
 */

// ---------- citations ----------

const citationKey = (c: Citation) => `${c.articleId}\u0000${c.evidence}`;

/** A citation with this article's own wording of the fact. */
interface WordedCitation {
  citation: Citation;
  wording: string;
}

function wordedCitations<T extends { citations: Citation[] }>(
  facts: readonly T[],
  textOf: (fact: T) => string,
): WordedCitation[] {
  const byKey = new Map<string, WordedCitation>();
  for (const fact of facts) {
    const text = textOf(fact);
    for (const citation of fact.citations) {
      const key = citationKey(citation);
      const wording = citation.quote ?? text;
      const known = byKey.get(key);
      // The same sentence cited twice with two wordings (two statements in one sentence merged): keep the smaller, deterministically.
      if (!known || wording < known.wording) byKey.set(key, { citation, wording });
    }
  }
  return [...byKey.values()];
}

/** The wording most citations use; ties go to the alphabetically first. */
function majorityWording(cited: readonly WordedCitation[]): string {
  const counts = new Map<string, number>();
  for (const { wording } of cited) counts.set(wording, (counts.get(wording) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? '';
}

/**
 * The merged citations: those worded as the fact first (so the fact's text is verbatim in the first
 * cited article), then the others with their own wording as `quote`; each group by article and evidence.
 */
function citationsFor(cited: readonly WordedCitation[], text: string): Citation[] {
  return cited
    .map(({ citation, wording }): Citation => {
      const { quote: _ignored, ...rest } = citation;
      return wording === text ? rest : { ...rest, quote: wording };
    })
    .sort(
      (a, b) =>
        Number(a.quote !== undefined) - Number(b.quote !== undefined) ||
        compareStrings(a.articleId, b.articleId) ||
        compareStrings(a.evidence, b.evidence),
    );
}

const smallest = (values: readonly string[]) => [...values].sort(compareStrings)[0];

// ---------- statements ----------

const byId = (a: { id: string }, b: { id: string }) => compareStrings(a.id, b.id);

/**
 * One statement of a cluster: the wording most citations use, the fullest speaker name, the smallest id, and the
 * speaker's country most of the records give, by the rule `mergePeople` gives the person (ties: the alphabetically
 * first).
 */
function mergeStatementCluster(members: readonly Statement[]): Statement {
  const cited = wordedCitations(members, (s: Statement) => s.text);
  const text = majorityWording(cited);
  const [first] = members as [Statement, ...Statement[]];
  const speaker =
    [...members.map((s) => s.speaker)].sort((a, b) => b.length - a.length || compareStrings(a, b))[0] ?? first.speaker;
  return {
    id: smallest(members.map((s) => s.id)) ?? first.id,
    speakerKey: first.speakerKey,
    speaker,
    affiliation: majorityOf(members.map((s) => s.affiliation)),
    kind: members.some((s) => s.kind === 'direct') ? 'direct' : 'reported',
    text,
    topics: [...new Set(members.flatMap((s) => s.topics))].sort(compareStrings),
    citations: citationsFor(cited, text),
  };
}

/** Same speaker and the same words (allowing rewording) → one statement with every citation. */
export function mergeStatements(existing: Statement[], incoming: Statement[]): Statement[] {
  const wordings = (s: Statement) => [s.text, ...s.citations.flatMap((c) => (c.quote ? [c.quote] : []))];
  return cluster([...existing, ...incoming], (s) => s.speakerKey, wordings, byId)
    .map(mergeStatementCluster)
    .sort(byId);
}

// ---------- guarantors ----------

/** Same country and same proposer → one guarantor with every citation; different proposers stay apart. */
export function mergeGuarantors(existing: Guarantor[], incoming: Guarantor[]): Guarantor[] {
  return [...groupBy([...existing, ...incoming], (g) => `${g.country}\u0000${g.proposedBy ?? ''}`).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, members]) => {
      const [first] = members as [Guarantor, ...Guarantor[]];
      const citations = new Map(members.flatMap((g) => g.citations).map((c) => [citationKey(c), c]));
      return {
        country: first.country,
        proposedBy: first.proposedBy,
        citations: [...citations.values()].sort(
          (a, b) => compareStrings(a.articleId, b.articleId) || compareStrings(a.evidence, b.evidence),
        ),
      };
    });
}

// ---------- positions ----------

function mergePositionCluster(members: readonly Position[]): Position {
  const cited = wordedCitations(members, (p: Position) => p.stance);
  const stance = majorityWording(cited);
  const [first] = members as [Position, ...Position[]];
  return {
    id: smallest(members.map((p) => p.id)) ?? first.id,
    topic: first.topic,
    party: first.party,
    stance,
    citations: citationsFor(cited, stance),
  };
}

/** Same topic and party and a similar stance → one position with every citation. */
export function mergePositions(existing: Position[], incoming: Position[]): Position[] {
  const wordings = (p: Position) => [p.stance, ...p.citations.flatMap((c) => (c.quote ? [c.quote] : []))];
  return cluster([...existing, ...incoming], (p) => `${p.topic}\u0000${p.party}`, wordings, byId)
    .map(mergePositionCluster)
    .sort(byId);
}

// ---------- people ----------

/**
 * Same key → one person: the fullest name, every other form as an alias, and the country most of the records give
 * (ties: the alphabetically first; person-countries.ts). In extraction's corpus pass a record is one article's word on
 * the person; the views, which merge a stored person with a batch's, choose from the counts they keep instead
 * (update-views.ts).
 */
export function mergePeople(existing: Person[], incoming: Person[]): Person[] {
  return [...groupBy([...existing, ...incoming], (p) => p.key).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([key, members]) => {
      const names = [...new Set(members.flatMap((p) => [p.name, ...p.aliases]))].sort(
        (a, b) => b.length - a.length || compareStrings(a, b),
      );
      const [name = key, ...aliases] = names;
      return {
        key,
        name,
        aliases: aliases.sort(compareStrings),
        affiliation: majorityOf(members.map((p) => p.affiliation)),
      };
    });
}

/**
 * Same key → one mentioned person with the sentences of every article. Citations are ordered by article
 * only, so each article's own sentences stay in its order and the result does not depend on arrival.
 */
export function mergeMentions(existing: MentionedPerson[], incoming: MentionedPerson[]): MentionedPerson[] {
  return [...groupBy([...existing, ...incoming], (p) => p.key).entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .flatMap(([, members]) =>
      mergePeople([], members).map((person) => {
        const citations = new Map(members.flatMap((p) => p.citations).map((c) => [citationKey(c), c]));
        return {
          ...person,
          citations: [...citations.values()].sort((a, b) => compareStrings(a.articleId, b.articleId)),
        };
      }),
    );
}

/** Merges every article's facts into corpus facts (in one pass, so a large corpus is clustered once). */
export function mergeArticleFacts(all: ArticleFacts[]): CorpusFacts {
  return {
    people: mergePeople(
      [],
      all.flatMap((f) => f.people),
    ),
    mentions: mergeMentions(
      [],
      all.flatMap((f) => f.mentions),
    ),
    statements: mergeStatements(
      [],
      all.flatMap((f) => f.statements),
    ),
    guarantors: mergeGuarantors(
      [],
      all.flatMap((f) => f.guarantors),
    ),
    positions: mergePositions(
      [],
      all.flatMap((f) => f.positions),
    ),
  };
}
