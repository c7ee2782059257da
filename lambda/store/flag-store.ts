import type { FactRef } from '../facts/fact-ref.js';
import type { FactSnapshot, FlagBook } from './flag-book-schema.js';

/** The flags' port to the store (lambda/store/dynamo-flag-store.ts implements it). */
export interface FlagReader {
  /** One GetItem. */
  getFlagBook(): Promise<FlagBook>;
}

export interface FlagStore extends FlagReader {
  /** The fact as stored, with its evidence and sources, or null when it is no longer stored. One read. */
  describeFact(ref: FactRef): Promise<FactSnapshot | null>;
  /**
   * Applies a change to the book and writes it only if nobody wrote it since it was read (retried from a
   * fresh read otherwise), so two people flagging at once both count. Returns the book written.
   */
  updateFlagBook(change: (book: FlagBook) => FlagBook): Promise<FlagBook>;
}
