import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import {
  answersByPointingBack,
  attributesSentenceBefore,
  offersZone,
  restatesCarried,
} from '../../lambda/facts/topic-anaphora.js';
import { articleOf } from './article-of.js';

const positionsIn = (body: string) =>
  extractPositions(articleOf(body)).map((p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`);

describe('positions answering a demand named only by a word pointing back', () => {
  it('gives the answering side a position on each topic of the demand, sentences later', () => {
    const body =
      'Russia demands that Kyiv recognise Crimea as Russian and leave the Donetsk region. The envoys flew home on Friday. Kyiv has rejected these conditions.';
    expect(positionsIn(body)).toEqual([
      expect.stringMatching(/^crimea\/Russia: Russia demands/u),
      expect.stringMatching(/^donbas\/Russia: Russia demands/u),
      'crimea/Ukraine: Kyiv has rejected these conditions.',
      'donbas/Ukraine: Kyiv has rejected these conditions.',
    ]);
  });

  it('inherits every topic of a demand the same side goes on with in the next sentence', () => {
    const body =
      'Moscow wants Kyiv to recognise Crimea as Russian. The Kremlin also insists that Ukraine leave the Donetsk region. Kyiv called these conditions unacceptable.';
    expect(positionsIn(body).filter((p) => p.includes('Ukraine:'))).toEqual([
      'crimea/Ukraine: Kyiv called these conditions unacceptable.',
      'donbas/Ukraine: Kyiv called these conditions unacceptable.',
    ]);
  });

  it('inherits the topics of every point of a list, past a point that names none', () => {
    const body = [
      'Moscow set out its terms on Monday:',
      '- Kyiv must recognise Crimea as Russian;',
      '- Ukraine must stay neutral;',
      '- Ukrainian troops must leave the Donetsk region.',
      'Kyiv rejected these terms within hours.',
    ].join('\n');
    expect(positionsIn(body).filter((p) => p.includes('Ukraine:'))).toEqual([
      'crimea/Ukraine: Kyiv rejected these terms within hours.',
      'donbas/Ukraine: Kyiv rejected these terms within hours.',
    ]);
  });

  it('reads the agent of a passive rejection as the answering side', () => {
    const body =
      'Moscow insists that Ukraine hand over the rest of the Luhansk region. The talks broke up at noon. This demand was rejected by Kyiv on Monday.';
    expect(positionsIn(body)).toContain('donbas/Ukraine: This demand was rejected by Kyiv on Monday.');
  });

  it('reads a side saying it cannot give up its land as its answer to the claim before', () => {
    const body =
      'Moscow wants to keep the Crimean peninsula in any settlement. The meeting ran late. Kyiv says the country cannot give up its land.';
    expect(positionsIn(body)).toContain('crimea/Ukraine: Kyiv says the country cannot give up its land.');
  });

  it('answers a demand that no party holds, such as a mediator plan', () => {
    const body =
      "Washington's envoys proposed that Kyiv cede the Donetsk region. The talks ended late. Kyiv rejected these terms.";
    expect(positionsIn(body)).toEqual(['donbas/Ukraine: Kyiv rejected these terms.']);
  });

  it('gives a pronoun subject the side acting in the sentences before', () => {
    const body =
      'Russia demands that Kyiv leave the Donetsk region. Ukraine has asked its allies for more air defence. He called these conditions an ultimatum.';
    expect(positionsIn(body)).toContain('donbas/Ukraine: He called these conditions an ultimatum.');
  });

  it('gives a quote said by a pronoun the side speaking in the sentences before', () => {
    const body =
      'Moscow demands that Kyiv accept Crimea as Russian. Ukraine has asked its allies for more air defence. "There is nothing to discuss here," she said.';
    expect(positionsIn(body)).toContain('crimea/Ukraine: "There is nothing to discuss here," she said.');
  });

  it('gives nothing to the side that holds the demand, nor to a refusal that points back to nothing', () => {
    const body =
      'Moscow demands that Kyiv recognise Crimea as Russian. The envoys flew home. Moscow will not drop these demands. Kyiv rejected early elections.';
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^crimea\/Russia: Moscow demands/u)]);
  });

  it('gives nothing to a party asked to answer by someone else', () => {
    const body =
      'Moscow demands that Kyiv leave the Donetsk region. The talks ended late. Washington urged Kyiv not to reject these terms.';
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^donbas\/Russia: Moscow demands/u)]);
  });

  it('does not reach past a sentence naming topics with no one holding them', () => {
    const body =
      'Moscow demands that Kyiv recognise Crimea as Russian. Shelling went on near Donetsk overnight. Kyiv rejected these conditions.';
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^crimea\/Russia: Moscow demands/u)]);
  });

  it('reaches past background on the same places, and lets a side that refused once refuse again', () => {
    const body =
      'Moscow demands the rest of the Donetsk region, a demand Kyiv has rejected. The region has been fought over since 2014. Kyiv says it will never give up its land.';
    expect(positionsIn(body)).toContainEqual(
      expect.stringMatching(/^donbas\/Ukraine: Kyiv says it will never give up/u),
    );
  });

  it('does not reach a demand more than a few sentences back across paragraphs', () => {
    const body = [
      'Moscow demands that Kyiv recognise Crimea as Russian.',
      'The envoys flew home. The hotel was quiet.',
      'Reporters waited outside. No statement came.',
      'Kyiv rejected these conditions.',
    ].join('\n\n');
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^crimea\/Russia: Moscow demands/u)]);
  });

  it('needs both a word pointing back to a demand or land and a refusal or acceptance', () => {
    expect(answersByPointingBack('Kyiv has rejected such terms')).toBe(true);
    expect(answersByPointingBack('The president called the Kremlin’s conditions an ultimatum')).toBe(true);
    expect(answersByPointingBack('"There is nothing to discuss here," the minister said')).toBe(true);
    expect(answersByPointingBack('The president has ruled out territorial concessions')).toBe(true);
    expect(answersByPointingBack('Kyiv discussed these conditions at length')).toBe(false);
    expect(answersByPointingBack('Kyiv rejected the idea of early elections')).toBe(false);
  });
});

describe('a refusal of land far from the demand on named regions', () => {
  const demand = 'Moscow insists that Kyiv withdraw from the Luhansk region before any truce.';
  const filler = [
    'The envoys met in a lakeside hotel.',
    'Fighting went on near Kharkiv overnight.',
    'Grain exports were also on the agenda.',
  ].join('\n\n');

  it('gives a side named as refusing land its answer on the demanded regions, paragraphs on and past other places', () => {
    const body = [demand, filler, 'Kyiv has again refused to give up any territory, officials confirmed.'].join('\n\n');
    expect(positionsIn(body)).toContain(
      'donbas/Ukraine: Kyiv has again refused to give up any territory, officials confirmed.',
    );
  });

  it('gives no answer on the demanded regions to a refusal that names other places of its own', () => {
    const body = [demand, filler, 'Kyiv has again refused to give up any territory, least of all around Kharkiv.'].join(
      '\n\n',
    );
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^donbas\/Russia: Moscow insists/u)]);
  });

  it('reads the owner of a possessive refusal that far on', () => {
    const body = [demand, filler, "Ukraine's refusal to cede territory was repeated on Friday."].join('\n\n');
    expect(positionsIn(body)).toContain("donbas/Ukraine: Ukraine's refusal to cede territory was repeated on Friday.");
  });

  it('gives nothing that far on to a pronoun, to a refusal of other terms, or before any region is named', () => {
    const pronoun = [demand, filler, 'He has again refused to give up any territory.'].join('\n\n');
    const otherTerms = [demand, filler, 'Kyiv has rejected these conditions.'].join('\n\n');
    const unnamed = ['Kyiv has again refused to give up any territory.', filler].join('\n\n');
    expect(positionsIn(pronoun)).toEqual([expect.stringMatching(/^donbas\/Russia: Moscow insists/u)]);
    expect(positionsIn(otherTerms)).toEqual([expect.stringMatching(/^donbas\/Russia: Moscow insists/u)]);
    expect(positionsIn(unnamed)).toEqual([]);
  });
});

describe('a passive reply to the demand just before', () => {
  it('gives its agent, named after the verb, the answering position', () => {
    const body =
      'Moscow demands that Kyiv withdraw from the Luhansk region. The proposal was swiftly turned down by the Ukrainian foreign minister.';
    expect(positionsIn(body)).toContain(
      'donbas/Ukraine: The proposal was swiftly turned down by the Ukrainian foreign minister.',
    );
  });
  it("answers the demand, so that the same side's next demand starts a new list", () => {
    const body = [
      'Moscow demands that Kyiv withdraw from the Luhansk region.',
      'The proposal was swiftly turned down by the Ukrainian foreign minister.',
      'Moscow also wants the Crimean peninsula kept under its rule.',
      'Kyiv says the country cannot give up its land.',
    ].join(' ');
    expect(positionsIn(body).filter((p) => p.includes('cannot give up'))).toEqual([
      'crimea/Ukraine: Kyiv says the country cannot give up its land.',
    ]);
  });
});

describe('a stance restated on "the region" just named', () => {
  it('gives the side a refusal over any part of the region', () => {
    const body =
      'Moscow demands the Luhansk region. Kyiv will never recognise Russian rule over any part of the region.';
    expect(positionsIn(body)).toContain(
      'donbas/Ukraine: Kyiv will never recognise Russian rule over any part of the region.',
    );
  });

  it('gives a want reported by the other side to the one who wants, not the one reporting it', () => {
    const body =
      'Russian President Ivo Volnov spoke about the Luhansk region on Monday. Kyiv said Volnov wanted all of the region.';
    const held = extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}`);
    expect(held).toEqual(['donbas/Russia']);
  });
});

