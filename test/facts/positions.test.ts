import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { createArticleReader, extractArticleFacts } from '../../lambda/facts/extract.js';
import type { Statement } from '../../lambda/facts/fact.js';
import { extractPositions, positionId } from '../../lambda/facts/positions.js';
import { defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';
import { fixtureDir, readArticles } from './fixture-articles.js';

/** A statement by a Ukrainian official, cited from the whole of `body` (one sentence). */
function ukrainianStatement(body: string, fields: Pick<Statement, 'speaker' | 'kind' | 'text' | 'topics'>): Statement {
  const speakerKey = (fields.speaker.split(' ').at(-1) ?? '').toLowerCase();
  return {
    id: `s-${speakerKey}`,
    speakerKey,
    affiliation: 'Ukraine',
    citations: [{ articleId: articleOf(body).id, evidence: body }],
    ...fields,
  };
}

const positionsIn = (body: string, statements: Statement[] = []) =>
  extractPositions(articleOf(body), { statements }).map((p) => `${p.topic}/${p.party}: ${p.stance}`);

/** The positions the whole extractor finds (statements and people first), as "topic/party: stance". */
const extractedPositions = (body: string) =>
  extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}: ${p.stance}`);

/** The extractor without the position scorer: what the rules keep. */
const rulesOnly = createArticleReader(defaultTopicsConfig, undefined, { scorer: null });

describe('extractPositions', () => {
  it('gives two positions for a sentence with a demand and a counter-offer, the second referring back to "the issue"', () => {
    expect(
      positionsIn(
        'Russia wants Kyiv to accept Crimea as part of Russia, but the Ukrainians proposed to settle the matter in talks lasting ten years.',
      ),
    ).toEqual([
      'crimea/Russia: Russia wants Kyiv to accept Crimea as part of Russia',
      'crimea/Ukraine: the Ukrainians proposed to settle the matter in talks lasting ten years',
    ]);
  });

  it('reads a refusal as a position', () => {
    expect(positionsIn('Kyiv rejected any recognition of Crimea as Russian.')).toEqual([
      'crimea/Ukraine: Kyiv rejected any recognition of Crimea as Russian',
    ]);
  });

  it('gives the demand to the party that demands, not to the one asked to accept', () => {
    expect(positionsIn('Moscow demands that Ukraine accept the loss of Sevastopol.')).toEqual([
      'crimea/Russia: Moscow demands that Ukraine accept the loss of Sevastopol',
    ]);
  });

  it('gives a reported want to the party that wants, not to the officials who report it', () => {
    expect(positionsIn('Ukrainian officials said Russia wants Kyiv to accept Crimea as Russian.')).toEqual([
      'crimea/Russia: Ukrainian officials said Russia wants Kyiv to accept Crimea as Russian',
    ]);
  });

  it('carries the speaking party into a "but that …" clause naming the topic', () => {
    const body =
      'Ukrainian negotiators also said Kyiv is asking for security guarantees but that the guarantees would not cover areas of the east where the local authorities have proclaimed independence.';
    expect(positionsIn(body)).toEqual([
      'donbas/Ukraine: the guarantees would not cover areas of the east where the local authorities have proclaimed independence',
    ]);
  });

  it('counts a proposal of a party as its position', () => {
    expect(positionsIn("But the Donbas question was left out of Ukraine's proposal.")).toEqual([
      "donbas/Ukraine: the Donbas question was left out of Ukraine's proposal",
    ]);
  });

  it.each([
    'Russia annexed Crimea in 2014.',
    'Heavy fighting continued near Donetsk on Sunday.',
    'Crimea was discussed at the talks.',
    // A party reporting what happened, not what it wants: battlefield claims are not positions.
    'Russia said it had destroyed a fuel depot in the Luhansk region.',
    "Russia's defense ministry said its forces had taken control of a village in the Donetsk region.",
  ])('takes no position from "%s"', (body) => {
    expect(positionsIn(body)).toEqual([]);
  });

  it("gives an official's quoted words on a topic to the official's party", () => {
    const body = '"Crimea is Ukraine and will remain Ukraine," Olena Kovalenko said.';
    const statement = ukrainianStatement(body, {
      speaker: 'Olena Kovalenko',
      kind: 'direct',
      text: 'Crimea is Ukraine and will remain Ukraine,',
      topics: ['crimea'],
    });
    expect(positionsIn(body, [statement])).toEqual([`crimea/Ukraine: ${body.slice(0, -1)}`]);
  });

  it('gives the same id to the same stance whichever article it is read from', () => {
    const [a] = extractPositions(articleOf('Kyiv rejected any recognition of Crimea.', 'aaaaaaaaaaaaaaaa'));
    const [b] = extractPositions(articleOf('Kyiv rejected any recognition of Crimea.', 'bbbbbbbbbbbbbbbb'));
    expect(a?.id).toBe(b?.id);
    expect(a?.id).toBe(positionId('crimea', 'Ukraine', 'Kyiv rejected any recognition of Crimea'));
  });
});

describe('the headline and the people an article introduces', () => {
  it('reads the headline as a sentence citing itself, but not when the body repeats it', () => {
    const body = 'Talks resumed in Geneva on Monday.';
    const titled = { ...articleOf(body), title: 'Kyiv rules out leaving the Luhansk region' };
    const positions = extractPositions(titled);
    expect(positions.map((p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`)).toEqual([
      'donbas/Ukraine: Kyiv rules out leaving the Luhansk region',
    ]);
    const repeated = { ...articleOf(`${titled.title}\n\n${body}`), title: titled.title };
    expect(extractPositions(repeated).map((p) => p.citations[0]?.evidence)).toEqual([titled.title]);
  });

  it("reads a headline's seized land as the regions the lead names, and only those", () => {
    // The title names no region; "the seized territories" points to the region the first sentences name.
    const title = 'Moscow wants the seized territories recognised before any truce';
    const lead = 'Envoys met in Oslo on Friday. The talks turned to the Donetsk region and its front line.';
    const late =
      'Envoys met in Oslo on Friday. Nobody spoke of the map. A third round is planned. Crimea came up later.';
    const topicsOf = (body: string) =>
      extractPositions({ ...articleOf(body), title })
        .filter((p) => p.citations[0]?.evidence === title)
        .map((p) => `${p.topic}/${p.party}`);
    expect(topicsOf(lead)).toEqual(['donbas/Russia']);
    // A region named only after the lead is not what the headline sums up.
    expect(topicsOf(late)).toEqual([]);
  });

  it('lets a person introduced with an office act for the party, quoted or not', () => {
    const body = 'Jane Roe again ruled out any withdrawal from the Luhansk region.';
    const roe = { key: 'roe', name: 'Jane Roe', aliases: ['Roe'], affiliation: 'Ukraine' };
    expect(extractPositions(articleOf(body)).map((p) => p.party)).toEqual([]);
    expect(extractPositions(articleOf(body), { mentioned: [roe] }).map((p) => p.party)).toEqual(['Ukraine']);
  });
});

