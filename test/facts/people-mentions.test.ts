import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { personKey } from '../../lambda/facts/speaker-key.js';
import { extractStatements } from '../../lambda/facts/statements.js';
import { articleOf } from './article-of.js';
import { readArticles, SEED_DIR } from './fixture-articles.js';

/** Purpose-written: two people named but never quoted, one speaker, and capitalised words that are no one. */
const BODY = [
  'Peace Talks Resume In Geneva As Mirela Hostova Arrives',
  '',
  'Delegations met at the Dolmabahce Palace in Istanbul on Tuesday, and observers from the Red Cross attended.',
  'Hungarian Prime Minister Ferenc Lakatos has offered to host a summit, while Mirela Hostova, the head of the Balkan Mediation Institute, flew in overnight.',
  'Meanwhile Western capitals watched closely as convoys moved between Bila Tserkva and Lubny.',
  'Outside Kharkiv, shelling continued overnight.',
  'Despite Western pressure, the talks went on.',
  'Negotiators from South Africa were also present at the Dolmabahce Palace.',
  '"We are ready to sign a ceasefire today," Andriy Kovalenko, Ukraine\'s chief negotiator, told reporters.',
  'Lakatos did not say when the summit would take place.',
].join('\n');

const mentionsOf = (body: string) => extractStatements(articleOf(body)).mentions;

describe('mentioned people', () => {
  it('lists the people an article names, speakers and the never-quoted alike', () => {
    const { mentions, people } = extractStatements(articleOf(BODY));
    expect(mentions.map((m) => m.name).sort()).toEqual(['Andriy Kovalenko', 'Ferenc Lakatos', 'Mirela Hostova']);
    expect(people.map((p) => p.name)).toEqual(['Andriy Kovalenko']);
  });

  it('takes no palace, city, organisation, country or sentence-initial word for a person', () => {
    const names = mentionsOf(BODY).flatMap((m) => [m.name, ...m.aliases]);
    for (const notAPerson of ['Dolmabahce', 'Istanbul', 'Geneva', 'Red Cross', 'Bila Tserkva', 'South Africa']) {
      expect(names.join(' | ')).not.toContain(notAPerson);
    }
    for (const sentenceStart of ['Meanwhile Western', 'Outside Kharkiv', 'Despite Western', 'Peace Talks']) {
      expect(names).not.toContain(sentenceStart);
    }
  });

  it('cites the sentences naming a person, in article order, with the surname-only mention after the full one', () => {
    const lakatos = mentionsOf(BODY).find((m) => m.key === personKey('Ferenc Lakatos'));
    expect(lakatos).toMatchObject({ name: 'Ferenc Lakatos', affiliation: 'Hungary' });
    expect(lakatos?.citations.map((c) => c.evidence)).toEqual([
      'Hungarian Prime Minister Ferenc Lakatos has offered to host a summit, while Mirela Hostova, the head of the Balkan Mediation Institute, flew in overnight.',
      'Lakatos did not say when the summit would take place.',
    ]);
  });

  it('does not cite a headline, and leaves out a person named only in one', () => {
    const hostova = mentionsOf(BODY).find((m) => m.key === personKey('Mirela Hostova'));
    expect(hostova?.citations.map((c) => c.evidence).join(' ')).not.toContain('Peace Talks Resume');
    expect(mentionsOf('Talks Resume As Mirela Hostova Arrives\n\nThe talks resumed on Tuesday.')).toEqual([]);
  });

  it('does not take a name cut at an initial or a particle for a person of its own', () => {
    const body = [
      "France's special envoy Jean-Baptiste de Valmorel arrived on Monday.",
      'US Secretary of State James T. Whitcombe Jr. left on Tuesday.',
    ].join('\n');
    const keys = mentionsOf(body).map((m) => m.key);
    expect(keys.sort()).toEqual([personKey('Jean-Baptiste de Valmorel'), personKey('James T. Whitcombe Jr.')].sort());
  });

  it('names no one mentioned only by a bare surname, or untitled at the start of a sentence', () => {
    expect(mentionsOf('Officials in Kyiv said the talks with Podolyak had been useful.')).toEqual([]);
    expect(mentionsOf('Hannah Iwata arrived in Kyiv on Monday.')).toEqual([]);
  });

  it('keeps a preposition, conjunction or adverb opening a sentence out of the name glued to it', () => {
    // Prepare: the opener runs straight into the name, with no comma between (the class of opening.json).
    const body = [
      'President Anton Varga of Ruritania met the envoys on Monday.',
      'Despite Varga\u2019s threats to impose sanctions, the envoys remain sceptical.',
      'Amid Varga\u2019s warnings the talks went on.',
      'Nevertheless Varga said on Tuesday that the talks would go on.',
    ].join('\n');
    // Act
    const { people, mentions } = extractStatements(articleOf(body));
    // Assess
    const names = [...people, ...mentions].flatMap((p) => [p.name, ...p.aliases]);
    for (const glued of ['Despite Varga', 'Amid Varga', 'Nevertheless Varga']) expect(names).not.toContain(glued);
    expect(people.map((p) => p.name)).toEqual(['Anton Varga']);
  });

  it('takes a name at the start of a sentence when a role follows it', () => {
    const [named] = mentionsOf('Hannah Iwata, the UN special envoy, arrived in Kyiv on Monday.');
    expect(named?.name).toBe('Hannah Iwata');
  });
});

