import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { extractGuarantors } from '../../lambda/facts/guarantors.js';
import { articleOf } from './article-of.js';
import { fixtureDir, readArticles } from './fixture-articles.js';

const guarantorsIn = (body: string) =>
  extractGuarantors(articleOf(body)).map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

describe('extractGuarantors', () => {
  it('lists every country of "guarantees from …" with the party that wants them', () => {
    expect(guarantorsIn('Ukraine wants guarantees from the UK, Russia, Japan, the US, and Israel.')).toEqual([
      'United Kingdom by Ukraine',
      'Russia by Ukraine',
      'Japan by Ukraine',
      'United States by Ukraine',
      'Israel by Ukraine',
    ]);
  });

  it('reads the list after an introducing phrase and stops at "but"', () => {
    const body =
      'Ukrainian negotiators also said Kyiv is asking for security guarantees from foreign powers like the United States and Japan but that the guarantees would not cover occupied areas of Ukraine.';
    expect(guarantorsIn(body)).toEqual(['United States by Ukraine', 'Japan by Ukraine']);
  });

  it('takes the proposer named after the fact ("…, Ukrainian officials said")', () => {
    expect(guarantorsIn('Germany and France could act as guarantors, Ukrainian officials said.')).toEqual([
      'Germany by Ukraine',
      'France by Ukraine',
    ]);
  });

  it('finds Russia as the proposer when the Kremlin wants a country to guarantee a deal', () => {
    expect(guarantorsIn('The Kremlin said it wants China to guarantee any deal.')).toEqual(['China by Russia']);
  });

  it('reads a seat of government after "guarantees from" as its country, and no country of a later phrase', () => {
    expect(guarantorsIn('Kyiv seeks firm security guarantees from Ottawa in any agreement with Russia.')).toEqual([
      'Canada by Ukraine',
    ]);
    expect(guarantorsIn('Kyiv seeks firm security guarantees from its allies in any deal with Belarus.')).toEqual([]);
  });

  it('takes no seat, adjective or "the Kremlin" of the attribution after the list for one more guarantor', () => {
    const from = 'Ukraine wants security guarantees from Turkey and Poland, ';
    const both = ['Turkey by Ukraine', 'Poland by Ukraine'];
    expect(guarantorsIn(`${from}Russian officials said.`)).toEqual(both);
    expect(guarantorsIn(`${from}the Kremlin said.`)).toEqual(both);
    expect(guarantorsIn(`${from}Beijing said on Monday.`)).toEqual(both);
    expect(guarantorsIn(`${from}Washington said.`)).toEqual(both);
  });

  it('takes no country named as the source after a bare comma ("…, Russia said"), in any list path', () => {
    const from = 'Ukraine wants security guarantees from Turkey and Poland, ';
    const both = ['Turkey by Ukraine', 'Poland by Ukraine'];
    expect(guarantorsIn(`${from}Russia said.`)).toEqual(both);
    expect(guarantorsIn(`${from}Russia reportedly claimed on Monday.`)).toEqual(both);
    expect(guarantorsIn(`${from}China's officials said.`)).toEqual(both);
    expect(guarantorsIn('Turkey, Poland and Japan could act as guarantors, Russia told reporters.')).toEqual([
      'Turkey by Russia',
      'Poland by Russia',
      'Japan by Russia',
    ]);
    // Near misses: a country after "and" is a list item, and so is one the sentence goes on to cast.
    expect(guarantorsIn(`Ukraine wants security guarantees from Turkey, Poland and Russia, Kyiv said.`)).toEqual([
      'Turkey by Ukraine',
      'Poland by Ukraine',
      'Russia by Ukraine',
    ]);
    expect(guarantorsIn('Ukraine wants security guarantees from Turkey, Poland, Japan.')).toEqual([
      'Turkey by Ukraine',
      'Poland by Ukraine',
      'Japan by Ukraine',
    ]);
  });

  it('keeps a list member whose verb of saying has words of its own ("Britain said to be ready"): no attribution', () => {
    const three = ['Turkey by Ukraine', 'Poland by Ukraine', 'United Kingdom by Ukraine'];
    const from = 'Ukraine wants security guarantees from Turkey, Poland, ';
    expect(guarantorsIn(`${from}Britain said to be ready.`)).toEqual(three);
    expect(guarantorsIn(`${from}Britain described as the core of the force.`)).toEqual(three);
    expect(guarantorsIn(`${from}Britain announced it would join.`)).toEqual(three);
    // Near misses: the attribution closes the sentence, or only a time, a setting or its hearer follows it.
    const two = three.slice(0, 2);
    expect(guarantorsIn(`${from}Britain said Monday.`)).toEqual(two);
    expect(guarantorsIn(`${from}Britain said in a statement on Monday.`)).toEqual(two);
    expect(guarantorsIn(`${from}Britain told Reuters.`)).toEqual(two);
    expect(guarantorsIn(`${from}Britain's officials told reporters.`)).toEqual(two);
  });

  it('takes no country the guarantees deter, or the force wages no war on', () => {
    expect(
      guarantorsIn(
        'Any peace deal would need security guarantees from Norway to discourage Russia from attacking again.',
      ),
    ).toEqual(['Norway by Ukraine']);
    expect(
      guarantorsIn(
        'Norway will send peacekeepers to guarantee the security of Ukraine. The premier added that "this reassurance force does not seek to wage any war on Russia".',
      ),
    ).toEqual(['Norway by Ukraine']);
  });

  it('gives a proposal the protected side rejected to the other side, merged with what it proposed itself', () => {
    const plan =
      'Under the plan, Ukraine would get security guarantees backed by a group of nations including Chile and Russia.';
    expect(guarantorsIn(plan)).toEqual(['Chile by Ukraine', 'Russia by Ukraine']);
    expect(guarantorsIn(`${plan} Kyiv rejected the plan.`)).toEqual(['Chile by Russia', 'Russia by Russia']);
    expect(guarantorsIn(`${plan} Kyiv rejected the demand for a smaller army.`)).toEqual([
      'Chile by Ukraine',
      'Russia by Ukraine',
    ]);
  });

  it('reads the rejection in the passive, or as distancing, as the protected side rejecting the proposal', () => {
    expect(guarantorsIn('That proposal, rejected by Kyiv at the time, would have made Chile a guarantor.')).toEqual([
      'Chile by Russia',
    ]);
    expect(
      guarantorsIn('That accord was rejected by Kyiv, as it would have given Chile a veto over other guarantors.'),
    ).toEqual(['Chile by Russia']);
    expect(
      guarantorsIn('Kyiv later distanced itself from that approach, in which Chile would act as a guarantor.'),
    ).toEqual(['Chile by Russia']);
    // Near misses: rejected by the other side, backed by the protected one, or a passive with no proposal before it.
    expect(guarantorsIn('That proposal, rejected by Moscow at the time, would have made Chile a guarantor.')).toEqual([
      'Chile by Ukraine',
    ]);
    expect(guarantorsIn('That proposal, backed by Kyiv, would have made Chile a guarantor.')).toEqual([
      'Chile by Ukraine',
    ]);
    expect(guarantorsIn('Ukraine wants Chile as a guarantor; a ceasefire was rejected by Kyiv in May.')).toEqual([
      'Chile by Ukraine',
    ]);
    // Nor another proposal the sentence names by its owner, which points back to none ("the Russian plan").
    expect(
      guarantorsIn(
        'Ukraine wants Chile as a guarantor; the Russian plan, rejected by Kyiv last year, gave Moscow a veto.',
      ),
    ).toEqual(['Chile by Ukraine']);
    expect(
      guarantorsIn(
        'Ukraine wants Chile and Peru to act as guarantors, after the Russian framework was rejected by Kyiv.',
      ),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
  });

  it('keeps the protected side as proposer when the next sentence has it reject another proposal', () => {
    const wants = 'Ukraine wants Turkey and Poland to act as security guarantors.';
    const own = ['Turkey by Ukraine', 'Poland by Ukraine'];
    expect(guarantorsIn(`${wants} Kyiv also rejected the Russian plan to freeze the front line.`)).toEqual(own);
    expect(guarantorsIn(`${wants} Ukraine rejected the proposal to hold a referendum.`)).toEqual(own);
  });

  it('leaves out a country excluded with "but not"', () => {
    expect(guarantorsIn('Kyiv would accept guarantees from Japan but not from Belarus.')).toEqual(['Japan by Ukraine']);
  });

  it.each([
    'Ukraine wants Russia not to stand in the way of its EU membership and wants security guarantees modelled on NATO’s Article 5.',
    'Russia, a guarantor of the 1994 Budapest Memorandum, has not commented.',
    'The treaty would need approval by the legislature of each guarantor country and by Ukraine.',
    'Turkey hosted the talks on security guarantees, and the United States followed them closely.',
    'Security guarantees for Ukraine were discussed in Istanbul.',
    'Russia would guarantee safe passage for grain ships.',
    'Delegations from Ukraine and Russia ended the round with a draft text on security guarantees.',
  ])('proposes no guarantor in "%s"', (body) => {
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('never makes the country being protected its own guarantor', () => {
    expect(guarantorsIn('Russia wants guarantees from Ukraine and Belarus.')).toEqual(['Belarus by Russia']);
  });

  it('cites the sentence verbatim and collects one citation per sentence for a country named twice', () => {
    const body = 'Kyiv wants guarantees from Poland. Later, Ukraine asked for guarantees from Poland again.';
    const [poland] = extractGuarantors(articleOf(body));
    expect(poland?.citations.map((c) => c.evidence)).toEqual([
      'Kyiv wants guarantees from Poland.',
      'Later, Ukraine asked for guarantees from Poland again.',
    ]);
  });
});

describe('guarantors in the new-countries fixture', () => {
  let article: Article;
  beforeAll(async () => {
    [article] = (await readArticles(fixtureDir('facts-guarantors-new-countries'))) as [Article];
  });

  it('finds Germany, Türkiye and "the U.S.", Britain and Poland, Japan, and the quoted Canada, all proposed by Ukraine', () => {
    const found = extractArticleFacts(article).guarantors.map((g) => `${g.country} by ${g.proposedBy}`);
    expect(found.sort()).toEqual(
      [
        'Germany by Ukraine',
        'Turkey by Ukraine',
        'United States by Ukraine',
        'United Kingdom by Ukraine',
        'Poland by Ukraine',
        'Japan by Ukraine',
        'Canada by Ukraine',
      ].sort(),
    );
  });

  it('takes the proposer of a quote with no attribution from the speaker named in the sentence before', () => {
    const canada = extractGuarantors(article).find((g) => g.country === 'Canada');
    expect(canada).toMatchObject({
      proposedBy: 'Ukraine',
      citations: [{ evidence: '"We want Canada among our guarantor states."' }],
    });
  });
});

describe('guarantors in the guarantees-without-guarantor fixture', () => {
  it('finds none although every sentence talks about guarantees', async () => {
    const [article] = (await readArticles(fixtureDir('facts-guarantees-without-guarantor'))) as [Article];
    expect(extractArticleFacts(article).guarantors).toEqual([]);
  });
});

describe('guarantor lists as the press writes them', () => {
  it.each([
    [
      'Ukraine named Britain, China, the United States and Turkey among countries it wanted to be among guarantors.',
      ['United Kingdom by Ukraine', 'China by Ukraine', 'United States by Ukraine', 'Turkey by Ukraine'],
    ],
    [
      'Kyiv wants a group of countries including the UK, US and Germany to act as guarantors of its security.',
      ['United Kingdom by Ukraine', 'United States by Ukraine', 'Germany by Ukraine'],
    ],
    [
      'Ukraine wants an agreement in which guarantor states, including Canada and Italy, would protect it.',
      ['Canada by Ukraine', 'Italy by Ukraine'],
    ],
    [
      'Under the proposal put forward by Ukraine, Japan and Sweden would guarantee its security.',
      ['Japan by Ukraine', 'Sweden by Ukraine'],
    ],
    [
      'The list of possible guarantor states drawn up by Moscow includes Kazakhstan and Switzerland.',
      ['Kazakhstan by Russia', 'Switzerland by Russia'],
    ],
    [
      'The proposed guarantors include Sweden and Japan, Ukrainian negotiators said.',
      ['Sweden by Ukraine', 'Japan by Ukraine'],
    ],
  ])('reads "%s"', (body, expected) => {
    expect(guarantorsIn(body)).toEqual(expected);
  });
});

describe('guarantors recalled from every country of a guarantee sentence', () => {
  it.each([
    ['Kyiv wants the US, Britain and France as guarantors.', ['United States', 'United Kingdom', 'France']],
    [
      'Ukraine sees among the guarantors, first of all, the permanent members of the UN Security Council, as well as Turkey and Israel.',
      ['Turkey', 'Israel'],
    ],
    ['As guarantor nations, Ukraine named the UK, China and Canada.', ['United Kingdom', 'China', 'Canada']],
    ['Ukraine would like Poland to be among the guarantor countries.', ['Poland']],
    [
      'The guarantor countries would be the members of the Security Council — Britain, China, France — plus Turkey and Italy.',
      ['United Kingdom', 'China', 'France', 'Turkey', 'Italy'],
    ],
    ['Ukraine wants guarantor countries, which would include the US and Canada.', ['United States', 'Canada']],
    ['The guarantor countries, which have already agreed, include Japan.', ['Japan']],
    ['Germany said it would contribute to the guarantees with air defence.', ['Germany']],
    [
      'The guarantors should be the permanent members of the UN Security Council – the United Kingdom, China – as well as Poland.',
      ['United Kingdom', 'China', 'Poland'],
    ],
    ['Kyiv named its candidates for guarantors; these are Britain and Canada.', ['United Kingdom', 'Canada']],
    ['Ukraine wants security guarantees from the US and Canada, unlike the 1994 deal.', ['United States', 'Canada']],
    ['Kyiv wants legally binding guarantees, and Japan and Canada should provide them.', ['Japan', 'Canada']],
  ])('finds the guarantors of "%s"', (body, expected) => {
    expect(extractGuarantors(articleOf(body)).map((g) => g.country)).toEqual(expected);
  });

  it.each([
    ['a venue', 'Talks in Istanbul, Turkey, on security guarantees ended after four hours.', []],
    ['a dateline', 'ANKARA, Turkey — Ukrainian officials discussed security guarantees.', []],
    ['the threat', 'The guarantees from Canada would protect Ukraine against Russia.', ['Canada']],
    ['an excluded country', 'Kyiv wants security guarantees from Japan, without Belarus.', ['Japan']],
    ["an office's country", 'The foreign minister of Hungary said his country would stay out of the guarantees.', []],
    ['a refusal of the role', 'The White House said the United States was not ready to give Ukraine guarantees.', []],
    ['a country ruled out', 'Kyiv ruled out Belarus as a guarantor.', []],
    ['the subject of another verb', 'Poland and the Baltic states have voiced skepticism about the guarantees.', []],
    [
      'a modifier of the subject',
      'The U.S. State Department said Washington would study the proposals on security guarantees.',
      [],
    ],
    ['the subjects of a list', 'France and Britain hosted a video call of the coalition on security guarantees.', []],
    [
      'a relative clause about something else',
      'The guarantees would work like Article 5, which obliges the United States to defend an ally.',
      [],
    ],
    ['a country someone talks to', 'We want Italy among the guarantors, and we are talking to Japan.', ['Italy']],
    ['a past instrument', 'Russia, France and Germany were guarantors of the Minsk Agreements.', []],
    [
      'a verb wanting something else',
      'Ukraine wants Austria to drop its objections and wants security guarantees.',
      [],
    ],
  ])('rejects %s', (_rule, body, expected) => {
    expect(extractGuarantors(articleOf(body)).map((g) => g.country)).toEqual(expected);
  });

  it('reads a list that runs on from a colon into the next bullets, with the proposer of the line that opened it', () => {
    const body = [
      'The Ukrainian delegation handed over its paper.',
      '- Guarantor states under the treaty:',
      '- Britain, Canada;',
      '- Japan.',
      '- Consultations within three days.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['United Kingdom by Ukraine', 'Canada by Ukraine', 'Japan by Ukraine']);
  });

  it('reads "Among them are …" after a sentence about guarantor countries', () => {
    const body =
      'Kyiv wants a treaty in which guarantor countries act like NATO allies. Among them are Norway and Japan.';
    expect(guarantorsIn(body)).toEqual(['Norway by Ukraine', 'Japan by Ukraine']);
  });

  it("gives a mediator's report of what one side wants to that side, not to the mediator", () => {
    const body =
      'The Turkish foreign minister, Hakan Fidan, said Russia wants China and India as guarantor states of any deal.';
    expect(guarantorsIn(body)).toEqual(['China by Russia', 'India by Russia']);
  });

  it('takes the proposer from the delegation named in the sentence before', () => {
    const body =
      'The Russian delegation presented its memorandum on Monday. Under the document, the guarantor states would include Belarus and Kazakhstan.';
    expect(guarantorsIn(body)).toEqual(['Belarus by Russia', 'Kazakhstan by Russia']);
  });

  it('takes the proposer named after a bracketed list from the speaker ("…, a Russian diplomat said")', () => {
    const body =
      'The states with permanent Security Council seats (China, the UK, France) may be the core of a group of guarantor states, a Russian diplomat said.';
    expect(guarantorsIn(body)).toEqual(['China by Russia', 'United Kingdom by Russia', 'France by Russia']);
  });

  it('takes no proposer from an earlier sentence about something else: the party whose security it is', () => {
    const body =
      'Medinsky, the Russian negotiator, said the talks were constructive. The guarantor states would include Britain and China.';
    expect(guarantorsIn(body)).toEqual(['United Kingdom by Ukraine', 'China by Ukraine']);
  });

  it('never makes a country proposed in the list its own proposer', () => {
    expect(guarantorsIn('Russia has been proposed as one of the guarantors, as have China and France.')).toEqual([
      'Russia by Ukraine',
      'China by Ukraine',
      'France by Ukraine',
    ]);
  });
});

describe('the proposer by the person acting before the countries', () => {
  const guarantorsOf = (body: string) =>
    extractArticleFacts(articleOf(body)).guarantors.map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);
  const INTRODUCTION = 'Russian President Ana Lindqvist met the envoy on Friday.\n';

  it('gives the list to the side of the person who names it, though only mentioned, never quoted', () => {
    const body = `${INTRODUCTION}Talks turned to security guarantees for Ukraine, as Lindqvist reportedly named Brazil as one of the possible guarantors.`;
    expect(guarantorsOf(body)).toEqual(['Brazil by Russia']);
  });

  it('does not make a person who accepts a proposal its author', () => {
    const body = `${INTRODUCTION}An envoy said Lindqvist agreed that Brazil could act as a guarantor of Ukraine's security.`;
    expect(guarantorsOf(body)).toEqual(['Brazil by Ukraine']);
  });
});

describe('the mediator of the talks or owner of the peace plan', () => {
  it('is no guarantor where the sentence makes it the one leading the talks or owning the plan', () => {
    expect(
      guarantorsIn(
        'The envoys weighed a draft Mexico peace framework, which includes security guarantees for Ukraine.',
      ),
    ).toEqual([]);
    expect(
      guarantorsIn(
        'Kyiv said the talks led by Mexico, aimed at a truce, have not yet covered security guarantees for Ukraine.',
      ),
    ).toEqual([]);
  });

  it('is a guarantor where the sentence casts it as one', () => {
    expect(guarantorsIn('Under its peace framework, Mexico would provide security guarantees for Ukraine.')).toEqual([
      'Mexico by Ukraine',
    ]);
  });
});

describe('general conditions a guarantor candidate meets', () => {
  const OPENING = 'Leaders met in Lisbon on Thursday to weigh security guarantees for Ukraine after a truce.';
  const inArticle = (sentence: string) => guarantorsIn(`${OPENING}\n${sentence}`);

  it('is no guarantor given in a decade of the last century', () => {
    expect(inArticle('The guarantees would mirror those Chile gave its neighbours in the 1980s.')).toEqual([]);
  });

  it('is no guarantor that only doubts that anyone will send troops', () => {
    expect(inArticle('Chile questioned whether any country would send troops to Ukraine.')).toEqual([]);
  });

  it('is no guarantor by the envoys or advisers who drafted a plan', () => {
    expect(
      inArticle('A draft written by envoys from Chile and Peru includes security guarantees for Ukraine.'),
    ).toEqual([]);
  });

  it('is no country where a region of the Americas is named', () => {
    expect(inArticle('Peru said security guarantees were a matter for Europe, not for South America.')).toEqual([]);
  });

  it('is no country the guarantees are compared with, a model or a precedent, but countries given as examples are', () => {
    expect(inArticle('Kyiv seeks security guarantees similar to those Chile gives Peru.')).toEqual([]);
    expect(inArticle('Like Chile, Kyiv wants security guarantees before any truce.')).toEqual([]);
    expect(inArticle('Envoys weighed a Chile-style model of security guarantees.')).toEqual([]);
    expect(inArticle('The security guarantees could follow the model of Peru.')).toEqual([]);
    expect(inArticle('Kyiv wants security guarantees from countries like Chile and Peru.')).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
    // A comparison ends where a preposition brings in the guarantors themselves.
    expect(inArticle('Kyiv signed security guarantees similar to Article 5 with Chile and Peru.')).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
  });

  it('is a guarantor before an infinitive of the guarantees’ purpose', () => {
    expect(inArticle('Kyiv has signed security guarantees with Chile and Peru to deter any renewed attack.')).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
  });

  it('is no guarantor that offers only to host the talks on the guarantees', () => {
    expect(inArticle('Chile, a neutral country, has offered to host talks on security guarantees.')).toEqual([]);
    expect(inArticle('Chile, a neutral country, has offered to provide security guarantees.')).toEqual([
      'Chile by Ukraine',
    ]);
  });
});

describe('a leader standing for the country that offers guarantees', () => {
  const guarantorsOf = (body: string) =>
    extractArticleFacts(articleOf(body)).guarantors.map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

  it('reads an outsider named by surname, praised for a pledge to provide guarantees, as its country', () => {
    const body =
      'Canadian Prime Minister Jane Holt met European leaders on Monday.\nThe leaders thanked Holt for her pledge to provide security guarantees to Ukraine.';
    expect(guarantorsOf(body)).toEqual(['Canada by Ukraine']);
  });

  it("reads a leader's government, after the leader's possessive, as the leader's country offering", () => {
    const intro = 'Canadian Prime Minister Jane Holt met European leaders on Monday.\n';
    expect(
      guarantorsOf(`${intro}Holt's government has expressed a willingness to provide security guarantees to Ukraine.`),
    ).toEqual(['Canada by Ukraine']);
    // Near miss: another group of hers is no government acting for her country.
    expect(
      guarantorsOf(`${intro}Holt's critics have expressed a willingness to provide security guarantees to Ukraine.`),
    ).toEqual([]);
  });

  it('reads an outside leader the article introduced, opening a clause and offering, as that country', () => {
    const intros = [
      'French President Jean Dupont met the Ukrainian president in Kyiv on Monday.\n',
      'The French prime minister, Jean Dupont, met the Ukrainian president in Kyiv on Monday.\n',
      "Jean Dupont, France's foreign minister, met the Ukrainian president in Kyiv on Monday.\n",
    ];
    for (const intro of intros) {
      expect(guarantorsOf(`${intro}Dupont is ready to guarantee Ukraine's security.`)).toEqual(['France by Ukraine']);
      expect(guarantorsOf(`${intro}Dupont's government is ready to guarantee Ukraine's security.`)).toEqual([
        'France by Ukraine',
      ]);
    }
  });

  it('reads no country for a leader talked about, introduced in full, or an officer of an organisation', () => {
    const intro = 'French President Jean Dupont met the Ukrainian president in Kyiv on Monday.\n';
    // Talked about, not offering: the object of another's verb, or the speaker of other words.
    expect(guarantorsOf(`${intro}Zelensky described Dupont as a guarantor of Ukraine's security.`)).toEqual([]);
    expect(guarantorsOf(`${intro}Dupont said Ukraine needs security guarantees from Chile.`)).toEqual([
      'Chile by Ukraine',
    ]);
    // The introduction itself, by full name, speaks of the guarantees but offers nothing.
    expect(
      guarantorsOf('French President Jean Dupont met the Ukrainian president to discuss security guarantees.'),
    ).toEqual([]);
    // An organisation's officer stands for no country, though his name might be a country's man's.
    expect(
      guarantorsOf(
        "NATO Secretary General Mark Holm met the Ukrainian president on Monday.\nHolm is ready to guarantee Ukraine's security.",
      ),
    ).toEqual([]);
    // A person named with two countries is the country of the office the article gives him.
    expect(
      guarantorsOf(
        "Jean Dupont, France's ambassador to Chile, met the Ukrainian president.\nDupont is ready to guarantee Ukraine's security.",
      ),
    ).toEqual(['France by Ukraine']);
  });

  it('reads a praised leader with no offer as no guarantor', () => {
    const body =
      'Canadian Prime Minister Jane Holt met European leaders on Monday.\nThe leaders thanked Holt for her support to Ukraine.';
    expect(guarantorsOf(body)).toEqual([]);
  });

  it('reads an offer stated as a willingness as the offer of the side the sentence is about', () => {
    const body =
      'Russian Foreign Minister Ivan Petrov said President Oleg Sorin has expressed a willingness to provide security guarantees for Ukraine.';
    expect(guarantorsOf(body)).toEqual(['Russia by Russia']);
  });
});

describe('an offer reported by an envoy of another country', () => {
  const guarantorsOf = (body: string) =>
    extractArticleFacts(articleOf(body)).guarantors.map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

  it("reads the offering leader's country, not the envoy's, past a modifier of the envoy's office", () => {
    const intro = 'Russian President Oleg Sorin met the American envoy on Friday.\n';
    expect(
      guarantorsOf(
        `${intro}After the meeting, U.S. Special Envoy Jo Vale said Sorin appeared open to offering Ukraine security guarantees.`,
      ),
    ).toEqual(['Russia by Russia']);
    expect(
      guarantorsOf(
        `${intro}The Chilean Deputy Foreign Minister said Sorin seemed willing to provide security guarantees.`,
      ),
    ).toEqual(['Russia by Russia']);
  });

  it('still reads a country before a modified office as a guarantor where it offers', () => {
    expect(guarantorsIn('Chile is open to providing security guarantees to Ukraine.')).toEqual(['Chile by Ukraine']);
  });
});

describe('guarantors of another conflict’s process', () => {
  it('takes none from a report that names neither side, where the guarantor noun is tied to a process', () => {
    expect(
      guarantorsIn(
        'Peace talks between the government and the rebels resumed in Lima. Chile, Peru and Norway are the guarantors of the peace talks.',
      ),
    ).toEqual([]);
    expect(
      guarantorsIn(
        'The island dispute was discussed with representatives of the guarantor powers Chile, Peru and Japan.',
      ),
    ).toEqual([]);
    expect(
      guarantorsIn('Negotiations with the rebels resumed under the aegis of Chile and Norway as guarantors.'),
    ).toEqual([]);
  });

  it('keeps them where the report names a side of the war, and where the noun is tied to nothing', () => {
    expect(
      guarantorsIn('Kyiv said Chile, Peru and Norway could be the guarantors of the peace talks with Moscow.'),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Norway by Ukraine']);
    expect(guarantorsIn('Chile and Peru have offered to act as guarantors of a future peace.')).not.toEqual([]);
  });
});
