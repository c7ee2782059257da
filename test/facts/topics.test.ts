import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileTopics,
  defaultTopicsConfig,
  parseTopicsConfig,
  type TopicsConfig,
  TopicsConfigError,
} from '../../lambda/facts/topics.js';

const topics = compileTopics(defaultTopicsConfig);

describe('parseTopicsConfig', () => {
  it('accepts the shipped config/topics.json with crimea, donbas, the Zaporizhzhia plant and the two parties', () => {
    expect(defaultTopicsConfig.topics.map((t) => t.id)).toEqual(['crimea', 'donbas', 'zaporizhzhia-npp']);
    expect(defaultTopicsConfig.parties.map((p) => p.name)).toEqual(['Russia', 'Ukraine']);
  });

  it('rejects a pattern that is not a regular expression, naming the problem', () => {
    const bad = { ...defaultTopicsConfig, topics: [{ id: 'x', label: 'X', variants: [], patterns: ['(unclosed'] }] };
    expect(() => parseTopicsConfig(bad)).toThrow(/not a valid regular expression/);
  });

  it('holds no configured pattern over 200 characters: the vocabulary of a longer one is a word list', () => {
    // Two Donbas patterns were 283 and 223 characters of alternations; their words are now `words` lists.
    const json = JSON.parse(readFileSync(new URL('../../config/topics.json', import.meta.url), 'utf8')) as {
      topics: { id: string; patterns?: string[] }[];
    };
    const long = json.topics.flatMap((t) =>
      (t.patterns ?? []).filter((p) => p.length > 200).map((p) => `${t.id}: ${p}`),
    );
    expect(long).toEqual([]);
  });

  it('fills a pattern slot with its word list, longest first, and finds what the pattern written out found', () => {
    // The 223-character pattern as it was written before its words became a list.
    const before =
      /\b(?:its|the|(?:Ukraine|Kyiv|the\s+country)['’]s)(?<!(?<!\b(?:lands?|territor\w+|control|rule|sovereignty)\s+)\b(?:in|across|throughout)\s+(?:the\s+)?\S+)\s+(?:southern\s+and\s+)?eastern\s+regions\b(?!\s+of\s+(?!Ukraine\b))/giu;
    const donbas = defaultTopicsConfig.topics.find((t) => t.id === 'donbas');
    const after = new RegExp(donbas?.patterns?.find((p) => p.includes('eastern\\s+regions\\b(?!')) ?? '', 'giu');
    const texts = [
      "Moscow wants the country's eastern regions.",
      'Kyiv will not give up its southern and eastern regions.',
      'Troops remain in the eastern regions of Georgia.',
      'Fighting went on in the eastern regions.',
      'Control in the eastern regions passed to Kyiv.',
      'Ukraine’s eastern regions of Ukraine were named.',
    ];
    for (const text of texts)
      expect(
        [...text.matchAll(after)].map((m) => m.index),
        text,
      ).toEqual([...text.matchAll(before)].map((m) => m.index));
    expect(
      compileTopics(defaultTopicsConfig).topicsIn('The Kremlin recognised the Moscow-backed breakaway republics.'),
    ).toEqual(['donbas']);
  });

  it('rejects a pattern slot with no word list, and a slot word with regex syntax', () => {
    const [first] = defaultTopicsConfig.topics;
    const missing = { ...defaultTopicsConfig, topics: [{ ...first, patterns: [String.raw`\b{nowhere}\b`] }] };
    expect(() => parseTopicsConfig(missing)).toThrow(/no word list "nowhere"/u);
    const syntax = { ...defaultTopicsConfig, topics: [{ ...first, words: { a: ['lands?'] } }] };
    expect(() => parseTopicsConfig(syntax)).toThrow(TopicsConfigError);
  });

  it('rejects an empty stance cue', () => {
    const [first] = defaultTopicsConfig.topics;
    const bad = { ...defaultTopicsConfig, topics: [{ ...first, stanceCues: [''] }] };
    expect(() => parseTopicsConfig(bad)).toThrow(TopicsConfigError);
  });

  it('rejects a topic id given twice and a config without parties', () => {
    const twice = { ...defaultTopicsConfig, topics: [...defaultTopicsConfig.topics, defaultTopicsConfig.topics[0]] };
    expect(() => parseTopicsConfig(twice)).toThrow(TopicsConfigError);
    expect(() => parseTopicsConfig({ ...defaultTopicsConfig, parties: [] })).toThrow(/parties/);
  });

  it('reads a test config with a nato topic without any code change', () => {
    const json = JSON.parse(readFileSync(new URL('../fixtures/topics-with-nato.json', import.meta.url), 'utf8'));
    const config: TopicsConfig = parseTopicsConfig(json);
    expect(compileTopics(config).topicsIn('Kyiv would accept a neutral status outside NATO')).toEqual(['nato']);
  });
});

describe('topicsIn', () => {
  it.each([
    ['the status of Crimea', ['crimea']],
    ['the Crimean peninsula', ['crimea']],
    ['the naval base at Sevastopol', ['crimea']],
    ['fighting in the Donbass', ['donbas']],
    ['separatists in Lugansk', ['donbas']],
    ['the two breakaway republics', ['donbas']],
    ['the self-proclaimed republics in the east', ['donbas']],
    ['areas of the east where the local authorities have proclaimed independence', ['donbas']],
    ['Crimea and the Donetsk region', ['crimea', 'donbas']],
    // Parts, euphemisms and spellings of the configured topics, and a topic that exists only in config.
    ['the future of the separatist-held east', ['donbas']],
    ['our people in Kramatorsk and Sloviansk', ['donbas']],
    ['recognition of their "people\'s republics"', ['donbas']],
    ['elections held by the occupying power on the peninsula', ['crimea']],
    // Donbas by direction or description.
    ["a buffer zone in the country's east", ['donbas']],
    ['the eastern industrial belt', ['donbas']],
    ['troops out of the eastern industrial zone', ['donbas']],
    ['the industrial heartland of Ukraine', ['donbas']],
    ['an arrangement for the ZNPP', ['zaporizhzhia-npp']],
    ['the Zaporizhzhia nuclear power plant and the town of Enerhodar', ['zaporizhzhia-npp']],
  ])('finds the topic in "%s"', (text, expected) => {
    expect(topics.topicsIn(text)).toEqual(expected);
  });

  it.each([
    'fighting continues in the east',
    'a republic of letters',
    'Russia and Ukraine met in Istanbul',
    // A peninsula named by its own name is another one.
    'talks on the Korean peninsula',
    'the Zaporizhzhia region',
    // Another direction, or another country's east.
    "the country's western border",
    "Russia's far east",
  ])('finds no topic in "%s"', (text) => {
    expect(topics.topicsIn(text)).toEqual([]);
  });

  it('matches a variant only as a whole word, also when a longer word holding it comes first', () => {
    expect(topics.topicMentions('unCrimean, then Crimea')).toEqual([{ id: 'crimea', start: 16, end: 22 }]);
    expect(topics.topicsIn('Kerchief and Sevastopolis')).toEqual([]);
    expect(topics.partyMentions('Ukrainer Kyiv').map((m) => m.start)).toEqual([9]);
  });

  it('matches a pattern that opens with \\b only where a word starts, as the regex alone would', () => {
    // Prepare: the leading \b is tested in code, so the regex can skip ahead; `|` at the top level keeps it in.
    const withPatterns = (patterns: string[]) =>
      compileTopics({ ...defaultTopicsConfig, topics: [{ id: 'x', label: 'X', variants: ['zzz'], patterns }] });
    const bounded = withPatterns(['\\b(?:neutral|non-aligned) status']);
    const alternation = withPatterns(['\\bneutral|aligned status']);
    // Act / Assess
    expect(bounded.topicMentions('aneutral status, then neutral status')).toEqual([{ id: 'x', start: 22, end: 36 }]);
    expect(bounded.topicsIn('non-aligned status')).toEqual(['x']);
    expect(alternation.topicMentions('nonaligned status')).toEqual([{ id: 'x', start: 3, end: 17 }]);
  });

  it('matches a variant broken over a line in hard-wrapped text', () => {
    expect(topics.topicMentions('the Crimean\npeninsula')).toEqual([{ id: 'crimea', start: 4, end: 21 }]);
  });
});

describe('partyMentions', () => {
  const kinds = (text: string) =>
    topics.partyMentions(text).map((m) => `${m.id}:${m.kind}:${text.slice(m.start, m.end)}`);

  it('names parties on their own, through their members and through their proposals', () => {
    expect(kinds('The Kremlin and the Ukrainians')).toEqual(['Russia:name:The Kremlin', 'Ukraine:name:the Ukrainians']);
    expect(kinds('Top Ukrainian negotiator David Arakhamia')).toEqual(['Ukraine:member:Ukrainian negotiator']);
    expect(kinds("Moscow's deputy defense minister said")).toEqual(["Russia:member:Moscow's deputy defense minister"]);
    expect(kinds('in Ukraine’s proposal')).toEqual(['Ukraine:proposal:Ukraine’s proposal']);
  });

  it('does not take an adjective on a thing or a bare possessive for the party', () => {
    expect(kinds('recognize Crimea as Russian territory')).toEqual([]);
    expect(kinds("guarantor of Ukraine's security")).toEqual([]);
  });

  it("names a party through a plan it owns, by adjective or by a name standing before the plan's noun", () => {
    expect(kinds('The Russian memorandum foresees')).toEqual(['Russia:proposal:Russian memorandum']);
    expect(kinds('Under the Kyiv draft, the question')).toEqual(['Ukraine:proposal:Kyiv draft']);
    expect(kinds('the main points of the Ukrainian peace plan')).toEqual(['Ukraine:proposal:Ukrainian peace plan']);
  });

  it('names a party through an office written before it ("the Ministry of Foreign Affairs of Ukraine")', () => {
    expect(kinds('The Ministry of Foreign Affairs of Ukraine said')).toEqual([
      'Ukraine:member:Ministry of Foreign Affairs of Ukraine',
    ]);
    expect(kinds('the President of the Russian Federation')).toEqual([
      'Russia:member:President of the Russian Federation',
    ]);
    expect(kinds('the territory of Ukraine')).toEqual(['Ukraine:name:Ukraine']);
  });

  it('does not read military positions or a noun that is also a verb as a plan', () => {
    // "Russian positions" are trenches as often as stances; "Russia demands" is a verb.
    expect(kinds('Russian positions near the river were shelled')).toEqual([]);
    expect(kinds('Russia demands that')).toEqual(['Russia:name:Russia']);
  });
});
