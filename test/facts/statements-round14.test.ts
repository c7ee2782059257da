import { describe } from 'vitest';
import { itSays } from './said.js';

/*
 * Rules written after reading round 14's misses (docs/transfer-misses.md, "Round 14", statements), each the general
 * form of a kind that recurs across the unseen rounds, in our own invented words with invented people. Each case has
 * its near misses: sentences that look like it and must keep (or must not get) the words.
 */

describe('a promise, vow or pledge with an infinitive is words only when it quotes them (X14-1, X12-5)', () => {
  itSays([
    [
      'gives no statement for a vow the writer sums up',
      'Premier Ivo Holm vowed to win back every village.',
      [],
    ],
    [
      'gives none for a promise after a time phrase that opens the sentence',
      'In August, Premier Ivo Holm promised to keep working toward a deal.',
      [],
    ],
    [
      'keeps the other verb of the same subject',
      'Ivo Holm promised to keep working toward a deal and said that talks would resume in May.',
      [['Ivo Holm', 'reported', 'talks would resume in May']],
    ],
    [
      'keeps a vow whose verb phrase quotes the speaker (near miss)',
      'Ivo Holm vowed to fight "to the last village" if the talks fail.',
      [['Ivo Holm', 'reported', 'vowed to fight "to the last village" if the talks fail']],
    ],
    [
      'keeps a clause after "promised that" (near miss)',
      'Ivo Holm promised that the border would stay open.',
      [['Ivo Holm', 'reported', 'the border would stay open']],
    ],
  ]);
});