describe('positions set out as a plan', () => {
  it("gives a plan's terms to the party the plan's adjective or name says owns it", () => {
    expect(positionsIn('The Russian memorandum foresees the recognition of Crimea as part of Russia.')).toEqual([
      'crimea/Russia: The Russian memorandum foresees the recognition of Crimea as part of Russia',
    ]);
    expect(positionsIn('Under the Kyiv draft, the status of Crimea would be left to the two presidents.')).toEqual([
      'crimea/Ukraine: Under the Kyiv draft, the status of Crimea would be left to the two presidents',
    ]);
  });

  it('reads a party handing over a plan as its position, but not a party handing over anything else', () => {
    expect(positionsIn('Ukraine has submitted a draft that would freeze the line in the Donetsk region.')).toEqual([
      'donbas/Ukraine: Ukraine has submitted a draft that would freeze the line in the Donetsk region',
    ]);
    expect(positionsIn('Russia handed over the bodies of 900 soldiers killed near Donetsk.')).toEqual([]);
  });

  it('gives each bullet or numbered point to the owner of the plan that the colon introduces', () => {
    const body = [
      'The main points of the Ukrainian proposal are:',
      '1. A ceasefire along the line of contact;',
      '2. No recognition of Russian control over Luhansk;',
      '3. Talks on the status of Crimea for up to ten years.',
      'Fighting went on near Donetsk.',
    ].join('\n');
    expect(positionsIn(body).map((p) => p.split(':')[0])).toEqual(['donbas/Ukraine', 'crimea/Ukraine']);
  });

  it('takes the owner of a list introduced by "the document" from the sentence that named the plan', () => {
    const body = [
      'The Russian memorandum was handed over on Monday.',
      'Among its terms the document lists:',
      '- the withdrawal of Ukrainian troops from the Donetsk region;',
      '- the lifting of sanctions.',
    ].join('\n');
    expect(positionsIn(body).map((p) => p.split(':')[0])).toEqual(['donbas/Russia']);
  });

  it('gives "The proposal stipulates …" to the party whose plan the article named before', () => {
    const body =
      "Ukraine's proposals were handed over in Istanbul. Talks lasted three hours. The proposal stipulates talks on the status of Crimea over 15 years.";
    expect(positionsIn(body)).toEqual([
      'crimea/Ukraine: The proposal stipulates talks on the status of Crimea over 15 years',
    ]);
  });

  it('gives an unowned plan no party when no sentence before names whose plan it is', () => {
    expect(positionsIn('Talks lasted three hours. The proposal stipulates talks on the status of Crimea.')).toEqual([]);
  });

  it('gives a list no owner when its introduction names no plan of a party', () => {
    const body = [
      'Overnight, according to the document:',
      '- shelling in the Donetsk region;',
      '- drones over Crimea.',
    ].join('\n');
    expect(positionsIn(body)).toEqual([]);
  });
});