describe('mentioned people in the seed corpus', () => {
  let articles: Article[];
  beforeAll(async () => {
    articles = await readArticles(SEED_DIR);
  });

  it('finds Zelensky, who is never quoted, as a mentioned person with his affiliation', () => {
    const mentioned = articles.flatMap((a) => extractArticleFacts(a).mentions);
    const zelensky = mentioned.filter((m) => m.key === personKey('Volodymyr Zelenskyy'));
    expect(zelensky.length).toBeGreaterThan(0);
    expect(zelensky[0]).toMatchObject({ affiliation: 'Ukraine' });
    expect(zelensky[0]?.name).toMatch(/^Volodymyr Zelensky/);
  });

  it('grounds every mention: each evidence is a verbatim substring of its article body', () => {
    for (const article of articles) {
      for (const m of extractArticleFacts(article).mentions) {
        for (const c of m.citations) {
          expect(c.articleId).toBe(article.id);
          expect(article.body).toContain(c.evidence);
        }
      }
    }
  });
});

describe('mention grounding on any text', () => {
  it('cites only verbatim substrings of the body, whatever the words around the names', () => {
    const word = fc.constantFrom(
      'President',
      'Vladimir',
      'Putin',
      'said',
      'the',
      'Red',
      'Cross',
      'in',
      'Kyiv',
      'met',
      'Anna',
      'Kovalenko',
      'of',
      'Ukraine’s',
      'negotiator',
      '.',
      ',',
      '\n',
      '“',
      '”',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (words) => {
        const body = words.join(' ');
        for (const m of mentionsOf(body)) {
          expect(m.citations.length).toBeGreaterThan(0);
          for (const c of m.citations) expect(body).toContain(c.evidence);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("a name after an envoy title that names the envoy's region or destination", () => {
  it('keeps the region of a title ("Special Envoy to the Middle East") out of the name after it', () => {
    // Prepare: the title words before "Middle East" are titles; the region is neither title nor name.
    const body = [
      'The Ruritanian delegation included Special Envoy to the Middle East Karl Brandt.',
      'Brandt said the deal was close.',
    ].join('\n');
    // Act
    const { people, mentions } = extractStatements(articleOf(body));
    // Assess
    expect(people.map((p) => p.name)).toEqual(['Karl Brandt']);
    expect(mentions.flatMap((m) => [m.name, ...m.aliases])).not.toContain('Middle East Karl Brandt');
  });

  it('gives an envoy for a country no affiliation with that country: it is where he is sent', () => {
    // Prepare
    const body = [
      'The idea was floated by Karl Brandt, Varga\u2019s special envoy for the Middle East and Ukraine.',
      'Brandt said the deal was close.',
      'Ilse Moor, the Austrian envoy to Ukraine, said the talks would resume.',
    ].join('\n');
    // Act
    const { people } = extractStatements(articleOf(body));
    // Assess
    const country = (name: string) => people.find((p) => p.name === name)?.affiliation;
    expect(country('Karl Brandt')).toBeNull();
    expect(country('Ilse Moor')).toBe('Austria');
  });
});
