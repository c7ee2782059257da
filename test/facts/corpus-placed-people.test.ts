import { describe, expect, it } from 'vitest';
import { corpusPlacedPeople } from '../../lambda/facts/corpus-placed-people.js';
import { extractCorpusFacts } from '../../lambda/facts/extract.js';
import { personKey } from '../../lambda/facts/speaker-key.js';
import { articleOf } from './article-of.js';

describe('people an article names by surname alone, placed by the corpus', () => {
  it("give a stance they take their country's position", () => {
    const introduces = articleOf(
      'Russian President Ivo Volnov and Russian Foreign Minister Arkady Brenn arrived in the capital on Monday.',
      'aaaaaaaaaaaaaaaa',
    );
    const bare = articleOf(
      'Volnov continues to insist on Kyiv surrendering the rest of the Luhansk region. Minister Arkady Brenn met the envoys later.',
      'bbbbbbbbbbbbbbbb',
    );
    const positions = extractCorpusFacts([introduces, bare]).positions;
    expect(positions.map((p) => [p.topic, p.party, p.citations[0]?.articleId])).toEqual([
      ['donbas', 'Russia', 'bbbbbbbbbbbbbbbb'],
    ]);
  });

  it('reads again an article that lists no one, when a possessive in a sentence on a topic names someone the corpus places', () => {
    const introduces = articleOf('Russian President Ivo Volnov received the envoys on Monday.', 'aaaaaaaaaaaaaaaa');
    const bare = articleOf(
      "Ukraine's government has turned down Volnov's renewed demands for the remainder of the Donetsk region.",
      'bbbbbbbbbbbbbbbb',
    );
    const positions = extractCorpusFacts([introduces, bare]).positions;
    expect(positions.map((p) => [p.topic, p.party])).toEqual([
      ['donbas', 'Russia'],
      ['donbas', 'Ukraine'],
    ]);
  });

  it('reads a surname before a possessive, and skips the people the article lists and those placed outside the parties', () => {
    const placedIn = new Map([
      [personKey('Volnov'), 'Russia'],
      [personKey('Marek'), 'Borduria'],
      [personKey('Lis'), 'Ukraine'],
    ]);
    const countryOf = (key: string) => placedIn.get(key) ?? null;
    const listed = [{ key: personKey('Marko Lis'), name: 'Marko Lis', aliases: [], affiliation: 'Ukraine' }];
    const placed = corpusPlacedPeople("Volnov's demand stood. Marek spoke. Lis replied.", listed, countryOf, [
      'Russia',
      'Ukraine',
    ]);
    expect(placed.map((p) => [p.name, p.affiliation])).toEqual([['Volnov', 'Russia']]);
  });
});
