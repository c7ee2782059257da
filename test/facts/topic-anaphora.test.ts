import { describe, expect, it } from 'vitest';
import { extractPositions } from '../../lambda/facts/positions.js';
import { answersByPointingBack } from '../../lambda/facts/topic-anaphora.js';
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
