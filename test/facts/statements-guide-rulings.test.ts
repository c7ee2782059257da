import { describe, expect, it } from 'vitest';
import { isCutOffBody } from '../../lambda/facts/cut-off.js';
import { labelWorthyWords } from '../../lambda/facts/statements-cut-off.js';
import { itSays } from './said.js';

/*
 * The gold guide's general rulings on statements (test/fixtures/real-set/GOLD-GUIDE.md), in our own invented words
 * with invented people: R5 (words the excerpt's end cuts off), R12 (one- and two-word scare quotes).
 */

describe('R5: words that the end of the excerpt cuts off', () => {
  it('tells a body that stops mid-word from one that ends a sentence, a quote or a footnote', () => {
    expect(isCutOffBody('Holm said the ferry would run until the sprin')).toBe(true);
    expect(isCutOffBody('Holm said the ferry would run.\n')).toBe(false);
    expect(isCutOffBody('Holm called it \u201ca good start\u201d')).toBe(false);
    expect(isCutOffBody('The ferry runs again [2]')).toBe(false);
  });

  it('keeps words that do not reach the cut, and the complete sentences of a quote that does', () => {
    const body = 'Holm spoke at noon. \u201cWe want a deal. We will not wait forever. If they stall, we wal';
    expect(labelWorthyWords('Holm spoke at noon', body, true)).toBe('Holm spoke at noon');
    expect(labelWorthyWords('We want a deal. We will not wait forever. If they stall, we wal', body, true)).toBe(
      'We want a deal. We will not wait forever.',
    );
  });

  it('keeps a first clause before a cut participle or relative clause, and drops a clause with nothing complete', () => {
    const participle = 'Vell said the border would stay shut, adding that the guards were to be doub';
    expect(labelWorthyWords(participle.slice(10), participle, true)).toBe('the border would stay shut');
    const relative = 'Vell said he was ready to meet the envoy, when he was asked by a local radio stat';
    expect(labelWorthyWords(relative.slice(10), relative, true)).toBe('he was ready to meet the envoy');
    const contrast = 'Vell said the ferry would run, while the bridge stays closed until the ne';
    expect(labelWorthyWords(contrast.slice(10), contrast, true)).toBeNull();
  });

  itSays([
    [
      'drops a reported clause that runs into the cut, and keeps the one before it',
      'Premier Ivo Holm said the talks had been useful. He said the ferry would run again once the harbour reo',
      [['Ivo Holm', 'reported', 'the talks had been useful']],
    ],
    [
      'drops a quote that the cut leaves open with no complete sentence in it',
      'Premier Ivo Holm spoke after the talks. \u201cThe ferry will run again once the harbour is',
      [],
    ],
    // One notion of the cut for every category (cut-off.ts): a last line that reads as complete is kept, as a
    // guarantor's or a position's is; a quote that the end leaves open is cut whatever its last word.
    [
      'keeps a reported clause on a last line that reads as complete without its full stop',
      'Premier Ivo Holm spoke on Monday. He said the ferry would be ready to run again on Monday',
      [['Ivo Holm', 'reported', 'the ferry would be ready to run again on Monday']],
    ],
    [
      'drops words that run into a quote the end leaves open, though its last word reads as complete',
      'Premier Ivo Holm spoke on Monday. He said the ferry would be \u201cready to run again on Monday',
      [],
    ],
  ]);
});

describe('R12: one- and two-word quotes are scare quotes', () => {
  itSays([
    [
      'gives no statement for a two-word quote after "spoke of", and keeps a longer one',
      'Premier Ivo Holm spoke of \u201creal momentum\u201d after the talks. Minister Anton Vell spoke of \u201ca ' +
        'genuinely new start\u201d on Monday.',
      [['Anton Vell', 'direct', 'a genuinely new start']],
    ],
  ]);
});

describe('R2: each verb of saying gives one statement', () => {
  itSays([
    [
      'ends the reported clause at a participle that introduces a quote after its own comma',
      'Premier Ivo Holm said the talks were useful, adding, "We will meet again in May."',
      [
        ['Ivo Holm', 'reported', 'the talks were useful'],
        ['Ivo Holm', 'direct', 'We will meet again in May.'],
      ],
    ],
    [
      'keeps the closing mark when the comma before the participle stands inside the quote',
      'Premier Ivo Holm said there is \u201ca fair chance of a deal,\u201d adding that the envoys are on their way.',
      [
        ['Ivo Holm', 'reported', 'there is \u201ca fair chance of a deal,\u201d'],
        ['Ivo Holm', 'reported', 'the envoys are on their way'],
      ],
    ],
    [
      'reads the listener "Ruritanian media" whole after "told"',
      'Premier Ivo Holm told Ruritanian media the round had gone well, adding that the ferry would run again.',
      [
        ['Ivo Holm', 'reported', 'the round had gone well'],
        ['Ivo Holm', 'reported', 'the ferry would run again'],
      ],
    ],
    [
      'gives "added" with a noun object no statement, and the participle after it one',
      'Premier Ivo Holm added a caveat during a radio interview, stating that the ferry deal depends on the harbour.',
      [['Ivo Holm', 'reported', 'the ferry deal depends on the harbour']],
    ],
    [
      'reads "affirmed that" and "disclosed that" as verbs of saying, one statement each',
      'Premier Ivo Holm said the chance of a deal was real, but affirmed that the ferry would stay shut. He also ' +
        'disclosed that he had spoken with the envoy.',
      [
        ['Ivo Holm', 'reported', 'the chance of a deal was real'],
        ['Ivo Holm', 'reported', 'the ferry would stay shut'],
        ['Ivo Holm', 'reported', 'he had spoken with the envoy'],
      ],
    ],
  ]);
});

describe('R6: a name given in quote marks inside the writer\u2019s noun phrase', () => {
  itSays([
    [
      'gives "what he called a \\"…\\"" no statement, and the participle after the quote its own',
      'Premier Ivo Holm pressed both sides to end what he called a "pointless quarrel," stating that further help ' +
        'depends on progress.',
      [['Ivo Holm', 'reported', 'further help depends on progress']],
    ],
    [
      'keeps an unquoted "what she described as …", which is her claim',
      'Talks centred on what Premier Ana Vell described as the possible terms of a ferry deal.',
      [['Ana Vell', 'reported', 'described as the possible terms of a ferry deal']],
    ],
  ]);
});

describe('a time phrase between a verb of saying and its "that"', () => {
  itSays([
    [
      'reads the words after "confirmed last month that" and "warned earlier this week that"',
      'Premier Ivo Holm confirmed last month that the ferry would not run. Minister Ana Vell warned earlier this week ' +
        'that the harbour could close.',
      [
        ['Ivo Holm', 'reported', 'the ferry would not run'],
        ['Ana Vell', 'reported', 'the harbour could close'],
      ],
    ],
    [
      'leaves a noun object with a time word alone ("confirmed this week\'s schedule")',
      'Premier Ivo Holm confirmed this week the schedule of the ferry.',
      [],
    ],
  ]);
});
