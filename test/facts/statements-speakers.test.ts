import { describe, expect, it } from 'vitest';
import { itSays, said } from './said.js';

/*
 * Who the speaker is when the article names them by an office, an epithet or a clause around the verb: one row a
 * construction, in our own invented words with invented people.
 */

describe('extractStatements on speakers named by office or clause', () => {
  itSays([
    [
      'gives "and said" after "after <role> <verb of saying> …" to that role',
      'Norwegian Premier Ivo Holm and Russian President Ivan Lenk spoke by phone. Holm called for a direct meeting ' +
        'with Lenk last week after the Kremlin chief expressed doubt about the truce and said the front was moving west.',
      // Holm's "called for a direct meeting …" is an appeal summed up, no words (round 15's X15-1).
      [['Ivan Lenk', 'reported', 'the front was moving west']],
    ],
    [
      'reads "the Kremlin chief" as the country\'s leader',
      'Russian President Ivan Lenk toured the harbour. Later the Kremlin chief said that the sea lanes would reopen.',
      [['Ivan Lenk', 'reported', 'the sea lanes would reopen']],
    ],
    [
      'keeps "the Kremlin chief of staff" an office of its own',
      'Russian President Ivan Lenk toured the harbour. The Kremlin chief of staff said that the quays were calm.',
      [],
    ],
    [
      'reads an epithet for a leader ("the strongman") as the leader the article introduced with it',
      'Russian strongman Ivan Lenk spoke on Friday.\n\nDuring a call with reporters, the strongman stated that ' +
        'Borduria must leave the hills.\n\nOur gains keep growing - added the strongman.',
      [
        ['Ivan Lenk', 'reported', 'Borduria must leave the hills'],
        ['Ivan Lenk', 'direct', 'Our gains keep growing'],
      ],
    ],
    [
      'gives words relayed as "…, X said, Y said" to X alone',
      'Russian President Ivan Lenk met envoys. The talks will resume in May, Lenk said, Austrian envoy Mira Vell said ' +
        'on Monday.',
      [['Ivan Lenk', 'reported', 'The talks will resume in May']],
    ],
    [
      'leaves no capitalised word of the relaying role in anyone\'s words ("…, X said, Ruritanian envoy Y said")',
      'The talks will resume in May, Holm said, Ruritanian envoy Mira Vell said on Monday.',
      [['Holm', 'reported', 'The talks will resume in May']],
    ],
    [
      'gives "he" to nobody the article refers to as "she"',
      'Ruritanian Foreign Minister Mira Vell flew to Tarsk on Monday, where she met the envoys.\n\n' +
        '"We are ready," Vell said. The talks went on for hours.\n\n"The border stays shut," he said.',
      [['Mira Vell', 'direct', 'We are ready,']],
    ],
    [
      'reads the name after "head of the <adjective> delegation, aide to <principal>," as the speaker',
      'Talks opened in Tarsk. "The round was useful," said the head of the Bordurian delegation, aide to President ' +
        'Ivo Lenk, Karl Brandt.',
      [['Karl Brandt', 'direct', 'The round was useful,']],
    ],
    [
      'reads a place heading over a quote in a transcript ("TARSK: We …") as no speaker\'s turn',
      'HOST: Welcome. What about the hills?\n\nIVO HOLM: We hold firm.\n\nTARSK: We will never give it up.\n\nHOLM: We stay.',
      [
        ['Ivo Holm', 'direct', 'We hold firm.'],
        ['Ivo Holm', 'direct', 'We stay.'],
      ],
    ],
    [
      'gives a verb after "and that" no speaker of its own, when a stray full stop cut the report in two',
      'Foreign Minister Karl Brandt said that Ivo Holm and Anton Vell (A.V). President Ivo Holm discussed the ' +
        'border, and that Holm mentioned the failed talks in Tarsk in 2019.',
      [['Karl Brandt', 'reported', 'Ivo Holm and Anton Vell (A.V)']],
    ],
    [
      'still reads the name ending "aide to <an office> <name>," as the speaker',
      'The meeting in Tarsk lasted two hours and ended with a swap. This was noted by the head of the Austrian ' +
        'delegation, aide to the President of the Austrian Republic Karl Brandt, expressing joy at the result.',
      [['Karl Brandt', 'reported', 'The meeting in Tarsk lasted two hours and ended with a swap']],
    ],
    [
      'gives a clause joined by "and" before a role subject to nobody ("… and the president believes …")',
      'Ukrainian President Anton Vell met envoys. However, Holm is pushing for a deal to end the war and the ' +
        'Ukrainian president believes Ruritania cannot afford to reject the plan.',
      [],
    ],
    [
      'gives "and said" after "after <a counterpart> <verb of saying> …" to the counterpart, not the main subject',
      'Norwegian Premier Ivo Holm and Russian President Ivan Lenk spoke by phone. Holm called for talks after his ' +
        'Russian counterpart expressed doubt about the truce and said the front was moving west.',
      // Holm's "called for talks …" is an appeal summed up, no words (round 15's X15-1).
      [['Ivan Lenk', 'reported', 'the front was moving west']],
    ],
    [
      'reads "the Kremlin boss" as the leader, and a bare "the boss" as nobody',
      'Russian President Ivan Lenk toured the harbour. The Kremlin boss said that the quays would reopen. Then the ' +
        'boss said that the piers were calm.',
      [['Ivan Lenk', 'reported', 'the quays would reopen']],
    ],
  ]);

  it('keeps the words of a speaker who cites another in an aside ("…, as Holm has said, Vell said")', () => {
    expect(said('The war must end soon, as Holm has said, Austrian envoy Mira Vell said on Monday.')).toContainEqual([
      'Mira Vell',
      'reported',
      'The war must end soon, as Holm has said',
    ]);
  });
});
