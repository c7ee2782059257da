import * as z from 'zod/mini';
import { factKey } from '../facts/fact-ref.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import type { VersionedDocuments } from '../store/ports.js';
import { factAnchors } from './fact-anchor.js';
import { snapshotOf } from './fact-snapshot.js';
import {
  EMPTY_FLAG_INDEX,
  type Flag,
  type FlaggedFact,
  FlaggedFactSchema,
  type FlagIndex,
  FlagIndexSchema,
  type FlagPolicy,
  indexEntry,
  MAX_FLAGS_PER_FACT,
  nextRevision,
  type Review,
  withIndexEntries,
} from './flag-book.js';

/*
 * Flags as tables kept them before each flagged fact became an item of its own: one `FLAGS`/`BOOK` item
 * holding every flagged fact (its ref, a snapshot of every citation, each flag, the last review), with a
 * `version` for optimistic writes. Nothing writes the book any more; this module moves its flags into the
 * per-fact items and the index, and then marks it migrated (docs/table-design.md, "The flag book").
 *
 * Every step is a merge that gives the same items however often it runs and in whichever order two runs
 * interleave, so two processes may migrate at once and a run stopped half way (a throttled write) is
 * completed by the next: a person's flag on a fact is kept once (their latest), the later review wins,
 * anchors are a set, and the index entry is derived from the fact's item. The book is marked migrated
 * last, and only when everything it holds was written: until then every run starts again from it.
 */

/** A flagged fact in the book: as its per-fact item, without anchors (they came with the items). */
const LegacyFlaggedFactSchema = z.object({
  ref: FlaggedFactSchema.shape.ref,
  fact: FlaggedFactSchema.shape.fact,
  flags: FlaggedFactSchema.shape.flags,
  review: FlaggedFactSchema.shape.review,
});
type LegacyFlaggedFact = z.infer<typeof LegacyFlaggedFactSchema>;

export const LegacyFlagBookSchema = z.object({
  facts: z.array(LegacyFlaggedFactSchema),
  /** When its flags were moved into the per-fact items (ISO 8601); its `facts` are then empty. */
  migratedAt: z.optional(z.string()),
});
export type LegacyFlagBook = z.infer<typeof LegacyFlagBookSchema>;

export const LEGACY_FLAG_BOOK = { kind: 'legacy-flag-book' } as const;
export const FLAG_INDEX = { kind: 'flag-index' } as const;
export const flaggedFactDocument = (key: string) => ({ kind: 'flagged-fact', factKey: key }) as const;

/**
 * The policy the migration files entries under: every flagged fact counts as hidden, so that when the
 * index is full only restored facts leave it, whatever the deploy's threshold; no flag the book holds is
 * dropped to make room.
 */
const KEEP_EVERY_FLAG: FlagPolicy = { reviewers: [], threshold: 1 };

/** Fact items written at once: a book holds at most 300 facts, so a few seconds one after another. */
const CONCURRENT_WRITES = 4;

/** Migrations of one book in a row before giving up: it changes only while a pre-index version still runs. */
const MIGRATION_ATTEMPTS = 3;

/** Thrown inside the book's update when it holds a fact this run has not written: the run starts again. */
class LegacyBookChangedError extends Error {
  override name = 'LegacyBookChangedError';
}

const latest = <T extends { at: string }>(a: T | undefined, b: T | undefined) =>
  a === undefined ? b : b === undefined || a.at >= b.at ? a : b;

/** Each person's latest flag of both lists, oldest first, as `addFlag` keeps them. */
function mergedFlags(a: readonly Flag[], b: readonly Flag[]): Flag[] {
  const byUser = new Map<string, Flag>();
  for (const flag of [...a, ...b]) byUser.set(flag.userId, latest(byUser.get(flag.userId), flag) as Flag);
  return [...byUser.values()].sort((x, y) => (x.at === y.at ? 0 : x.at < y.at ? -1 : 1)).slice(-MAX_FLAGS_PER_FACT);
}

/** The anchors a book's fact is found by: its snapshot kept every citation the record had. */
function legacyAnchors(legacy: LegacyFlaggedFact): string[] {
  const kind = legacy.ref.kind;
  return kind === 'guarantor' ? [] : factAnchors(kind, legacy.fact.citations, legacy.fact.text);
}

/**
 * The fact's item with the book's flags in it: the item's own snapshot when it has one (written since the
 * upgrade, so newer), else the book's, cut as a new item's is; each person's latest flag; the later review.
 */
