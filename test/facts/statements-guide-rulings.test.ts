import { describe, expect, it } from 'vitest';
import { isCutOffBody, labelWorthyWords } from '../../lambda/facts/statements-cut-off.js';
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
