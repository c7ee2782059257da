import { describe, expect, it } from 'vitest';
import { articleParties } from '../../lambda/facts/article-parties.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { extractStatements } from '../../lambda/facts/statements.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';

const topics = compileTopics(defaultTopicsConfig);

function partiesOf(body: string, title: string | null = null) {
  const article = { ...articleOf(body), title };
  const sentences = splitSentences(body);
  const { statements, people } = extractStatements(article);
  return { sentences, parties: articleParties(article, { sentences, statements, people, topics }) };
}

describe('articleParties', () => {
  it('takes the lead party from the first sentence in which a party acts', () => {
    const { parties } = partiesOf('Talks resumed on Monday. Kyiv wants a ceasefire first. Moscow refused.');
    expect(parties.lead).toBe('Ukraine');
  });

  it('gives the lead only to sentences after the one it was read from', () => {
    const { parties } = partiesOf('Eight countries joined the declaration. More may follow. Moscow said it objects.');
    expect(parties.lead).toBe('Russia');
    expect(parties.leadFor(0)).toBeNull();
    expect(parties.leadFor(3)).toBe('Russia');
  });

  it('falls back on the title when the body names no acting party', () => {
    const { parties } = partiesOf('The talks resumed on Monday in a palace by the water.', 'Moscow sets out its terms');
    expect(parties.lead).toBe('Russia');
  });

  it('gives a sentence the party that says it ("…, Ukrainian officials said")', () => {
    const { parties } = partiesOf('The guarantees would cover the whole country, Ukrainian officials said.');
    expect(parties.speakerOf(0)).toBe('Ukraine');
  });

  it('gives a reported clause its subject, not the mediator who reports it', () => {
    const body = 'Russia wants a neutral status for its neighbour, the Turkish foreign minister told reporters.';
    const { parties } = partiesOf(body);
    expect(parties.subjectBefore(0, body.indexOf('a neutral'))).toBe('Russia');
    expect(parties.partyOf(0)).toBe('Russia');
  });

  it('takes the party of a sentence with none of its own from the sentence before', () => {
    const body = 'The Ukrainian delegation set out its plan. Consultations would last three days.';
    const { parties } = partiesOf(body);
    expect(parties.speakerOf(1)).toBeNull();
    expect(parties.contextOf(1)).toBe('Ukraine');
    expect(parties.partyOf(1)).toBe('Ukraine');
  });

  it('lends context and lead only from sentences on the subject asked about', () => {
    const body = 'Moscow said the talks were useful. The list would include two states.';
    const { parties } = partiesOf(body);
    expect(parties.contextOf(1)).toBe('Russia');
    expect(parties.contextOf(1, /\bplan\b/u)).toBeNull();
    expect(parties.leadFor(1, /\bplan\b/u)).toBeNull();
  });

  it('gives the voice of an interview or statement of one side from its lead', () => {
    const { parties } = partiesOf(
      'In an interview on Sunday, the Russian foreign minister set out his view. Talks had stalled. The war goes on.',
    );
    expect(parties.voice).toBe('Russia');
  });

  it('gives the voice of an article whose quoted people all speak for one side, and none when a mediator is quoted too', () => {
    const oneSide =
      'Talks resumed. Ukrainian negotiator Olena Marchuk said the round was useful. "We will be back," Marchuk said.';
    expect(partiesOf(oneSide).parties.voice).toBe('Ukraine');
    const withMediator = `${oneSide} Turkish Foreign Minister Kemal Ates said the sides were closer.`;
    expect(partiesOf(withMediator).parties.voice).toBeNull();
  });

  it('answers null when the article never says whose a claim is', () => {
    const { parties } = partiesOf('Consultations would last three days. The text runs to ten pages.');
    expect(parties.partyOf(1)).toBeNull();
    expect(parties.beneficiary).toBe('Ukraine');
  });
});
