import { type FactRef, factKey } from '../facts/fact-ref.js';
import type { FactRecords, VersionedDocuments } from '../store/ports.js';
import { factAnchors } from './fact-anchor.js';
import { snapshotOf } from './fact-snapshot.js';
import {
  addFlag,
  EMPTY_FLAG_INDEX,
  FactNotFlaggedError,
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
import {
  completeFlagIndex,
  FLAG_INDEX,
  flaggedFactDocument,
  LEGACY_FLAG_BOOK,
  LegacyFlagBookSchema,
  legacyIndex,
  migrateLegacyFlagBook,
} from './legacy-flag-book.js';

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

/** What a reader of the flags reads: documents only, never written. */
export type FlagDocuments = Pick<VersionedDocuments, 'read' | 'readMany'>;

/** The index, and the documents of its newest `limit` facts up for review. */
async function listFlagged(documents: FlagDocuments, index: FlagIndex, limit: number): Promise<FlagList> {
  const docs = await documents.readMany(
    index.facts
      .filter(isOpenEntry)
      .slice(0, limit)
      .map((entry) => flaggedFactDocument(entry.key)),
    FlaggedFactSchema,
  );
  return { index, facts: docs.filter((d): d is FlaggedFact => d !== null) };
}

/** The flags as a table written before the index keeps them: what hides facts until its book is migrated. */
async function legacyFlagIndex(documents: FlagDocuments): Promise<FlagIndex> {
  const book = await documents.read(LEGACY_FLAG_BOOK, LegacyFlagBookSchema);
  return book ? legacyIndex(book) : EMPTY_FLAG_INDEX;
}

/**
 * The flags for a function that may only read them (the digest): the index, or on a table that has none
 * yet, what the old flag book holds. It never migrates the book; the Slack function does that.
 */
export function createFlagReader(documents: FlagDocuments): FlagReader {
  const getFlagIndex = async () =>
    (await documents.read(FLAG_INDEX, FlagIndexSchema)) ?? (await legacyFlagIndex(documents));
  return {
    getFlagIndex,
    listFlaggedFacts: async (limit) => listFlagged(documents, await getFlagIndex(), limit),
  };
}

export interface FlagStoreOptions {
  /**
   * Told when the flag book of a table written before the flag index could not be migrated on a command's
   * read (the command answers from the book meanwhile). @default ignored: the next command tries again
   */
  onMigrationError?: (error: unknown) => void;
}

/** Thrown inside an index write that finds the index not yet marked as holding the old book's flags. */
class BookNotMigratedError extends Error {
  override name = 'BookNotMigratedError';
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
export function createFlagStore(
  store: VersionedDocuments & FactRecords,
  { onMigrationError = () => {} }: FlagStoreOptions = {},
): FlagStore {
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

  /**
   * Writes a fact's entry into the index. The index must hold the old flag book's flags whenever it exists
   * (`firstFlagIndex`), so on a table whose index does not say the book is migrated, the book is migrated
   * first, and the index is then rebuilt from every flagged fact's document and marked (`completeFlagIndex`,
   * which reads this fact's document too); later writes skip the book: no read of it on a migrated table. The
   * marker is checked on the index's own read (the conditional write reads it anyway). If that rebuild fails,
   * the index stays unmarked, so the next flag, review or command rebuilds it: no fact whose document was
   * written is left out of the index for good. Two writers racing both migrate, which is safe
   * (legacy-flag-book.ts), and both set it.
   */
  async function indexFact(fact: FlaggedFact, policy: FlagPolicy): Promise<void> {
    const entry = indexEntry(fact);
    try {
      await store.update(FLAG_INDEX, FlagIndexSchema, (index) => {
        if (!index?.bookMigrated) throw new BookNotMigratedError();
        return withIndexEntry(index, entry, policy);
      });
    } catch (error) {
      if (!(error instanceof BookNotMigratedError)) throw error;
      await migrateLegacyFlagBook(store);
      await completeFlagIndex(store, policy);
    }
  }

  /**
   * No index yet, or one not marked as complete: the table is new, or was written before the index and may
   * hold the flag book, or a flag's index write failed during the migration. Either way this runs until a
   * run completes, once a table: the migration writes the book's flags, then the index is rebuilt from every
   * flagged fact's document and marked, so later commands read the index alone. A run that cannot finish now
   * (throttled) leaves what it could not write as it was; the answer is then filtered by the index as read, or
   * without one by the book's flags, and the next command tries again.
   */
  async function firstFlagIndex(unmarked: FlagIndex | null): Promise<FlagIndex> {
    try {
      await migrateLegacyFlagBook(store);
      return await completeFlagIndex(store);
    } catch (error) {
      onMigrationError(error);
      return unmarked ?? legacyFlagIndex(store);
    }
  }

  const getFlagIndex = async () => {
    const index = await store.read(FLAG_INDEX, FlagIndexSchema);
    return index?.bookMigrated ? index : firstFlagIndex(index);
  };

  return {
    getFlagIndex,
    listFlaggedFacts: async (limit) => listFlagged(store, await getFlagIndex(), limit),
    describeFact: async (ref) => (await describe(ref))?.snapshot ?? null,
    async flagFact(ref, flag, policy) {
      const described = await describe(ref);
      if (!described) return false;
      const fact = await store.update(flaggedFactDocument(factKey(ref)), FlaggedFactSchema, (existing) =>
        addFlag(existing, ref, described.snapshot, described.anchors, flag),
      );
      await indexFact(fact, policy);
      return true;
    },
    async reviewFact(key, review, policy) {
      const reviewed = () =>
        store.update(flaggedFactDocument(key), FlaggedFactSchema, (existing) => reviewFact(existing, review, policy));
      let fact: FlaggedFact;
      try {
        fact = await reviewed();
      } catch (error) {
        // A fact flagged only in an old flag book has no document until the book is migrated.
        if (!(error instanceof FactNotFlaggedError) || !(await migrateLegacyFlagBook(store))) throw error;
        fact = await reviewed();
      }
      await indexFact(fact, policy);
    },
  };
}
