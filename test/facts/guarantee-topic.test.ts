import { describe, expect, it } from 'vitest';
import { countryMentions } from '../../lambda/facts/countries.js';
import { extractArticleFacts, readArticle } from '../../lambda/facts/extract.js';
import {
  arrangementInclusions,
  arrangementState,
  effortParticipants,
  guaranteeTopic,
  namedInRisk,
} from '../../lambda/facts/guarantee-topic.js';
import { extractGuarantors } from '../../lambda/facts/guarantors.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { articleOf } from './article-of.js';

const guarantorsIn = (body: string) =>
  extractGuarantors(articleOf(body)).map((g) => `${g.country} by ${g.proposedBy ?? '?'}`);
const participantsIn = (text: string) => effortParticipants(text, 'Ukraine').map((m) => m.country);

/** An opening paragraph about the guarantees, for the paragraphs after it to continue or leave. */
const OPENING =
  'Envoys gathered in Lisbon on Monday to weigh security guarantees for Ukraine once the guns fall silent.';

describe('guaranteeTopic', () => {
  it('holds the topic over the paragraphs that point back to the effort and ends it at the first that does not', () => {
    // Prepare
    const body = [
      OPENING,
      'Later, the envoys argued about timing. Chile may yet join the initiative.',
      'In other news, wheat prices rose in Chicago.',
      'Peru could also join the initiative.',
    ].join('\n');
    const sentences = splitSentences(body);
    // Act
    const open = guaranteeTopic(body, sentences, (i) => sentences[i]?.text.includes('guarantees') ?? false);
    // Assess
    expect(sentences.map((s, i) => `${open[i] ? 'open' : 'closed'}: ${s.text}`)).toEqual([
      `open: ${OPENING}`,
      'open: Later, the envoys argued about timing.',
      'open: Chile may yet join the initiative.',
      'closed: In other news, wheat prices rose in Chicago.',
      'closed: Peru could also join the initiative.',
    ]);
  });
});

describe('effortParticipants', () => {
  it('reads a country joining, leading or sending to the effort, by name, adjective or seat', () => {
    expect(participantsIn('Chile could soon join the initiative.')).toEqual(['Chile']);
    expect(participantsIn('Spanish and Portuguese troops would take part in the mission.')).toEqual([
      'Spain',
      'Portugal',
    ]);
    expect(participantsIn('Oslo has said it will co-chair the coalition.')).toEqual(['Norway']);
  });

  it('reads how a country takes part after the verb as part of it, and a role it takes on', () => {
    expect(participantsIn('Chile taking part without basing forces on the ground, officials said.')).toEqual(['Chile']);
    expect(participantsIn('Peru would become the hub for logistics.')).toEqual(['Peru']);
    expect(participantsIn('Chile will not be taking part without a ceasefire.')).toEqual([]);
  });

  it('reads an adjective on the effort’s troops or jets, and on its lead', () => {
    expect(
      participantsIn('A Polish-led force would hold the line, with Danish and Dutch personnel in support.'),
    ).toEqual(['Denmark', 'Netherlands', 'Poland']);
  });

  it('takes an offer made after a refusal, not the refusal alone', () => {
    expect(participantsIn('Greece ruled out ground troops but offered air cover.')).toEqual(['Greece']);
    expect(participantsIn('Greece ruled out ground troops for now.')).toEqual([]);
    expect(participantsIn('Greece refused to send ground troops but would not block the plan.')).toEqual([]);
  });

  it('leaves help already given and troops sent to another country', () => {
    expect(participantsIn('Chile already provides satellite imagery to the mission.')).toEqual([]);
    expect(participantsIn('Peru sent troops to Bolivia last year.')).toEqual([]);
    expect(participantsIn('Peru will send troops to Ukraine.')).toEqual(['Peru']);
  });

  it('leaves a country that denies its part, joins another effort or has troops elsewhere', () => {
    expect(participantsIn('Chile will not join the mission.')).toEqual([]);
    expect(participantsIn('Chile will join the talks on the mission next week.')).toEqual([]);
    expect(participantsIn('The plan foresees a withdrawal of Chilean forces from Bolivia.')).toEqual([]);
  });
});

