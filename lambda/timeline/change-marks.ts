import type { StanceKind } from '../facts/stance-kind.js';
import type { TimelineEntry } from '../views/timeline-records.js';
import { compareEntries, entryDate } from '../views/update-timeline.js';

/*
 * Where a party moved. The rules, over what ingest already extracted:
 * - a position changes the party's stance when its kind (demand, offer, refusal, withdrawal: the cue words
 *   of config/stance-kinds.json) differs from the kind of the party's last cued position before it on the
 *   same topic; a position with no cue word changes nothing;
 * - a guarantor is added when its proposer's first guarantors were reported on an earlier day.
 */

export interface ChangeMark {
  /** What moved, in words: "a refusal turned into an offer", "the demand dropped", "added to the list". */
  description: string;
  from: StanceKind | null;
  to: StanceKind | null;
}

const ARTICLE: Record<StanceKind, string> = {
  demand: 'a demand',
  offer: 'an offer',
  refusal: 'a refusal',
  withdrawal: 'a withdrawal',
};

/** The words for a move from one kind of stance to another. */
export function describeMove(from: StanceKind, to: StanceKind): string {
  if (to === 'withdrawal') return from === 'demand' ? 'the demand dropped' : `${ARTICLE[from]} withdrawn`;
  return `${ARTICLE[from]} turned into ${ARTICLE[to]}`;
}

/**
 * The change marks of one party's entries (a map from entry id), for a topic's positions or, with
 * `guarantors`, for the countries a party proposed.
 */
export function changeMarks(entries: readonly TimelineEntry[], guarantors: boolean): Map<string, ChangeMark> {
  const marks = new Map<string, ChangeMark>();
  const ordered = entries.toSorted(compareEntries);
  if (guarantors) {
    const firstDay = ordered.map(entryDate).find((d) => d !== null);
    for (const e of ordered) {
      const day = entryDate(e);
      if (firstDay !== undefined && day !== null && day > firstDay) {
        marks.set(e.id, { description: 'added to the list', from: null, to: null });
      }
    }
    return marks;
  }
  let last: StanceKind | null = null;
  for (const e of ordered) {
    if (e.kind === null) continue;
    if (last !== null && e.kind !== last)
      marks.set(e.id, { description: describeMove(last, e.kind), from: last, to: e.kind });
    last = e.kind;
  }
  return marks;
}