describe('regions counted rather than named', () => {
  it('are the places a sentence after names, as a demand on them', () => {
    const body =
      'Moscow has demanded that Kyiv pull its army out of two eastern provinces. The Kremlin named Donetsk and Luhansk as the places it means.';
    expect(positionsIn(body)).toEqual([
      'donbas/Russia: Moscow has demanded that Kyiv pull its army out of two eastern provinces.',
    ]);
  });

  it('are the places the sentence before names', () => {
    const body =
      'Russian forces hold most of Donetsk and Luhansk. Moscow insists that Kyiv hand over both regions first.';
    expect(positionsIn(body)).toEqual(['donbas/Russia: Moscow insists that Kyiv hand over both regions first.']);
  });

  it('are nothing when no sentence near names places', () => {
    const farther = [
      'Moscow has demanded that Kyiv pull its army out of two eastern provinces.',
      'The talks ended. Rain fell on the capital. Shelling hit Donetsk overnight.',
    ].join(' ');
    expect(positionsIn(farther)).toEqual([]);
    expect(positionsIn('Moscow has demanded that Kyiv pull its army out of three provinces.')).toEqual([]);
  });
});

describe('a refusal that goes on after the same side refused', () => {
  it('gives the side that refused its next answer pointing back, with or without "here"', () => {
    const body =
      'The Borduvian president said on Monday that Kyiv will never recognise the annexation of Crimea. "There is nothing to discuss," he said.';
    expect(positionsIn(body)).toContain('crimea/Ukraine: "There is nothing to discuss," he said.');
  });

  it('still gives nothing to a side answering the demand it made itself', () => {
    const body = 'Moscow demands that Kyiv give up Crimea. The talks ended. Moscow says there is nothing to discuss.';
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^crimea\/Russia: Moscow demands/u)]);
  });

  it('gives a possessive refusal of the land to its owner, not to the one who blames it', () => {
    const body = [
      'Moscow wants the rest of the Donetsk region.',
      'Russian President Pavel Orlov blamed Ukrainian President Arvo Lind for his refusal to give up territory.',
    ].join(' ');
    expect(positionsIn(body)).toContain(
      'donbas/Ukraine: Russian President Pavel Orlov blamed Ukrainian President Arvo Lind for his refusal to give up territory.',
    );
    expect(positionsIn("Moscow wants the Luhansk region. Kyiv's refusal to cede land angered the envoys.")).toContain(
      "donbas/Ukraine: Kyiv's refusal to cede land angered the envoys.",
    );
  });

  it('reads "do this" as the action the carried demand asks for', () => {
    const body = 'Moscow wants Kyiv to hand over the Luhansk region. The envoys left. Kyiv says it will never do this.';
    expect(positionsIn(body)).toContain('donbas/Ukraine: Kyiv says it will never do this.');
  });
});

