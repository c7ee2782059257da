import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '../../lambda/articles/clean.js';
import { fixturePath, scorerForm } from './fixtures.js';

const fixture = (file: string) => readFileSync(fixturePath(file), 'utf8');
const paragraphsOf = (text: string, title: string | null = null) =>
  cleanArticleText(text, { title }).body.split('\n\n');

describe('cleanArticleText on a noisy web page', () => {
  const page = fixture('ingest-noise/web-page.txt');
  const cleaned = cleanArticleText(page, { title: null });

  it('keeps every sentence of the article, in order', () => {
    expect(cleaned.body.split('\n\n')).toEqual([
      "Northland and Southport signed an accord on Tuesday that reopens the harbour to both countries' ships after a year of talks.",
      '"This accord ends a dispute that cost both our fishermen dearly," Northland\'s chief envoy Tomas Brandt said at the ceremony.',
      "Southport's foreign minister Ada Ruiz said the accord would be put to a referendum in September.",
      'The accord leaves the question of customs checks to a joint commission, which is to report within a year.',
    ]);
  });

  it('takes the opening headline as the title and the author box as the author', () => {
    expect(cleaned.headline).toBe('Northland and Southport sign a harbour accord');
    expect(cleaned.author).toBe('Rosa Lindqvist');
  });

  it.each([
    ['a support banner', 'Support independent reporting!'],
    ['a "Watch" link', 'Watch Example Ledger TV'],
    ['a video teaser with its running time', '01:42'],
    ['a photo caption with a Name / Agency credit', 'Ana Costa / Ledger Photo'],
    ['a share bar', 'Facebook Twitter Email'],
    ['a "Read more:" link', 'Read more:'],
    ['a pasted URL', 'https://'],
    ['a newsletter box and its fine print', 'Privacy Policy'],
    ['a donation appeal addressed to the reader', 'consider a contribution'],
    ['donation buttons', 'Maybe later.'],
    ['an author bio', 'covers maritime affairs'],
    ['app and notification prompts', 'notifications'],
  ])('drops %s', (_, noise) => {
    expect(cleaned.body).not.toContain(noise);
  });
});

describe('cleanArticleText: line rules', () => {
  it('drops a leading line that repeats the known title, whatever its quote marks and case', () => {
    const text = 'Support Us!\n\nRussia Says It Will ‘Drastically’ Reduce Activity\n\nThe ministry said so on Tuesday.';
    expect(paragraphsOf(text, "Russia says it will 'drastically' reduce activity")).toEqual([
      'The ministry said so on Tuesday.',
    ]);
  });

  it('keeps a line that merely mentions a newsletter or support inside the article', () => {
    const text =
      'Support for the accord has grown in both countries, a poll published by a weekly newsletter in Southport found.\n\nThe poll was taken in May.';
    expect(paragraphsOf(text)).toHaveLength(2);
  });

  it('keeps "we" and "you" inside quotations after a prompt box has ended', () => {
    const text = [
      'The envoys met on Monday.',
      'Sign up for our newsletter',
      'Dear readers,',
      'We need your support to keep going.',
      '"We will not give up, and you will see results," Northland\'s envoy Tomas Brandt said after the meeting in Valletta.',
    ].join('\n\n');
    expect(paragraphsOf(text)).toEqual([
      'The envoys met on Monday.',
      '"We will not give up, and you will see results," Northland\'s envoy Tomas Brandt said after the meeting in Valletta.',
    ]);
  });

  it('keeps a short sentence, a list lead-in and list items, and drops short non-sentences', () => {
    const text = 'AFP contributed reporting.\n\nThe accord provides for:\n\n- a hotline\n\nContinue\n\nOnce';
    expect(paragraphsOf(text)).toEqual(['AFP contributed reporting.', 'The accord provides for:', '- a hotline']);
  });

  it('reads "By Jane Doe" above the article as the author', () => {
    const cleaned = cleanArticleText('By Jane Doe\n\nThe envoys met on Monday in Valletta.', { title: null });
    expect(cleaned).toEqual({ body: 'The envoys met on Monday in Valletta.', headline: null, author: 'Jane Doe' });
  });
});

describe('cleanArticleText: re-joining hard-wrapped lines', () => {
  it('joins the lines of a paragraph wrapped at 72 columns, but not a list or a short line that ends a paragraph', () => {
    expect(paragraphsOf(fixture('ingest-noise/hard-wrapped.txt'))).toEqual([
      'Northland and Southport agreed on Tuesday to reopen the harbour to ships of both countries, ending a dispute that had closed it for more than a year, officials from both sides said.',
      '"The harbour belongs to the people who work in it, not to the ministries that argue about it," Northland\'s chief envoy Tomas Brandt told reporters after the signing in Valletta.',
      'Under the accord, a joint commission will decide within a year how customs checks are carried out on the quay.',
      'The commission will have six members.',
      'The accord provides for:',
      '- a joint commission on customs checks',
      '- a hotline between the two coast guards',
      '- a review after five years',
      "Southport's foreign minister Ada Ruiz said the accord would be put to a referendum in September.",
    ]);
  });

  it('keeps one-paragraph-per-line text as it is, even when its lines are of similar length', () => {
    expect(paragraphsOf(fixture('ingest-noise/line-per-paragraph.txt'))).toHaveLength(4);
  });

  it('joins a line broken after a dotted abbreviation or an initial when the sentence runs on in lower case', () => {
    expect(
      paragraphsOf('According to the envoy, the U.S.\nis ready to send engineers.\nThe U.S.\nThe talks resume.'),
    ).toEqual(['According to the envoy, the U.S. is ready to send engineers.', 'The U.S.', 'The talks resume.']);
  });

  it('joins a line that continues a sentence in lower case, in text that is not hard-wrapped', () => {
    expect(paragraphsOf('The envoys, who met in Valletta on Monday,\nagreed to meet again.')).toEqual([
      'The envoys, who met in Valletta on Monday, agreed to meet again.',
    ]);
  });
});

/** Sentences and noise lines to build random pages from. */
const sentence = fc
  .array(
    fc.constantFrom(
      'Northland',
      'envoys',
      'said',
      'the',
      'harbour',
      'accord',
      '“would”',
      'not',
      'Southport’s',
      'talks',
      'on',
      'Monday,',
    ),
    {
      minLength: 6,
      maxLength: 30,
    },
  )
  .map((words) => `${words.join(' ')}.`);
const noiseLine = fc.constantFrom(
  'https://example.com/a/b',
  'Share this article',
  'Related article: Something else',
  'Sign up for our newsletter',
  'Continue',
  'A caption. Jo Lind / Example Agency',
  'Watch Example TV',
);
const block = fc.oneof(
  { weight: 3, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')) },
  { weight: 1, arbitrary: noiseLine },
);

/** Hard-wraps text at `width` columns, as a plain-text export does. */
function hardWrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line].join('\n');
}

describe('cleanArticleText: grounding', () => {
  it('only drops lines and joins them with a space: every kept paragraph is in the input, modulo whitespace', () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 40, max: 200 }),
        (blocks, width) => {
          const input = blocks.map((b) => hardWrap(b, width)).join('\n\n');
          const original = scorerForm(input);
          for (const paragraph of cleanArticleText(input, { title: null }).body.split('\n\n').filter(Boolean)) {
            expect(original).toContain(scorerForm(paragraph));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
