import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OpeningIndex,
  openingIndexed,
  openingIndexedMatches,
  regexFirstWords,
} from '../../lambda/facts/regex-first-words.js';
import {
  atPhraseStart,
  compileTopics,
  defaultTopicsConfig,
  eachMatch,
  patternSet,
  phrasesAhead,
  setMatches,
  withOpening,
} from '../../lambda/facts/topics.js';

const words = (source: string, startChecked = false) => {
  const found = regexFirstWords(source, startChecked);
  return found && [...found].sort();
};

describe('regexFirstWords', () => {
  it('reads the words a list, an optional word and an optional letter open with', () => {
    expect(words(String.raw`\b(?:the\s+|all\s+)?four\s+regions?\b`)).toEqual(['all', 'four', 'the']);
    expect(words(String.raw`\b(?:parts?|areas?) of\b`)).toEqual(['area', 'areas', 'part', 'parts']);
    expect(words(String.raw`\b(?:Russia's|its)\s+new\b|\bnew\s+Russian\b`)).toEqual(['its', 'new', 'russia']);
    expect(words(phrasesAhead(['Crimean peninsula', "people's republics", 'Kerch']), true)).toEqual([
      'crimean',
      'kerch',
      'people',
    ]);
  });

  it('reads past the first word into a repeated group, and through its repetitions while they go on with letters', () => {
    expect(words(String.raw`\b(?:security|defence)(?:[\s-]+(?:joint|\d+-\p{L}+))*\s+pacts?\b`)).toEqual([
      'defence',
      'security',
    ]);
    expect(words(String.raw`\b(?:statement|letter)(?:,?\s+[\p{L}'\u2019-]+){0,10}?\s+guarantees\b`)).toEqual([
      'letter',
      'statement',
    ]);
    expect(words(String.raw`\b(?:ab|cd\s){2}x\b`)).toEqual(['ababx', 'abcd', 'cd']);
  });

  it('gives up where a match could open otherwise: mid-word, with a class, a repeat, or no letter', () => {
    expect(words('foo\\b')).toBeNull(); // no boundary before: "xfoo" matches
    expect(words(String.raw`\bfoo`)).toBeNull(); // "foobar" matches, whose first word is longer
    expect(words(String.raw`\b[\w-]+\s+regions\b`)).toBeNull();
    expect(words(String.raw`\bx*y\b`)).toBeNull();
    expect(words(String.raw`\b(?:ab)*c\b`)).toBeNull(); // "c", "abc", "ababc" …: no end to the words
    expect(words(String.raw`\b(?:\b)*c\b`)).toBeNull();
    expect(words(String.raw`\b(?:a|\d)\s`)).toBeNull();
    expect(words(String.raw`\b(a)\1\b`)).toBeNull();
    expect(words('\\b\u212Aiev\\b')).toBeNull(); // the Kelvin sign matches "k"
  });
});

/** Texts where a word index could disagree with a scan: case, joiners, letters beyond ASCII, the Kelvin sign. */
const tricky = fc.constantFrom(
  ...['new', 'New', 'its', 'the', 'four', 'Crimea', 'Crimean', 'peninsula', 'regions', 'Russia', "'s", 's', 'x'],
  ...[' ', '  ', '\n', '-', "'", '\u2019', '.', ',', '4', 'é', '\u212A', '\u017F', '\u{1d400}', '_'],
);
const texts = fc.array(tricky, { maxLength: 24 }).map((parts) => parts.join(''));

