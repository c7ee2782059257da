import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { stanceText } from '../../lambda/facts/stance-text.js';
import { articleOf } from './article-of.js';

const stancesOf = (body: string) => extractArticleFacts(articleOf(body)).positions.map((p) => p.stance);

/** Whether every double quote mark of the text has its partner in it. */
const balanced = (text: string) =>
  (text.match(/"/gu) ?? []).length % 2 === 0 &&
  (text.match(/\u201c/gu) ?? []).length === (text.match(/\u201d/gu) ?? []).length;

describe('stanceText', () => {
  it('leaves out a dateline with no agency: a city in capitals, a date and a dash', () => {
    expect(stanceText('PORT ELLIS, June 20 - Russia wants the whole of the Donbas')).toBe(
      'Russia wants the whole of the Donbas',
    );
    expect(stanceText('TARSK, 20 May \u2013 Kyiv will not trade Crimea, an aide said')).toBe(
      'Kyiv will not trade Crimea, an aide said',
    );
    // Not a dateline: no date before the dash, or a sentence's own words in capitals.
    expect(stanceText('NATO, the alliance - not Kyiv - wants a pause')).toBe(
      'NATO, the alliance - not Kyiv - wants a pause',
    );
  });

  it('leaves out a wire dateline, which is the outlet\u2019s and no part of the stance', () => {
    expect(stanceText('KYIV, Jan 15 (Harbour Wire) - Russia is insisting on keeping the whole Donbas')).toBe(
      'Russia is insisting on keeping the whole Donbas',
    );
  });
});

describe('a position\u2019s stance as extraction gives it', () => {
  it('is balanced when the splitter cut a quote of several sentences, and still a verbatim substring', () => {
    // Prepare: the quote runs over two sentences; its first names the topic.
    const body =
      '"We will never give up the Donbas. Our army will stay where it stands," Ukrainian President Marko Lenko said on Monday.';
    // Act
    const stances = stancesOf(body);
    // Assess
    expect(stances).toEqual(['We will never give up the Donbas']);
    for (const stance of stances) expect(body).toContain(stance);
  });

  it('keeps the quoted words, not a closing mark left over from a quote its sentence ends', () => {
    const body =
      'Units of the Ukrainian army have to leave the Donbas in full," Russian negotiator Pavel Orlov told the agency.';
    const stances = stancesOf(body);
    expect(stances.length).toBeGreaterThan(0);
    for (const stance of stances) {
      expect(balanced(stance)).toBe(true);
      expect(body).toContain(stance);
    }
  });

  it('starts after a wire dateline', () => {
    const body =
      'KYIV, Jan 15 (Harbour Wire) - Russia is insisting on keeping the whole of the Donbas, two people familiar with the talks said.';
    const stances = stancesOf(body);
    expect(stances).toEqual([
      'Russia is insisting on keeping the whole of the Donbas, two people familiar with the talks said',
    ]);
  });
});
