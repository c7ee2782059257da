import { describe, expect, it } from 'vitest';
import { extractArticleFacts, extractCorpusFacts, readArticle } from '../../lambda/facts/extract.js';
import { corpusGuarantors, corpusListGuarantors } from '../../lambda/facts/guarantor-corpus.js';
import { unrejectedCountryLists } from '../../lambda/facts/guarantors.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';

/*
 * Written for these tests: one report names three South American states as possible guarantors in so many words;
 * another, on the same security effort, only lists them as the ones a call will bring together, in the sentence after
 * its guarantee sentence. Read alone, the second names no guarantor; beside the first, its list is the guarantors'.
 */
const NAMES_THEM = 'Kyiv wants security guarantees from Chile, Peru and Ecuador, its foreign minister said on Tuesday.';
const GUARANTEE_SENTENCE = 'Envoys will meet on Friday to shape the security guarantees for Ukraine after a truce.';
const LISTS_THEM = 'The call, chaired by the Uruguayan premier, will bring in the leaders of Chile, Peru and Ecuador.';
const FAR_AWAY = 'Copper exporters such as Chile, Peru and Ecuador raised their prices again on Thursday.';

const topics = compileTopics(defaultTopicsConfig);
const KNOWN = new Set(['Chile', 'Peru', 'Ecuador']);
const addedTo = (body: string, known: ReadonlySet<string> = KNOWN) => {
  const article = articleOf(body);
  const { facts, guaranteeTopic } = readArticle(article);
  return corpusListGuarantors(article, facts, known, topics, guaranteeTopic).map(
    (g) => `${g.country} by ${g.proposedBy ?? '?'}`,
  );
};

describe('corpusGuarantors', () => {
  it('is every country some article names as a guarantor', () => {
    const facts = [extractArticleFacts(articleOf(NAMES_THEM)), extractArticleFacts(articleOf(FAR_AWAY))];
    expect([...corpusGuarantors(facts)].sort()).toEqual(['Chile', 'Ecuador', 'Peru']);
  });
});

describe('unrejectedCountryLists', () => {
  it('keeps a list whose offices stand for its countries and drops a venue, a pair and a refusal', () => {
    const countries = (text: string) => unrejectedCountryLists(text).map((list) => list.map((m) => m.country));
    expect(countries('The call will bring in the leaders of Chile, Peru and Ecuador.')).toEqual([
      ['Chile', 'Peru', 'Ecuador'],
    ]);
    expect(countries('Envoys met in Chile, Peru and Ecuador last month.')).toEqual([]);
    expect(countries('Trade between Chile and Peru grew.')).toEqual([]);
    expect(countries('Chile, Peru and Ecuador refused to send anyone.')).toEqual([]);
  });

  it('keeps the countries of those attending a meeting, not of envoys doing something else', () => {
    const countries = (text: string) => unrejectedCountryLists(text).map((list) => list.map((m) => m.country));
    expect(countries('Representatives from Asia, Chile, Peru and Ecuador took part in the session.')).toEqual([
      ['Chile', 'Peru', 'Ecuador'],
    ]);
    expect(countries('Envoys from Chile, Peru and Ecuador drafted the plan.')).toEqual([]);
  });
});

describe('corpusListGuarantors: a list of countries the corpus knows as guarantors', () => {
  it('adds the list beside a guarantee sentence, proposed by the protected country', () => {
    expect(addedTo(`${GUARANTEE_SENTENCE} ${LISTS_THEM}`)).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
      'Ecuador by Ukraine',
    ]);
  });

  it('adds nothing when the corpus knows too few of the list', () => {
    expect(addedTo(`${GUARANTEE_SENTENCE} ${LISTS_THEM}`, new Set(['Chile', 'Peru', 'Uruguay']))).toEqual([]);
  });

  it('adds nothing from a paragraph outside the guarantee topic, with no guarantee sentence beside it', () => {
    const body = [GUARANTEE_SENTENCE, 'The weather was mild.', 'Markets were calm.', FAR_AWAY].join('\n');
    expect(addedTo(body)).toEqual([]);
  });

  it('adds the list from a later paragraph that goes on with the guarantees (the topic as discourse state)', () => {
    const body = [
      GUARANTEE_SENTENCE,
      'A first draft of the force is due next month. Its planners have asked for maps. The call on its troops will bring in the leaders of Chile, Peru and Ecuador.',
    ].join('\n');
    expect(addedTo(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Ecuador by Ukraine']);
    // The same list after a paragraph on something else is no longer tied to the guarantees.
    const leftTopic = [GUARANTEE_SENTENCE, 'Grain prices rose on Monday.', body.split('\n')[1]].join('\n');
    expect(addedTo(leftTopic)).toEqual([]);
  });

  it('adds nothing from a list with a party to the war, which names the talks’ participants', () => {
    const body = `${GUARANTEE_SENTENCE} Officials of Russia, Chile, Peru and Ecuador will attend the dinner.`;
    expect(addedTo(body)).toEqual([]);
  });
});

describe("guarantors the corpus knows (extraction's corpus pass)", () => {
  it('are none in the listing report read alone, and its list once another report names them', () => {
    const listing = articleOf(`${GUARANTEE_SENTENCE} ${LISTS_THEM}`, 'c3c3c3c3c3c3c3c3');
    const countriesOf = (facts: { guarantors: { country: string; citations: { articleId: string }[] }[] }) =>
      facts.guarantors
        .filter((g) => g.citations.some((c) => c.articleId === listing.id))
        .map((g) => g.country)
        .sort();
    expect(countriesOf(extractArticleFacts(listing))).toEqual([]);
    const corpus = extractCorpusFacts([articleOf(NAMES_THEM, 'd4d4d4d4d4d4d4d4'), listing]);
    expect(countriesOf(corpus)).toEqual(['Chile', 'Ecuador', 'Peru']);
  });
});

describe('known lists in a report on another conflict’s process', () => {
  it('adds none from a sentence naming the guarantors of other talks, in a report naming neither side', () => {
    const other =
      'Talks between the government and the rebels resumed. Chile, Peru and Ecuador are the guarantors of the peace talks.';
    expect(addedTo(other)).toEqual([]);
  });

  it("reads the protected side's leader as naming a side, as an article's own guarantors do", () => {
    // Prepare: a report whose only word for a side is a leader the corpus places in Ukraine (the body never says so).
    const article = articleOf(
      'President Anton Vell met the envoys on Monday. Talks with the rebels resumed. Chile, Peru and Ecuador are the ' +
        'guarantors of the peace talks, the envoys said. The envoys will meet again to shape the security guarantees ' +
        'after a truce.',
    );
    const { facts, guaranteeTopic } = readArticle(article);
    const placed = { ...facts, mentions: facts.mentions.map((m) => ({ ...m, affiliation: 'Ukraine' })) };
    const added = (f: typeof facts) =>
      corpusListGuarantors(article, f, KNOWN, topics, guaranteeTopic).map((g) => `${g.country} by ${g.proposedBy}`);
    // Act and assess: unplaced, the report names neither side; placed, the leader names Ukraine's.
    expect(added(facts)).toEqual([]);
    expect(added(placed)).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Ecuador by Ukraine']);
  });
});
