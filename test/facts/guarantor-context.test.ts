import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import {
  ASSURANCE_CUE,
  ATTENDING_OFFICES_BEFORE,
  authorOfGuarantees,
  effortMembers,
  inCompound,
  NEGATED_PROVISION_BEFORE,
  PARTICIPATION_CUE,
  REFUSAL_IN_SENTENCE,
  rosterLine,
  SETTLEMENT_WITH_BEFORE,
  troopSenders,
} from '../../lambda/facts/guarantor-context.js';
import { extractGuarantors } from '../../lambda/facts/guarantors.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';

const guarantorsIn = (body: string) =>
  extractGuarantors(articleOf(body)).map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);
const topics = compileTopics(defaultTopicsConfig);
/** With the article's statements, as extraction runs: the voice of an article comes from its quoted people. */
const guarantorsOfArticle = (body: string) =>
  extractArticleFacts(articleOf(body)).guarantors.map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);

describe('the predicates of the guarantee context', () => {
  it('knows guarantee vocabulary other than "guarantee"', () => {
    expect(ASSURANCE_CUE.test('Kyiv wants security assurances from its allies.')).toBe(true);
    expect(ASSURANCE_CUE.test('A reassurance force would patrol the skies.')).toBe(true);
    expect(ASSURANCE_CUE.test('The minister gave assurances that the road would reopen.')).toBe(false);
  });

  it('finds a provision negated before a guarantee word, not guarantees wanted "without" someone', () => {
    expect(NEGATED_PROVISION_BEFORE.test('a push to end the war without providing security ')).toBe(true);
    expect(NEGATED_PROVISION_BEFORE.test('Oslo refused to offer Kyiv any security ')).toBe(true);
    expect(NEGATED_PROVISION_BEFORE.test('Kyiv will sign nothing without security ')).toBe(false);
  });

  it('finds the other side of a settlement, not a partner in a security agreement', () => {
    expect(SETTLEMENT_WITH_BEFORE.test('as part of a peace deal with ')).toBe(true);
    expect(SETTLEMENT_WITH_BEFORE.test('under a final agreement with the ')).toBe(true);
    expect(SETTLEMENT_WITH_BEFORE.test('Kyiv signed a security agreement with ')).toBe(false);
  });

  it('finds a refusal later in the sentence', () => {
    expect(REFUSAL_IN_SENTENCE.test(', although its premier repeated her refusal to send troops.')).toBe(true);
    expect(REFUSAL_IN_SENTENCE.test(' was represented by its foreign minister.')).toBe(false);
  });

  it('finds talk of taking part in the guarantees', () => {
    expect(PARTICIPATION_CUE.test('Norway wants to take part in the process.')).toBe(true);
    expect(PARTICIPATION_CUE.test('Norway held elections on Sunday.')).toBe(false);
    expect(PARTICIPATION_CUE.test('Austria will not take part, and Malta has yet to decide.')).toBe(false);
  });

  it('finds a country joined by a hyphen to another name', () => {
    const text = 'The US-Russia talks ended.';
    expect(inCompound(text, { start: 4, end: 6 })).toBe(true);
    expect(inCompound(text, { start: 7, end: 13 })).toBe(true);
    expect(inCompound('The US and Russia met.', { start: 4, end: 6 })).toBe(false);
  });

  it('reads who authored the guarantees just reported', () => {
    expect(authorOfGuarantees('In fact, he said, the Ukrainian side itself drafted these guarantees.', topics)).toBe(
      'Ukraine',
    );
    expect(authorOfGuarantees('Moscow had put forward the proposal in spring.', topics)).toBe('Russia');
    expect(authorOfGuarantees('The Ukrainian side studied these guarantees.', topics)).toBeNull();
  });
});

