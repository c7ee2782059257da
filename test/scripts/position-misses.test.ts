import { describe, expect, it } from 'vitest';
import { band, extraSource, goldOutcome, type MissRow } from '../../scripts/position-misses.js';

/* The accounting of what the position scorer does not reach (branch fit). Sentences invented. */

const A = 'Ruritania refuses to give up the northern harbour under any deal.';
const B = 'The talks went on for six hours in a lakeside hotel near the harbour.';
const row = (over: Partial<MissRow>): MissRow => ({
  file: 'x01.txt',
  topic: 'crimea',
  party: 'Russia',
  verdict: 'no-want-offer-refusal',
  text: A,
  score: 0.2,
  threshold: 0.35,
  ...over,
});
const gold = { topic: 'crimea', party: 'Russia', evidence: A };

describe('goldOutcome', () => {
  it('gives a gold position a prediction of its topic and party cites', () => {
    const predicted = [{ file: 'x01.txt', topic: 'crimea', party: 'Russia', evidence: A }];
    expect(goldOutcome(gold, predicted, [row({})])).toEqual({ kind: 'given' });
  });

  it('charges a miss to the rule that rejected its best candidate, with the margin below the threshold', () => {
    const o = goldOutcome(gold, [], [row({ score: 0.1 }), row({ score: 0.3, verdict: 'no-actor' })]);
    expect(o.kind).toBe('below');
    expect(o).toMatchObject({ verdict: 'no-actor' });
    expect((o as { margin: number }).margin).toBeCloseTo(0.05);
    expect(band({ margin: 0.05 }, 0.3)).toBe('near');
    expect(band({ margin: 0.2 }, 0.15)).toBe('mid');
    expect(band({ margin: 0.3 }, 0.05)).toBe('far');
  });

  it('tells a candidate scored over its threshold and filtered after, and one the rules kept', () => {
    expect(goldOutcome(gold, [], [row({ score: 0.5 })])).toEqual({
      kind: 'filtered',
      verdict: 'no-want-offer-refusal',
    });
    expect(goldOutcome(gold, [], [row({ verdict: 'kept' })])).toEqual({ kind: 'kept-unmatched' });
  });

  it('tells a sentence that is a candidate only for the other party from one that is none', () => {
    expect(goldOutcome(gold, [], [row({ party: 'Ukraine' })])).toEqual({ kind: 'other-candidate' });
    expect(goldOutcome(gold, [], [row({ text: B })])).toEqual({ kind: 'no-candidate' });
  });
});

describe('extraSource', () => {
  const extra = { file: 'x01.txt', topic: 'crimea', party: 'Russia', evidence: A };
  it('charges an extra to the rules, the scorer or a position carried from context', () => {
    expect(extraSource(extra, [row({ verdict: 'kept' })])).toBe('rule');
    expect(extraSource(extra, [row({ score: 0.6 })])).toBe('scorer');
    expect(extraSource(extra, [row({ text: B })])).toBe('carried');
  });
});
