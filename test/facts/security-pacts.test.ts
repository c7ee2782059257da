import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { extractGuarantors } from '../../lambda/facts/guarantors.js';
import { articleOf } from './article-of.js';

const guarantorsIn = (body: string) =>
  extractGuarantors(articleOf(body)).map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

describe('signatories of security agreements with Ukraine', () => {
  it.each([
    [
      'Ukraine has signed bilateral agreements on security guarantees with Spain, Italy and Greece.',
      ['Spain', 'Italy', 'Greece'],
    ],
    ['Norway and Iceland signed ten-year security pacts with Kyiv.', ['Norway', 'Iceland']],
    [
      'Estonia, Latvia, Lithuania, Finland and Sweden signed security agreements with Ukraine.',
      ['Estonia', 'Latvia', 'Lithuania', 'Finland', 'Sweden'],
    ],
    ['Security agreements with Ukraine were signed by Greece and Croatia on Monday.', ['Greece', 'Croatia']],
    [
      'Kyiv has signed bilateral security deals with more than 20 countries, among them Estonia and Belgium.',
      ['Estonia', 'Belgium'],
    ],
    ['Ukraine and Japan signed an agreement on security cooperation.', ['Japan']],
  ])('names the other signatories in "%s"', (body, countries) => {
    expect(guarantorsIn(body)).toEqual(countries.map((c) => `${c} by Ukraine`));
  });

  it.each([
    ['Ukraine, Spain sign security pact', ['Spain']],
    ['A security agreement between Ukraine and Italy was signed on Saturday.', ['Italy']],
    [
      'Kyiv has begun signing security agreements. Britain was the first to sign such an agreement, followed by France and Denmark.',
      ['United Kingdom', 'France', 'Denmark'],
    ],
  ])('reads a headline list, a pair and a later signatory in "%s"', (body, countries) => {
    expect(guarantorsIn(body)).toEqual(countries.map((c) => `${c} by Ukraine`));
  });

  it('reads the signers of an article about security agreements however far from where it named one', () => {
    const body = [
      'Kyiv and Chile begin talks on a bilateral security agreement.',
      'Ukraine and Chile started negotiating a security agreement this week.',
      'The first round was led by a deputy minister. Officials met in the capital. Both sides praised the talks.',
      'Portugal was the first country to enter into a final agreement.',
      'Since then, bilateral agreements with Ukraine have also been signed by Peru and Iceland.',
    ].join(' ');
    expect(guarantorsIn(body)).toEqual(['Portugal by Ukraine', 'Peru by Ukraine', 'Iceland by Ukraine']);
    // Named once, the agreement is pointed back to only by the sentences right after it.
    const once = body.replace('Ukraine and Chile started negotiating a security agreement this week. ', '');
    expect(guarantorsIn(once)).toEqual([]);
    // An agreement of another kind named between breaks the chain.
    const other = body.replace('Both sides praised the talks.', 'A grain agreement was also discussed.');
    expect(guarantorsIn(other)).toEqual([]);
  });

  it('takes no later "signed an agreement" of an article about security agreements for a signing of one', () => {
    const body = [
      'Kyiv and Chile begin talks on a bilateral security agreement.',
      'Ukraine and Chile started negotiating a security agreement this week.',
      'The first round was led by a deputy minister. Officials met in the capital. Both sides praised the talks.',
      'Turkey signed an agreement with Ukraine on grain exports.',
      'Poland signed an agreement with Kyiv to build a new bridge.',
    ].join(' ');
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('takes the country of a leader the article names ("X and Y signed the security agreement")', () => {
    const body =
      'Ukrainian President Ivan Dorosh met German Chancellor Karl Brenner. Dorosh and Brenner signed the security agreement.';
    const facts = extractArticleFacts(articleOf(body));
    expect(facts.guarantors.map((g) => `${g.country} by ${g.proposedBy}`)).toEqual(['Germany by Ukraine']);
  });

  it('lets a signed bare or definite agreement point back to the security agreement named before', () => {
    const body =
      'Kyiv and Madrid negotiated a bilateral security agreement for months. On Friday they signed the agreement. ' +
      'Later Ukraine signed agreements with Belgium and Portugal. Ukraine signed an agreement on military assistance with Sweden.';
    expect(guarantorsIn(body)).toEqual(['Belgium by Ukraine', 'Portugal by Ukraine', 'Sweden by Ukraine']);
  });

  it('takes the signatories of a declaration or joint statement on the guarantees, not of one on grain', () => {
    const body =
      'The G7 adopted a joint declaration on security guarantees for Ukraine in July. ' +
      'The signatories of the declaration now include Japan and Norway. Greece and Sweden joined the declaration later. ' +
      'The joint statement on the grain corridor was signed by Ukraine and Turkey.';
    expect(guarantorsIn(body)).toEqual([
      'Japan by Ukraine',
      'Norway by Ukraine',
      'Greece by Ukraine',
      'Sweden by Ukraine',
    ]);
  });

  it('lets "similar deals" point back only to a security agreement named just before', () => {
    const body =
      'Ukraine signed a security agreement with Denmark. Similar deals were signed with Italy and Canada. ' +
      'Kyiv also signed a trade deal with Egypt. Similar deals were signed with Morocco.';
    expect(guarantorsIn(body)).toEqual(['Denmark by Ukraine', 'Italy by Ukraine', 'Canada by Ukraine']);
  });

  it.each([
    'Hungary has refused to sign a security agreement with Ukraine.',
    'Slovakia did not sign a security deal with Kyiv.',
    'Russia signed a defence pact with Belarus.',
    'Ukraine signed a security agreement with Russia in the draft, the paper claimed.',
    'Ukraine and Turkey signed a free-trade agreement.',
    'Security agreements with Ukraine were mediated by Qatar.',
  ])('names no signatory in "%s"', (body) => {
    expect(guarantorsIn(body)).toEqual([]);
  });
});

describe('signatories of a statement on the guarantees, and signers named by office', () => {
  it.each([
    [
      'Nordic leaders released a joint statement on Friday promising lasting security guarantees for Kyiv. It was signed by the heads of government of Iceland, Norway and Finland.',
      ['Iceland', 'Norway', 'Finland'],
    ],
    [
      'In a joint declaration, the ministers said Ukraine would need firm security guarantees. Signatories included Portugal, Greece and Croatia.',
      ['Portugal', 'Greece', 'Croatia'],
    ],
    [
      'The communique on guarantees for Ukraine was endorsed by eleven governments. Among them were Chile, Mexico and Peru.',
      ['Chile', 'Mexico', 'Peru'],
    ],
    [
      'The statement of guarantees for Ukraine was signed by 11 countries: Chile, Peru and Iceland.',
      ['Chile', 'Peru', 'Iceland'],
    ],
    ['The declaration on security guarantees for Ukraine was signed by: Chile and Peru.', ['Chile', 'Peru']],
    [
      'Leaders released a statement on security guarantees for Ukraine. It was backed by Chile and Peru, and later joined by Malta.',
      ['Chile', 'Peru', 'Malta'],
    ],
  ])('takes the signers pointed back to in "%s"', (body, countries) => {
    expect(guarantorsIn(body)).toEqual(countries.map((c) => `${c} by Ukraine`));
  });

  it('takes several countries speaking through one statement on the guarantees, not one country or one office', () => {
    expect(
      guarantorsIn(
        'The leaders of Chile, Peru and Iceland said in a statement that Ukraine needs firm security guarantees.',
      ),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Iceland by Ukraine']);
    expect(guarantorsIn('Chile said in a statement that Ukraine needs security guarantees.')).toEqual([]);
  });

  it('takes a roster of leaders by name the article gives a country, after "signed by:"', () => {
    const body =
      'Chilean President Ana Rojas and Peruvian President Luis Soto arrived on Monday. A joint statement on security guarantees for Ukraine was signed by:\n- Luis Soto\n- Ana Rojas';
    const facts = extractArticleFacts(articleOf(body));
    expect(facts.guarantors.map((g) => `${g.country} by ${g.proposedBy}`)).toEqual([
      'Peru by Ukraine',
      'Chile by Ukraine',
    ]);
  });

  it.each([
    // A statement speaks of talks with others: they sign nothing.
    'In a statement, the president said talks with Austria on security guarantees for Ukraine would go on.',
    // "Among them" far from the statement, and a list opened after an agreement of another kind.
    'A joint statement promised security guarantees for Ukraine. The meeting ran late. Ministers left at dusk. Among them were Chile and Peru.',
    'Kyiv signed a grain deal with Egypt. Among them were Chile and Peru.',
  ])('names no signatory in "%s"', (body) => {
    expect(guarantorsIn(body)).toEqual([]);
  });

  it.each([
    [
      'President of Ukraine Ivan Dorosh and Prime Minister of Portugal Rui Matos signed a ten-year security agreement.',
      ['Portugal'],
    ],
    ['Leaders from Chile and Peru signed security agreements with Ukraine on Monday.', ['Chile', 'Peru']],
    [
      'Chilean President Ana Rojas and her Ukrainian counterpart Ivan Dorosh signed a bilateral security agreement. Ukraine agreed to a similar deal with Peru the same day.',
      ['Chile', 'Peru'],
    ],
  ])('takes a signer named by its leader, and the protected side by its adjective, in "%s"', (body, countries) => {
    expect(guarantorsIn(body)).toEqual(countries.map((c) => `${c} by Ukraine`));
  });
});

describe('hedged contributions and officials in an article about the guarantees', () => {
  const lead = 'Ukraine wants security guarantees from its partners. ';

  it('takes a country ready, willing or obliged to take part', () => {
    const body = `${lead}\n\nThe Irish government would be willing to take part. Belgium must seriously consider joining the mission.`;
    expect(guarantorsIn(body)).toEqual(['Ireland by Ukraine', 'Belgium by Ukraine']);
  });

  it('takes a signalled willingness past an aside, and "said it would consider contributing"', () => {
    const body = `${lead}The next round is in May.\n\nTurkey, which has a large army, has signalled willingness to take part in a future mission. Canada said it would consider contributing. Japan agreed to take part in the talks.`;
    expect(guarantorsIn(body)).toEqual(['Turkey by Ukraine', 'Canada by Ukraine']);
  });

  it('leaves out a refusal and a contribution to another effort', () => {
    const body = `${lead}The next round is due in May.\n\nCanada would take part in the talks. Sweden is ready to contribute to the reconstruction of Ukraine.`;
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('takes the country whose officials say how the guarantees would be provided, not one that names another', () => {
    expect(
      guarantorsIn('French officials said they could provide security guarantees once a ceasefire holds.'),
    ).toEqual(['France by Ukraine']);
    expect(guarantorsIn('German officials said Britain would provide security guarantees.')).toEqual([
      'United Kingdom by Ukraine',
    ]);
    expect(guarantorsIn('Italian officials said they would not provide security guarantees.')).toEqual([]);
  });
});

describe('the proposer of a retold or sourced list', () => {
  it.each([
    ['Russia wants to be among the guarantors.', ['Russia by Russia']],
    [
      "The Kremlin said Moscow was studying Kyiv's list of guarantor states, which includes Germany and Turkey.",
      ['Germany by Ukraine', 'Turkey by Ukraine'],
    ],
    [
      'The Kremlin presented its draft treaty. Guarantees would be given by Japan and Spain, according to the Ukrainian delegation.',
      ['Japan by Ukraine', 'Spain by Ukraine'],
    ],
  ])('reads "%s"', (body, expected) => {
    expect(guarantorsIn(body)).toEqual(expected);
  });
});

describe('help the protected side hopes for', () => {
  it('takes the countries its leader hopes for help from, in an article about the guarantees', () => {
    const body =
      'Leaders discussed security guarantees for Ukraine.\n\nUkrainian President Ivan Dorosh said he was hoping for help from Canada and Japan. ' +
      'The talks resume on Monday. Russian officials said they expected support from Belarus.';
    const facts = extractArticleFacts(articleOf(body));
    expect(facts.guarantors.map((g) => `${g.country} by ${g.proposedBy}`)).toEqual([
      'Canada by Ukraine',
      'Japan by Ukraine',
    ]);
  });
});

describe('lists that exclude and tasks that assist', () => {
  it.each([
    'The negotiators agreed that the guarantor countries would not include Belarus.',
    'Kyiv said the guarantors should not be Belarus or Hungary.',
  ])('names no guarantor in "%s"', (body) => {
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('takes logistics and surveillance as security tasks in an article about the guarantees', () => {
    const body =
      'Ukraine wants security guarantees.\n\nPoland will provide logistical support, while Finland could take charge of surveillance.';
    expect(guarantorsIn(body)).toEqual(['Poland by Ukraine', 'Finland by Ukraine']);
  });

  it("takes overseeing the ceasefire and responsibility for the protected country's security as security tasks", () => {
    const body =
      "Ukraine wants security guarantees.\n\nThe envoy said Chile will oversee the ceasefire. Peru is ready to take on responsibility for Ukraine's security. Ecuador watched the ceasefire talks from afar.";
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
  });
});

describe('a list of signatories with a group among its items', () => {
  it('runs past the group to the countries after it', () => {
    expect(guarantorsIn('Ukraine has signed security agreements with Chile, Nordic countries and Peru.')).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
  });
});

describe('a long roster of signers', () => {
  it('reads every signer of a statement on the guarantees, however many leaders the sentence lists', () => {
    // Prepare: ten leaders, each with a title and a full name, run well past two hundred characters.
    const body = [
      'The leaders issued a joint statement on security guarantees for Ukraine after the talks.',
      'The statement was signed by Chilean President Ana Ruiz Soto, Peruvian Prime Minister Luis Prado Vega, ' +
        'Greek Prime Minister Eleni Markou, Austrian Chancellor Karl Brunner, Belgian Prime Minister Jan Peeters, ' +
        'Irish Taoiseach Sean Walsh, Portuguese Prime Minister Rui Costa Pinto, Czech Prime Minister Pavel Dvorak, ' +
        'Icelandic Prime Minister Sigrid Jonsdottir and Maltese Prime Minister Joseph Borg.',
    ].join('\n');
    // Act
    const found = guarantorsIn(body).map((g) => g.replace(/ by .*/u, ''));
    // Assess
    expect(found).toEqual(
      expect.arrayContaining([
        'Chile',
        'Peru',
        'Greece',
        'Austria',
        'Belgium',
        'Ireland',
        'Portugal',
        'Czech Republic',
        'Iceland',
        'Malta',
      ]),
    );
  });
});

describe('an agreement still being negotiated names no signer yet', () => {
  it.each([
    ['Officials said bilateral security agreements are also in the works with Chile, Peru and Norway.'],
    [
      'Envoys agreed to finish negotiations on the preparation of a bilateral security agreement, so that Ukraine and Greece could conclude it soon.',
    ],
    ['Kyiv is negotiating a bilateral security agreement with Portugal.'],
  ])('takes no signatory in "%s"', (body) => {
    expect(guarantorsIn(body)).toEqual([]);
  });

  it.each([
    [
      'After months of negotiations on its text, Norway signed a bilateral security agreement with Ukraine.',
      ['Norway'],
    ],
    ['The Netherlands will sign a ten-year security agreement with Ukraine next week.', ['Netherlands']],
    [
      'Kyiv signed a security agreement with Spain, while talks on a similar pact with Chile are in the works.',
      ['Spain'],
    ],
  ])('keeps a signing done or set in "%s"', (body, countries) => {
    expect(guarantorsIn(body)).toEqual(countries.map((c) => `${c} by Ukraine`));
  });
});

describe('a signing set by "preparing to sign" (review of gu12: the planning cues)', () => {
  it('keeps the partner of an agreement its parties are preparing to sign on a set day', () => {
    expect(guarantorsIn('Kyiv is preparing to sign a security agreement with Chile on Friday.')).toEqual([
      'Chile by Ukraine',
    ]);
    // The preparation of a text is still no signing.
    expect(guarantorsIn('Kyiv is preparing a security agreement with Chile.')).toEqual([]);
  });
});

describe('an agreement said to be in the making, named again later', () => {
  it('takes its partner only where a later sentence signs it', () => {
    const planned = 'Ukraine and Chile may sign a bilateral security agreement soon.';
    expect(guarantorsIn(`${planned} What is known about the security agreement between Ukraine and Chile.`)).toEqual(
      [],
    );
    expect(guarantorsIn(`${planned} Chile will sign the security agreement with Ukraine on Tuesday.`)).toEqual([
      'Chile by Ukraine',
    ]);
  });
});

describe('a first-person declaration whose "we will" only schedules a meeting (review of gu12: the declaration opener)', () => {
  it('takes no signers where the only line in the first person plans the next meeting', () => {
    const body = [
      'We, the leaders of Chile, Peru and Japan, along with the President of Ukraine:',
      '',
      'Welcome the progress made in the talks with Ukraine.',
      '',
      'Note that we will meet again in Lima next year to review trade with Ukraine.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual([]);
  });
});

describe('a declaration its signers open in the first person', () => {
  const opener =
    'We, the leaders of Chile, Peru and Japan, along with the President of the European Council and the President of Ukraine:';
  it('takes the leaders’ countries when a line after it commits them to the protected country', () => {
    const body = [
      opener,
      '',
      'Welcome the agreements finalized with Ukraine by many countries.',
      '',
      'Affirm that the safety of Ukraine is integral to ours, and that we intend to support Ukraine until it prevails.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Japan by Ukraine']);
  });

  it('reads a country named twice with "of" ("the US of America") as one item of the list', () => {
    const body = [
      'We the leaders of the US of America, Chile and Peru, and the President of Ukraine:',
      'Affirm that we will support Ukraine until it prevails.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['United States by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
  });

  it('takes none from a declaration that only welcomes progress, nor from a first-person list of another kind', () => {
    expect(guarantorsIn([opener, '', 'Welcome the progress made in the talks with Ukraine.'].join('\n'))).toEqual([]);
    expect(
      guarantorsIn(
        'We, the ministers of trade of Chile and Peru, met in Lima.\nWe intend to support Ukraine with grain.',
      ),
    ).toEqual([]);
  });
});

describe('a heading over lines of signers (issue 17, gu19: a list tied to the agreements by the line introducing it)', () => {
  it('takes the bullet lines under a heading that names security agreements with the protected country', () => {
    const body = [
      'Since 2023, Kyiv has signed a series of bilateral security agreements with its partners.',
      'Countries that have concluded security pacts with Ukraine',
      '- Chile',
      '- Peru',
      '- Uruguay',
      'The agreements run for ten years.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Uruguay by Ukraine']);
  });

  it('takes the lines under a question asking who signed, in reach of a security agreement, up to a line that is no list', () => {
    const body = [
      'Kyiv is discussing a bilateral security agreement with Ukraine’s partners in the region.',
      'Which countries have signed so far?',
      '• Chile, Peru and Uruguay.',
      '• Bolivia and Ecuador are still negotiating.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Uruguay by Ukraine']);
  });

  it('takes none under a heading of another kind, another agreement, or a refusal', () => {
    const lines = (heading: string) => [heading, '- Chile', '- Peru'].join('\n');
    expect(guarantorsIn(lines('Countries that attended the security fair in Kyiv'))).toEqual([]);
    expect(guarantorsIn(lines('Countries that have signed trade agreements with Ukraine'))).toEqual([]);
    expect(guarantorsIn(lines('Countries that refused to sign security agreements with Ukraine'))).toEqual([]);
    // A question with no agreement in reach asks about something else.
    expect(
      guarantorsIn(
        ['The festival opens on Friday.', 'Which countries have agreed to take part?', '- Chile', '- Peru'].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('the title naming the signing (issue 17, gu19: rounds 11 and 17 name the partner only in the headline)', () => {
  const withTitle = (title: string, body: string) =>
    extractGuarantors({ ...articleOf(body), title }).map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

  it('takes the partners a title signs a security agreement with where the body names them, citing the body', () => {
    const body =
      'The agreements, announced by the presidential office, cover training and aid.\nKey points\n- Countries involved: Chile and Peru';
    expect(withTitle('Ukraine signs security agreements with Chile, Peru and Bolivia', body)).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
    const [chile] = extractGuarantors({ ...articleOf(body), title: 'Chile signs security agreement with Ukraine' });
    expect(chile?.citations[0]?.evidence).toBe('- Countries involved: Chile and Peru');
  });

  it('takes none from a title on another agreement, a refusal, or with no title', () => {
    const body = 'Officials from Chile met on Friday.';
    expect(withTitle('Ukraine signs trade deal with Chile', body)).toEqual([]);
    expect(withTitle('Chile refuses to sign security pact with Ukraine', body)).toEqual([]);
    expect(guarantorsIn(body)).toEqual([]);
  });
});

describe('review of gu19: headings and titles that suppose, deny or name something else', () => {
  const PACT = 'Kyiv signed a bilateral security agreement with Norway last spring.';
  const under = (heading: string, ...lines: string[]) =>
    guarantorsIn([PACT, heading, ...(lines.length ? lines : ['- Chile', '- Peru'])].join('\n'));
  const withTitle = (title: string, body: string) =>
    extractGuarantors({ ...articleOf(body), title }).map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

  it.each([
    'Countries that may sign if the war ends',
    'Which partners might sign next?',
    'Countries yet to sign',
    'Countries that cannot sign',
    'Countries that no longer want to sign',
    'Countries that have signed trade agreements with Ukraine',
    'Countries that signed agreements with Brazil',
    'Countries that signed the open letter',
  ])('takes no line under "%s"', (heading) => {
    // (Brazil, named with the agreement two sentences after Kyiv, is main's reading of the heading itself.)
    expect(under(heading).filter((g) => /Chile|Peru/u.test(g))).toEqual([]);
  });

  it('takes no line under a heading that denies it', () => {
    expect(under('Which countries have signed?', '- Chile', '- Not Peru.')).toEqual([
      'Norway by Ukraine',
      'Chile by Ukraine',
    ]);
  });

  it('takes none from a title that asks, hedges or fails, nor cites a body sentence that denies the signing', () => {
    const body = 'Officials from Chile met on Friday.';
    expect(withTitle('Will Chile sign a security agreement with Ukraine?', body)).toEqual([]);
    expect(withTitle('Why Chile should sign a security agreement with Ukraine', body)).toEqual([]);
    expect(withTitle('Chile fails to sign security pact with Ukraine', body)).toEqual([]);
    expect(withTitle('Chile signs security agreement with Ukraine', 'Chile did not sign anything on Friday.')).toEqual(
      [],
    );
  });

  // The denial words a signing's own clause reads (m39's DENIED) hold in headings and titles too.
  it('takes none from a heading or title that denies the signing, nor cites a body sentence that denies it', () => {
    const under = (heading: string) =>
      guarantorsIn(
        ['Kyiv has signed bilateral security agreements with partners since 2023.', heading, '- Chile', '- Peru'].join(
          '\n',
        ),
      );
    expect(under('Countries that deny they signed security agreements with Ukraine')).toEqual([]);
    expect(
      withTitle('Officials deny that Chile signed a security agreement with Ukraine', 'Chile met on Friday.'),
    ).toEqual([]);
    expect(
      withTitle('Chile signs security agreement with Ukraine', 'Officials in Chile denied that the pact was signed.'),
    ).toEqual([]);
  });
});

describe('review of gu19: a title asking only after its signing', () => {
  it('reads the signing before a question of its own ("A signs …: what do such pacts hold?")', () => {
    const body = 'On Friday, Chile became the latest partner to sign a ten-year cooperation agreement with Kyiv.';
    const [chile] = extractGuarantors({
      ...articleOf(`The war goes on.\n${body}`),
      title: 'Chile signs 10-year security agreement with Ukraine: what do such agreements hold?',
    });
    expect(chile?.country).toBe('Chile');
  });
});
