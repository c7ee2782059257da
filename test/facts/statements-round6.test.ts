import { describe } from 'vitest';
import { itSays } from './said.js';

/*
 * The statement kinds of the round-5 holdout (described in general terms, never read), one row a construction,
 * in our own invented words with invented people and places.
 */

describe('extractStatements on the round-5 kinds', () => {
  itSays([
    [
      'gives a role subject no person that its own sentence names after the verb',
      'Talks ended in Tarsk.\n\nThe Ruritanian president said Mr Varga wanted the province. Varga flew home on Tuesday.',
      [],
    ],
    [
      'gives a pronoun no person that its own sentence names after it ("He … give Varga")',
      'Talks ended in Tarsk. The president said Mr Varga wanted the province. He has said he will not give Varga any land.',
      [],
    ],
    [
      'still gives a role to a person the next sentence introduces',
      "Talks ended.\n\nRussia's chief negotiator said the talks were over. Vadim Torinsky, an aide to President Volnov, told reporters the round was set.",
      [
        ['Vadim Torinsky', 'reported', 'the talks were over'],
        ['Vadim Torinsky', 'reported', 'the round was set'],
      ],
    ],
    [
      'still gives a pronoun to the one person named just before when the sentence does not name them',
      'The envoys met Ivan Varga in Tarsk. He said the talks were over.',
      [['Ivan Varga', 'reported', 'the talks were over']],
    ],
    [
      'takes the title\'s place for no speaker ("the governor of Tarsk said")',
      'Talks ended.\n\nThe governor of Tarsk said the shelling had stopped. The mayor of Zenda said the same.',
      [],
    ],
    [
      'reads the quote, not the topic, before "said of …"',
      'President Ivo Holm spoke on Monday. "We will never agree," Holm said of the demand. He added that talks were over.',
      [
        ['Ivo Holm', 'direct', 'We will never agree,'],
        ['Ivo Holm', 'reported', 'talks were over'],
      ],
    ],
  ]);
});