describe('setMatches', () => {
  const patterns = [
    withOpening({
      id: 'crimea',
      regex: new RegExp(phrasesAhead(['Crimea', 'Crimean', 'Crimean peninsula', 'the peninsula']), 'giu'),
      startsAt: atPhraseStart,
    }),
    withOpening({
      id: 'new',
      regex: /\b(?:Russia's|its)\s+new\s+regions\b|\bnew\s+Russian\s+regions\b/giu,
      startsAt: null,
    }),
    withOpening({ id: 'four', regex: /(?:the\s+)?four\s+regions\b/giu, startsAt: boundaryAt }),
  ];

  it('indexes every pattern here by its opening words', () => {
    expect(patterns.every((p) => p.opening)).toBe(true);
  });

  it('finds, pattern by pattern, what a scan of the whole text finds', () => {
    const set = patternSet(patterns);
    fc.assert(
      fc.property(texts, (text) => {
        const scanned = patterns.map((p) => {
          const spans: number[][] = [];
          eachMatch(p, text, (m) => spans.push([m.index, m.index + m[0].length]));
          return spans;
        });
        expect(setMatches(set, text).map((ms) => ms.map((m) => [m.start, m.end]))).toEqual(scanned);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the shipped topics where it did before, inside words and across line breaks too', () => {
    const topics = compileTopics(defaultTopicsConfig);
    expect(topics.topicMentions('unCrimean, then its new\nregions and the four  regions')).toEqual([
      { id: 'donbas', start: 16, end: 31 },
      { id: 'donbas', start: 36, end: 53 },
    ]);
  });
});

function boundaryAt(text: string, at: number): boolean {
  const boundary = /\b/iuy;
  boundary.lastIndex = at;
  return boundary.test(text);
}

describe('openingIndexed', () => {
  const regexes = [
    /\b(?:this|that|these)\s+(?:[\p{L}-]+\s+){0,2}?(?:regions|peninsula)\b|\bit\b/iu,
    /\b(?:the\s+same|such)\s+(?:new\s+)?(?:regions|four)\b/iu,
    /\b(?:Russia's|its)\s+new(?![\p{L}])/iu,
  ];
  const testTexts = fc
    .array(fc.constantFrom('this', 'That', 'these', 'it', 'It', 'the', 'same', 'such', 'new', 'regions', 'four'), {
      maxLength: 8,
    })
    .chain((words) =>
      fc
        .array(fc.constantFrom(' ', '  ', '\n', "'s ", 'x', '-', 'é', '\u212A', '.'), {
          minLength: words.length,
          maxLength: words.length,
        })
        .map((gaps) => words.map((word, i) => word + (gaps[i] ?? '')).join('')),
    );

  it('indexes these regexes, and execs what they exec, at the same place', () => {
    for (const regex of regexes) expect(openingIndexed(regex)).not.toBe(regex);
    fc.assert(
      fc.property(testTexts, (text) => {
        for (const regex of regexes) {
          const own = regex.exec(text);
          const indexed = openingIndexed(regex).exec(text);
          expect(indexed && [indexed.index, indexed[0]]).toEqual(own && [own.index, own[0]]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a regex it cannot read as it is, and refuses a global one', () => {
    const unread = /\b\p{Lu}\w+s\b/u;
    expect(openingIndexed(unread)).toBe(unread);
    expect(() => openingIndexed(/\bnew\b/gu)).toThrow(/non-global/);
  });
});

describe('openingIndexedMatches', () => {
  const regexes = [
    /\b(?:this|that)(?:\s+(?:new|four))*\s+regions\b|\bit\b/giu,
    /\b(?:the\s+same|such)\s+(?:new\s+)?(?:regions|four)\b/giu,
    /\bnew(?:,?\s+[\p{L}'\u2019-]+){0,3}?\s+regions\b/giu,
  ];
  const testTexts = fc
    .array(fc.constantFrom('this', 'That', 'it', 'It', 'the', 'same', 'such', 'new', 'New', 'regions', 'four'), {
      maxLength: 10,
    })
    .chain((words) =>
      fc
        .array(fc.constantFrom(' ', '  ', ', ', "'s ", 'x', '-', 'é', '\u212A', '\u017F', '.'), {
          minLength: words.length,
          maxLength: words.length,
        })
        .map((gaps) => words.map((word, i) => word + (gaps[i] ?? '')).join('')),
    );

  it('finds every match matchAll finds, at the same places', () => {
    fc.assert(
      fc.property(testTexts, (text) => {
        for (const regex of regexes) {
          const own = [...text.matchAll(regex)].map((m) => [m.index, m[0]]);
          expect(openingIndexedMatches(regex)(text).map((m) => [m.index, m[0]])).toEqual(own);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a regex that is not global', () => {
    expect(() => openingIndexedMatches(/\bnew\b/u)).toThrow(/global regex/);
  });
});

describe('OpeningIndex', () => {
  it('finds each text its own words when more texts are read while one is visited than it keeps read', () => {
    const index = new OpeningIndex<string>();
    for (const word of ['demand', 'refuse', 'offer']) index.add(word, word);
    const wordsOf = (text: string) => {
      const found: string[] = [];
      index.visit(text, (at, values) => {
        found.push(`${at}:${values.join()}`);
        return false;
      });
      return found;
    };
    const others = Array.from({ length: 12 }, (_, i) => `${'x '.repeat(i)}They offer and refuse.`);
    const outer: string[] = [];
    const inner: string[][] = [];
    index.visit('A demand, an offer. The demand stands.', (at, values) => {
      outer.push(`${at}:${values.join()}`);
      inner.push(others.flatMap(wordsOf));
      return false;
    });
    expect(outer).toEqual(['2:demand', '13:offer', '24:demand']);
    expect(inner[2]).toEqual(inner[0]);
    expect(inner[0]).toContain(`${2 * 11 + 5}:offer`);
    expect(wordsOf('A demand, an offer. The demand stands.')).toEqual(outer);
  });

  it('finds its words in a text read before they were filed, and leaves those of other indexes out', () => {
    const text = 'Moscow tabled a counterdraft; Kyiv sent a counteroffer.';
    const first = new OpeningIndex<string>();
    first.add('counterdraft', 'draft');
    const visited = (index: OpeningIndex<string>) => {
      const found: string[] = [];
      index.visit(text, (at, values) => {
        found.push(`${at}:${values.join()}`);
        return false;
      });
      return found;
    };
    expect(visited(first)).toEqual(['16:draft']);
    // Filed after the text was read: the runs read then knew no such word.
    const later = new OpeningIndex<string>();
    later.add('counteroffer', 'offer');
    later.add('COUNTERDRAFT'.toLowerCase(), 'draft too');
    expect(visited(later)).toEqual(['16:draft too', '42:offer']);
    expect(visited(first)).toEqual(['16:draft']);
  });
});
