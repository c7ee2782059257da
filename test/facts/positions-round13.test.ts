import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import type { Statement } from '../../lambda/facts/fact.js';
import { extractPositions, opensReportedClause } from '../../lambda/facts/positions.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { speakingStatement } from '../../lambda/facts/topics-parties.js';
import { articleOf } from './article-of.js';

/*
 * Positions rules of session 35 (docs/transfer-misses.md, "Round 13", positions): precision mends of conditions wider
 * than their reasons, and the kinds round 13 missed, each on invented sentences.
 */

const positionsIn = (body: string) =>
  extractPositions(articleOf(body), { statements: [] }).map((p) => `${p.topic}/${p.party}`);

describe('land pointed to in the words said (SAID_LAND)', () => {
  const topics = compileTopics(defaultTopicsConfig);
  const speaking = (said: string, sentence: string) => {
    const statement: Statement = {
      id: 's1',
      speakerKey: 'kallan-i',
      speaker: 'Ivo Kallan',
      affiliation: 'Russia',
      kind: 'direct',
      text: said,
      topics: [],
      citations: [{ articleId: 'a1', evidence: sentence }],
    };
    return speakingStatement({ text: sentence, start: 0, end: sentence.length }, 'a1', [statement], topics, 'donbas');
  };

  it('reads "these territories" in the words as the land the attribution names', () => {
    const said = 'Either we keep these territories or their troops leave';
    expect(speaking(said, `"${said}," Kallan said of the Donbas.`)).not.toBeNull();
  });

  it('does not read the complementizer "that" before a subject as pointing to land', () => {
    const said = 'We believe that the region will be rebuilt';
    expect(speaking(said, `"${said}," Kallan said of the Donbas.`)).toBeNull();
  });

  it('reads a side\'s own adjective as the land itself: "these Ukrainian territories"', () => {
    const said = 'We will never give up these Ukrainian territories';
    expect(speaking(said, `"${said}," Kallan said of the Donbas.`)).not.toBeNull();
  });

  it('does not read a capitalised modifier (another owner) as the lower-case one the comment means', () => {
    const said = 'Those Ruritanian regions are not our business';
    expect(speaking(said, `"${said}," Kallan said of the Donbas.`)).toBeNull();
  });
});

describe('what opens a reported clause (REPORTED_CLAUSE_OPENER)', () => {
  it('opens after "said that", "I believe" and past a lower-case hedge between commas', () => {
    expect(opensReportedClause('the envoy said that ')).toBe(true);
    expect(opensReportedClause('I believe ')).toBe(true);
    expect(opensReportedClause('I believe that, most likely, ')).toBe(true);
  });

  it('opens past a hedge naming a place or party: "that, Belarus aside, …" (a hedge still)', () => {
    expect(opensReportedClause('I believe that, Belarus aside, ')).toBe(true);
    expect(opensReportedClause('I believe that, like Minsk, ')).toBe(true);
    const said =
      '"I believe that, Belarus aside, Moscow is sending a signal to the mediators: recognise Crimea," Dovzhenko said.';
    const corpus = { countryOf: (key: string) => (key.startsWith('dovzhenko') ? 'Ukraine' : null) };
    expect(extractArticleFacts(articleOf(said), corpus).positions.map((p) => `${p.topic}/${p.party}`)).toEqual([
      'crimea/Russia',
    ]);
  });

  it('takes no capitalised run between commas as a hedge', () => {
    expect(opensReportedClause('I believe that, Ivo Kallan, ')).toBe(false);
  });
});

