import { describe } from 'vitest';
import { itSays } from './said.js';

/*
 * Rules written after reading round 12's misses (docs/transfer-misses.md, "Round 12", statements), each the general
 * form of a condition that was too narrow or too wide, in our own invented words with invented people.
 */

describe('a quote split by its attribution needs its first part not closed by a full stop (S12-9)', () => {
  itSays([
    [
      'gives the quote after "added that" to its speaker when the sentence before ended in a quote of its own',
      'Spokesman Karl Stein said the demand was \u201ca firm condition.\u201d Adviser Ivo Holm added that \u201cno ' +
        'settlement can come without it.\u201d',
      [
        ['Karl Stein', 'reported', 'the demand was \u201ca firm condition.\u201d'],
        ['Ivo Holm', 'direct', 'no settlement can come without it.'],
      ],
    ],
    [
      'still reads both parts of a quote that the attribution splits after its comma',
      '\u201cWe want a deal,\u201d Premier Ivo Holm added, \u201cbut not at any price.\u201d',
      [
        ['Ivo Holm', 'direct', 'We want a deal,'],
        ['Ivo Holm', 'direct', 'but not at any price.'],
      ],
    ],
    [
      'reads both parts in curly single quotes, whose closing mark is \u2019',
      '\u2018We want a deal,\u2019 Premier Ivo Holm added, \u2018but not at any price.\u2019',
      [
        ['Ivo Holm', 'direct', 'We want a deal,'],
        ['Ivo Holm', 'direct', 'but not at any price.'],
      ],
    ],
    [
      'reads both parts when a question mark closes the first',
      '\u201cWhy now?\u201d Premier Ivo Holm asked, \u201cwhen the front has not moved for a year?\u201d',
      [
        ['Ivo Holm', 'direct', 'Why now?'],
        ['Ivo Holm', 'direct', 'when the front has not moved for a year?'],
      ],
    ],
  ]);
});

describe('"As X stated" with a circumstance before its comma (S12-5)', () => {
  itSays([
    [
      'reads past "in his speech to the forum" to the comma that ends the "as" clause',
      'As Premier Ivo Holm stated in his speech to the forum, the main task is the return of the islands.',
      [['Ivo Holm', 'reported', 'the main task is the return of the islands']],
    ],
    [
      'reads past a listener after "to"',
      'As the analyst Karl Stein explained to journalists, the group will include two countries.',
      [['Karl Stein', 'reported', 'the group will include two countries']],
    ],
    [
      'gives nothing to an "as" clause whose verb is no verb of saying',
      'As Premier Ivo Holm arrived in the city, the talks were resumed.',
      [],
    ],
  ]);
});

describe('a clause without "that" whose verb is a negated auxiliary (S12-3)', () => {
  itSays([
    [
      'reads "didn\u2019t" as the finite verb of the clause after a verb that needs one',
      'Premier Ivo Holm has mentioned Kyiv didn\u2019t know about the talks.',
      [['Ivo Holm', 'reported', 'Kyiv didn\u2019t know about the talks']],
    ],
  ]);
});

describe('a quote signed by a dash and a name (S12-1)', () => {
  itSays([
    [
      'gives a quote to the name on its own line after it, with the role after a comma',
      'The talks ended without a deal.\n\n"We will not trade the islands for a truce, not now and not later."\n\n' +
        '\u2014 Ivo Holm, Premier of Ruritania\n\nThe next round is set for May.',
      [['Ivo Holm', 'direct', 'We will not trade the islands for a truce, not now and not later.']],
    ],
    [
      'gives a quote to the name after a dash on the same line',
      'The talks ended.\n\n"Security of our people and of our ports, not only for us," \u2013 Holm\n\n' +
        'The next round is set for May.',
      [['Holm', 'direct', 'Security of our people and of our ports, not only for us,']],
    ],
    [
      'takes no photo credit for a signature',
      'The ports reopened.\n\n"Smiles at the summit in the harbour."\n\n\u2014 Karl Stein/AFP/Getty Images',
      [],
    ],
    [
      "takes no embedded post's account and date for a signature",
      'The ports reopened.\n\n"Smiles at the summit in the harbour."\n\n\u2014 Anchor Desk (@NewsDesk) May 4, 2025',
      [],
    ],
  ]);
});