export function withLegacyFlags(existing: FlaggedFact | null, legacy: LegacyFlaggedFact): FlaggedFact {
  const { lead, text, quoted, citations, sources } = legacy.fact;
  const review: Review | undefined = latest(existing?.review, legacy.review);
  const merged: FlaggedFact = {
    ref: existing?.ref ?? legacy.ref,
    fact: existing?.fact ?? snapshotOf(lead, text, quoted, citations, sources),
    anchors: [...new Set([...(existing?.anchors ?? []), ...legacyAnchors(legacy)])],
    flags: mergedFlags(existing?.flags ?? [], legacy.flags),
    ...(review ? { review } : {}),
  };
  // Migrated already (another run, or this one again): the document as it is, revision and all.
  if (existing && JSON.stringify({ ...existing, revision: undefined }) === JSON.stringify(merged)) return existing;
  return { ...merged, revision: nextRevision(existing) };
}

/** The index the book's facts give on their own: what answers hide while a migration cannot complete. */
export function legacyIndex(book: LegacyFlagBook): FlagIndex {
  const entries = book.facts.map((legacy) => indexEntry(withLegacyFlags(null, legacy)));
  return withIndexEntries(EMPTY_FLAG_INDEX, entries, KEEP_EVERY_FLAG);
}

const sameFact = (a: LegacyFlaggedFact, b: LegacyFlaggedFact) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves every flag of the book into the per-fact items and the index, then marks the book migrated.
 * Returns the index as written, or null when there is no book to migrate (none, or migrated already).
 */
export async function migrateLegacyFlagBook(
  store: VersionedDocuments,
  now: () => Date = () => new Date(),
): Promise<FlagIndex | null> {
  let book = await store.read(LEGACY_FLAG_BOOK, LegacyFlagBookSchema);
  let index: FlagIndex | null = null;
  for (let attempt = 1; book && book.facts.length > 0; attempt += 1) {
    const facts = await mapConcurrently(book.facts, CONCURRENT_WRITES, (legacy) =>
      store.update(flaggedFactDocument(factKey(legacy.ref)), FlaggedFactSchema, (existing) =>
        withLegacyFlags(existing, legacy),
      ),
    );
    index = await store.update(FLAG_INDEX, FlagIndexSchema, (current) =>
      withIndexEntries(current ?? EMPTY_FLAG_INDEX, facts.map(indexEntry), KEEP_EVERY_FLAG),
    );
    const written = book.facts;
    try {
      // Conditional on the version read, as every document write: a book changed since (a flag written by
      // a version from before the index, during a deploy) is not marked migrated with flags unmoved.
      await store.update(LEGACY_FLAG_BOOK, LegacyFlagBookSchema, (current) => {
        const unmoved = (current?.facts ?? []).filter((fact) => !written.some((w) => sameFact(w, fact)));
        if (unmoved.length > 0) throw new LegacyBookChangedError(`${unmoved.length} flagged facts came in meanwhile`);
        return { facts: [], migratedAt: current?.migratedAt ?? now().toISOString() };
      });
      return index;
    } catch (error) {
      if (!(error instanceof LegacyBookChangedError) || attempt >= MIGRATION_ATTEMPTS) throw error;
      book = await store.read(LEGACY_FLAG_BOOK, LegacyFlagBookSchema);
    }
  }
  return index;
}

/**
 * The index rebuilt from every flagged fact's own document and marked `bookMigrated`: the one write that sets
 * the mark. A flag writes its document before its index entry, so a flag whose index write failed while the
 * book was being migrated (its document written, its entry not) would otherwise stay unindexed, and the mark
 * would stop anyone from looking again. Setting the mark only here, with every document read (consistently)
 * before the write, makes the mark mean "every document is indexed": while it is unset, the next flag, review
 * or command that finds it so indexes them all. Run after `migrateLegacyFlagBook` returned, so the book's flags
 * are in their documents. An entry indexed from a later revision of a document stays (`withIndexEntries`).
 */
export async function completeFlagIndex(
  store: VersionedDocuments,
  policy: FlagPolicy = KEEP_EVERY_FLAG,
): Promise<FlagIndex> {
  const entries = (await store.readAll('flagged-fact', FlaggedFactSchema)).map(indexEntry);
  return store.update(FLAG_INDEX, FlagIndexSchema, (current) => ({
    ...withIndexEntries(current ?? EMPTY_FLAG_INDEX, entries, policy),
    bookMigrated: true as const,
  }));
}
