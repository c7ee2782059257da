import type { SourceRef } from '../articles/article.js';
import type { Citation } from '../facts/fact.js';
import { type FactRef, factKey } from '../facts/fact-ref.js';
import type { FactRecords, VersionedDocuments } from '../store/ports.js';
import { factAnchors } from './fact-anchor.js';
import {
  addFlag,
  EMPTY_FLAG_INDEX,
  type FactSnapshot,
  type Flag,
  type FlaggedFact,
  FlaggedFactSchema,
  type FlagIndex,
  FlagIndexSchema,
  type FlagPolicy,
  indexEntry,
  isOpenEntry,
  type Review,
  reviewFact,
  withIndexEntry,
} from './flag-book.js';

/** What commands read of the flags. */
export interface FlagReader {
  /** One GetItem. */
  getFlagIndex(): Promise<FlagIndex>;
  /** The index and the documents of its newest `limit` facts up for review: two requests. */
  listFlaggedFacts(limit: number): Promise<FlagList>;
}

export interface FlagList {
  index: FlagIndex;
  facts: FlaggedFact[];
}

export interface FlagStore extends FlagReader {
  /** The fact as stored, with its evidence and sources (bounded), or null when it is no longer stored. One read. */
  describeFact(ref: FactRef): Promise<FactSnapshot | null>;
  /** Stores a flag; false when the fact is no longer stored. Throws FlagIndexFullError when only hidden facts fill the index. */
  flagFact(ref: FactRef, flag: Flag, policy: FlagPolicy): Promise<boolean>;
  /** Records a review; throws FlagReviewError for a fact no longer flagged or someone who is no reviewer. */
  reviewFact(key: string, review: Review, policy: FlagPolicy): Promise<void>;
}

/** A snapshot is read in a modal and a list: its text and evidence are cut to these, so a document stays small. */
const SNAPSHOT_LIMITS = { textChars: 2_000, citations: 3, evidenceChars: 1_000 };

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function snapshotOf(
  lead: string | null,
  text: string,
  quoted: boolean,
  citations: readonly Citation[],
  sources: readonly SourceRef[],
): FactSnapshot {
  const kept = citations.slice(0, SNAPSHOT_LIMITS.citations).map((c) => ({
    ...c,
    evidence: cut(c.evidence, SNAPSHOT_LIMITS.evidenceChars),
    ...(c.quote ? { quote: cut(c.quote, SNAPSHOT_LIMITS.evidenceChars) } : {}),
  }));
  const cited = new Set(kept.map((c) => c.articleId));
  return {
    lead,
    text: cut(text, SNAPSHOT_LIMITS.textChars),
    quoted,
    citations: kept,
    sources: sources.filter((s) => cited.has(s.id)),
  };
}

interface DescribedFact {
  snapshot: FactSnapshot;
  anchors: string[];
}

/**
 * Flags over the store's documents: one document a flagged fact, and the index every command reads. A flag
 * or review writes the fact's document, then its index entry, each with an optimistic write; the entry is
 * derived from the document, so a flag interrupted between the two is completed by the fact's next flag.
 */
export function createFlagStore(store: VersionedDocuments & FactRecords): FlagStore {
  async function describe(ref: FactRef): Promise<DescribedFact | null> {
    switch (ref.kind) {
      case 'statement': {
        const s = await store.getStatementRecord(ref.speakerKey, ref.id);
        if (!s) return null;
        return {
          snapshot: snapshotOf(s.speaker, s.text, s.kind === 'direct', s.citations, s.sources),
          anchors: factAnchors('statement', s.citations, s.text),
        };
      }
      case 'position': {
        const p = await store.getPositionRecord(ref.topic, ref.id);
        if (!p) return null;
        return {
          snapshot: snapshotOf(p.party, p.stance, false, p.citations, p.sources),
          anchors: factAnchors('position', p.citations, p.stance),
        };
      }
      case 'guarantor': {
        // Keyed by country and proposer, which no merge changes: no anchors needed.
        const view = await store.getGuarantors();
        const g = view?.guarantors.find((x) => x.country === ref.country && x.proposedBy === ref.proposedBy);
        if (!view || !g) return null;
        const lead = g.proposedBy ? `Proposed by ${g.proposedBy}` : 'Proposer not stated';
        return { snapshot: snapshotOf(lead, g.country, false, g.citations, view.sources), anchors: [] };
      }
    }
  }

  const factDocument = (key: string) => ({ kind: 'flagged-fact', factKey: key }) as const;
  const INDEX = { kind: 'flag-index' } as const;

  async function indexFact(fact: FlaggedFact, policy: FlagPolicy): Promise<void> {
    await store.update(INDEX, FlagIndexSchema, (index) =>
      withIndexEntry(index ?? EMPTY_FLAG_INDEX, indexEntry(fact), policy),
    );
  }

  const getFlagIndex = async () => (await store.read(INDEX, FlagIndexSchema)) ?? EMPTY_FLAG_INDEX;

  return {
    getFlagIndex,
    async listFlaggedFacts(limit) {
      const index = await getFlagIndex();
      const docs = await store.readMany(
        index.facts
          .filter(isOpenEntry)
          .slice(0, limit)
          .map((entry) => factDocument(entry.key)),
        FlaggedFactSchema,
      );
      return { index, facts: docs.filter((d): d is FlaggedFact => d !== null) };
    },
    describeFact: async (ref) => (await describe(ref))?.snapshot ?? null,
    async flagFact(ref, flag, policy) {
      const described = await describe(ref);
      if (!described) return false;
      const fact = await store.update(factDocument(factKey(ref)), FlaggedFactSchema, (existing) =>
        addFlag(existing, ref, described.snapshot, described.anchors, flag),
      );
      await indexFact(fact, policy);
      return true;
    },
    async reviewFact(key, review, policy) {
      const fact = await store.update(factDocument(key), FlaggedFactSchema, (existing) =>
        reviewFact(existing, review, policy),
      );
      await indexFact(fact, policy);
    },
  };
}
