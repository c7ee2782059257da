import { describe, expect, it } from 'vitest';
import { stanceKind } from '../../lambda/facts/stance-kind.js';

describe('stanceKind', () => {
  it.each([
    ['Moscow demands that the peninsula be recognised', 'demand'],
    ['Kyiv offered to discuss the status of the peninsula over ten years', 'offer'],
    ['Ukraine would agree to a neutral status', 'offer'],
    ['Kyiv rejected any recognition of the peninsula', 'refusal'],
    ['Ukraine won’t cede territory', 'refusal'],
    ['Moscow no longer demands recognition of the peninsula', 'withdrawal'],
    ['Russia dropped its demand for recognition', 'withdrawal'],
    ['the delegation will not accept the draft', 'refusal'],
    ['Kyiv does not want foreign troops on the peninsula', 'refusal'],
    ['Moscow doesn’t want the talks moved', 'refusal'],
    ['the delegation did not want a vote on the region', 'refusal'],
  ])('reads "%s" as a %s', (stance, kind) => {
    expect(stanceKind(stance)).toBe(kind);
  });

  it('gives no kind to a clause with no cue', () => {
    expect(stanceKind('the status of the peninsula remains open')).toBeNull();
  });
});
