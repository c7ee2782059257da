import { describe, expect, it } from 'vitest';
import { asClauseHolder, itReferent, proposalReplies, questionFrameEnd } from '../../lambda/facts/position-actor.js';
import { namedInCondition } from '../../lambda/facts/position-rejections.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { stanceTakers } from '../../lambda/facts/topics-parties.js';
import { articleOf } from './article-of.js';
import { leaders, person } from './invented-leaders.js';

const topics = compileTopics(defaultTopicsConfig);

const positionsIn = (body: string) =>
  extractPositions(articleOf(body), { people: leaders }).map((p) => `${p.topic}/${p.party}`);

describe('the owner of a demand whose only party word is the side asked to act', () => {
  it('is the leader a pronoun after the demand stands for', () => {
    expect(
      positionsIn('Irina Zorova met the envoys. Peace needs a bold decision from Kyiv on Crimea, she said.'),
    ).toEqual(['crimea/Russia']);
  });

  it('is the leader a role stands for, with an attribution set in commas', () => {
    expect(
      positionsIn(
        'Irina Zorova met the envoys. The president, an aide said, wants Ukraine to leave the Donetsk region.',
      ),
    ).toEqual(['donbas/Russia']);
  });

  it('is the agent of a passive that set the terms, a clause before the obligation', () => {
    expect(
      positionsIn('The terms were set by Moscow; any deal would require Kyiv to recognise Crimea as Russian.'),
    ).toEqual(['crimea/Russia']);
  });

  it('is nobody when the pronoun stands for an outsider, or when it is the addressee itself asked to act', () => {
    expect(positionsIn('Sam Keller met the envoys. Peace needs a bold decision from Kyiv on Crimea, he said.')).toEqual(
      [],
    );
    expect(
      positionsIn('Bohdan Lytvak met the envoys. Peace needs a bold decision from Kyiv on Crimea, he said.'),
    ).toEqual([]);
  });

  it('gives a trailing refusal by a role to the refusing leader, not the outsider who demanded', () => {
    expect(
      positionsIn(
        'Bohdan Lytvak met the envoys. The mediators want the Luhansk region handed over, to which the president does not agree.',
      ),
    ).toEqual(['donbas/Ukraine']);
  });
});