describe('guarantors from the coalition formed for Ukraine’s security', () => {
  const meeting = (...lines: string[]) =>
    ['The coalition of the willing met to agree on security guarantees for Ukraine.', ...lines].join('\n');

  it('takes the countries of a paragraph that names the coalition, with the beneficiary as proposer', () => {
    const body = meeting(
      'Three more countries took part: Chile, Japan and Peru. The coalition is also backed by Ghana.',
    );
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Japan by Ukraine', 'Peru by Ukraine', 'Ghana by Ukraine']);
  });

  it('takes nothing from a coalition that is never tied to guarantees', () => {
    const body =
      'The coalition of the willing will draft a peace plan. Three countries took part: Chile, Japan and Peru.';
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('rejects a member whose sentence refuses the role, the side the guarantees are against, an official’s country', () => {
    const body = meeting(
      'The coalition includes Hungary, although its premier repeated his refusal to send troops. Russia denounced the coalition. The coalition will brief US President Donald Trump.',
    );
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('takes the country of an official who opens a sentence about the guarantees, and of "He" continuing one', () => {
    const body = meeting(
      "Norway's prime minister said the guarantees must rest on real forces.",
      'The Dutch prime minister warned that time was short.',
      "He praised the coalition's readiness.",
      'The leaders will talk with US President Donald Trump.',
    );
    expect(guarantorsIn(body)).toEqual(['Norway by Ukraine', 'Netherlands by Ukraine']);
  });

  it('takes no member from an aside about another crisis: what the meeting happened against, a sentence about something else', () => {
    const body = [
      'The coalition of the willing met in Lisbon to agree on security guarantees for Ukraine.',
      "Leaders from Spain and Ireland took part. The summit was overshadowed by Brazil's quarrel with Argentina over a dam.",
      'Days earlier, an aide to the governor said Peru should pay for the dam. Belgium and Austria backed the planning.',
    ].join(' ');
    expect(guarantorsIn(body)).toEqual([
      'Spain by Ukraine',
      'Ireland by Ukraine',
      'Belgium by Ukraine',
      'Austria by Ukraine',
    ]);
  });

  it('carries the coalition’s meeting into the next paragraph when it opens by pointing back to the meeting', () => {
    const lead = 'Leaders gathered in Lisbon for a meeting of the coalition of the willing for Ukraine.\n\n';
    expect(
      guarantorsIn(
        `${lead}The gathering is being held at the old palace. Present are the Chilean president, the Peruvian premier and Japanese Prime Minister Ana Holm.`,
      ),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine', 'Japan by Ukraine']);
    // A country's name before its leader's title in the roll call attends as the adjective does.
    expect(
      guarantorsIn(
        `${lead}The gathering is held at the palace. Present are the Chilean president and UK Prime Minister Ana Holm.`,
      ),
    ).toEqual(['United Kingdom by Ukraine', 'Chile by Ukraine']);
    // Near miss: the same title outside the roll call's clause is only that official's.
    expect(
      guarantorsIn(
        `${lead}The gathering is held at the palace. Present are the Chilean president; US President Jo Vale sent a letter.`,
      ),
    ).toEqual(['Chile by Ukraine']);
    expect(
      guarantorsIn(
        `${lead}The summit, hosted by the Chilean government, brings together allies in person and by video.`,
      ),
    ).toEqual(['Chile by Ukraine']);
    // A report that never says "guarantee", naming the protected side only by its possessive by the coalition.
    expect(
      guarantorsIn(
        'Leaders gathered in Lisbon for a meeting of the coalition of the willing, as Ukraine’s allies step up pressure.\n\nThe summit, hosted by the Chilean government, opened on Monday.',
      ),
    ).toEqual(['Chile by Ukraine']);
    // Near misses: a paragraph that opens with another meeting, or that does not point back at all. (An attendance cue
    // is read in every paragraph of a coalition report already: these name no attendance.)
    expect(guarantorsIn(`${lead}A separate meeting in Rome was hosted by the Chilean government.`)).toEqual([]);
    expect(guarantorsIn(`${lead}Markets rose on Monday. The summit was hosted by the Chilean government.`)).toEqual([]);
    expect(guarantorsIn(`${lead}The meeting between Chile and Peru on fisheries was hosted in Lima.`)).toEqual([]);
    // Two paragraphs on: the carried meeting does not skip a paragraph that speaks of something else.
    expect(
      guarantorsIn(
        `${lead}Markets rose on Monday.\n\nThe summit of the trade bloc, hosted by the Chilean government, opens.`,
      ),
    ).toEqual([]);
  });

  it('reads no roll call in "at present are / is", the adverb of time (review of gu12: the present-tense cue)', () => {
    const lead =
      'Leaders gathered in Paris for a meeting of the coalition of the willing on security guarantees for Ukraine.\n\n';
    // Agency copy and a machine translation's word order: "at present" is "now", and what follows it is no attendee.
    expect(
      guarantorsIn(`${lead}The main obstacles at present are Hungary and Slovakia, which blocked the package.`),
    ).toEqual([]);
    expect(guarantorsIn(`${lead}At present are Turkey and Hungary the only holdouts, the diplomat said.`)).toEqual([]);
    expect(guarantorsIn(`${lead}At present is Hungary blocking the decision, according to officials.`)).toEqual([]);
    // The roll call in the present tense still attends.
    expect(
      guarantorsIn(`${lead}The meeting is held at the Elysee. Present are the Polish president and the Dutch premier.`),
    ).toEqual(['Poland by Ukraine', 'Netherlands by Ukraine']);
  });

  it('opens no topic by the protected side’s possessive where the effort is for or in another country (review of gu12)', () => {
    // Wire copy comparing another country's mission: "Ukraine's allies" is a bystander, the effort is Haiti's.
    expect(
      guarantorsIn(
        'Kenya leads a coalition of the willing for Haiti, a model some of Ukraine’s allies have studied. Jamaica and Chile said they were ready to deploy troops after a ceasefire.',
      ),
    ).toEqual([]);
    expect(
      guarantorsIn(
        'Kenya leads a multinational security mission in Haiti, a model some of Ukraine’s allies have studied.\n\nThe meeting in Nairobi was attended by officials from Jamaica and Chile.',
      ),
    ).toEqual([]);
    // The effort met in a city, for no other country: the possessive still opens the topic.
    expect(
      guarantorsIn(
        'The coalition of the willing met in London as Ukraine’s allies step up pressure on Moscow. France and Britain said they were ready to deploy troops after a ceasefire.',
      ),
    ).toEqual(['France by Ukraine', 'United Kingdom by Ukraine']);
  });

  it('takes from a carried paragraph only the meeting’s host and attendees (review of gu12: the carried meeting)', () => {
    const lead =
      'Leaders met in Paris for a summit of the coalition of the willing on security guarantees for Ukraine.\n\n';
    // Wire copy going on to the meeting's backdrop or to other business: the pointing back makes no one a member.
    expect(
      guarantorsIn(`${lead}The summit comes a day after Chile and Peru signed a fisheries accord in Lima.`),
    ).toEqual([]);
    expect(
      guarantorsIn(
        `${lead}The call came as Peru’s foreign minister visited Santiago, where Chile’s president received him.`,
      ),
    ).toEqual([]);
    expect(
      guarantorsIn(
        `${lead}That meeting, the third this year, was hosted by France. On Tuesday, the Chilean president will meet the Peruvian premier in Lima.`,
      ),
    ).toEqual(['France by Ukraine']);
    // A meeting identified by its own subject is another one.
    expect(guarantorsIn(`${lead}The conference on Gaza reconstruction, hosted by Egypt, opens on Tuesday.`)).toEqual(
      [],
    );
  });

  it('ends the roll call at a relative clause before a country’s leader title (review of gu12: leaderInRollCall)', () => {
    const lead =
      'Leaders met in Paris for a summit of the coalition of the willing on security guarantees for Ukraine.';
    // The title stands in what the attendees did, not in the roll call: that official is only his own.
    expect(
      guarantorsIn(
        `${lead} Present were envoys who briefed the Polish president on what US President Jo Vale had said.`,
      ),
    ).toEqual(['Poland by Ukraine']);
    // In the roll call itself the country attends.
    expect(guarantorsIn(`${lead} Present were the Polish president and UK Prime Minister Ana Holm.`)).toEqual([
      'United Kingdom by Ukraine',
      'Poland by Ukraine',
    ]);
  });

  it('takes a leader named by surname, opening a sentence about the coalition, as his country', () => {
    const inArticle = (body: string) =>
      extractArticleFacts(articleOf(body)).guarantors.map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);
    const intro =
      'Chilean President Ana Holm flew to Lisbon on Sunday.\n\nThe coalition of the willing met there to agree on security guarantees for Ukraine.\n\n';
    const about = 'Speaking after the talks on Monday, Holm said the coalition had grown to 20 members.';
    expect(inArticle(`${intro}${about}`)).toEqual(['Chile by Ukraine']);
    // Any setting before the subject, as sentence-opening.ts reads one: a preposition's or a time phrase's.
    expect(inArticle(`${intro}After the talks, Holm said the coalition had grown to 20 members.`)).toEqual([
      'Chile by Ukraine',
    ]);
    expect(inArticle(`${intro}Late on Monday, Holm said the coalition had grown to 20 members.`)).toEqual([
      'Chile by Ukraine',
    ]);
    // Near miss: a source opening the sentence is no setting; its words are not the leader's subject.
    expect(inArticle(`${intro}According to Holm, the coalition had grown to 20 members.`)).toEqual([]);
    // The same leader on other business in the coalition's paragraph names no member.
    const other = 'The coalition met again on Monday. Holm said copper exports had doubled.';
    expect(inArticle(`${intro}${other}`)).toEqual([]);
  });

  it('takes the country of an official who speaks of the guarantees in a quote opening the sentence', () => {
    const body = [
      'Leaders of the coalition of the willing met on Monday to discuss security guarantees for Ukraine.',
      '',
      '"Twenty countries have committed to a reassurance force," the Chilean president told reporters after the summit.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine']);
  });

  it('takes a quote’s speaker only when the quote speaks as a member committing (we, the countries), not an outsider', () => {
    const meeting =
      'Leaders of the coalition of the willing met on Monday to discuss security guarantees for Ukraine. ';
    const said = (quote: string) => guarantorsIn(`${meeting}${quote}`);
    expect(said('"We are ready to send troops as part of the force," the Chilean president said.')).toEqual([
      'Chile by Ukraine',
    ]);
    // A leader speaks for the country in the singular too.
    expect(said('"I am ready to send troops as part of the force," the Chilean president said.')).toEqual([
      'Chile by Ukraine',
    ]);
    expect(said('"My government has committed 500 troops to the force," the Chilean president said.')).toEqual([
      'Chile by Ukraine',
    ]);
    // Near misses: an outsider's judgement, a refusal in the first person, a grievance with no commitment.
    expect(said('"The coalition will only prolong the war," the Chinese foreign minister said.')).toEqual([]);
    expect(said('"Our country will never take part in this coalition," the Hungarian prime minister said.')).toEqual(
      [],
    );
    expect(said('"This coalition is a threat to our security," the Belarusian president said.')).toEqual([]);
    expect(said('"I will never take part in this coalition," the Hungarian prime minister said.')).toEqual([]);
    // Only the outsider's own words are skipped: those naming whom the speaker met are the sentence's.
    expect(said('"This is a good day," the Chilean president said after meeting Peru and Bolivia.')).toEqual([
      'Peru by Ukraine',
      'Bolivia by Ukraine',
    ]);
    expect(said('"The coalition will only prolong the war," said the Chinese foreign minister.')).toEqual([]);
  });

  it('takes the members a sentence adds to the ones already named, though it names no meeting or guarantee', () => {
    const body = [
      'Spain and Portugal want a coalition of the willing to give Ukraine security guarantees.',
      'Who else will join it? Besides Spain and Portugal, Alpine nations like Austria and Switzerland look likely.',
    ].join(' ');
    expect(guarantorsIn(body)).toEqual([
      'Spain by Ukraine',
      'Portugal by Ukraine',
      'Austria by Ukraine',
      'Switzerland by Ukraine',
    ]);
  });
});

describe('guarantors rejected or assigned by the guarantee context', () => {
  it('rejects the countries of a clause that negates providing guarantees, and keeps them otherwise', () => {
    expect(guarantorsIn('The plan of Britain and Canada ends the war without providing security guarantees.')).toEqual(
      [],
    );
    expect(guarantorsIn('The plan of Britain and Canada ends the war with security guarantees.')).toEqual([
      'United Kingdom by Ukraine',
      'Canada by Ukraine',
    ]);
  });

  it('rejects the other side of a peace agreement', () => {
    expect(guarantorsIn('Turkey is ready to give security guarantees under a peace agreement with Russia.')).toEqual([
      'Turkey by Ukraine',
    ]);
  });

  it('rejects countries joined by a hyphen', () => {
    expect(guarantorsIn('The US-Russia talks did not touch on the security guarantees.')).toEqual([]);
  });

  it('gives a retold list to the side the next sentence names as its author', () => {
    const body =
      'A Russian minister said the old draft had contained security guarantees from Spain and Chile. The Ukrainian side itself drafted these guarantees, he said.';
    expect(guarantorsIn(body)).toEqual(['Spain by Ukraine', 'Chile by Ukraine']);
  });

  it('reads a wish to take part right after a guarantee sentence as an offer', () => {
    expect(
      guarantorsIn('Ukraine wants binding security guarantees. Norway has said it wants to take part in the process.'),
    ).toEqual(['Norway by Ukraine']);
    expect(guarantorsIn('Ukraine wants binding security guarantees. Norway held elections on Sunday.')).toEqual([]);
  });

  it('reads security assurances and a reassurance force like guarantees', () => {
    expect(
      guarantorsIn(
        'Kyiv expects security assurances from Belgium. A reassurance force led by Sweden would patrol the skies.',
      ),
    ).toEqual(['Belgium by Ukraine', 'Sweden by Ukraine']);
  });
});

describe('guarantors named in the sentence before a guarantee sentence that points back to them', () => {
  it('takes the list an object pronoun points back to', () => {
    expect(
      guarantorsIn('Kyiv has named Norway, Chile and Japan. It wants them to provide binding security guarantees.'),
    ).toEqual(['Norway by Ukraine', 'Chile by Ukraine', 'Japan by Ukraine']);
  });

  it('takes the subjects a pronoun casts in the role, not those it only says discussed guarantees', () => {
    expect(guarantorsIn('Spain and Portugal met in Lisbon. They would act as guarantors of any settlement.')).toEqual([
      'Spain by Ukraine',
      'Portugal by Ukraine',
    ]);
    expect(
      guarantorsIn('Spain and Portugal held talks on Monday. They discussed security guarantees for Ukraine.'),
    ).toEqual([]);
  });

  it('still rejects a venue in the sentence before', () => {
    expect(guarantorsIn('Talks were held in Oslo, Norway. Kyiv wants them to provide security guarantees.')).toEqual(
      [],
    );
  });
});

describe('the proposer when the whole article speaks for one side', () => {
  it('gives an unattributed list in an interview to the interviewed side, but a self-offer to the beneficiary', () => {
    const interview = [
      'In an interview on Sunday, Russian Foreign Minister Sergei Lavrov set out his view.',
      '"We are open to talks," Lavrov said.',
      'The permanent members of the Security Council, as well as India and Brazil, should act as guarantors.',
    ];
    expect(guarantorsOfArticle(interview.join('\n\n'))).toEqual(['India by Russia', 'Brazil by Russia']);
    const offer = [...interview.slice(0, 2), 'Kazakhstan is ready to act as a guarantor.'];
    expect(guarantorsOfArticle(offer.join('\n\n'))).toEqual(['Kazakhstan by Ukraine']);
  });
});

describe('pointing back is read narrowly', () => {
  it('takes "them" only as the source or the ones cast, and a pronoun subject only when cast in the role', () => {
    expect(
      guarantorsIn('Chile and Peru criticised the plan. Kyiv dismissed them and insisted on security guarantees.'),
    ).toEqual([]);
    expect(guarantorsIn('Chile and Peru met on Monday. Kyiv expects security guarantees from them.')).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
    expect(guarantorsIn('Chile and Peru met on Monday. They will decide on security guarantees later.')).toEqual([]);
  });

  it('rejects one of a pair in the sentence before', () => {
    expect(guarantorsIn('Talks between Chile and Peru went on. These countries would act as guarantors.')).toEqual([]);
  });
});

describe('a country offering itself under another name than its own', () => {
  it('reads a seat of government and the speaker’s own country cast in the role', () => {
    expect(guarantorsOfArticle('Ankara stands ready to act as a guarantor of any settlement.')).toEqual([
      'Turkey by Ukraine',
    ]);
    expect(
      guarantorsOfArticle('Kazakh Foreign Minister Nurlan Abenov said his country could be one of the guarantors.'),
    ).toEqual(['Kazakhstan by Ukraine']);
  });

  it('takes no seat that wants something else of the guarantees, nor a venue', () => {
    expect(guarantorsOfArticle('Ankara wants the security guarantees to include a naval mission.')).toEqual([]);
    expect(guarantorsOfArticle('Talks in Riyadh on security guarantees went on.')).toEqual([]);
  });
});

describe('troopSenders: the countries a sentence says would send troops', () => {
  const senders = (text: string, affiliation: (surname: string) => string | null = () => null) =>
    troopSenders(text, 'Ukraine', affiliation).map((m) => `${m.country}@${text.slice(m.start, m.end)}`);

  it('reads the adjectives on the troops and the subject of the sending, a person by their country', () => {
    expect(senders('The plan foresees the deployment of Czech and Slovak troops near the border.')).toEqual([
      'Czech Republic@Czech',
      'Slovakia@Slovak',
    ]);
    expect(
      senders('After the call, Lindqvist and Iceland agreed to send peacekeepers.', (s) =>
        s === 'Lindqvist' ? 'Sweden' : null,
      ),
    ).toEqual(['Iceland@Iceland', 'Sweden@Lindqvist']);
  });

  it('reads no one warned against the sending', () => {
    expect(senders('Moscow warned Iceland against sending peacekeepers to Ukraine.')).toEqual([]);
    expect(senders('Iceland would send peacekeepers to Ukraine.')).toEqual(['Iceland@Iceland']);
  });

  it('reads the subject past an aside or before a participle, not past a clause opened by a capital', () => {
    expect(senders('Latvia and Lithuania, which border the region, would send troops.')).toEqual([
      'Latvia@Latvia',
      'Lithuania@Lithuania',
    ]);
    expect(senders('After a call with Malta, Cyprus agreed to deploy soldiers.')).toEqual(['Cyprus@Cyprus']);
  });

  it('keeps every country of a comma list closed by "and" or "or", but not a comma between two clauses', () => {
    expect(senders('Norway, Finland, Estonia and Denmark said they would send troops once a truce holds.')).toEqual([
      'Norway@Norway',
      'Finland@Finland',
      'Estonia@Estonia',
      'Denmark@Denmark',
    ]);
    expect(senders('Ireland, Portugal, or Greece could deploy soldiers.')).toEqual([
      'Ireland@Ireland',
      'Portugal@Portugal',
      'Greece@Greece',
    ]);
    expect(senders('After talks with Austria, Hungary, Belgium agreed to send peacekeepers.')).toEqual([
      'Belgium@Belgium',
    ]);
  });

  it('finds none when the sending is denied or refused in its clause', () => {
    expect(senders('Spain ruled out sending troops.')).toEqual([]);
    expect(senders('Croatia would not deploy soldiers there.')).toEqual([]);
  });

  it('reads a refusal denied as openness, and a sending called premature or too early as refused', () => {
    expect(senders('Malta said it would not rule out sending troops to Ukraine if needed.')).toEqual(['Malta@Malta']);
    expect(senders('Cyprus has not excluded deploying soldiers in Ukraine.')).toEqual(['Cyprus@Cyprus']);
    expect(senders('Malta said it was "premature" to discuss sending its troops to Ukraine.')).toEqual([]);
    expect(senders('Cyprus said it was too early to deploy soldiers in Ukraine.')).toEqual([]);
  });

  it('reads "too early" or "no plans" after the sending as about something else', () => {
    expect(
      senders('Britain will deploy troops to Ukraine after a ceasefire, though it is too early to say how many.'),
    ).toEqual(['United Kingdom@Britain']);
    expect(senders('France will send troops to Ukraine, and has no plans to cut its aid.')).toEqual(['France@France']);
  });

  it('reads the subject past a date set off by a comma', () => {
    expect(senders('The Chilean president committed on Thursday, May 4 to deploying troops to Ukraine.')).toEqual([
      'Chile@Chilean',
    ]);
  });

  it('takes no country of the source a report is attributed to', () => {
    const text =
      'At the same time, according to the Chilean president, the Netherlands and Peru will deploy troops to Ukraine.';
    expect(senders(text)).toEqual(['Netherlands@Netherlands', 'Peru@Peru']);
  });

  it('keeps the senders of a sending that an attribution without its comma runs into', () => {
    const draft =
      'According to the draft Britain and France would deploy troops to Ukraine after a ceasefire, officials said.';
    const both = ['United Kingdom@Britain', 'France@France'];
    expect(senders(draft)).toEqual(both);
    expect(senders('Citing the plan Britain and France will deploy troops to Ukraine, officials said.')).toEqual(both);
  });

  it('finds none when the troops go to another country than the one protected', () => {
    expect(senders('Belarus sent troops to Russia in the spring.')).toEqual([]);
    expect(senders('Croatian soldiers could be deployed to Ukraine next year.')).toEqual(['Croatia@Croatian']);
  });

  it('finds none where no troops are sent', () => {
    expect(senders('Romania and Bulgaria sent a letter about the guarantees.')).toEqual([]);
  });
});

describe('effortMembers: the countries leading or joining a security effort', () => {
  const countries = (text: string) => effortMembers(text).map((m) => m.country);

  it('reads "led by", "with the participation of" and "joined by the leaders of" after the effort', () => {
    expect(
      countries('A naval working group, led by Greece and Croatia with the participation of Cyprus, will form.'),
    ).toEqual(['Greece', 'Croatia', 'Cyprus']);
    expect(countries('The mission, joined by the leaders of Chile and Peru, sets out in May.')).toEqual([
      'Chile',
      'Peru',
    ]);
  });

  it('reads a list whose membership follows it', () => {
    expect(countries('Ecuador and Paraguay are also members of the coalition.')).toEqual(['Ecuador', 'Paraguay']);
    expect(countries('Malta has joined the force.')).toEqual(['Malta']);
    expect(countries('Chile and Peru lead the coalition.')).toEqual(['Chile', 'Peru']);
  });

  it('finds none for talks led by someone, a denied membership, or a lead-in before any effort', () => {
    expect(countries('The grain talks were led by Egypt.')).toEqual([]);
    expect(countries('Hungary is not a member of the coalition.')).toEqual([]);
    expect(countries('The force will not be joined by Austria.')).toEqual([]);
    expect(countries('Led by Chile, the delegates met before the mission.')).toEqual([]);
  });
});

describe('rosters and attendance by office', () => {
  it('reads a roster line: a country, or its leader by office, name or formal state name', () => {
    expect(rosterLine('- Iceland').map((m) => m.country)).toEqual(['Iceland']);
    expect(rosterLine('Prime Minister of the Kingdom of Norway', true).map((m) => m.country)).toEqual(['Norway']);
    expect(rosterLine('Ana Rojas, President of Paraguay', true).map((m) => m.country)).toEqual(['Paraguay']);
  });

  it('takes no sentence for a roster line, and no bare country where an office is required', () => {
    expect(rosterLine('Chile and Peru met in Lima.')).toEqual([]);
    expect(rosterLine('- Iceland', true)).toEqual([]);
  });

  it('knows office holders attending for their countries', () => {
    expect(ATTENDING_OFFICES_BEFORE.test('The meeting was attended by the leaders of ')).toBe(true);
    expect(ATTENDING_OFFICES_BEFORE.test('Attending were leaders of ')).toBe(true);
    expect(ATTENDING_OFFICES_BEFORE.test('The plan was drafted by the foreign minister of ')).toBe(false);
  });

  it('takes the countries of a roster after a coalition sentence that ends with a colon', () => {
    const body =
      'The coalition of the willing discussed security guarantees for Ukraine. Its members include:\n\n- Chile\n- Prime Minister of Peru\n\nThe talks end on Friday.';
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
  });

  it('takes the attendees named after the cue, not a country of the next clause', () => {
    // A paragraph of its own: every country of the coalition's paragraph is a candidate anyway.
    const lead = 'The coalition of the willing discussed security guarantees for Ukraine.\n\n';
    expect(guarantorsIn(`${lead}The call brought together leaders from Chile and Peru.`)).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
    expect(guarantorsIn(`${lead}Austria will not take part, and Malta has yet to decide.`)).toEqual([]);
  });

  it('takes no country the coalition paragraph leaves undecided, nor the agent of a negated passive', () => {
    const lead = 'The coalition of the willing discussed security guarantees for Ukraine.\n\n';
    expect(
      guarantorsIn(
        `${lead}The coalition met on Monday. Austria will not take part, and Malta has yet to decide. Chile and Peru will lead it.`,
      ),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
    expect(guarantorsIn(`${lead}The force will not be joined by Iceland, officials said.`)).toEqual([]);
    expect(guarantorsIn(`${lead}The force will be joined by Iceland, officials said.`)).toEqual(['Iceland by Ukraine']);
  });

  it('takes a list closed by the attendee before the cue, and adjectives sharing one title', () => {
    const lead = 'The coalition of the willing discussed security guarantees for Ukraine.\n\n';
    expect(guarantorsIn(`${lead}The call ran long, with Chile, Peru and Iceland joining by video.`)).toEqual([
      'Iceland by Ukraine',
      'Peru by Ukraine',
      'Chile by Ukraine',
    ]);
    expect(guarantorsIn(`${lead}Danish, Dutch and Swedish leaders were also on the call.`)).toEqual([
      'Sweden by Ukraine',
      'Netherlands by Ukraine',
      'Denmark by Ukraine',
    ]);
  });
});

describe('a coalition meeting’s leaders by role, name or adjective (gold guide R1)', () => {
  const lead = 'The coalition of the willing discussed security guarantees for Ukraine.\n\n';

  it('takes the leaders an event featured, and the chairs of a meeting', () => {
    expect(guarantorsIn(`${lead}The event featured leaders from Chile and Peru.`)).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
    expect(guarantorsIn(`${lead}The session was co-chaired by the Chilean president.`)).toEqual(['Chile by Ukraine']);
  });

  it('takes a leader the article gives a country, named by surname as attending or chairing', () => {
    const named = 'Norway’s prime minister, Lars Holm, flew in on Sunday.\n\n';
    expect(guarantorsOfArticle(`${lead}${named}Holm co-chaired the session by video.`)).toEqual(['Norway by Ukraine']);
  });

  it('takes no country for a leader titled by an international body', () => {
    const named = 'Ana von Berg, a former Chilean minister, flew in on Sunday.\n\n';
    expect(
      guarantorsOfArticle(`${lead}${named}EU Commission President Ana von Berg also took part in the session.`),
    ).toEqual([]);
  });

  it('takes a country whose joining a refusal denied leaves open, and an effort named in quote marks', () => {
    const quoted = 'An analyst does not rule out that Chile will also join the "coalition of the willing."';
    expect(guarantorsIn(`${lead}${quoted}`)).toEqual(['Chile by Ukraine']);
    expect(guarantorsIn(`${lead}${quoted.replace('does not rule', 'rules')}`)).toEqual([]);
    expect(guarantorsIn(`${lead}Chile and Peru will set up “military hubs” across Ukraine.`)).toEqual([
      'Chile by Ukraine',
      'Peru by Ukraine',
    ]);
  });

  it('takes no country the coalition’s paragraph calls unlikely to join, absent or yet to back it', () => {
    expect(guarantorsIn(`${lead}The coalition met on Monday. Chile is unlikely to join the coalition.`)).toEqual([]);
    expect(guarantorsIn(`${lead}Leaders of the coalition met, while Peru was absent.`)).toEqual([]);
    expect(guarantorsIn(`${lead}The coalition met, but Fiji has yet to back its plan.`)).toEqual([]);
  });

  it('takes a lone leader named by adjective in the coalition’s paragraph', () => {
    expect(guarantorsIn(`${lead}The coalition met in Lima, after which the Chilean president spoke.`)).toEqual([
      'Chile by Ukraine',
    ]);
  });
});

describe('troop pledges', () => {
  const lead = 'Ukraine wants security guarantees from its partners. ';

  it('reads troops pledged or offered, and the list a troop phrase introduces', () => {
    expect(guarantorsIn(`${lead}Chile and Peru have pledged troops.`)).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
    expect(guarantorsIn(`${lead}Countries that have pledged troops include Slovenia and Uruguay.`)).toEqual([
      'Slovenia by Ukraine',
      'Uruguay by Ukraine',
    ]);
  });

  it('reads "British, French and Polish leaders" as one list of signers', () => {
    expect(
      guarantorsIn('Danish, Dutch and Polish leaders signed a statement backing security guarantees for Ukraine.'),
    ).toEqual(['Denmark by Ukraine', 'Netherlands by Ukraine', 'Poland by Ukraine']);
  });
});
