import { describe, expect, it } from 'vitest';
import { extractPositions } from '../../lambda/facts/positions.js';
import { articleOf } from './article-of.js';
import { said } from './said.js';

/*
 * Faults of scraped, re-typed and machine-translated text that cost facts in every category, in our own
 * invented words: sentences run together with no space, quotes closed with an opening mark, a headline joined
 * to its outlet on one line, a reported clause cut off by the end of an excerpt.
 */

describe('statements from faulty text', () => {
  it('reads a quote and its attribution that lost the space after a period', () => {
    expect(
      said('Ruritanian Foreign Minister Ana Vell met the envoys on Monday.“We stay,” Vell told the press.'),
    ).toEqual([['Ana Vell', 'direct', 'We stay,']]);
    expect(
      said(
        'The envoys met in Zenda."We will not give up the north," Foreign Minister Ana Vell told the press."Never again will we cede land."',
      ),
    ).toEqual([
      ['Ana Vell', 'direct', 'We will not give up the north,'],
      ['Ana Vell', 'direct', 'Never again will we cede land.'],
    ]);
  });

  it('gives a sentence glued to a section heading to its speaker, not to the heading words before the name', () => {
    expect(
      said('Foreign Minister Ana Vell spoke in Zenda.\n\nBorder QuestionsVell also said the line was fixed.'),
    ).toEqual([['Ana Vell', 'reported', 'the line was fixed']]);
    expect(
      said('Northern Lands Stay OursForeign Minister Ana Vell has made clear that the border cannot move.'),
    ).toEqual([['Ana Vell', 'reported', 'the border cannot move']]);
  });

  it('closes a quote at an opening mark typed where the closing one belongs', () => {
    expect(
      said('Ruritanian Foreign Minister Ana Vell spoke in Zenda.\n\n“We will never give up the north,“ Vell said.'),
    ).toEqual([['Ana Vell', 'direct', 'We will never give up the north,']]);
    expect(said('Foreign Minister Ana Vell spoke in Zenda.\n\nShe added: “Nobody will decide for us.“')).toEqual([
      ['Ana Vell', 'direct', 'Nobody will decide for us.'],
    ]);
  });

  it('reads a reported clause that the end of an excerpt cuts off mid-word as no statement (gold guide R5)', () => {
    expect(said('Foreign Minister Ana Vell spoke in Zenda. According to Vell, the new border plan o')).toEqual([]);
    // A short last line of its own is a trailer or a heading, not a cut sentence.
    expect(said('Foreign Minister Ana Vell spoke in Zenda.\nAccording to Vell, more soon')).toEqual([]);
  });
});

describe('positions from faulty text', () => {
  it('reads a headline joined to its outlet by a bar as a sentence of its own', () => {
    const article = articleOf(
      'Ukrainian leader says country cannot give up Crimea | Harbour Ledger • 12 May\nThe talks resume on Monday.',
    );
    expect(extractPositions(article).map((p) => [p.topic, p.party, p.citations[0]?.evidence])).toEqual([
      ['crimea', 'Ukraine', 'Ukrainian leader says country cannot give up Crimea'],
    ]);
  });
});
