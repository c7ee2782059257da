import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import { articleOf } from './article-of.js';

/*
 * Positions rules written against the kinds that rounds 10 and 11 missed (docs/transfer-misses.md, "Rounds 10 and
 * 11", positions), each on invented sentences.
 */

const positionsIn = (body: string) =>
  extractPositions(articleOf(body), { statements: [] }).map((p) => `${p.topic}/${p.party}`);

/** The positions the whole extractor finds, statements and people first. */
const extractedPositions = (body: string) =>
  extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}`);

describe('a demand coordinated after a clause about the ground (P10-3)', () => {
  it('ends a party adjective\'s noun phrase at "and": "of Ukrainian land and demands" is no Ukrainian demand', () => {
    expect(
      positionsIn('Moscow already holds a fifth of Ukrainian land and demands that Kyiv hand over the whole Donbas.'),
    ).toEqual(['donbas/Russia']);
  });

  it('keeps a present-tense demand whose clause dates the land, not the demand', () => {
    expect(
      positionsIn(
        'Russia holds most of the east and insists that Kyiv cede the Donbas, plus land it says it annexed in 2022.',
      ),
    ).toEqual(['donbas/Russia']);
  });

  it('still reads a past coordinated verb in a dated recap as history', () => {
    expect(
      positionsIn('Russia took the east, and claimed the Donbas, besides the peninsula it annexed in 2014.'),
    ).toEqual([]);
  });
});

describe('a contrasting clause that names the topic of the first only by pointing back (P10-7)', () => {
  it('gives "… but has called on Kyiv to hand over the rest of the province" to the opening subject, and the reply after it', () => {
    expect(
      positionsIn(
        'Moscow controls most of the Luhansk region but has called on Kyiv to hand over the rest of the region. Kyiv has refused to grant this concession.',
      ),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it('gives nothing to a contrasting clause that states no stance', () => {
    expect(
      positionsIn('Moscow controls most of the Luhansk region but has lost ground in the rest of the region.'),
    ).toEqual([]);
  });
});

describe('a demand restated as a condition or a threat in the next sentence (P10-2)', () => {
  it("gives the threat after a demand to the side whose speaker makes it, on the demand's topic", () => {
    expect(
      positionsIn(
        'The Russian president insisted that Ukrainian units must leave the Luhansk region. "If they do not pull back, we will take it by military means," the Russian president warned.',
      ),
    ).toEqual(['donbas/Russia', 'donbas/Russia']);
  });

  it('reads no condition without the demanded act as a restatement', () => {
    expect(
      positionsIn(
        'The Russian president insisted that Ukrainian units must leave the Luhansk region. "If the weather holds, the talks will go on," the Russian president said.',
      ),
    ).toEqual(['donbas/Russia']);
  });
});

describe("a side that is the subject of a clause reported in the other side's words (P10-3)", () => {
  it('gives "I believe Moscow is signalling …" to Moscow, not to the Ukrainian speaker', () => {
    expect(
      extractedPositions(
        'Ukrainian President Ivan Petrenko spoke on Monday. "I believe that Moscow is quietly sending a signal to the mediators to recognise Crimea," Petrenko said.',
      ),
    ).toEqual(['crimea/Russia']);
  });

  it("still gives the speaker's own claim to the speaker's side", () => {
    expect(
      extractedPositions(
        'Ukrainian President Ivan Petrenko spoke on Monday. "I believe that Crimea will always be Ukrainian," Petrenko said.',
      ),
    ).toEqual(['crimea/Ukraine']);
  });
});

describe('the points of a list set out one a line without bullets (P10-1)', () => {
  const body = [
    'The document has three parts. The first sets out the final settlement. Among its main conditions are:',
    'Recognition of Crimea and the Donetsk region as part of the Russian Federation;',
    'Full withdrawal of the Ukrainian army from these territories;',
    'Lifting of all sanctions.',
  ].join('\n');

  it("gives each semicolon point to the owner of the headline's memorandum", () => {
    const article = { ...articleOf(body), title: "Russia's memorandum sets hard terms" };
    expect(extractPositions(article, { statements: [] }).map((p) => `${p.topic}/${p.party}`)).toEqual([
      'crimea/Russia',
      'donbas/Russia',
      'crimea/Russia',
      'donbas/Russia',
    ]);
  });

  it('gives the points nobody when neither the text near the list nor the headline names an owner', () => {
    const article = { ...articleOf(body), title: 'A hard set of terms' };
    expect(extractPositions(article, { statements: [] })).toEqual([]);
  });
});

describe("a side's constitution given as the ground of its answer to the demand just told (P10-2)", () => {
  it('gives a refusal by the constitution, pointing back to the land, to the side whose constitution it is', () => {
    expect(
      positionsIn(
        'Moscow insists that Kyiv hand over the Donbas. The Ukrainian constitution forbids giving up territory.',
      ),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
    expect(
      positionsIn(
        'Moscow insists that Kyiv hand over the Donbas. Any territorial concession would breach the constitution of Ukraine.',
      ),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it("reads the ground in a side's quoted words naming no land, the speaker's side holding it", () => {
    expect(
      extractedPositions(
        'Moscow wants the world to accept Crimea as Russian. "Whatever runs against our constitution, we will not do," the Ukrainian president, Ivan Petrenko, told reporters.',
      ),
    ).toEqual(['crimea/Russia', 'crimea/Ukraine']);
  });

  it('takes no stance from the constitution told as an event, or from a ground with no demand before it', () => {
    expect(
      positionsIn('Moscow insists that Kyiv hand over the Donbas. The constitution of Ukraine was adopted in 1996.'),
    ).toEqual(['donbas/Russia']);
    expect(positionsIn('Parliament met on Monday. The Ukrainian constitution forbids giving up territory.')).toEqual(
      [],
    );
  });
});

/*
 * Rules written against the kinds that round 12 missed (docs/transfer-misses.md, "Round 12", positions), each on
 * invented sentences.
 */

describe("a side that is the subject inside the other side's words, the speaker's side known (P12-2)", () => {
  const body = [
    'President Marko Dovzhenko said on Friday that Moscow may be signalling to the mediators to recognise Crimea.',
    '"I believe that, most likely, Moscow is sending a signal to the mediators: recognise Crimea," Dovzhenko said.',
  ].join('\n\n');
  // What the corpus pass knows from other reports: the speaker's side.
  const corpus = { countryOf: (key: string) => (key.startsWith('dovzhenko') ? 'Ukraine' : null) };

  it('gives the reported clause to its subject, whether or not the corpus gives the sayer a side', () => {
    const positions = (known?: typeof corpus) =>
      extractArticleFacts(articleOf(body), known).positions.map((p) => `${p.topic}/${p.party}`);
    expect(positions()).toEqual(['crimea/Russia', 'crimea/Russia']);
    expect(positions(corpus)).toEqual(['crimea/Russia', 'crimea/Russia']);
  });

  it("still gives the sayer's side a clause whose subject is that side", () => {
    const own = 'President Marko Dovzhenko said that Kyiv will never recognise Crimea as Russian.';
    expect(extractArticleFacts(articleOf(own), corpus).positions.map((p) => `${p.topic}/${p.party}`)).toEqual([
      'crimea/Ukraine',
    ]);
  });
});

describe("a side's aim as a noun with its infinitive (P12-3)", () => {
  it('reads "the goal is to …" after the side it is for as that side\'s want', () => {
    expect(
      positionsIn('For Moscow, the goal is to have its hold on Crimea written into a lasting settlement.'),
    ).toEqual(['crimea/Russia']);
  });

  it('reads no want in the verb "aim" or in a goal without its infinitive', () => {
    expect(positionsIn('The two-day talks aim to narrow the gap between Moscow and Kyiv over Crimea.')).toEqual([]);
    expect(positionsIn('Crimea is central to the military goals of Moscow.')).toEqual([]);
  });
});

describe('the land named by a noun of its dispute, after the regions were named (P12-1)', () => {
  it('reads "territorial integrity" and "territorial concessions" as the regions named before them', () => {
    const body = [
      'Moscow insists that Kyiv hand over the rest of the Donetsk region.',
      'Talks resumed on Monday in a neutral capital.',
      'Prisoner exchanges went ahead on Thursday.',
      "The Ukrainian foreign minister stressed that Ukraine's territorial integrity is not negotiable.",
    ].join('\n\n');
    expect(positionsIn(body)).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it('takes the regions of the stretch of text just before, not a region named in passing earlier', () => {
    const body = [
      'Crimea was annexed in 2014, long before the current talks.',
      'Moscow now insists that Kyiv hand over the rest of the Donetsk region.',
      'The Ukrainian president rejected any territorial concessions on Tuesday.',
    ].join('\n\n');
    expect(positionsIn(body)).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it('reads the regions its own sentence names, not those of an earlier sentence', () => {
    const body = [
      'Crimea was annexed in 2014, long before the current talks.',
      'The Russian president ruled out territorial concessions and said Kyiv must leave the Donetsk region.',
    ].join('\n\n');
    expect(positionsIn(body)).toEqual(['donbas/Russia']);
  });

  it('reads no land in an agenda noun ("the territorial issue") or in an article naming no region', () => {
    const named =
      'Moscow insists that Kyiv hand over the Donetsk region. Kyiv said it will discuss the territorial issue.';
    expect(positionsIn(named)).toEqual(['donbas/Russia']);
    expect(positionsIn('The Ukrainian president rejected any territorial concessions on Tuesday.')).toEqual([]);
  });
});

describe('a reply in a later clause to the demand of the clause before, naming no region (P12-6)', () => {
  it("gives the replying side the demand's topic (the reply convention within one sentence)", () => {
    expect(positionsIn('Moscow demands full control of the Donbas; Kyiv rejects the proposal.')).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
  });

  it("gives nothing to a later clause that replies to no side's stance", () => {
    expect(positionsIn('Shelling hit the Donbas overnight; Kyiv rejects the reports.')).toEqual([]);
  });

  it('gives nothing to a later clause whose reply names an object of its own', () => {
    expect(
      positionsIn('Russia wants Crimea recognised as Russian; Ukraine rejected the offer of a ceasefire on Monday.'),
    ).toEqual(['crimea/Russia']);
    expect(positionsIn('Moscow demands full control of the Donbas; Kyiv rejects new sanctions.')).toEqual([
      'donbas/Russia',
    ]);
    // A proposal named without its article (a headline) still points back.
    for (const reply of ['Kyiv rejects the demand.', 'Kyiv rejects proposal']) {
      expect(positionsIn(`Moscow demands full control of the Donbas; ${reply}`)).toEqual([
        'donbas/Russia',
        'donbas/Ukraine',
      ]);
    }
    // The same in the next sentence, while "the offer" alone still answers.
    const next = 'Russia wants Crimea recognised as Russian. Ukraine rejected the offer';
    expect(positionsIn(`${next} of a ceasefire on Monday.`)).toEqual(['crimea/Russia']);
    expect(positionsIn(`${next}.`)).toEqual(['crimea/Russia', 'crimea/Ukraine']);
  });
});

describe('a demand restated as a threat of force worded with "through" (P12-1)', () => {
  it('reads "through military means" as the demanded act in a quoted condition', () => {
    const body = [
      'The Russian president insisted that Ukrainian units must leave the Luhansk region.',
      '"If not through talks, then through military means this territory will be ours," the Russian president warned.',
    ].join('\n\n');
    expect(positionsIn(body)).toEqual(['donbas/Russia', 'donbas/Russia']);
  });
});

describe('the side a demand is put to, with its verb in the indicative (P12-6)', () => {
  it('gives "Moscow demands that Kyiv cedes …" to Moscow alone', () => {
    expect(positionsIn('Moscow demands that Kyiv cedes control over the Donbas.')).toEqual(['donbas/Russia']);
  });

  it('names the Donbas by its direction: "its eastern regions"', () => {
    expect(positionsIn('Moscow demands that Kyiv cedes control over its southern and eastern regions.')).toEqual([
      'donbas/Russia',
    ]);
  });

  it('but not the eastern regions of another country, nor its Far East', () => {
    expect(positionsIn('Russia wants to invest more in its Far Eastern regions and Siberia.')).toEqual([]);
    expect(positionsIn('Moscow demands that Kazakhstan open the eastern regions of Kazakhstan to trade.')).toEqual([]);
    expect(positionsIn('Moscow demands that Kyiv cede the eastern regions of Ukraine.')).toEqual(['donbas/Russia']);
  });
});

describe('a quote pointing to the land that its own sentence names outside the quote (P12-1)', () => {
  // The speaker's side comes from the corpus, as for a leader the report names without a country.
  const corpus = { countryOf: (key: string) => (key.startsWith('volnov') ? 'Russia' : null) };
  const positions = (quote: string) =>
    extractArticleFacts(
      articleOf(
        [
          'President Arkady Volnov gave an interview on Tuesday.',
          `"${quote}," he said, noting the army already holds most of the Donbas.`,
        ].join('\n\n'),
      ),
      corpus,
    ).positions.map((p) => `${p.topic}/${p.party}`);

  it("gives the speaker's side the region named after the quote when the quote points to land", () => {
    expect(positions('Either we take these territories by force, or Ukrainian troops will leave')).toEqual([
      'donbas/Russia',
    ]);
  });

  it('gives nothing when the quote points to no land', () => {
    expect(positions('Either the talks go well, or they end')).toEqual([]);
  });
});

describe('a later contrasting clause pointing back to places the clause before pointed to', () => {
  it("gives the side that is the later clause's subject the places of the sentence before", () => {
    const body = [
      'Moscow demands Crimea and the Donetsk region.',
      'These regions were declared annexed after votes in 2014 and 2022, but Kyiv insists that they are part of Ukraine.',
    ].join(' ');
    expect(positionsIn(body)).toEqual(['crimea/Russia', 'donbas/Russia', 'crimea/Ukraine', 'donbas/Ukraine']);
  });

  it('takes no later clause that does not contrast, nor one with no side as its subject', () => {
    const told = 'Moscow demands Crimea and the Donetsk region. These regions were declared annexed in 2014 and 2022';
    expect(positionsIn(`${told}, and Kyiv insists that they are part of Ukraine.`)).toEqual([
      'crimea/Russia',
      'donbas/Russia',
    ]);
    expect(positionsIn(`${told}, but they are still shelled daily.`)).toEqual(['crimea/Russia', 'donbas/Russia']);
  });
});
