import { describe, expect, it } from 'vitest';
import { changeMarks } from '../../lambda/timeline/change-marks.js';
import type { TimelineEntry } from '../../lambda/views/timeline-records.js';

function entry(
  id: string,
  day: string | null,
  kind: TimelineEntry['kind'],
  saidOn: string | null = null,
): TimelineEntry {
  return {
    id,
    party: 'Ukraine',
    text: id,
    kind,
    saidOn,
    firstReported: day,
    lastReported: day,
    articleCount: 1,
    citation: { articleId: 'a', evidence: id },
  };
}

describe('changeMarks', () => {
  it('marks a position whose kind differs from the last cued one before it, in date order', () => {
    const marks = changeMarks(
      [
        entry('offer', '2026-03-17', 'offer'),
        entry('refusal', '2026-03-02', 'refusal'),
        entry('uncued', '2026-03-20', null),
        entry('offer-again', '2026-03-25', 'offer'),
        entry('dropped', '2026-03-30', 'withdrawal'),
      ],
      false,
    );
    expect(Object.fromEntries([...marks].map(([id, m]) => [id, m.description]))).toEqual({
      offer: 'a refusal turned into an offer',
      dropped: 'an offer withdrawn',
    });
  });

  it('orders by the date the sentence gives before the report date', () => {
    const marks = changeMarks(
      [entry('demand', '2026-03-10', 'demand', '2026-03-02'), entry('dropped', '2026-03-05', 'withdrawal')],
      false,
    );
    expect(marks.get('dropped')?.description).toBe('the demand dropped');
  });

  it('marks guarantors first reported after the proposer’s first day as added; undated ones never', () => {
    const marks = changeMarks(
      [entry('France', '2026-03-02', null), entry('Canada', '2026-03-17', null), entry('Japan', null, null)],
      true,
    );
    expect([...marks.keys()]).toEqual(['Canada']);
  });
});