describe('a stance restated on the carried topic, the land named only by pointing back', () => {
  it('gives the speaker, not the side asked to act, a demand on "these lands"', () => {
    const body =
      'The Kremlin spokesman spoke about the Donetsk region on Friday. "Ukrainian troops must leave these lands," Russian spokesman Ivo Marek said.';
    const found = positionsIn(body);
    expect(found).toContain(
      'donbas/Russia: "Ukrainian troops must leave these lands," Russian spokesman Ivo Marek said.',
    );
    expect(found.filter((p) => p.startsWith('donbas/Ukraine'))).toEqual([]);
  });

  it('gives a side refusing to give up "its territory" the carried topic', () => {
    const body =
      'Fighting went on around Kramatorsk through the night. Kyiv will not give up its territory for a ceasefire, officials said.';
    expect(positionsIn(body)).toContain(
      'donbas/Ukraine: Kyiv will not give up its territory for a ceasefire, officials said.',
    );
  });

  it('gives a plan pointed back to the topic of the sentence before', () => {
    const body =
      'Ukraine would withdraw from part of the Donetsk region under the latest draft. Kyiv insists this plan must go to a vote first.';
    expect(positionsIn(body)).toContain('donbas/Ukraine: Kyiv insists this plan must go to a vote first.');
  });

  it('restates only within two sentences of the one naming the land', () => {
    const near = 'Russia wants the Luhansk region. The envoys left. Kyiv insists on keeping these lands.';
    const far = 'Russia wants the Luhansk region. The envoys left. Rain fell. Kyiv insists on keeping these lands.';
    expect(positionsIn(near)).toContain('donbas/Ukraine: Kyiv insists on keeping these lands.');
    expect(positionsIn(far)).toEqual([expect.stringMatching(/^donbas\/Russia: Russia wants/u)]);
  });

  it('ends the carried topic at a sentence naming another place of the country', () => {
    const body = 'Russia wants the Donetsk region. It also claims Kherson. Kyiv insists on keeping these lands.';
    expect(positionsIn(body).filter((p) => p.includes('Ukraine'))).toEqual([]);
    const answer = 'Russia wants the Donetsk region. It also claims Kherson. Kyiv rejected these conditions.';
    expect(positionsIn(answer).filter((p) => p.includes('Ukraine'))).toEqual([]);
  });

  it('takes nothing from a demand, its terms or a region named with a capital', () => {
    expect(restatesCarried('Moscow also insists on the following demands')).toBe(false);
    expect(restatesCarried('Russia wants the Kherson and Zaporizhzhia regions')).toBe(false);
    expect(restatesCarried('Kyiv will never give up these lands')).toBe(true);
    expect(restatesCarried('The two sides exchanged prisoners in those areas')).toBe(false);
  });

  it('takes nothing from a question, an outsider or history', () => {
    const lead = 'Moscow wants the rest of the Donetsk region. ';
    for (const sentence of [
      'Would Kyiv ever give up these lands?',
      'Analysts say Kyiv may have to give up this territory.',
      'Kyiv refused to give up the territory back in 2015.',
    ]) {
      expect(positionsIn(lead + sentence).filter((p) => !p.includes('Moscow wants'))).toEqual([]);
    }
  });
});