describe('positions whose topic comes from elsewhere in the sentence or the article', () => {
  it('reads a refusal of "such formulation of the question" as a position on the previous sentence\'s topic', () => {
    const body =
      'Moscow insists on a withdrawal from the Donetsk region. Kiev in its turn categorically does not agree with such formulation of the question.';
    expect(positionsIn(body).map((p) => p.split(':')[0])).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it('refers back only to the sentence right before, and only with a stance', () => {
    expect(
      positionsIn('Moscow insists on a withdrawal from the Donetsk region. Talks resumed. Kiev rejects this question.'),
    ).toEqual(['donbas/Russia: Moscow insists on a withdrawal from the Donetsk region']);
    expect(
      positionsIn('Moscow insists on a withdrawal from the Donetsk region. Reporters asked about this question.'),
    ).toEqual(['donbas/Russia: Moscow insists on a withdrawal from the Donetsk region']);
  });

  it("gives a contrasting clause's stance the sentence's one topic, not a contrasting event", () => {
    expect(
      positionsIn(
        'Russia wants all of the Donetsk region, while Kyiv insists that the current front line must be the starting point.',
      ).map((p) => p.split(':')[0]),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
    expect(
      positionsIn('Russia wants all of the Donetsk region, while Ukraine said it had shot down 40 drones.').map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['donbas/Russia']);
  });

  it("gives an unnamed delegation's proposal to the side the article named just before", () => {
    expect(
      positionsIn(
        "Ukraine's delegation arrived first. The delegation proposed that the status of Crimea be negotiated over 15 years.",
      ),
    ).toEqual(['crimea/Ukraine: The delegation proposed that the status of Crimea be negotiated over 15 years']);
  });

  it("does not give a side another country's delegation, a report of events, or a delegation nobody named", () => {
    expect(positionsIn('Kyiv wants a ceasefire. The Turkish delegation proposed talks on Crimea.')).toEqual([]);
    expect(positionsIn('Kyiv wants a ceasefire. The spokesman said shelling continued in Donetsk.')).toEqual([]);
    expect(positionsIn('Talks resumed. The delegation proposed talks on Crimea.')).toEqual([]);
  });

  it('reads "In the Kremlin they consider …" as the Kremlin speaking, but not a meeting in a capital', () => {
    expect(positionsIn('In the Kremlin they consider that a return of Crimea is excluded.')).toEqual([
      'crimea/Russia: In the Kremlin they consider that a return of Crimea is excluded',
    ]);
    expect(positionsIn('Delegates met in Kyiv, they said, to discuss Crimea.')).toEqual([]);
  });

  it('reads repeating, stressing and insisting as stances, and a stressed battlefield claim as none', () => {
    expect(
      positionsIn('The Ukrainian side repeated that it will not pull its troops out of the Donetsk region.'),
    ).toHaveLength(1);
    expect(positionsIn('Russia is insisting on keeping Sevastopol.')).toHaveLength(1);
    expect(positionsIn("Russia's defence ministry stressed that its forces had hit targets in Donetsk.")).toEqual([]);
  });

  it("reads the first sentence of a longer quote as the quoted official's position", () => {
    const body = '"Sevastopol is a Ukrainian city. We will return there," Olena Kovalenko said.';
    const statement = ukrainianStatement(body, {
      speaker: 'Olena Kovalenko',
      kind: 'direct',
      text: 'Sevastopol is a Ukrainian city. We will return there,',
      topics: ['crimea'],
    });
    // Without the opening mark of a quote that closes past the stance (QA-S35 X3): a stance's marks pair up.
    expect(positionsIn(body, [statement])).toEqual(['crimea/Ukraine: Sevastopol is a Ukrainian city']);
  });

  it("reads a party's report on a topic as a stance when it holds one of the topic's stance cues from config", () => {
    expect(positionsIn('Russia said the ZNPP stays with its own operator.')).toEqual([
      'zaporizhzhia-npp/Russia: Russia said the ZNPP stays with its own operator',
    ]);
    expect(positionsIn('Russia said the ZNPP had lost its last power line.')).toEqual([]);
  });

  it('finds positions on a topic that exists only in config/topics.json', () => {
    expect(positionsIn('Kyiv rejects any arrangement for the ZNPP that would leave Russian staff there.')).toEqual([
      'zaporizhzhia-npp/Ukraine: Kyiv rejects any arrangement for the ZNPP that would leave Russian staff there',
    ]);
  });
});

describe("positions in a quoted speaker's words", () => {
  /** A statement as the statement extractor gives it: `text` quoted, cited with the whole of `body`. */
  const quoted = (body: string, speaker: string, text: string, affiliation: string | null): Statement => ({
    ...ukrainianStatement(body, { speaker, kind: 'direct', text, topics: [] }),
    affiliation,
  });

  it("reads the last sentence of a longer quote, before its attribution, as the speaker's party's position", () => {
    const body = '"We will not leave. The Donetsk region is Ukraine," Olena Kovalenko wrote.';
    const statement = quoted(body, 'Olena Kovalenko', 'We will not leave. The Donetsk region is Ukraine,', 'Ukraine');
    expect(positionsIn(body, [statement]).map((p) => p.split(':')[0])).toEqual(['donbas/Ukraine']);
  });

  it("takes no position from an official's quote that explains what happened", () => {
    const body = '"The Donetsk units needed another day, which is why the start slipped," Olena Kovalenko said.';
    const statement = quoted(
      body,
      'Olena Kovalenko',
      'The Donetsk units needed another day, which is why the start slipped,',
      'Ukraine',
    );
    expect(positionsIn(body, [statement])).toEqual([]);
  });

  it('gives a speaker with no country who speaks for a side ("our") the party of the article\'s lead', () => {
    const body = 'Kyiv will not give up the Donbas. "Our people in Kramatorsk stay Ukrainian," Olena Kovalenko said.';
    const statement = quoted(body, 'Olena Kovalenko', 'Our people in Kramatorsk stay Ukrainian,', null);
    expect(positionsIn(body, [statement]).map((p) => p.split(':')[0])).toEqual(['donbas/Ukraine', 'donbas/Ukraine']);
  });

  it('gives a speaker with no country but an office the party of the sentence before', () => {
    const body =
      'The Ministry of Foreign Affairs of Ukraine condemned the vote. "Crimea will remain Ukrainian," the spokesman of the ministry, Olena Kovalenko, stressed.';
    const statement = quoted(body, 'Olena Kovalenko', 'Crimea will remain Ukrainian,', null);
    expect(positionsIn(body, [statement]).map((p) => p.split(':')[0])).toEqual(['crimea/Ukraine']);
  });

  it('gives no party to a speaker with no country, no office and no "we"', () => {
    const body = 'Kyiv will not give up the Donbas. "Crimea will remain Ukrainian," Olena Kovalenko said.';
    const statement = quoted(body, 'Olena Kovalenko', 'Crimea will remain Ukrainian,', null);
    expect(positionsIn(body, [statement]).map((p) => p.split(':')[0])).toEqual(['donbas/Ukraine']);
  });
});

describe('positions in the both-parties fixture', () => {
  let article: Article;
  beforeAll(async () => {
    [article] = (await readArticles(fixtureDir('facts-positions-both-parties'))) as [Article];
  });

  it('finds each party on each topic and nothing from the action or the battlefield report', () => {
    const found = extractPositions(article).map((p) => `${p.topic}/${p.party}`);
    expect(found).toEqual([
      'crimea/Russia',
      'crimea/Ukraine',
      'crimea/Ukraine',
      'donbas/Russia',
      'donbas/Ukraine',
      'donbas/Russia',
    ]);
  });

  it('cites each position with its whole sentence and keeps its stance inside that sentence', () => {
    for (const p of extractPositions(article)) {
      const [citation] = p.citations;
      expect(article.body).toContain(citation?.evidence);
      expect(citation?.evidence).toContain(p.stance);
    }
  });
});

describe('positions stated by a named person', () => {
  it('ignores a topic that only names the speaker ("Luhansk governor … said") rather than what was said', () => {
    const body = 'Luhansk governor Serhiy Haidai said shelling continued overnight.';
    const statement = ukrainianStatement(body, {
      speaker: 'Serhiy Haidai',
      kind: 'reported',
      text: 'shelling continued overnight',
      topics: [],
    });
    expect(positionsIn(body, [statement])).toEqual([]);
  });

  it("gives a person's stance to the party the person speaks for", () => {
    const body = 'Medinsky insisted that Crimea is Russian.';
    const people = [{ key: 'medinski', name: 'Vladimir Medinsky', aliases: [], affiliation: 'Russia' }];
    expect(extractPositions(articleOf(body), { people }).map((p) => `${p.topic}/${p.party}`)).toEqual([
      'crimea/Russia',
    ]);
    expect(extractPositions(articleOf(body)).map((p) => `${p.topic}/${p.party}`)).toEqual([]);
  });
});

describe('positions resolved from the discourse (whose plan, which places, who speaks)', () => {
  it("gives an obligation put on one side to the other side's plan set out before, with the places of 'all of them'", () => {
    const body =
      'The Russian draft names Crimea and the Luhansk region as Russian. Kyiv would have to pull its forces out of all of them.';
    expect(positionsIn(body).map((p) => p.split(':')[0])).toEqual([
      'crimea/Russia',
      'donbas/Russia',
      'crimea/Russia',
      'donbas/Russia',
    ]);
  });

  it("goes on in a speaker's unquoted first-person voice for the next sentence of the paragraph pointing back to its places", () => {
    const lead =
      'Kremlin spokesman Arkady Volnov said on Monday that the talks could go on. He also added that the president had set out his terms in the summer.\n\nI do not know why nobody remembers this. Our constitution lists four regions, Donetsk and Luhansk among them.';
    const positions = (body: string) => extractedPositions(body);
    expect(positions(`${lead} The Ukrainian army must leave these territories.`)).toEqual([
      'donbas/Russia: The Ukrainian army must leave these territories',
    ]);
    // A new paragraph is the article's own voice again.
    expect(positions(`${lead}\n\nThe Ukrainian army must leave these territories.`)).toEqual([]);
  });

  it('reads "do this" after a demand as the demanded act restated by its side, not a stance on anything else', () => {
    const demand = '"Ukrainian troops must leave the Luhansk region," Kremlin spokesman Arkady Volnov said.';
    const positions = (body: string) => extractedPositions(body);
    expect(
      positions(
        `${demand} Both armies dug in over the winter. "As soon as Kyiv is ready to do this, we will stop firing," Volnov said.`,
      ),
    ).toEqual([
      'donbas/Russia: "Ukrainian troops must leave the Luhansk region," Kremlin spokesman Arkady Volnov said',
      'donbas/Russia: "As soon as Kyiv is ready to do this, we will stop firing," Volnov said',
    ]);
    expect(
      positions(`${demand} Both armies dug in over the winter. "The weather will do this for us," Volnov said.`),
    ).toHaveLength(1);
  });

  it("gives a plan pointed back to as the subject ('This proposal must …') to the one side that proposed it", () => {
    const offer =
      'Ukrainian President Bohdan Lytvak said he would be ready to pull his troops out of the eastern industrial zone if the other army did the same.';
    const positions = (body: string) => extractedPositions(body);
    expect(
      positions(`${offer} This proposal, which Moscow is certain to resist, must also go to a vote in parliament.`),
    ).toEqual([
      `donbas/Ukraine: ${offer.slice(0, -1)}`,
      'donbas/Ukraine: This proposal, which Moscow is certain to resist, must also go to a vote in parliament',
    ]);
    // The plan's own noun ("propos…") is no stance: news about the proposal states none.
    expect(positions(`${offer} This proposal was first reported by a local newspaper.`)).toHaveLength(1);
  });

  it("reads a person of a party opening the clause ('For Lytvak, …') as the holder of its view, as a party there is", () => {
    const positions = (body: string) => extractedPositions(body).map((p) => p.split(':')[0]);
    const lead = 'Ukrainian President Bohdan Lytvak spoke on Monday.';
    expect(positions(`${lead} For Lytvak, giving up the Donetsk region is unacceptable.`)).toEqual(['donbas/Ukraine']);
    expect(positions(`${lead} For Lytvak, the Donetsk region was home.`)).toEqual([]);
  });

  it("gives a quote's speaker the topic of a question set after the answer ('…, he said when asked about Crimea')", () => {
    const positions = (body: string) => extractedPositions(body).map((p) => p.split(':')[0]);
    const lead = 'Ukrainian President Bohdan Lytvak spoke in the capital.';
    expect(positions(`${lead} "There is nothing to discuss here," he said when asked about Crimea.`)).toEqual([
      'crimea/Ukraine',
    ]);
    expect(positions(`${lead} "There is nothing to discuss here," he said during a visit to Crimea.`)).toEqual([]);
  });

  it('reads a condition that something is impossible without a step as a stance of the side saying it', () => {
    // The rules alone: on this one-sentence article the position scorer adds the second sentence back (a side's
    // leader as the subject of a saying verb, no other position in the article), which position-scorer.test.ts covers.
    const positions = (body: string) => rulesOnly(articleOf(body)).facts.positions.map((p) => `${p.topic}/${p.party}`);
    expect(
      positions(
        'Ukrainian President Bohdan Lytvak stressed that a buffer zone in the Luhansk region is impossible without a vote in parliament.',
      ),
    ).toEqual(['donbas/Ukraine']);
    expect(
      positions('Ukrainian President Bohdan Lytvak stressed that the Luhansk region had been shelled overnight.'),
    ).toEqual([]);
  });

  it('does not read "must", which a side also says of itself, as an obligation the other side imposes', () => {
    expect(
      positionsIn(
        'The Russian draft names Crimea as Russian. Kyiv must never give up the Luhansk region, an adviser said.',
      ).map((p) => p.split(':')[0]),
    ).toEqual(['crimea/Russia']);
  });

  it("gives nobody an obligation set in a mediator's draft, nor a draft's clause whose plan an outsider wrote", () => {
    expect(
      positionsIn(
        'The Russian draft names Crimea as Russian. A second paper, brokered by Qatar, differs. Under it, Kyiv would have to leave Sloviansk.',
      ).map((p) => p.split(':')[0]),
    ).toEqual(['crimea/Russia']);
    expect(
      positionsIn(
        "A Washington-written draft went to both capitals. The draft's clauses would see Kyiv cede Sloviansk.",
      ),
    ).toEqual([]);
  });

  it("keeps the opening subject for a contrasting clause that opens with a refusing modal ('but cannot budge on …')", () => {
    const lead = { ...articleOf('Ukrainian President Bohdan Lytvak met his allies in the capital on Monday.') };
    const headlined = (title: string) =>
      extractArticleFacts({ ...lead, title }).positions.map((p) => `${p.topic}/${p.party}: ${p.stance}`);
    expect(headlined("Lytvak says Kyiv would offer 'plenty' but cannot budge on Crimea")).toEqual([
      'crimea/Ukraine: cannot budge on Crimea',
    ]);
    expect(positionsIn('Kyiv says talks resumed on Monday but would cover Crimea later.')).toEqual([]);
  });

  it("keeps the sentence's subject for a contrasting clause with no subject of its own", () => {
    expect(positionsIn('Moscow signalled flexibility on prisoner swaps, but not on the Luhansk region.')).toEqual([
      'donbas/Russia: not on the Luhansk region',
    ]);
  });

  it('reads an adverb in -ly between a party and its verb, but not before a bare verb asked of the other', () => {
    expect(positionsIn('Moscow is essentially demanding that Kyiv abandon Kramatorsk.')).toEqual([
      'donbas/Russia: Moscow is essentially demanding that Kyiv abandon Kramatorsk',
    ]);
    expect(positionsIn('The draft would see Kyiv formally renounce the Luhansk region.')).toEqual([]);
  });

  it("gives a quote's topic to the speaker's side when the party it names comes after the topic", () => {
    const body = '"Each talk of Crimea pulls us into the endless quarrel Moscow wants," Olena Kovalenko said.';
    const statement = ukrainianStatement(body, {
      speaker: 'Olena Kovalenko',
      kind: 'direct',
      text: 'Each talk of Crimea pulls us into the endless quarrel Moscow wants,',
      topics: ['crimea'],
    });
    expect(positionsIn(body, [statement]).map((p) => p.split(':')[0])).toEqual(['crimea/Ukraine']);
  });

  it('gives both sides a reply hung on a noun for the demand', () => {
    expect(
      positionsIn('Moscow demands that Kyiv leave the Donbas, a demand the Ukrainian side has rejected.').map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it('reads the four or the claimed regions as the Donbas, and a party\u2019s claims to them as its position', () => {
    expect(
      positionsIn("The memorandum restated Russia's claims to the four regions.").map((p) => p.split(':')[0]),
    ).toEqual(['donbas/Russia']);
    expect(positionsIn('Moscow wants Kyiv out of the regions it claims.').map((p) => p.split(':')[0])).toEqual([
      'donbas/Russia',
    ]);
  });
});

describe('lists and replies that name their owner once', () => {
  it('gives each ordinal point ("First, …", "Second, …") to the party that the sentence before set them out for', () => {
    const body =
      'Russia set out three conditions. First, Kyiv must withdraw from the Donbas. Second, Crimea must be recognised as Russian. Third, sanctions must go.';
    expect(positionsIn(body).map((p) => p.split(':')[0])).toEqual(['donbas/Russia', 'crimea/Russia']);
    expect(positionsIn('Talks resumed on Monday. First, shelling hit Donetsk.')).toEqual([]);
  });

  it("gives each point of a list inside one sentence, numbered or not, to the plan's owner before the colon", () => {
    expect(
      positionsIn("Moscow's conditions include: Kyiv's exit from Donetsk; recognition of Crimea.").map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['donbas/Russia', 'crimea/Russia']);
    expect(
      positionsIn("The Kremlin's demands are: 1) Kyiv leaves Donetsk; 2) the world recognises Crimea.").map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['donbas/Russia', 'crimea/Russia']);
  });

  it('answers every topic of a list one side set out over several sentences when the reply names the demands', () => {
    const list =
      'Moscow insists that Kyiv recognise Crimea as Russian. It wants sanctions lifted too. Moscow also demands that Ukraine leave the Donbas.';
    expect(positionsIn(`${list} Kyiv rejected the demands.`).map((p) => p.split(':')[0])).toEqual([
      'crimea/Russia',
      'donbas/Russia',
      'crimea/Ukraine',
      'donbas/Ukraine',
    ]);
    // "it" answers the last point only.
    expect(positionsIn(`${list} Kyiv rejected it.`).map((p) => p.split(':')[0])).toEqual([
      'crimea/Russia',
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
  });

  it("reads a phrasal reply with its object inside ('ruled this out') and 'not an inch' as the other side's answer", () => {
    const demand = 'Moscow insists on the withdrawal of Ukrainian troops from Donetsk.';
    expect(positionsIn(`${demand} Kyiv has repeatedly ruled this out.`).map((p) => p.split(':')[0])).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
    expect(positionsIn(`${demand} Kyiv refuses to cede an inch.`).map((p) => p.split(':')[0])).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
    expect(positionsIn(`${demand} The front moved an inch overnight.`).map((p) => p.split(':')[0])).toEqual([
      'donbas/Russia',
    ]);
  });

  it("reads the other side's reply in the next sentence as its position on the same topic, not a sentence of news", () => {
    expect(
      positionsIn('Moscow insists Kyiv must recognise Crimea. Ukraine has said it never will.').map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['crimea/Russia', 'crimea/Ukraine']);
    expect(
      positionsIn('Moscow insists Kyiv must recognise Crimea. Ukraine said it will hold elections next year.').map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['crimea/Russia']);
  });
});

describe('the wide pass: the one party a topic clause names, unless a rule rejects it', () => {
  it('gives a topic clause whose verb no rule reads to the one party it names as an actor', () => {
    expect(positionsIn('The Kremlin on Sunday once more demanded the rest of the Donetsk region.')).toEqual([
      'donbas/Russia: The Kremlin on Sunday once more demanded the rest of the Donetsk region',
    ]);
  });

  it('reads a party that frames the clause as its view ("For Kyiv, …") as its holder, but not "for the talks"', () => {
    expect(positionsIn('For Kyiv, giving up Crimea is out of the question.')).toEqual([
      'crimea/Ukraine: For Kyiv, giving up Crimea is out of the question',
    ]);
    expect(positionsIn('For the talks, Crimea is out of the question.')).toEqual([]);
  });

  it.each([
    ['no stance', 'Russia on Sunday still held most of the Luhansk region.'],
    ['history', 'In 2014 the Kremlin first demanded that the peninsula be recognised as Russian.'],
    ['a question', 'Would Kyiv ever give up Sloviansk?'],
    ['a party named after the stance', 'The refusal to discuss Crimea angered the Kremlin.'],
    ["an outsider's view", 'Analysts say Kyiv may in the end accept the loss of Crimea.'],
  ])('rejects %s: "%s"', (_, body) => {
    expect(positionsIn(body)).toEqual([]);
  });

  it("rejects a clause an outsider says about a side's stance", () => {
    const body = '"Kyiv on Sunday once more demanded all of Crimea back," Marcus Hale said.';
    const statement: Statement = {
      ...ukrainianStatement(body, {
        speaker: 'Marcus Hale',
        kind: 'direct',
        text: 'Kyiv on Sunday once more demanded all of Crimea back,',
        topics: ['crimea'],
      }),
      affiliation: 'United States',
    };
    expect(positionsIn(body, [statement])).toEqual([]);
  });
});

describe('a serial comma before the last name of a list', () => {
  it("ends no clause: the places after it stay the subject's", () => {
    expect(
      positionsIn(
        'Moscow insists that Kyiv pull out of Kramatorsk, Sloviansk, and Kostiantynivka before it accepts the loss of Crimea.',
      ),
    ).toEqual([
      'crimea/Russia: Moscow insists that Kyiv pull out of Kramatorsk, Sloviansk, and Kostiantynivka before it accepts the loss of Crimea',
      'donbas/Russia: Moscow insists that Kyiv pull out of Kramatorsk, Sloviansk, and Kostiantynivka before it accepts the loss of Crimea',
    ]);
  });

  it('still ends one before a new subject', () => {
    expect(positionsIn('Moscow wants all of Donetsk, and Kyiv refuses to give up Sloviansk.')).toEqual([
      'donbas/Russia: Moscow wants all of Donetsk',
      'donbas/Ukraine: Kyiv refuses to give up Sloviansk',
    ]);
  });

  it("gives a side's statement reported by a possessive to that side, not to the other side's speaker commenting on it", () => {
    const body = "Lytvak's statement on not recognising Crimea as Russian proves that Kyiv cannot negotiate.";
    const russian: Statement = {
      id: 's-zorova',
      speakerKey: 'zorova',
      speaker: 'Irina Zorova',
      affiliation: 'Russia',
      kind: 'reported',
      text: body.slice(0, -1),
      topics: ['crimea'],
      citations: [{ articleId: articleOf(body).id, evidence: body }],
    };
    const people = [
      { key: 'bohdan lytvak', name: 'Bohdan Lytvak', aliases: [], affiliation: 'Ukraine' },
      { key: 'irina zorova', name: 'Irina Zorova', aliases: [], affiliation: 'Russia' },
    ];
    const positions = extractPositions(articleOf(body), { statements: [russian], people });
    expect(positions.map((p) => `${p.topic}/${p.party}`)).toEqual(['crimea/Ukraine']);
  });
});
