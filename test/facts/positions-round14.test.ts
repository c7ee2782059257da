import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import { articleOf } from './article-of.js';

/*
 * Positions rules of session 36 (docs/transfer-misses.md, "Round 14", positions): the stance inside the other side's
 * words or sentence (P14-1, E14-1), on invented sentences.
 */

const positionsIn = (body: string) =>
  extractPositions(articleOf(body), { statements: [] }).map((p) => `${p.topic}/${p.party}`);

describe("a demand conceded in the frame of the other side's refusal (P14-1)", () => {
  it('gives the demand to its owner, an adjective of a side, beside the refuser', () => {
    const found = positionsIn(
      'Despite Russian demands that Ukraine hand over its land, the Ukrainian president said he would never surrender the Donbas.',
    );
    expect(found).toContain('donbas/Russia');
    expect(found).toContain('donbas/Ukraine');
  });

  it('gives the demand to a side\'s possessive owner after "in spite of"', () => {
    const found = positionsIn(
      "In spite of Moscow's demand for Kyiv to withdraw its troops, Ukraine refuses to give up the Donbas.",
    );
    expect(found).toContain('donbas/Russia');
    expect(found).toContain('donbas/Ukraine');
  });

  it('gives nothing to the owner of a demand about something other than land', () => {
    const found = positionsIn(
      'Despite Russian demands for a ceasefire, the Ukrainian president said he would never surrender the Donbas.',
    );
    expect(found).not.toContain('donbas/Russia');
  });

  it('gives nothing to the owner when the main clause takes no stance on the region', () => {
    const found = positionsIn(
      'Despite Russian demands that Ukraine hand over its land, fighting went on in the Donbas.',
    );
    expect(found).not.toContain('donbas/Russia');
  });
});

