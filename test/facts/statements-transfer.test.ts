import { describe, expect, it } from 'vitest';
import { extractArticleFacts, extractCorpusFacts } from '../../lambda/facts/extract.js';
import { articleOf } from './article-of.js';
import { itSays } from './said.js';

/*
 * Whose country and whose words, when a sentence names two office holders of two countries, nests one attribution in
 * another, points to a counterpart or names an office the corpus knows the holder of, and the vocabulary classes of
 * saying (naming verbs, "said of"): one row a construction, in our own invented words with invented people (the
 * countries are real ones, as a title gives its country only through a country's name).
 */

const peopleOf = (body: string) =>
  extractArticleFacts(articleOf(body)).people.map((p) => [p.name, p.affiliation] as const);

describe('the country "of <country>" gives, attached to the right title holder', () => {
  it.each([
    [
      'a title, a name and "of <country>", twice in one sentence',
      'Premier Ivo Holm of Norway met President Anton Vell of Austria in Zenda. Holm said the talks were useful. ' +
        'Vell said the border would stay shut.',
    ],
    [
      'a leading appositive of each name, the second after the verb',
      'The Premier of Norway, Ivo Holm, met the President of Austria, Anton Vell, in Zenda. Holm said the talks were ' +
        'useful. Vell said the border would stay shut.',
    ],
  ])('%s', (_title, body) => {
    expect(peopleOf(body)).toEqual([
      ['Ivo Holm', 'Norway'],
      ['Anton Vell', 'Austria'],
    ]);
  });

  it('gives each titled name of a list of people its own title, not the one of the person before its comma', () => {
    const body =
      'From Zenda, the call included Norwegian Premier Ivo Holm, Austrian Chancellor Anton Vell, and Chilean ' +
      'President Ana Lind. Chancellor Vell said the talks were useful. Holm said the border would stay shut.';
    expect(peopleOf(body)).toEqual([
      ['Anton Vell', 'Austria'],
      ['Ivo Holm', 'Norway'],
    ]);
  });

  itSays([
    [
      'gives the words to the name before "of <country>", not to the country',
      'Premier Ivo Holm of Norway said the talks with the other delegation were useful.',
      [['Ivo Holm', 'reported', 'the talks with the other delegation were useful']],
    ],
    [
      'reads no apposition into a phrase a preposition governs ("According to the leader, Vell …")',
      'Ivo Holm said on Monday that Anton Vell had called him. According to the Norwegian premier, Vell asked ' +
        'about the ferry timetable.',
      [
        ['Ivo Holm', 'reported', 'Anton Vell had called him'],
        ['Ivo Holm', 'reported', 'Vell asked about the ferry timetable'],
      ],
    ],
  ]);
});

describe('an "as X has said" aside inside another attribution', () => {
  itSays([
    [
      'gives the words to the main speaker only, and nothing broken to the aside',
      'Ivo Holm and Anton Vell met in Zenda. The border would stay shut, as Holm has said, Vell said.',
      [['Anton Vell', 'reported', 'The border would stay shut, as Holm has said']],
    ],
    [
      'gives the words before the aside, without its "as", to the aside speaker when no other verb claims them',
      'Ivo Holm and Anton Vell met in Zenda. The border would stay shut, as Holm has said.',
      [['Ivo Holm', 'reported', 'The border would stay shut']],
    ],
  ]);
});

describe('"his <country> counterpart" as a speaker', () => {
  const MEETING =
    'Austrian Defence Minister Karl Brandt, Norwegian Foreign Minister Ivo Holm and Austrian Foreign Minister Mira ' +
    'Vell met in Zenda on Monday.\n\n';

  itSays([
    [
      'is the person of that country the article names in the possessor’s office',
      `${MEETING}Holm said the talks had been useful. His Austrian counterpart said the border would stay shut.`,
      [
        ['Ivo Holm', 'reported', 'the talks had been useful'],
        ['Mira Vell', 'reported', 'the border would stay shut'],
      ],
    ],
    [
      'is nobody when the article names no one of that country in an office',
      'Norwegian Foreign Minister Ivo Holm toured Zenda. Holm said the talks had been useful. His Austrian ' +
        'counterpart said the border would stay shut.',
      [['Ivo Holm', 'reported', 'the talks had been useful']],
    ],
  ]);

  it('is the one the other reports say holds the office there, when the article names them without it', () => {
    const holds = 'Austrian Foreign Minister Mira Vell flew to Zenda. Vell said the ferries would run.';
    const counterpart =
      'Norwegian Foreign Minister Ivo Holm and Mira Vell met in Zenda.\n\nHolm said the talks had been useful. His ' +
      'Austrian counterpart said the border would stay shut.';
    const statements = extractCorpusFacts([articleOf(holds, 'a0'), articleOf(counterpart, 'a1')]).statements;
    expect(statements.map((s) => [s.speaker, s.text])).toContainEqual(['Mira Vell', 'the border would stay shut']);
  });
});

describe("a person's country in one report", () => {
  it('gives a person in one article the country most of its descriptions give, not the first one', () => {
    const body =
      'Ivo Holm, the Austrian envoy, arrived in Zenda. Norwegian Premier Ivo Holm said the talks were useful. ' +
      'Holm, the premier of Norway, said the ferries would run.';
    expect(peopleOf(body)).toEqual([['Ivo Holm', 'Norway']]);
  });
});

