import { describe, expect, it } from 'vitest';
import { extractCorpusFacts } from '../../lambda/facts/extract.js';
import { articleOf } from './article-of.js';
import { itSays } from './said.js';

/*
 * Rules written after reading round 17's statement misses (docs/transfer-misses.md, "Round 17 (spent blind half):
 * statements"), each the general form of a kind that recurs in at least two of the rounds 15 to 17, in our own
 * invented words with invented people, with its near misses.
 */

describe('an appeal the writer sums up stays none with a time phrase before its particle (round 17 doc, X15-1)', () => {
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
      'reads a day that owns a noun as no time phrase: "called on" still appeals (review: near miss)',
      "Ivo Holm called on Sunday's summit to adopt binding guarantees of the border.",
      [],
    ],
    [
      'reads a day with a curly possessive as none either (review: near miss)',
      'Ivo Holm called on Friday\u2019s summit to adopt binding guarantees of the border.',
      [],
    ],
    [
      'keeps the other verb of the same subject (near miss)',
      'Ivo Holm called on Friday for calm and said that the talks would resume in May.',
      [['Ivo Holm', 'reported', 'the talks would resume in May']],
    ],
  ]);
});

describe("a quote after another speaker's verb is not the opening clause's resumed quote (round 17 doc, X15-3)", () => {
  itSays([
    [
      "gives the quote only to the main clause's speaker after an appeal in a 'when' clause",
      'Premier Ivo Holm met Anton Vell. When Holm called for jets, Vell said: "We will see."',
      [['Anton Vell', 'direct', 'We will see.']],
    ],
    [
      "keeps the opening clause's own words, and the quote for the main clause's speaker",
      'Premier Ivo Holm met Anton Vell. After Holm told reporters that jets were vital, Vell said: "We will see."',
      [
        ['Ivo Holm', 'reported', 'jets were vital'],
        ['Anton Vell', 'direct', 'We will see.'],
      ],
    ],
    [
      'still resumes a quote after its own attribution (near miss)',
      '"We are ready," said Ivo Holm, "but the border must hold."',
      [
        ['Ivo Holm', 'direct', 'We are ready,'],
        ['Ivo Holm', 'direct', 'but the border must hold.'],
      ],
    ],
    [
      'still resumes one after an appositive and a listener (near miss)',
      '"We are ready," Ivo Holm, the premier of Tarsk, told reporters on Monday, "but the border must hold."',
      [
        ['Ivo Holm', 'direct', 'We are ready,'],
        ['Ivo Holm', 'direct', 'but the border must hold.'],
      ],
    ],
  ]);
});

describe('a surname opening a sentence that the article never gives in full, placed by the corpus (round 17 doc)', () => {
  const introduces = articleOf('Norwegian Prime Minister Ivo Holm received the envoys on Monday.', 'aaaaaaaaaaaaaaaa');
  const speakersOf = (body: string) =>
    extractCorpusFacts([introduces, articleOf(body, 'bbbbbbbbbbbbbbbb')])
      .statements.filter((s) => s.citations.some((c) => c.articleId === 'bbbbbbbbbbbbbbbb'))
      .map((s) => [s.speaker, s.text]);

  it('reads the article again, so that "he said" after it is that person', () => {
    expect(
      speakersOf(
        'Holm played down the plans of the local authorities to hold votes in the regions.\n\n"Today there was big news from the capital. But what happened?" he said.',
      ),
    ).toEqual([['Holm', 'Today there was big news from the capital. But what happened?']]);
  });

  it("keeps a surname that qualifies a noun out of it: the pronoun is the last speaker's (near miss)", () => {
    expect(
      speakersOf(
        'President Anton Vell of Austria said the talks were useful.\n\nHolm administration officials believe the plan will hold. Speaking in the capital, he said that the army would stay.',
      ),
    ).toEqual([
      ['Anton Vell', 'the army would stay'],
      ['Anton Vell', 'the talks were useful'],
    ]);
  });

  it('gives nobody the words after a capitalised common noun the corpus places nowhere (near miss)', () => {
    expect(
      speakersOf('Hopes for a truce faded on Monday.\n\n"Today there was big news from the capital," he said.'),
    ).toEqual([]);
  });
});