describe("a speaker's prediction that the other side will fail (P14-1, E14-1)", () => {
  it("is the speaker's, not the failing side's", () => {
    const found = positionsIn(
      'A Russian official said that "it is certain that Ukraine will not succeed in retaking Crimea."',
    );
    expect(found).toContain('crimea/Russia');
    expect(found).not.toContain('crimea/Ukraine');
  });

  it('reads "has no chance of" the same way, with the speaker found by the whole extraction', () => {
    const body = 'Kremlin aide Ivo Kallan spoke on Monday. "Ukraine has no chance of reclaiming Crimea," Kallan said.';
    const found = extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}`);
    expect(found).toContain('crimea/Russia');
    expect(found).not.toContain('crimea/Ukraine');
  });

  it('leaves a side that will not do something by choice its own stance', () => {
    const found = positionsIn('The Kremlin said Ukraine will not recognise the annexation of Crimea.');
    expect(found).not.toContain('crimea/Russia');
  });
});

describe('the possessor of an idea, wish or demand holds its content (P13-3, P14-1)', () => {
  it('gives the idea to the side its "of" phrase names, beside the side that judges it', () => {
    const found = positionsIn(
      'Russia considers the idea of the President of Ukraine to return Crimea by diplomacy an illusion.',
    );
    expect(found).toContain('crimea/Ukraine');
    expect(found).toContain('crimea/Russia');
  });

  it('gives the wish to the side named with a possessive, beside the side that rejects it', () => {
    const found = positionsIn("Moscow sees Kyiv's wish to recover Crimea by peaceful means as out of the question.");
    expect(found).toContain('crimea/Ukraine');
  });

  it('gives nothing to a side named after "of" with no wanted act after it', () => {
    const found = positionsIn('Russia considers the idea of Ukraine without Crimea natural.');
    expect(found).not.toContain('crimea/Ukraine');
  });

  it('gives nothing when the wanted act names no topic of the clause', () => {
    const found = positionsIn("Moscow dismissed Kyiv's hope to join NATO, and it keeps troops in Crimea.");
    expect(found).not.toContain('crimea/Ukraine');
  });
});

describe('a warning of what the other side would do if a side ceded the land (P13-3, E13-1)', () => {
  it("is the refusal of the side that would cede, not the warned-of side's stance", () => {
    const found = positionsIn(
      'The Ukrainian president warned that Russia would use the Donbas as a base for a new attack if Ukraine ever handed it over.',
    );
    expect(found).toEqual(['donbas/Ukraine']);
  });

  it('gives nothing to the side that would cede when the warner is the other side', () => {
    const found = positionsIn('Moscow warned that Russian troops would advance into the Donbas if Ukraine withdrew.');
    expect(found).not.toContain('donbas/Ukraine');
  });

  it('leaves a warning whose condition is a refusal to cede to its subject', () => {
    const found = positionsIn('Moscow warned that Russia would seize the whole Donbas if Ukraine refused to withdraw.');
    expect(found).not.toContain('donbas/Ukraine');
  });
});

/*
 * Review of session 36 (pos12): invented sentences of other shapes that broke the four rules above, each checked
 * against main as well. Each `it` names the rule it exercises.
 */
describe('review: a conceded demand names the land as what it wants, not as a place or an unrelated act', () => {
  it('gives nothing to the owner of a ceasefire demand that names the region only as where it holds', () => {
    const found = positionsIn(
      "Ignoring Moscow's call for a ceasefire in the region, Kyiv said it would never cede Crimea.",
    );
    expect(found).toEqual(['crimea/Ukraine']);
  });

  it('gives nothing to the owner of a demand to abandon or surrender something other than land', () => {
    expect(
      positionsIn(
        'Despite Russian demands that Kyiv abandon its NATO ambitions, Zelensky said Ukraine would never give up Crimea.',
      ),
    ).not.toContain('crimea/Russia');
    expect(
      positionsIn("Despite Moscow's demand that Ukraine surrender its Western weapons, Kyiv vowed to liberate Crimea."),
    ).not.toContain('crimea/Russia');
  });

  it('still gives a demand for more land to its owner', () => {
    const found = positionsIn('Despite Russian demands for more land, Ukraine refused to give up the Donbas.');
    expect(found).toContain('donbas/Russia');
    expect(found).toContain('donbas/Ukraine');
  });
});

describe('review: a side predicted to fail is found only past capitalised words of a name', () => {
  it('leaves the speaker, a side adjective with a role, the holder of its prediction', () => {
    const found = positionsIn('The Ukrainian president said Russia will not succeed in keeping Crimea.');
    expect(found).toEqual(['crimea/Ukraine']);
  });

  it('does not read "says Russia" as a name after the speaking side', () => {
    expect(positionsIn('Ukraine says Russia will never succeed in keeping Crimea.')).toEqual(['crimea/Ukraine']);
  });
});

describe("review: the owner of a want holds the land only when the want's words are an act on it", () => {
  it('gives nothing to the owner of a plan to do something else in the region', () => {
    expect(positionsIn("Russia's intention to hold military drills in Crimea alarmed NATO.")).toEqual([]);
    expect(positionsIn("Moscow's plans for a new railway through occupied Crimea were reported by Reuters.")).toEqual(
      [],
    );
    expect(
      positionsIn("Ukraine's hope to host a donor conference on rebuilding the Donbas faded on Tuesday."),
    ).not.toContain('donbas/Ukraine');
  });

  it('still gives the owner an intention to retake the region', () => {
    expect(
      positionsIn("The Kremlin called Ukraine's intention to retake the Donbas by force a dangerous illusion."),
    ).toContain('donbas/Ukraine');
  });
});

describe('review: a warned cession', () => {
  it("is not the would-be ceder's refusal when analysts give the warning", () => {
    const found = positionsIn(
      'Analysts warned that Moscow would keep Crimea as a base if Ukraine recognised the annexation.',
    );
    expect(found).not.toContain('crimea/Ukraine');
  });

  it("keeps the warned-of side's own want beside the would-be ceder's refusal", () => {
    const found = positionsIn(
      "Zelensky's office warned on Monday that Russia wants all of the Donbas and will not stop if Ukraine hands it over.",
    );
    expect(found).toContain('donbas/Russia');
    expect(found).toContain('donbas/Ukraine');
  });
});
