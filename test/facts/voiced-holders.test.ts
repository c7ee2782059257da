import { describe, expect, it } from 'vitest';
import { extractPositions } from '../../lambda/facts/positions.js';
import { articleOf } from './article-of.js';

const positionsIn = (body: string) =>
  extractPositions(articleOf(body)).map((p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`);

describe('a stance named by its noun, voiced by a side after "from" or "by"', () => {
  it('gives the side voicing it the position, beside an outsider plan whose terms are nobody’s', () => {
    const body =
      'The envoy’s draft would hand the Luhansk region to its occupier after a truce, in spite of objections from Kyiv that it will never cede land without a vote.';
    expect(positionsIn(body)).toEqual([`donbas/Ukraine: ${body}`]);
  });

  it('reads "by" as "from", and a side named after the stance noun as its holder however late', () => {
    const body = 'Talks stalled over Crimea after renewed insistence by Moscow that the peninsula stays Russian.';
    expect(positionsIn(body)).toEqual([`crimea/Russia: ${body}`]);
  });

  it('gives nothing to a side after "from" that voices no stance, nor to an outsider voicing one', () => {
    expect(positionsIn('Refugees from Ukraine crossed the border as shelling hit the Donetsk region.')).toEqual([]);
    expect(
      positionsIn(
        'The plan would freeze the line in the Donetsk region, despite warnings from Washington that it may not hold.',
      ),
    ).toEqual([]);
  });
});

describe('a refusal the two sides voice together, pointing back to a demand', () => {
  it('answers the demand for neither side', () => {
    const body =
      'A mediator proposed that Kyiv give up the Donetsk region. Both Russia and Ukraine reject territorial concessions.';
    expect(positionsIn(body)).toEqual([]);
    // One side alone answering it still does.
    const alone = 'A mediator proposed that Kyiv give up the Donetsk region. Ukraine rejects territorial concessions.';
    expect(positionsIn(alone)).toEqual(['donbas/Ukraine: Ukraine rejects territorial concessions.']);
  });
});
