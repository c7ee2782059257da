import { describe, expect, it } from 'vitest';
import { withoutTurnLabel } from '../../lambda/facts/statements-transcript.js';

/* A transcript turn's label names who speaks; it is not part of what they say. */

describe('withoutTurnLabel', () => {
  it('drops the label a turn opens with, with or without a role', () => {
    expect(withoutTurnLabel('ORLENKO: We will not discuss the peninsula.')).toBe('We will not discuss the peninsula.');
    expect(withoutTurnLabel('ANNA REYES, HOST: What did the envoys agree?')).toBe('What did the envoys agree?');
  });

  it('leaves a sentence that opens with no label as it is', () => {
    expect(withoutTurnLabel('Orlenko: the talks go on.')).toBe('Orlenko: the talks go on.');
    expect(withoutTurnLabel('The talks go on, ORLENKO said.')).toBe('The talks go on, ORLENKO said.');
  });
});