describe('a refusal by a role in a relative clause, and a demand a named role says', () => {
  it("gives both sides when a side demands and the other side's role refuses", () => {
    expect(
      positionsIn(
        "Bohdan Lytvak met the envoys. Moscow's negotiators insist that Kyiv hand over Sloviansk, to which the prime minister does not agree.",
      ),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it("takes the side from the word before the role, and none from an outsider's adjective", () => {
    expect(
      positionsIn('Bohdan Lytvak spoke. Peace needs a brave decision from Kyiv on Crimea, the Russian president said.'),
    ).toEqual(['crimea/Russia']);
    expect(
      positionsIn(
        'Bohdan Lytvak spoke. Peace needs a brave decision from Kyiv on Crimea, the American president said.',
      ),
    ).toEqual([]);
  });
});

describe('a conditional offer', () => {
  it('goes to the proposer, not the subject of the if-clause, even after a source and a time', () => {
    expect(
      positionsIn(
        'According to a newspaper, after the summit, Zorova proposed that if Ukraine gave up the Donetsk region, she would halt her troops.',
      ),
    ).toEqual(['donbas/Russia']);
  });

  it('reads a party inside a condition as stating no stance of its own, with or without anyone before it', () => {
    const clause = 'Moscow offered that if Kyiv agreed to the deal, the Donbas would be frozen';
    const [moscow, kyiv] = stanceTakers(clause, topics);
    expect(kyiv && namedInCondition(clause, kyiv)).toBe(true);
    expect(moscow && namedInCondition(clause, moscow)).toBe(false);
    expect(
      positionsIn('Ukrainian troops must leave the Donbas if Kyiv wants peace, the Russian president said.'),
    ).toEqual(['donbas/Russia']);
  });
});

describe('a stance whose holder is not the subject of a verb of wanting', () => {
  it('is the object of a verb of blame when the stance is its gerund', () => {
    expect(
      positionsIn('Sam Keller scolded Bohdan Lytvak on Monday for refusing to give up the Donetsk region.'),
    ).toEqual(['donbas/Ukraine']);
    expect(positionsIn('Sam Keller accused Moscow of insisting on the whole of Crimea.')).toEqual(['crimea/Russia']);
  });

  it('takes no holder from a gerund that is no stance, nor from an outsider blamed for one', () => {
    expect(positionsIn('Sam Keller thanked Bohdan Lytvak for hosting the talks on Crimea.')).toEqual([]);
    expect(positionsIn('The editors criticised Sam Keller for insisting on the handover of Crimea.')).toEqual([]);
  });

  it('gives a named leader refusing consent in a trailing relative clause their side', () => {
    expect(
      positionsIn(
        'The mediators keep pushing for the Luhansk region to go to Russia, to which Bohdan Lytvak has not given his consent.',
      ),
    ).toEqual(['donbas/Ukraine']);
    expect(
      positionsIn('The mediators keep pushing for the Luhansk region to go to Russia, to which Bohdan Lytvak replied.'),
    ).toEqual([]);
  });

  it('gives a contrasting clause without a subject to the subject opening the sentence', () => {
    expect(
      positionsIn(
        'Russian diplomats said Moscow would keep talking but demanded that Kyiv accept the loss of Crimea first.',
      ),
    ).toEqual(['crimea/Russia']);
    expect(
      positionsIn('Analysts said the talks would go on but demanded that Kyiv accept the loss of Crimea first.'),
    ).toEqual([]);
  });
});

describe('a party named only in a condition set after the main clause', () => {
  it('takes no stance, in the wide pass or as the lead of the article', () => {
    expect(
      positionsIn(
        'An official said the troops would take the rest of the Donetsk region by force unless Kyiv withdraws its units.',
      ),
    ).toEqual([]);
  });

  it('leaves a condition that opens the clause to its main clause', () => {
    expect(positionsIn('If Moscow agrees to a ceasefire, Kyiv is ready to discuss the Donbas.')).toEqual([
      'donbas/Ukraine',
    ]);
  });
});

describe('the owner of a demand named by a passive in the sentence before', () => {
  it('is the party that laid down the terms', () => {
    expect(
      positionsIn(
        'The terms were laid down by Moscow. Any new plan would require Kyiv to recognise Crimea as Russian.',
      ),
    ).toEqual(['crimea/Russia']);
  });

  it('is not a side that merely proposed something there, nor the addressee itself', () => {
    expect(
      positionsIn('A truce was proposed by Moscow. Any new plan would require Kyiv to recognise Crimea as Russian.'),
    ).toEqual([]);
    expect(
      positionsIn('The terms were laid down by Kyiv. Any new plan would require Kyiv to recognise Crimea as Russian.'),
    ).toEqual([]);
  });
});

describe('a reply naming the proposal it answers by its owner', () => {
  it('gives the owner and the replier a position each', () => {
    expect(positionsIn("Kyiv will not accept Moscow's claims to Crimea.")).toEqual(['crimea/Russia', 'crimea/Ukraine']);
    expect(positionsIn("Bohdan Lytvak called Irina Zorova's demand for the Donbas an ultimatum.")).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
  });

  it('finds no reply when the verb names without refusing, or the replier is an outsider', () => {
    const noPeople = () => [];
    expect(proposalReplies("Kyiv called Moscow's demand for the Donbas an ultimatum.", topics, noPeople)).toEqual([
      { replier: 'Ukraine', owner: 'Russia', at: 5 },
    ]);
    expect(proposalReplies("Kyiv called Moscow's demand for the Donbas a starting point.", topics, noPeople)).toEqual(
      [],
    );
    expect(positionsIn("Sam Keller rejected Kyiv's offer of a buffer zone in the Donbas.")).toEqual(['donbas/Ukraine']);
  });
});

describe('the frame that opens an answer', () => {
  it('ends after a question naming the topic, and nowhere else', () => {
    expect(questionFrameEnd('Asked about the Donetsk region, she said the army would stay.')).toBe(
      'Asked about the Donetsk region,'.length,
    );
    expect(questionFrameEnd('She was asked about the Donetsk region, and said nothing.')).toBe(-1);
  });

  it('sets a sentence in the view of the person a pronoun stands for', () => {
    expect(positionsIn('Bohdan Lytvak spoke on Monday. In his view, Crimea cannot be traded for a ceasefire.')).toEqual(
      ['crimea/Ukraine'],
    );
    expect(positionsIn('Sam Keller spoke on Monday. In his view, Crimea cannot be traded for a ceasefire.')).toEqual(
      [],
    );
  });
});

describe('a demand trailing as an "as" clause', () => {
  it('gives the demander a position beside the refuser, but not a side that only says so', () => {
    expect(positionsIn('Kyiv will not leave Kramatorsk, as Moscow demands.')).toEqual([
      'donbas/Ukraine',
      'donbas/Russia',
    ]);
    expect(
      asClauseHolder('Kyiv will not leave Kramatorsk, as Moscow has said for months.', topics, () => []),
    ).toBeNull();
  });
});

describe('"it" as the subject of a stance', () => {
  it('stands for the one side taking a stance in the sentence before', () => {
    expect(positionsIn('Kyiv would never give up Sloviansk. Nor will it recognise the annexation of Crimea.')).toEqual([
      'donbas/Ukraine',
      'crimea/Ukraine',
    ]);
  });

  it('is no side when it is an expletive, or the sentence before has no side taking a stance', () => {
    expect(
      itReferent('It would take years to rebuild the Donbas.', 'Kyiv rejected the plan.', topics, () => []),
    ).toBeNull();
    expect(itReferent('It will never give up Crimea.', 'The report came out on Monday.', topics, () => [])).toBeNull();
  });
});

describe("a party's troops as the holder or the addressee", () => {
  it("hold their side's refusal or demand", () => {
    expect(positionsIn('Ukrainian troops will not withdraw from the Donetsk region.')).toEqual(['donbas/Ukraine']);
    expect(positionsIn("Ukraine's army will never leave Sloviansk.")).toEqual(['donbas/Ukraine']);
    expect(positionsIn('Russian forces demand that Kyiv recognise Crimea as Russian.')).toEqual(['crimea/Russia']);
  });

  it('state no stance in fighting or a forecast of it', () => {
    expect(positionsIn('Russian forces shelled the Donetsk region overnight.')).toEqual([]);
    expect(positionsIn('Russian forces could take the whole Donetsk region by spring.')).toEqual([]);
  });

  it('are the side asked to act when a role demands that they leave', () => {
    expect(
      positionsIn(
        'Irina Zorova met the envoys on Monday. Later, the president said that Ukrainian units must withdraw from the Donetsk region.',
      ),
    ).toEqual(['donbas/Russia']);
  });
});

describe('a leader pressing on, by pronoun or role', () => {
  it('reads a verb of aspect between the subject and the verb of pressing', () => {
    expect(
      positionsIn('Irina Zorova met the envoys. She keeps pressing for Ukraine to hand over the Donetsk region.'),
    ).toEqual(['donbas/Russia']);
    expect(positionsIn('Irina Zorova met the envoys. Moscow continues to insist on the whole Donetsk region.')).toEqual(
      ['donbas/Russia'],
    );
  });
});

describe("a reply to a role's possessive proposal", () => {
  it('gives the side the qualifier names, or the side other than the replier', () => {
    expect(positionsIn("Kyiv again rejected the Russian leader's demands for the Luhansk region.")).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
    expect(positionsIn("Ukraine rejected the other leader's demands for the Luhansk region.")).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
    expect(positionsIn("Irina Zorova dismissed her counterpart's offer of a commission on Crimea.")).toEqual([
      'crimea/Ukraine',
      'crimea/Russia',
    ]);
  });

  it("reads a party member's possessive as the party's proposal, whoever answers it", () => {
    expect(positionsIn("The Kremlin chief's demand for the Donetsk region stands.")).toEqual(['donbas/Russia']);
    expect(positionsIn("Ukraine has rejected the other side's demands for the Donetsk region.")).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
  });

  it('gives the reply to the side of the leader a pronoun or role stands for', () => {
    expect(
      positionsIn("Bohdan Lytvak spoke on Monday. He has rejected the Kremlin chief's demand for the Donetsk region."),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
    expect(positionsIn("Sam Keller spoke on Monday. He rejected Moscow's demand for Crimea.")).toEqual([
      'crimea/Russia',
    ]);
  });

  it("leaves a bare role's proposal to the replier alone: either side's president may be meant", () => {
    expect(positionsIn("Ukraine rejected the president's demands for the Luhansk region.")).toEqual(['donbas/Ukraine']);
  });
});

describe('a party told or urged by someone else', () => {
  it("is the audience of an outsider's requirement, not its holder", () => {
    expect(
      positionsIn('Sam Keller told Kyiv that any deal would need its withdrawal from the Donetsk region.'),
    ).toEqual([]);
    expect(positionsIn('The mediator told Ukraine a settlement would require it to leave the Donetsk region.')).toEqual(
      [],
    );
  });

  it("leaves the requirement to a side's own leader who tells it", () => {
    expect(
      positionsIn('Irina Zorova told Kyiv that any deal would need its withdrawal from the Donetsk region.'),
    ).toEqual(['donbas/Russia']);
  });
});

describe('a bare role resolved to the person introduced with it', () => {
  const people = [
    person('Ostap Hnatko', 'Ukraine'),
    person('Irina Zorova', 'Russia'),
    person('Sam Keller', 'United States'),
  ];
  const positionsOf = (body: string) =>
    extractPositions(articleOf(body), { people }).map((p) => `${p.topic}/${p.party}`);

  it('gives the side of the one the article introduced with that role, not of the sentences just before', () => {
    expect(
      positionsOf(
        'Ukrainian Foreign Minister Ostap Hnatko met the envoys. Russian negotiators arrived later. The foreign minister said Crimea will never be traded for a ceasefire.',
      ),
    ).toEqual(['crimea/Ukraine']);
  });

  it('gives no side when an outsider was introduced with the role last', () => {
    expect(
      positionsOf(
        'Russian President Irina Zorova and US President Sam Keller met in Geneva. Later the president said Ukraine must leave the Donetsk region.',
      ),
    ).toEqual([]);
  });

  it('skips a holder whose side the clause asks to act', () => {
    expect(
      positionsOf(
        'Russian President Irina Zorova and Ukrainian President Ostap Hnatko sent delegations. The president keeps pressing for Ukraine to hand over the Donetsk region.',
      ),
    ).toEqual(['donbas/Russia']);
  });
});

describe('a demand pointing back to the sentence before', () => {
  it("is the side that took the one stance there: 'That would require Kyiv to …'", () => {
    expect(
      positionsIn('Russia insists on its terms for a truce. That would require Ukraine to give up the Donetsk region.'),
    ).toEqual(['donbas/Russia']);
  });

  it('is nobody when the sentence before has an outsider, or no side, taking a stance', () => {
    expect(positionsIn('Sam Keller set out a plan. That would require Ukraine to give up the Donetsk region.')).toEqual(
      [],
    );
  });
});

describe('a refusal set in a condition', () => {
  it('is no later refuser: "… and if Kyiv refuses, …"', () => {
    expect(
      positionsIn(
        'Zorova demands that Ukraine withdraw from the Donetsk region, and if Kyiv refuses, Moscow will take it by force.',
      ),
    ).toEqual(['donbas/Russia']);
  });
});

describe('a side reporting what it did', () => {
  it('states no stance by a past event alone: "Moscow says it annexed …"', () => {
    expect(positionsIn('Russia says it annexed the Donetsk and Luhansk regions.')).toEqual([]);
    expect(positionsIn('Moscow said it had already seized most of the Luhansk region.')).toEqual([]);
  });

  it('still states one with a claim beside the event, or a wish to do it', () => {
    expect(positionsIn('Russia says it annexed the Luhansk region and will never give it back.')).toEqual([
      'donbas/Russia',
    ]);
    expect(positionsIn('Russia says it wants to annex the Donetsk region.')).toEqual(['donbas/Russia']);
  });
});

describe('a stance given as the infinitive after a causative verb (causedStanceHolder)', () => {
  it("gives the stance to the causative verb's object, also against an outsider's plan", () => {
    expect(
      positionsIn(
        "The vote in parliament led Kyiv to flatly reject the envoy's plan that would leave Crimea to Moscow.",
      ),
    ).toEqual(['crimea/Ukraine']);
    expect(positionsIn('Mounting losses pushed Bohdan Lytvak to offer talks on the Luhansk region.')).toEqual([
      'donbas/Ukraine',
    ]);
  });

  it('gives nothing when the infinitive is no stance, or the party is no object of a causative verb', () => {
    expect(positionsIn('The winter led Kyiv to move reserves toward the Luhansk region.')).toEqual([]);
    expect(positionsIn("Washington's envoys want to reject any plan for Crimea.")).toEqual([]);
  });
});

describe('a demand owned by a pronoun opening the clause (pronounOwnedDemand)', () => {
  it('gives the demand to the side of the person the pronoun stands for, not to the side asked to act', () => {
    expect(
      positionsIn(
        'Irina Zorova addressed diplomats. Her conditions include the withdrawal of Ukrainian troops from Donetsk.',
      ),
    ).toEqual(['donbas/Russia']);
  });

  it('gives nothing to a possessive before a noun that states no demand', () => {
    expect(positionsIn('Irina Zorova addressed diplomats. Her visit to the Donetsk region drew protests.')).toEqual([]);
  });
});

describe('a role as the subject after adverbial openers', () => {
  it("reads 'According to a paper, after the summit, the president proposed …' as the president's side's offer", () => {
    const body =
      'Irina Zorova met envoys on Monday. According to a paper, after the summit, the president proposed that if Kyiv gave up the Donetsk region, she would freeze the front.';
    expect(positionsIn(body)).toEqual(['donbas/Russia']);
    expect(
      positionsIn('Irina Zorova met envoys on Monday. After the summit, the president visited the Donetsk region.'),
    ).toEqual([]);
  });
});