describe("a dispute noun owned by a third country (whole-land's land-dispute pattern)", () => {
  it('is no dispute over the regions named before: "Hungarian territorial claims"', () => {
    expect(positionsIn('Russia demands the Donetsk region. Kyiv rejected Hungarian territorial claims.')).toEqual([
      'donbas/Russia',
    ]);
    expect(positionsIn("Russia demands the Donetsk region. Kyiv rejected Hungary's territorial claims.")).toEqual([
      'donbas/Russia',
    ]);
  });

  it('still stands for the regions after a country that is a verb\'s object: "tells Germany territorial …"', () => {
    const body = 'Russia demands the Donetsk region. Talks went on for hours.';
    const title = 'Kyiv tells Germany territorial concessions are off the table';
    const positions = extractArticleFacts({ ...articleOf(body), title }).positions;
    expect(positions.map((p) => `${p.topic}/${p.party}`)).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it("still stands for the regions when its owner is a side: Kyiv's or Ukrainian territorial integrity", () => {
    expect(
      positionsIn('Russia demands the Donetsk region. Kyiv said Ukrainian territorial integrity is not negotiable.'),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });
});

describe('"its eastern regions" as the Donbas (config/topics.json)', () => {
  it('is the land when it is what is ceded or demanded', () => {
    expect(positionsIn('Moscow demands that Kyiv cedes control over its southern and eastern regions.')).toEqual([
      'donbas/Russia',
    ]);
  });

  it('is no Donbas where it only places another act: "rebuild the power grid in its eastern regions"', () => {
    expect(positionsIn('Russia insists that Ukraine must not rebuild the power grid in its eastern regions.')).toEqual(
      [],
    );
    expect(
      positionsIn("Russia insists that Ukraine must not hold elections across Ukraine's eastern regions."),
    ).toEqual([]);
  });

  it('is still the land after "in" a noun of the land or its control: "land in its eastern regions"', () => {
    expect(positionsIn('Kyiv refuses to give up land in its eastern regions.')).toEqual(['donbas/Ukraine']);
    expect(positionsIn('Zelensky said Ukraine would never accept Russian control in its eastern regions.')).toEqual([
      'donbas/Ukraine',
    ]);
  });

  it('is still the land after "from" or "of", and when its owner is named', () => {
    expect(positionsIn("Moscow demands that Kyiv withdraw its troops from Ukraine's eastern regions.")).toEqual([
      'donbas/Russia',
    ]);
    expect(positionsIn('Moscow demands that Kyiv give up the eastern regions of Ukraine.')).toEqual(['donbas/Russia']);
  });
});

describe("a headline's speaker before a colon (P13-6, R4: headline positions are labelled)", () => {
  const body =
    'Ukrainian Foreign Minister Ivo Belenko spoke on Monday. Talks on the Donbas and Crimea went on for hours.';
  const headlineFacts = (title: string) =>
    extractArticleFacts({ ...articleOf(body), title })
      .positions.filter((p) => p.citations.some((c) => c.evidence === title))
      .map((p) => `${p.topic}/${p.party}`);

  it("reads the words after a person's or a side's name as theirs, as a body quote is", () => {
    expect(headlineFacts('Belenko: the war began in Crimea, and Crimea will return to Ukraine')).toEqual([
      'crimea/Ukraine',
    ]);
    expect(headlineFacts('Kyiv: "Crimea will return to Ukraine"')).toEqual(['crimea/Ukraine']);
  });

  it('takes no label before the colon for a speaker: lower-case words, or a last word that is no actor', () => {
    expect(headlineFacts('Conflict in Ukraine: Crimea will return to Ukraine')).toEqual([]);
    expect(headlineFacts('Russia-Ukraine War: Crimea will return to Ukraine')).toEqual([]);
  });

  it('leaves the words to the sayer they name themselves ("…, Moscow says", "Zelensky says …")', () => {
    expect(headlineFacts('Ukraine: the Donbas must be demilitarised, Moscow says')).toEqual(['donbas/Russia']);
    expect(headlineFacts('Kremlin: Zelensky says Crimea will return to Ukraine')).toEqual([]);
    expect(headlineFacts('Russia: Crimea will return to Ukraine, Zelensky says')).not.toContain('crimea/Russia');
  });

  it('takes no speaker from a name holding two sides (a pair or a section label)', () => {
    expect(headlineFacts('Ukraine, Kremlin: Crimea will return to Ukraine')).toEqual([]);
    expect(headlineFacts('Russia Ukraine: Crimea will return to Ukraine')).toEqual([]);
  });
});

describe('a dated seizure set off by commas after the land (background leak, P13-5)', () => {
  const belenko = { key: 'blnk-belenko', name: 'Ivo Belenko', aliases: ['Belenko'], affiliation: 'Ukraine' };
  const facts = (sentence: string) =>
    extractPositions(articleOf(sentence), { statements: [], people: [belenko] }).map((p) => `${p.topic}/${p.party}`);
  const opening =
    'On Sunday Belenko, after restating his aim of liberating every Ukrainian region from Russian forces,';

  it("dates the land, not the stance: the side's want stands", () => {
    expect(facts(`${opening} said that this liberation also covered Crimea, occupied by Moscow in 2014.`)).toEqual([
      'crimea/Ukraine',
    ]);
  });

  it('still reads a dated seizure that is a clause of its own as history', () => {
    expect(facts(`${opening} said that this liberation also covered Crimea, which Moscow occupied in 2014.`)).toEqual(
      [],
    );
    expect(positionsIn('Russia annexed Crimea in 2014.')).toEqual([]);
  });
});

describe('a person the corpus places, named only in the headline (P13-2)', () => {
  const corpus = { countryOf: (key: string) => (key.startsWith('belen') ? 'Ukraine' : null) };
  const headlineFacts = (title: string, body: string) =>
    extractArticleFacts({ ...articleOf(body), title }, corpus as never).positions.map((p) => `${p.topic}/${p.party}`);

  it("gives the headline's stance to the side the corpus places the person in", () => {
    expect(headlineFacts('Belenko rules out ceding Crimea', 'Talks on Crimea went on for hours.')).toEqual([
      'crimea/Ukraine',
    ]);
  });

  it('gives none to a name the corpus does not place', () => {
    expect(headlineFacts('Vardo rules out ceding Crimea', 'Talks on Crimea went on for hours.')).toEqual([]);
  });
});