describe('guarantors from the guarantee topic', () => {
  it('counts a country taking part in a later paragraph that points back, not after a paragraph on something else', () => {
    const body = [OPENING, 'Chile could soon join the initiative, its foreign minister said.'].join('\n');
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine']);
    const elsewhere = [OPENING, 'Separately, grain shipments resumed from Odesa.', 'Chile could soon join it.'].join(
      '\n',
    );
    expect(guarantorsIn(elsewhere)).toEqual([]);
  });

  it('reads a leader the article gives a country as that country taking part', () => {
    const body = [
      'Chilean President Ana Lindqvist flew to Lisbon on Sunday.',
      OPENING,
      "Lindqvist's troops would take part in the mission, aides said.",
    ].join('\n');
    const guarantors = extractArticleFacts(articleOf(body)).guarantors.map((g) => `${g.country} by ${g.proposedBy}`);
    expect(guarantors).toEqual(['Chile by Ukraine']);
  });

  it('keeps out a host of the talks and a country merely mentioned', () => {
    const body = [
      OPENING,
      'Talks hosted by Portugal will follow, and Peru was mentioned as a venue for the mission.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual([]);
  });
});

describe('a kind of security effort opening the topic, in a report that never says "guarantee"', () => {
  const JOINING = 'Chile could soon join the initiative, its foreign minister said.';

  it('opens it with a mission or force for the protected country', () => {
    for (const effort of ['a monitoring mission', 'a stabilisation force', 'a multinational force']) {
      const body = `Envoys met in Lisbon to plan ${effort} for Ukraine once the guns fall silent.\n${JOINING}`;
      expect(guarantorsIn(body)).toEqual(['Chile by Ukraine']);
    }
  });

  it('opens nothing with a mission for another country', () => {
    const body = `Envoys met in Lisbon to plan a monitoring mission for Bolivia once the guns fall silent.\n${JOINING}`;
    expect(guarantorsIn(body)).toEqual([]);
  });

  it('gives the coalition of the willing its members named in its paragraph', () => {
    const body =
      'The coalition of the willing met again to plan its support for Ukraine. Leaders from Chile and Peru took part.';
    expect(guarantorsIn(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
  });
});

describe('the topic carried further, and its vocabulary as classes (issue 17, guarantor recall on unread reports)', () => {
  it('opens it with any force, contingent or presence qualified as a security effort for the protected country', () => {
    const joining = 'Chile could soon join the initiative, its foreign minister said.';
    for (const effort of ['an allied contingent', 'a Western troop presence', 'a European stabilisation contingent']) {
      const body = `Envoys met in Lisbon to plan ${effort} for Ukraine once the guns fall silent.\n${joining}`;
      expect(guarantorsIn(body)).toEqual(['Chile by Ukraine']);
    }
    expect(guarantorsIn(`Envoys met in Lisbon to plan a new contingent for Ukraine.\n${joining}`)).toEqual([]);
  });

  it('goes on through a paragraph naming the package or asking who takes part, to an offer made after a dash', () => {
    const offer = 'Peru ruled out ground units, but offered a different thing – air cover.';
    const body = [OPENING, 'Officials hope the package takes shape this week.', 'Will Peru participate?', offer];
    expect(guarantorsIn(body.join('\n'))).toEqual(['Peru by Ukraine']);
    // Without the paragraphs pointing back, the offer stands outside the topic.
    expect(guarantorsIn([OPENING, 'Grain prices rose on Monday.', offer].join('\n'))).toEqual([]);
  });

  it('reads building hubs or bases in the protected country as taking part, not elsewhere or of another kind', () => {
    expect(participantsIn('Chile and Peru will build military hubs across Ukraine.')).toEqual(['Chile', 'Peru']);
    expect(participantsIn('Chile will build bases in Bolivia.')).toEqual([]);
    expect(participantsIn('Chile will build schools in Ukraine.')).toEqual([]);
  });

  it('reads an offer announced by a few words before a dash or colon, after a refusal only', () => {
    expect(participantsIn('Peru ruled out troops, but offered one more thing: logistics.')).toEqual(['Peru']);
    expect(participantsIn('Peru praised the plan, but offered one more thing: logistics.')).toEqual([]);
  });
});

describe('namedInRisk: a country named in the risk an effort carries', () => {
  const risked = (text: string) =>
    countryMentions(text)
      .filter((m) => namedInRisk(text, m))
      .map((m) => m.country);

  it('is the one an effort might draw into a war and the attacker of a condition', () => {
    expect(risked('The backstop could draw Chile into a wider war if Peru attacks the peacekeepers.')).toEqual([
      'Chile',
      'Peru',
    ]);
    expect(risked('Chile could be dragged into the fighting should Peru strike the force.')).toEqual(['Chile', 'Peru']);
    expect(risked('Chile will draw up plans and Peru attacks the problem of logistics.')).toEqual([]);
  });

  it('keeps such countries out of a guarantee sentence’s guarantors', () => {
    expect(
      guarantorsIn('The security guarantees could draw Chile into a wider war if Peru attacks the peacekeepers.'),
    ).toEqual([]);
    expect(guarantorsIn('Chile would provide security guarantees for Ukraine.')).toEqual(['Chile by Ukraine']);
  });
});

describe('the security arrangement carried across sentences (issue 17, discourse state)', () => {
  const included = (text: string) => arrangementInclusions(text).map((m) => m.country);

  it('attaches the countries named with a phrase pointing back to the arrangement', () => {
    expect(included('The group could also, as one envoy put it, include Chile and Peru.')).toEqual(['Chile', 'Peru']);
    expect(included('Its members are Chile, Peru and Ecuador.')).toEqual(['Chile', 'Peru', 'Ecuador']);
    expect(included('They include Chile and Peru.')).toEqual(['Chile', 'Peru']);
    expect(included('Envoys from 30 nations, including Chile and Peru, met on Friday.')).toEqual(['Chile', 'Peru']);
    expect(included('Among the countries named are Chile and Peru.')).toEqual(['Chile', 'Peru']);
    expect(included('A large group of EU countries, including Chile and Peru, is ready.')).toEqual(['Chile', 'Peru']);
    expect(included('Kyiv wants a circle of guarantors that would include Chile.')).toEqual(['Chile']);
    expect(included('The coalition could be expanded to include Chile.')).toEqual(['Chile']);
    expect(included('There were also three states outside Europe: Chile, Peru and Japan.')).toEqual([
      'Chile',
      'Peru',
      'Japan',
    ]);
    expect(included('Kyiv has signed six security agreements: with Chile, Peru and Spain.')).toEqual([
      'Chile',
      'Peru',
      'Spain',
    ]);
  });

  it('leaves a list said not to be included, a name that only looks like a group, and a list without a link', () => {
    expect(included('The list does not include Chile.')).toEqual([]);
    expect(included('The group, excluding Chile, met in Lima.')).toEqual([]);
    expect(included('The United States are Chile’s largest partner.')).toEqual([]);
    expect(included('Leaders of the G7 countries, including Chile’s president, met.')).toEqual([]);
    expect(included('The group met in Lima with Chile and Peru.')).toEqual([]);
  });

  it('counts a country joining the arrangement by a phrase pointing back as taking part', () => {
    expect(participantsIn('Chile has also joined the group of signatories.')).toEqual(['Chile']);
    expect(participantsIn('Peru signed similar deals last year.')).toEqual(['Peru']);
    expect(participantsIn('Peru will join the Western allies.')).toEqual(['Peru']);
  });

  it('leaves a country joining a name that only looks like a group', () => {
    expect(participantsIn('Chile joined the United States in backing the plan.')).toEqual([]);
    expect(participantsIn('Peru will back the United States.')).toEqual([]);
  });

  it('takes the arrangement up again where a later paragraph points back to it, and names its opener', () => {
    // Prepare
    const body = [
      OPENING,
      'Wheat prices rose in Chicago.',
      'The group could later include Chile.',
      'Chile could soon join the initiative.',
    ].join('\n');
    const sentences = splitSentences(body);
    // Act
    const { open, opener } = arrangementState(body, sentences, (i) => i === 0);
    // Assess
    expect(open).toEqual([true, false, true, true]);
    expect(opener).toEqual([0, 0, 0, 0]);
  });

  it('gives countries attached later the proposer of the sentence that introduced the arrangement', () => {
    const body = [
      'Moscow proposed that China and India act as guarantors of Ukraine’s security.',
      'Grain prices fell again.',
      'The group could later be widened to include Serbia.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['China by Russia', 'India by Russia', 'Serbia by Russia']);
  });

  it('opens the arrangement with a security agreement too, for the sentences pointing back to it', () => {
    const body = [
      'Ukraine signed a bilateral security agreement with Norway on Monday.',
      'The ceremony was short. Officials then left. Ministers spoke of the harvest.',
      'These agreements now include ones with Chile and Peru.',
    ].join('\n');
    expect(guarantorsIn(body)).toEqual(['Norway by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
  });

  it('carries a list a guarantee sentence opens over the lines that run on, until one adds nothing', () => {
    // Prepare: the reading says which lines speak of guarantees, which open a list, and what a line adds.
    const body = ['Kyiv named its guarantors:', '- Chile and Peru;', '- Ghana.', 'Markets were calm.', '- Fiji.'].join(
      '\n',
    );
    const sentences = splitSentences(body);
    const countries = (i: number) => countryMentions(sentences[i]?.text ?? '').map((m) => m.country);
    // Act
    const { runs } = arrangementState(body, sentences, {
      opensTopic: (i) => i === 0,
      namesGuarantees: (i) => i === 0,
      opensList: (i) => (i === 0 ? 'colon' : null),
      runsOn: (i) => (countries(i).length ? countries(i) : undefined),
    });
    // Assess: the line naming no country ends the run, so the bullet after it runs on nothing.
    expect([...runs.entries()]).toEqual([
      [1, { from: 0, adds: ['Chile', 'Peru'] }],
      [2, { from: 0, adds: ['Ghana'] }],
    ]);
  });

  it('points a guarantee sentence back to the sentence before only when that one names no guarantees', () => {
    const body = [
      'Austria and Ireland met in Vienna.',
      'Both said they would be ready to act as guarantors.',
      'Guarantees were discussed again.',
      'They would act as guarantors too.',
    ].join('\n');
    const sentences = splitSentences(body);
    const { pointingBack } = arrangementState(body, sentences, {
      opensTopic: () => false,
      namesGuarantees: (i) => i > 0,
      pointsBack: (i) => i === 1 || i === 3,
    });
    expect([...pointingBack]).toEqual([1]);
    expect(guarantorsIn(body.split('\n').slice(0, 2).join('\n'))).toEqual(['Austria by Ukraine', 'Ireland by Ukraine']);
  });

  it('keeps the topic extraction read beside the facts: the corpus pass has no other source of it', () => {
    const body = [OPENING, 'Chile could soon join the initiative.', '', 'Wheat prices rose.'].join('\n');
    const article = articleOf(body);
    let told: readonly boolean[] = [];
    extractGuarantors(article, { onTopic: (open) => (told = open) });
    expect(told).toEqual([true, true, false]);
    expect(readArticle(article).guaranteeTopic).toEqual(told);
  });
});
