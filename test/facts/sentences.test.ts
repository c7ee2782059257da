import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lambda/facts/sentences.js';

const texts = (body: string) => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it('does not end a sentence at a title, an initial or a date abbreviation', () => {
    const body = 'Mr. Smith met Dr. J. R. Jones and Gen. Petraeus in St. Petersburg on Feb. 24. No. 5 came next.';
    expect(texts(body)).toEqual([
      'Mr. Smith met Dr. J. R. Jones and Gen. Petraeus in St. Petersburg on Feb. 24.',
      'No. 5 came next.',
    ]);
  });

  it('keeps "U.S." inside a sentence unless a new sentence clearly starts', () => {
    expect(texts('The U.S. President spoke. Aid came from the U.S. The talks went on.')).toEqual([
      'The U.S. President spoke.',
      'Aid came from the U.S.',
      'The talks went on.',
    ]);
  });

  it('reads an initial or a title written with letters beyond ASCII as one too', () => {
    expect(texts('Émile Ž. Novák arrived. Then Prof. Łukasz Nowak spoke. Ö.Ü. Öztürk left.')).toEqual([
      'Émile Ž. Novák arrived.',
      'Then Prof. Łukasz Nowak spoke.',
      'Ö.Ü. Öztürk left.',
    ]);
  });

  it('keeps decimals and ellipses followed by lower case inside the sentence', () => {
    expect(texts('Prices rose 3.5 percent... and then fell… again. Next.')).toEqual([
      'Prices rose 3.5 percent... and then fell… again.',
      'Next.',
    ]);
  });

  it('ends the sentence after a quote that closes after the period', () => {
    expect(texts('He said: "We will win." She said “No.” Then «Fine.» It ended.')).toEqual([
      'He said: "We will win."',
      'She said “No.”',
      'Then «Fine.»',
      'It ended.',
    ]);
  });

  it('ends a sentence at its period when reference markers follow it, and starts the next after them', () => {
    expect(texts('The envoys met for an hour.[1] The talks then broke off.[2][3] Both sides left.[4]')).toEqual([
      'The envoys met for an hour.',
      'The talks then broke off.',
      'Both sides left.',
    ]);
    expect(texts('The clause [1] stays, and so does a list [a]. Next.')).toEqual([
      'The clause [1] stays, and so does a list [a].',
      'Next.',
    ]);
  });

  it('does not split a quote from its attribution', () => {
    expect(texts('"Is it over?" he asked. "Yes," she said.')).toEqual(['"Is it over?" he asked.', '"Yes," she said.']);
  });

  it('treats paragraph breaks and headline lines as boundaries', () => {
    expect(texts('A headline without a period\nThe body starts here.\n\nA new paragraph')).toEqual([
      'A headline without a period',
      'The body starts here.',
      'A new paragraph',
    ]);
  });

  it('joins hard-wrapped lines into one sentence', () => {
    const body =
      'The minister said the talks on the treaty had moved into a practical\nfield and that Kyiv and\nMoscow would meet again.\nShort heading\nNext one here.';
    expect(texts(body)).toEqual([
      'The minister said the talks on the treaty had moved into a practical\nfield and that Kyiv and\nMoscow would meet again.',
      'Short heading',
      'Next one here.',
    ]);
  });

  it('splits sentences that re-typed copy ran together with no space, after a period, a question or a quote', () => {
    expect(texts('The envoys met in the east.The talks went on. Who pays?Nobody knows.')).toEqual([
      'The envoys met in the east.',
      'The talks went on.',
      'Who pays?',
      'Nobody knows.',
    ]);
    // A straight mark after the period opens the next sentence when the marks before it are paired.
    expect(texts('"We stay," Vell told the press."Of course, we want peace," she added.')).toEqual([
      '"We stay," Vell told the press.',
      '"Of course, we want peace," she added.',
    ]);
    expect(texts('"We want peace."Vell left. It rained.”Later, “the rain stopped.')).toEqual([
      '"We want peace."',
      'Vell left.',
      'It rained.”',
      'Later, “the rain stopped.',
    ]);
  });

  it('ends a section heading that scraped copy glued to the sentence after it, at the capital inside a word', () => {
    expect(texts('Border QuestionsVell said the line was fixed.\nTalks on the RiverThe envoys met.')).toEqual([
      'Border Questions',
      'Vell said the line was fixed.',
      'Talks on the River',
      'The envoys met.',
    ]);
    // Names with an inner capital, a short first part and running text are no heading.
    const body = 'WhatsApp said Vell wrote. McDonald said so.\nHe sent a LinkedIn post.\nThe NorthStar group met.';
    expect(texts(body)).toEqual([
      'WhatsApp said Vell wrote.',
      'McDonald said so.',
      'He sent a LinkedIn post.',
      'The NorthStar group met.',
    ]);
  });

  it('ends a glued section heading that follows a sentence on the same line, as pages that lost their line breaks have', () => {
    const body =
      'The envoys left Tarsk on Monday. The Long WinterBorduria says the passes stay closed. Talks end soon.';
    expect(texts(body)).toEqual([
      'The envoys left Tarsk on Monday.',
      'The Long Winter',
      'Borduria says the passes stay closed.',
      'Talks end soon.',
    ]);
    // After a full stop as at a line's start, a name with an inner capital or a sentence of running text is no heading.
    const named = 'Vell spoke first. The NorthStar group met. She posted on WhatsApp later. Mira Vell took a MacBook.';
    expect(texts(named)).toEqual([
      'Vell spoke first.',
      'The NorthStar group met.',
      'She posted on WhatsApp later.',
      'Mira Vell took a MacBook.',
    ]);
  });

  it('keeps decimals, initials, titles and web addresses whole where no space follows a period', () => {
    const body =
      'A team led by A.B.Petrov and Mr.Lind grew 3.5 times, Harbour.Az reports, citing Ledger.com and www.Ledger.Com/News.';
    expect(texts(body)).toEqual([body]);
  });

  it('reads a capital and a small letter as an initial, as transliterated names write one', () => {
    expect(
      texts('"The team, led by Yu. V. Orlov and Zh.K.Lind, will stay," he said. Then he met Xi. The talks went on.'),
    ).toEqual([
      '"The team, led by Yu. V. Orlov and Zh.K.Lind, will stay," he said.',
      'Then he met Xi.',
      'The talks went on.',
    ]);
  });

  it('closes a quote typed with the opening mark twice at the period, not at the next sentence', () => {
    expect(texts('Vell spoke.“We are ready.“ He left.')).toEqual(['Vell spoke.', '“We are ready.“', 'He left.']);
  });

  it('ends a sentence at a bar or bullet that joins a headline to its outlet, caption or byline on one line', () => {
    expect(
      texts('Leader says the province is not for sale | Harbour Ledger • 12 May\n• A list item stays whole.'),
    ).toEqual(['Leader says the province is not for sale', 'Harbour Ledger', '12 May', '• A list item stays whole.']);
  });

  it('cuts a run of hashtags from the sentence it ends, after its period or without one', () => {
    expect(
      texts('Ruritania insists on the border before any truce. #Peace #Borders\nBorduria declined #talks2025 #Zenda'),
    ).toEqual(['Ruritania insists on the border before any truce.', 'Borduria declined']);
    expect(texts('Tags such as #Peace open no sentence here. The next one does.')).toEqual([
      'Tags such as #Peace open no sentence here.',
      'The next one does.',
    ]);
  });

  it('returns offsets that slice the body to each sentence, in order and without overlap', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Mr.',
            'Smith',
            'said',
            '"Yes."',
            '…',
            '...',
            '\n',
            '\n\n',
            'U.S.',
            '3.5',
            'It',
            ' ',
            'Ends.',
            '?',
            'end.The',
            '."Of',
            '“x,“',
            ' | ',
          ),
          {
            maxLength: 40,
          },
        ),
        (parts) => {
          const body = parts.join(' ');
          let previousEnd = 0;
          for (const s of splitSentences(body)) {
            expect(body.slice(s.start, s.end)).toBe(s.text);
            expect(s.text.trim()).toBe(s.text);
            expect(s.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = s.end;
          }
        },
      ),
    );
  });
});