describe('naming verbs as a class: a participle that names its object after any main clause', () => {
  itSays([
    [
      'gives "…, calling X \\"Y\\"" after a clause that is no statement to the clause\'s subject',
      'Ivo Holm met Mira Vell in Zenda.\n\nVell refused to give up any land, calling the offer "a sham."',
      [['Mira Vell', 'reported', 'calling the offer "a sham."']],
    ],
    [
      'reads the subject past a label before it',
      'Ivo Holm met Mira Vell in Zenda.\n\n- Flat refusal: Vell would not cede the valley, branding the plan "dead."',
      [['Mira Vell', 'reported', 'branding the plan "dead."']],
    ],
    [
      'gives a naming participle after a statement to its speaker as a second statement',
      'Ivo Holm met Mira Vell in Zenda.\n\nHolm said the ferries must stop, describing the other side as a ' +
        '"hostile regime."',
      [
        ['Ivo Holm', 'reported', 'the ferries must stop'],
        ['Ivo Holm', 'reported', 'describing the other side as a "hostile regime."'],
      ],
    ],
    [
      "reports nothing from a participle whose name is the writer's own summary, or that names nothing",
      'Ivo Holm met Mira Vell in Zenda.\n\nVell accepted the offer, calling it a useful step. Holm left early, ' +
        'calling the visit a waste of time. Holm toured the harbour, describing the quays.',
      [],
    ],
  ]);
});

describe('a lone surname the corpus knows, on the second reading', () => {
  it('is a person in subject place, so that "he said" after it is that person, not the last speaker', () => {
    const intro =
      'Austrian President Ivo Holm and German Chancellor Karl Brandt met in Zenda. Holm said the ferries would run.';
    const short =
      '"We will wait for the vote," Brandt added.\n\nHolm also, for the first time, hinted that a deal could be near. ' +
      '"The ferries must run before anything else," he said.';
    const statements = extractCorpusFacts([articleOf(intro, 'a0'), articleOf(short, 'a1')]).statements;
    const ferries = statements.find((s) => s.text.startsWith('The ferries must run'));
    // Keyed as the person the other report names in full (the bare surname settled to them).
    expect(ferries?.speakerKey).toBe(statements.find((s) => s.speaker === 'Ivo Holm')?.speakerKey);
  });
});

describe('an office named without its country', () => {
  it('is the one person the report names whom the other reports give that office', () => {
    const intro = 'British Prime Minister Ivo Holm flew to Zenda. Holm said the talks had been useful.';
    const call =
      'Sir Ivo Holm and French President Karl Brandt joined the call on Monday. Speaking during the call, the Prime ' +
      'Minister said: "The ferries will run all winter."';
    const statements = extractCorpusFacts([articleOf(intro, 'a0'), articleOf(call, 'a1')]).statements;
    const winter = statements.find((s) => s.text.includes('all winter'));
    expect(winter?.speakerKey).toBe(statements.find((s) => s.text === 'the talks had been useful')?.speakerKey);
  });
});

describe('"said of <topic>": what the words were about, not the words', () => {
  itSays([
    [
      'gives the quote before "he said of …" to the speaker, and nothing to the topic',
      'Ivo Holm met the envoys in Zenda. "We hope they will say yes. The ball is in their court," he said of the ' +
        'other side.',
      [['Ivo Holm', 'direct', 'We hope they will say yes. The ball is in their court,']],
    ],
    [
      'reads the words after the "that" past the topic and a relative clause on it',
      'Ivo Holm said of the talks, which ran late into the night, that they were "the best so far".',
      [['Ivo Holm', 'reported', 'they were "the best so far"']],
    ],
  ]);
});

describe('"went on" as a verb that closes a quote', () => {
  itSays([
    [
      'gives the quote it closes, and the rest of the quote, to the speaker',
      'Ivo Holm met the envoys in Zenda.\n\n"We will wait," Holm said.\n\n"The ferries must run first," he went on. ' +
        '"Nothing else matters."',
      [
        ['Ivo Holm', 'direct', 'We will wait,'],
        ['Ivo Holm', 'direct', 'The ferries must run first,'],
        ['Ivo Holm', 'direct', 'Nothing else matters.'],
      ],
    ],
    [
      'reads nothing into "go on" that closes no quote',
      'Ivo Holm said the talks would go on. The ferries went on running through the night.',
      [['Ivo Holm', 'reported', 'the talks would go on']],
    ],
  ]);
});

describe('two speakers after their words: "…," X and Y said in a joint statement', () => {
  itSays([
    [
      'gives the quote to both, the second with a role before the name, and the quote after it to both too',
      'Ivo Holm met the envoys in Zenda. "The ferries will run all winter," Holm and Austrian envoy Anton Vell said ' +
        'in a joint statement. "Both ports stay open."',
      [
        ['Ivo Holm', 'direct', 'The ferries will run all winter,'],
        ['Anton Vell', 'direct', 'The ferries will run all winter,'],
        ['Anton Vell', 'direct', 'Both ports stay open.'],
        ['Ivo Holm', 'direct', 'Both ports stay open.'],
      ],
    ],
    [
      'gives a reported clause before the pair to both',
      'The ferries will run all winter, Ivo Holm and Anton Vell said on Monday.',
      [
        ['Ivo Holm', 'reported', 'The ferries will run all winter'],
        ['Anton Vell', 'reported', 'The ferries will run all winter'],
      ],
    ],
    [
      'gives nothing to the last two names of a list before the verb',
      'The ferries will run, Karl Brandt, Ivo Holm and Anton Vell said on Monday.',
      [],
    ],
    [
      'gives nothing to a name joined by "and" inside the words before the speaker',
      '"We met Ivo Holm and the envoys," Anton Vell said.',
      [['Anton Vell', 'direct', 'We met Ivo Holm and the envoys,']],
    ],
  ]);
});
