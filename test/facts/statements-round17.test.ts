import { describe } from 'vitest';
import { itSays } from './said.js';

/*
 * Rules written after reading round 17's statement misses (docs/transfer-misses.md, "Round 17 (spent blind half):
 * statements"), each the general form of a kind that recurs in at least two of the rounds 15 to 17, in our own
 * invented words with invented people, with its near misses.
 */

describe('an appeal the writer sums up stays none with a time phrase before its particle (X17-2, X15-1)', () => {
  itSays([
    [
      'gives no statement for "called on <day> for" a noun phrase',
      'Premier Ivo Holm called on Friday for binding guarantees of the border.',
      [],
    ],
    [
      'gives none after a wire dateline, with a participle after it',
      'TARSK, May 4 (Agency) - Premier Ivo Holm called on Friday for binding guarantees of the border, underlining the resolve of the capital.',
      [],
    ],
    ['gives none for a bare day before "for"', 'Ivo Holm called Sunday for a new round of talks.', []],
    [
      'keeps an appeal whose verb phrase quotes the speaker (near miss)',
      'Ivo Holm called on Friday for "an end to the shelling of our towns" before the talks.',
      [['Ivo Holm', 'reported', 'called on Friday for "an end to the shelling of our towns" before the talks']],
    ],
    [
      'keeps a naming "called" after a day (near miss)',
      'Ivo Holm called on Monday the offer a cynical trap for the whole region.',
      [['Ivo Holm', 'reported', 'called on Monday the offer a cynical trap for the whole region']],
    ],
    [
      'keeps the other verb of the same subject (near miss)',
      'Ivo Holm called on Friday for calm and said that the talks would resume in May.',
      [['Ivo Holm', 'reported', 'the talks would resume in May']],
    ],
  ]);
});
