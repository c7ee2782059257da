import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import type { Statement } from '../../lambda/facts/fact.js';
import { extractPositions, positionId } from '../../lambda/facts/positions.js';
import { articleOf } from './article-of.js';
import { fixtureDir, readArticles } from './fixture-articles.js';

/** A statement by a Ukrainian official, cited from the whole of `body` (one sentence). */
function ukrainianStatement(body: string, fields: Pick<Statement, 'speaker' | 'kind' | 'text' | 'topics'>): Statement {
  const speakerKey = (fields.speaker.split(' ').at(-1) ?? '').toLowerCase();
  return {
    id: `s-${speakerKey}`,
    speakerKey,
    affiliation: 'Ukraine',
    citations: [{ articleId: articleOf(body).id, evidence: body }],
    ...fields,
  };
}

const positionsIn = (body: string, statements: Statement[] = []) =>
  extractPositions(articleOf(body), { statements }).map((p) => `${p.topic}/${p.party}: ${p.stance}`);

describe('extractPositions', () => {
  it('gives two positions for a sentence with a demand and a counter-offer, the second referring back to "the issue"', () => {
    expect(
      positionsIn(
        'Russia wants Ukraine to recognize Crimea as Russian territory, but the Ukrainians offered to resolve the issue over 15-year talks.',
      ),
    ).toEqual([
      'crimea/Russia: Russia wants Ukraine to recognize Crimea as Russian territory',
      'crimea/Ukraine: the Ukrainians offered to resolve the issue over 15-year talks',
    ]);
  });

  it('reads a refusal as a position', () => {
    expect(positionsIn('Kyiv rejected any recognition of Crimea as Russian.')).toEqual([
      'crimea/Ukraine: Kyiv rejected any recognition of Crimea as Russian',
    ]);
  });

  it('gives the demand to the party that demands, not to the one asked to accept', () => {
    expect(positionsIn('Moscow demands that Ukraine accept the loss of Sevastopol.')).toEqual([
      'crimea/Russia: Moscow demands that Ukraine accept the loss of Sevastopol',
    ]);
  });

  it('gives a reported want to the party that wants, not to the officials who report it', () => {
    expect(positionsIn('Ukrainian officials said Russia wants Ukraine to recognize Crimea as Russian.')).toEqual([
      'crimea/Russia: Ukrainian officials said Russia wants Ukraine to recognize Crimea as Russian',
    ]);
  });

  it('carries the speaking party into a "but that …" clause naming the topic', () => {
    const body =
      'Ukrainian officials also said Ukraine is seeking security guarantees but that the guarantees would not apply to parts of the east where local officials have declared independence.';
    expect(positionsIn(body)).toEqual([
      'donbas/Ukraine: the guarantees would not apply to parts of the east where local officials have declared independence',
    ]);
  });

  it('counts a proposal of a party as its position', () => {
    expect(positionsIn("But the Donbas issue wasn't addressed in Ukraine's proposal.")).toEqual([
      "donbas/Ukraine: the Donbas issue wasn't addressed in Ukraine's proposal",
    ]);
  });

  it.each([
    'Russia annexed Crimea in 2014.',
    'Heavy fighting continued near Donetsk on Sunday.',
    'Crimea was discussed at the talks.',
    // A party reporting what happened, not what it wants: battlefield claims are not positions.
    'Russia said it had destroyed a fuel depot in the Luhansk region.',
    "Russia's defense ministry said its forces had taken control of a village in the Donetsk region.",
  ])('takes no position from "%s"', (body) => {
    expect(positionsIn(body)).toEqual([]);
  });

  it("gives an official's quoted words on a topic to the official's party", () => {
    const body = '"Crimea is Ukraine and will remain Ukraine," Olena Kovalenko said.';
    const statement = ukrainianStatement(body, {
      speaker: 'Olena Kovalenko',
      kind: 'direct',
      text: 'Crimea is Ukraine and will remain Ukraine,',
      topics: ['crimea'],
    });
    expect(positionsIn(body, [statement])).toEqual([`crimea/Ukraine: ${body.slice(0, -1)}`]);
  });

  it('gives the same id to the same stance whichever article it is read from', () => {
    const [a] = extractPositions(articleOf('Kyiv rejected any recognition of Crimea.', 'aaaaaaaaaaaaaaaa'));
    const [b] = extractPositions(articleOf('Kyiv rejected any recognition of Crimea.', 'bbbbbbbbbbbbbbbb'));
    expect(a?.id).toBe(b?.id);
    expect(a?.id).toBe(positionId('crimea', 'Ukraine', 'Kyiv rejected any recognition of Crimea'));
  });
});

describe('positions in the both-parties fixture', () => {
  let article: Article;
  beforeAll(async () => {
    [article] = (await readArticles(fixtureDir('facts-positions-both-parties'))) as [Article];
  });

  it('finds each party on each topic and nothing from the action or the battlefield report', () => {
    const found = extractPositions(article).map((p) => `${p.topic}/${p.party}`);
    expect(found).toEqual([
      'crimea/Russia',
      'crimea/Ukraine',
      'crimea/Ukraine',
      'donbas/Russia',
      'donbas/Ukraine',
      'donbas/Russia',
    ]);
  });

  it('cites each position with its whole sentence and keeps its stance inside that sentence', () => {
    for (const p of extractPositions(article)) {
      const [citation] = p.citations;
      expect(article.body).toContain(citation?.evidence);
      expect(citation?.evidence).toContain(p.stance);
    }
  });
});

describe('positions stated by a named person', () => {
  it('ignores a topic that only names the speaker ("Luhansk governor … said") rather than what was said', () => {
    const body = 'Luhansk governor Serhiy Haidai said shelling continued overnight.';
    const statement = ukrainianStatement(body, {
      speaker: 'Serhiy Haidai',
      kind: 'reported',
      text: 'shelling continued overnight',
      topics: [],
    });
    expect(positionsIn(body, [statement])).toEqual([]);
  });

  it("gives a person's stance to the party the person speaks for", () => {
    const body = 'Medinsky insisted that Crimea is Russian.';
    const people = [{ key: 'medinski', name: 'Vladimir Medinsky', aliases: [], affiliation: 'Russia' }];
    expect(extractPositions(articleOf(body), { people }).map((p) => `${p.topic}/${p.party}`)).toEqual([
      'crimea/Russia',
    ]);
    expect(extractPositions(articleOf(body)).map((p) => `${p.topic}/${p.party}`)).toEqual([]);
  });
});
