import * as z from 'zod/mini';
import type { Guarantor } from '../facts/fact.js';
import { compareStrings } from '../facts/group-by.js';
import { utf8Bytes } from './ranking.js';

/*
 * How many guarantors the corpus knows, exactly. The guarantors item keeps the top 100 (fewer past its byte budget),
 * and counting what a round merges into that list counted a guarantor cut from it as new when an article named it
 * again, and never again one that no later article named: past the cut the summary's total drifted. This item keeps
 * the key (country and proposer) of every guarantor ever merged, so a round counts exactly the ones it adds; merging
 * only ever adds guarantors (re-settling too), so the set is the count. One item, written by applyFacts beside the
 * guarantors item under the writer lease.
 */

const Count = z.number().check(z.int(), z.nonnegative());

export const GuarantorCountSchema = z.object({
  /** `country\u0000proposer` of every guarantor known, sorted. */
  keys: z.array(z.string()),
  /**
   * Guarantors counted but not keyed: on a table written before this item, the summary's total past the listed ones
   * (the cut, whose keys are lost); past the item's byte budget, the ones added after it was full. A guarantor of
   * these that a later article names again is counted again: the total is exact while this is 0.
   */
  unkeyed: Count,
});
export type GuarantorCount = z.infer<typeof GuarantorCountSchema>;

/** ~12,000 keys of ~25 bytes: far more pairs of guarantor and proposer than the world has countries to pair. */
const GUARANTOR_COUNT_BYTES = 300_000;

export const guarantorKey = (g: Pick<Guarantor, 'country' | 'proposedBy'>) => `${g.country}\u0000${g.proposedBy ?? ''}`;

/**
 * The count after a round merged `merged` (the stored list and the round's guarantors). Without a stored count (a
 * table written before it), it starts from the stored list and counts the summary's total past it as unkeyed.
 */
export function countGuarantors(
  stored: GuarantorCount | null,
  listed: readonly Guarantor[],
  storedTotal: number | undefined,
  merged: readonly Guarantor[],
): { count: GuarantorCount; total: number } {
  const start = stored ?? {
    keys: listed.map(guarantorKey),
    unkeyed: Math.max(0, (storedTotal ?? 0) - listed.length),
  };
  const keys = new Set(start.keys);
  let { unkeyed } = start;
  let bytes = utf8Bytes(start.keys);
  for (const key of merged.map(guarantorKey)) {
    if (keys.has(key)) continue;
    const size = utf8Bytes(key) + 1;
    if (bytes + size > GUARANTOR_COUNT_BYTES) {
      unkeyed += 1;
      continue;
    }
    keys.add(key);
    bytes += size;
  }
  const sorted = [...keys].sort(compareStrings);
  return { count: { keys: sorted, unkeyed }, total: sorted.length + unkeyed };
}