describe('a hedged compromise offer of a zone', () => {
  it('recognises a zone offered with a hedge or a condition', () => {
    expect(offersZone('a demilitarised zone could be set up along the line')).toBe(true);
    expect(offersZone('he is willing to consider a free economic zone only if others give guarantees')).toBe(true);
    expect(offersZone('the zone was shelled overnight')).toBe(false);
    expect(offersZone('a buffer zone separates the armies')).toBe(false);
  });

  it('gives a pronoun-led zone offer on the carried topic to the person named before', () => {
    const body = [
      'Ukrainian President Arvo Lind met the mediators to discuss the Donetsk region.',
      'He is willing to consider a demilitarised zone there only if allies give guarantees.',
    ].join(' ');
    expect(positionsIn(body)).toContain(
      'donbas/Ukraine: He is willing to consider a demilitarised zone there only if allies give guarantees.',
    );
  });

  it("gives a zone offer in the country's east to the speaker of the next sentence", () => {
    const body = [
      'The talks in Vantaa went on into the night.',
      "A free economic zone could be set up in the country's east without any troops.",
      'Russian President Pavel Orlov said this to reporters after the talks.',
    ].join(' ');
    expect(positionsIn(body)).toContain(
      "donbas/Russia: A free economic zone could be set up in the country's east without any troops.",
    );
  });

  it('knows a sentence that attributes the one before', () => {
    expect(attributesSentenceBefore('The president said this to reporters on Friday.')).toBe(true);
    expect(attributesSentenceBefore('He made these remarks in Vantaa.')).toBe(true);
    expect(attributesSentenceBefore('The president said the talks would resume.')).toBe(false);
  });
});
