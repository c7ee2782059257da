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
    [
      'reads "hailed" only with "as" or a quote, and "urged" only with a clause',
      'Premier Ivo Holm hailed progress with the envoys. Premier Ivo Holm urged for calm in the region before the summit.',
      [],
    ],
    [
      'reads "hailed X as Y" and a quote "hailed" as its object',
      'Premier Ivo Holm hailed the accord as a new page. Envoy Karl Brandt hailed a "real turn for the valley" in Zenda.',
      [
        ['Ivo Holm', 'reported', 'hailed the accord as a new page'],
        ['Karl Brandt', 'direct', 'real turn for the valley'],
      ],
    ],
    [
      'reads "urged that …" as a statement',
      'Premier Ivo Holm urged that the talks resume within a week.',
      [['Ivo Holm', 'reported', 'the talks resume within a week']],
    ],
    [
      'gives no words to a speaker whose sentence opens with its source only ("According to the same source, X demanded, …")',
      'Talks ended. According to the same source, Ivan Varga demanded, as a condition, the full withdrawal of troops.',
      [],
    ],
    [
      'reads a speaker named after a role\'s "of the …" phrase ("Head of the delegation X said")',
      'Head of the delegation Ivan Varga said on Friday that Tarsk was satisfied with the talks.',
      [['Ivan Varga', 'reported', 'Tarsk was satisfied with the talks']],
    ],
    [
      'still gives no speaker to a body after a role\'s "of"',
      'Talks ended.\n\nThe head of the Zenda Relief Society said the shelling had stopped.',
      [],
    ],
    [
      'reads "concluded" closing a clause with its speaker at the end of the sentence, and not elsewhere',
      'After the map is shown, the sides will meet again, Ivan Varga concluded. Ivan Varga continued to press for a truce.',
      [['Ivan Varga', 'reported', 'After the map is shown, the sides will meet again']],
    ],
    [
      'gives the words of two named subjects joined by "and" to both, and "relayed that" is a verb of saying',
      'President Ivo Holm and Secretary Karl Brandt relayed that the envoys could leave.',
      [
        ['Ivo Holm', 'reported', 'the envoys could leave'],
        ['Karl Brandt', 'reported', 'the envoys could leave'],
      ],
    ],
    [
      'gives nothing to a group or a name that is not the subject before "and"',
      'The Ruritanian army and Ivan Varga said the talks went well. Holm met Karl Brandt, and Brandt said the talks were over.',
      [
        ['Ivan Varga', 'reported', 'the talks went well'],
        ['Karl Brandt', 'reported', 'the talks were over'],
      ],
    ],
    [
      'takes a capitalised run ending in a plural place word for no person a role could stand for',
      'Talks ended. Any plan would make Borduria cede the Tarsk and Zenda Regions to Russia.\n\nThe Russian leader said the talks were over.',
      [],
    ],
    [
      'takes the name in a picture credit for no person a role could stand for',
      'The envoys met in Zenda. | Staff photo by Anna Lind/Agency\n\nThe Russian leader said the talks were over.',
      [],
    ],
    [
      'gives an opening circumstance with no clause in it to nobody, and a clause before the speaker to the speaker',
      'At the Zenda summit, Ivo Holm reiterated his commitment to the border. At the summit the sides agreed on a truce, Ivo Holm said.',
      [['Ivo Holm', 'reported', 'At the summit the sides agreed on a truce']],
    ],
    [
      'gives no words to a possessive after the verb ("denied Holm\'s claim that …")',
      "The ministry, however, denied Ivo Holm's claim that a joint meeting had been discussed.",
      [],
    ],
    [
      'reads "announced" only with a clause, and a report\'s "that" clause as nobody\'s words',
      'Ivo Holm announced the talks on Monday. Ivo Holm commented on reports that the plan had a guarantee. Ivo Holm announced that the talks would resume.',
      [['Ivo Holm', 'reported', 'the talks would resume']],
    ],
    [
      'gives ", saying that …" after a verb other than "said" a statement of its own',
      'Premier Ivo Holm reiterated that the province is Ruritanian, saying that any change would be unlawful.',
      [
        ['Ivo Holm', 'reported', 'the province is Ruritanian'],
        ['Ivo Holm', 'reported', 'any change would be unlawful'],
      ],
    ],
    [
      "reads bullets set inside one line after a speaker's list as the speaker's points",
      'Premier Ivan Varga listed the points: \u2022 mutual recognition of the border; \u2022 work on the river line.',
      [
        ['Ivan Varga', 'reported', 'mutual recognition of the border'],
        ['Ivan Varga', 'reported', 'work on the river line'],
      ],
    ],
    [
      "reads bulleted lines after a speaker's sentence that ends in a colon, and none after a colon of nobody's",
      'Premier Ivan Varga said the sides agreed on:\n\u2022 a border commission;\n\u2022 a rail link.\n\nThe plan covers:\n\u2022 a new port.',
      [
        ['Ivan Varga', 'reported', 'the sides agreed on'],
        ['Ivan Varga', 'reported', 'a border commission'],
        ['Ivan Varga', 'reported', 'a rail link'],
      ],
    ],
    [
      'reads the rest of the sentence after the verb when an opening circumstance stands before the speaker',
      'At the Zenda summit, Ivo Holm insisted Borduria must withdraw from the east.',
      [['Ivo Holm', 'reported', 'Borduria must withdraw from the east']],
    ],
  ]);
});
