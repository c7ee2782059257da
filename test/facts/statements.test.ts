import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { readArticlePaths } from '../../lambda/articles/read-inputs.js';
import { personKey } from '../../lambda/facts/speaker-key.js';
import { extractStatements } from '../../lambda/facts/statements.js';
import { articleOf } from './article-of.js';
import { fixtureDir } from './fixture-articles.js';

interface ExpectedStatement {
  speaker: string;
  affiliation: string | null;
  kind: 'direct' | 'reported';
  text: string;
}

const FIXTURES = [
  'statements-new-speakers',
  'statements-roles-pronouns',
  'statements-quotes',
  'statements-reported',
  'statements-generic',
  'statements-headline',
  'statements-wire-style',
];

/** Reads a fixture's article through the real readers (sources.json beside it) and its expected statements. */
async function loadFixture(name: string): Promise<{ article: Article; expected: ExpectedStatement[] }> {
  const dir = fixtureDir(name);
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`no article in ${dir}`);
  const { articles, rejected } = await readArticlePaths([join(dir, file)]);
  const [article] = articles;
  if (!article || rejected.length) throw new Error(`fixture ${name} rejected: ${JSON.stringify(rejected)}`);
  return { article, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) };
}

const view = (s: { speaker: string; affiliation: string | null; kind: string; text: string }) => ({
  speaker: s.speaker,
  affiliation: s.affiliation,
  kind: s.kind,
  text: s.text,
});

describe('extractStatements on purpose-written articles', () => {
  it.each(FIXTURES)('finds exactly the expected statements in %s', async (name) => {
    const { article, expected } = await loadFixture(name);

    const { statements } = extractStatements(article);

    expect(statements.map(view)).toEqual(expected);
  });

  it('lists each speaker once, with the fullest name and the other forms as aliases', async () => {
    const { article } = await loadFixture('statements-new-speakers');

    const { people } = extractStatements(article);

    const turkish = people.find((p) => p.key === personKey('Mevlut Cavusoglu'));
    expect(turkish).toMatchObject({ name: 'Mevlüt Çavuşoğlu', affiliation: 'Turkey' });
    expect(turkish?.aliases).toContain('Cavusoglu');
    expect(new Set(people.map((p) => p.key)).size).toBe(people.length);
  });

  it('cites the sentence (or the sentences of a multi-sentence quote) around each statement', async () => {
    const { article } = await loadFixture('statements-quotes');

    const { statements } = extractStatements(article);

    const twoSentences = statements.find((s) => s.text.startsWith('Our army'));
    expect(twoSentences?.citations).toEqual([
      {
        articleId: article.id,
        evidence:
          'Ukrainian Defense Minister Oleksii Reznikov said: "Our army will hold the line. We have what we need."',
      },
    ]);
  });
});

describe('extractStatements on single sentences', () => {
  it('resolves "Arahamia" to David Arakhamia named earlier in the article', () => {
    const body =
      'Top Ukrainian negotiator David Arakhamia spoke first.\n\n"We see progress," Arahamia said after the meeting.';

    const { statements, people } = extractStatements(articleOf(body));

    expect(statements.map(view)).toEqual([
      { speaker: 'David Arakhamia', affiliation: 'Ukraine', kind: 'direct', text: 'We see progress,' },
    ]);
    expect(people[0]?.aliases).toEqual(['Arahamia']);
  });

  it('gives the same id to the same words of the same speaker, whatever the quote marks and line breaks', () => {
    const curly = extractStatements(articleOf('“The talks were useful,” Dmitry Peskov said.')).statements[0];
    const straight = extractStatements(articleOf('"The talks were\nuseful," Dmitry Peskov said.', 'fedcba9876543210'))
      .statements[0];

    expect(curly?.id).toBeDefined();
    expect(curly?.id).toBe(straight?.id);
  });

  it('does not take a verb of saying inside a quote for an attribution', () => {
    const body = '"They said we would fail, and they told everyone," Lena Ortiz said.';

    const { statements } = extractStatements(articleOf(body));

    expect(statements.map((s) => [s.speaker, s.kind])).toEqual([['Lena Ortiz', 'direct']]);
  });

  it('reads content after a circumstance: "said on Facebook: …", "said in a statement that …"', () => {
    const body =
      'Arakhamia said on Facebook: "We are not giving up anything."\n\nKuleba said in a statement that the talks would go on.';

    const { statements } = extractStatements(articleOf(body));

    expect(statements.map((s) => [s.speaker, s.kind, s.text])).toEqual([
      ['Arakhamia', 'direct', 'We are not giving up anything.'],
      ['Kuleba', 'reported', 'the talks would go on'],
    ]);
  });

  it('reads a clause after a circumstance with no "that": "told reporters in Kyiv after the meeting Russia …"', () => {
    const body = 'Kuleba told reporters in Kyiv after the meeting Russia could not be trusted.';

    const { statements } = extractStatements(articleOf(body));

    expect(statements.map((s) => [s.speaker, s.text])).toEqual([['Kuleba', 'Russia could not be trusted']]);
  });

  it('resolves "she" past a man named more recently', () => {
    const body =
      'Foreign Minister Anna Berg said the talks were over. Her deputy, Mr. Lars Holm, stayed behind.\n\n"We leave with nothing," she said.';

    const { statements } = extractStatements(articleOf(body));

    expect(statements.map((s) => [s.speaker, s.kind])).toEqual([
      ['Anna Berg', 'reported'],
      ['Anna Berg', 'direct'],
    ]);
  });

  it('finds nothing in a text without speakers', () => {
    expect(extractStatements(articleOf('Fighting continued near the capital on Tuesday.')).statements).toEqual([]);
  });
});

/** Sentences in the shapes the extractor handles, combined at random into article bodies. */
const sentenceShapes = fc.constantFrom(
  '"We will win," Ivan Petrenko said.',
  '“Nothing is agreed.” Maria Lopez told reporters.',
  'Maria Lopez said that “the talks are over.”',
  '«Peace is close», said Foreign Minister Jan Novak.',
  'He added that more talks were planned, adding that Kyiv agreed.',
  'According to Petrenko, the talks resume on Friday.',
  'The army is ready, an official said.',
  'She said: "We are ready.\n\n"And we will stay ready."',
  "Moscow's chief negotiator said the deal was near.",
  'The meeting in Istanbul ended.',
  'Petrenko described the talks as "useful" and said Kyiv would reply.',
  'Mr. Petrenko met Dr. Lopez on Feb. 24... and left.',
  '"Unclosed quote runs on',
);

describe('grounding', () => {
  it('returns statement texts and evidence that are verbatim substrings of the body', () => {
    fc.assert(
      fc.property(
        fc.array(sentenceShapes, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(' ', '\n', '\n\n'),
        (sentences, separator) => {
          const body = sentences.join(separator);

          const { statements } = extractStatements(articleOf(body));

          for (const s of statements) {
            expect(body).toContain(s.text);
            for (const c of s.citations) {
              expect(body).toContain(c.evidence);
              expect(c.evidence).toContain(s.text);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
