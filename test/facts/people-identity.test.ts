import { describe, expect, it } from 'vitest';
import { extractCorpusFacts } from '../../lambda/facts/extract.js';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { settleBareNames } from '../../lambda/facts/people-identity.js';
import { personKey } from '../../lambda/facts/speaker-key.js';
import { extractStatements } from '../../lambda/facts/statements.js';
import { articleOf } from './article-of.js';

/** The people and statements of a purpose-written body, as the extractor gives them. */
function factsOf(body: string, id: string): ArticleFacts {
  const { people, mentions, statements } = extractStatements(articleOf(body, id));
  return { articleId: id, people, mentions, statements, guarantors: [], positions: [] };
}

const BARE = '"There is no money for an open-ended war," Johnson said on Thursday.';

describe('people who share a surname within one article', () => {
  it('keeps two named people apart, and gives a bare surname to the one named last before it', () => {
    const body = [
      'US House Speaker Mike Johnson said the aid bill would wait.',
      'Former British Prime Minister Boris Johnson said Europe should keep its word.',
      '"Promises are not a policy," Johnson added.',
    ].join('\n\n');

    const { people, statements } = extractStatements(articleOf(body));

    expect(people.map((p) => [p.name, p.affiliation]).sort()).toEqual([
      ['Boris Johnson', 'United Kingdom'],
      ['Mike Johnson', 'United States'],
    ]);
    expect(statements.find((s) => s.text.startsWith('Promises'))?.speaker).toBe('Boris Johnson');
  });

  it('gives a titled surname in the lead to the full name the article gives later', () => {
    const body = 'President Sokolov arrived on Monday.\n\nOleg Sokolov said the talks would resume.';

    const { people } = extractStatements(articleOf(body));

    expect(people).toEqual([
      expect.objectContaining({ key: personKey('Oleg Sokolov'), name: 'Oleg Sokolov', aliases: ['Sokolov'] }),
    ]);
  });
});

describe('settleBareNames', () => {
  it('re-keys a bare surname to the one known person of that surname, with the statement id following', () => {
    const bare = factsOf(BARE, 'b'.repeat(16));
    const known = [{ key: personKey('Mike Johnson'), affiliation: 'United States' }];

    const [settled] = settleBareNames([bare], known);

    expect(settled?.statements.map((s) => s.speakerKey)).toEqual([personKey('Mike Johnson')]);
    expect(settled?.people.map((p) => p.key)).toEqual([personKey('Mike Johnson')]);
    expect(settled?.statements[0]?.id).not.toBe(bare.statements[0]?.id);
  });

  it('leaves a bare surname alone when two known people share it', () => {
    const bare = factsOf(BARE, 'b'.repeat(16));
    const known = [
      { key: personKey('Mike Johnson'), affiliation: 'United States' },
      { key: personKey('Boris Johnson'), affiliation: 'United Kingdom' },
    ];

    expect(settleBareNames([bare], known)).toEqual([bare]);
  });

  it('does not give a bare surname to a namesake whose affiliation contradicts the article', () => {
    const bare = factsOf('"There is no money for this," British MP Johnson said on Thursday.', 'c'.repeat(16));
    const known = [{ key: personKey('Mike Johnson'), affiliation: 'United States' }];

    expect(settleBareNames([bare], known)).toEqual([bare]);
  });

  it('settles against the people another article of the same batch names in full', () => {
    const full = factsOf('US House Speaker Mike Johnson said the aid bill would wait.', 'a'.repeat(16));
    const bare = factsOf(BARE, 'b'.repeat(16));

    const [, settled] = settleBareNames([full, bare], []);

    expect(settled?.statements[0]?.speakerKey).toBe(personKey('Mike Johnson'));
  });

  it('keeps namesakes with one initial apart across articles, and gives "M. Varro" to the one the corpus knows', () => {
    const mark = factsOf('Senator Mark Varro said the aid bill would wait.', 'a'.repeat(16));
    const mike = factsOf('Governor Mike Varro said the state would take in families.', 'b'.repeat(16));
    const initial = factsOf('"We will not wait for Brussels," M. Varro said.', 'c'.repeat(16));

    const [a, b] = settleBareNames([mark, mike], []);
    expect(a?.statements[0]?.speakerKey).not.toBe(b?.statements[0]?.speakerKey);

    const [, settled] = settleBareNames([mark, initial], []);
    expect(settled?.statements[0]?.speakerKey).toBe(personKey('Mark Varro'));
    expect(settleBareNames([mark, mike, initial], [])[2]).toEqual(initial);
  });
});

describe('people who share a surname and an initial in one article', () => {
  it('keeps Mark and Mike apart, and gives "M. Varro" to the one named last before it', () => {
    const body = [
      'Senator Mark Varro said the aid bill would wait.',
      'Governor Mike Varro said the state would take in families.',
      '"Nobody will be turned away," M. Varro added.',
    ].join('\n\n');

    const { people, statements } = extractStatements(articleOf(body));

    expect(people.map((p) => p.name).sort()).toEqual(['Mark Varro', 'Mike Varro']);
    expect(statements.find((s) => s.text.startsWith('Nobody'))?.speaker).toBe('Mike Varro');
  });
});

describe('an adviser whose principal only the corpus gives a country (settleAffiliations)', () => {
  const adviser = '"The pledges must be written down," Tomas Varga, an adviser to Belenskyy, told reporters.';

  it('takes the country the other articles give the principal, for the person and their statements', () => {
    const alone = extractStatements(articleOf(adviser, 'a1a1a1a1a1a1a1a1'));
    expect(alone.people.map((p) => p.affiliation)).toEqual([null]);
    expect(alone.principals).toEqual([{ key: alone.people[0]?.key, principal: 'belenski' }]);

    const facts = extractCorpusFacts([
      articleOf(adviser, 'a1a1a1a1a1a1a1a1'),
      articleOf('Moldovan President Arkady Belenskyy said the talks would go on.', 'b2b2b2b2b2b2b2b2'),
    ]);
    expect(facts.statements.map((s) => [s.speaker, s.affiliation]).sort()).toEqual([
      ['Arkady Belenskyy', 'Moldova'],
      ['Tomas Varga', 'Moldova'],
    ]);
  });

  it('gives no country when the corpus knows principals of that surname in two countries, or an office instead', () => {
    const facts = extractCorpusFacts([
      articleOf(adviser, 'a1a1a1a1a1a1a1a1'),
      articleOf('Moldovan President Arkady Belenskyy said the talks would go on.', 'b2b2b2b2b2b2b2b2'),
      articleOf('Georgian Prime Minister Pavel Belenskyy said he would attend.', 'e5e5e5e5e5e5e5e5'),
    ]);
    expect(facts.statements.find((s) => s.speaker === 'Tomas Varga')?.affiliation).toBeNull();
    const office = extractStatements(
      articleOf('"The pledges must be written down," Tomas Varga, an adviser to the head of the delegation, said.'),
    );
    expect(office.principals).toEqual([]);
  });
});
