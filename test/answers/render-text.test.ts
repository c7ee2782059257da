import { describe, expect, it } from 'vitest';
import type { Answer, FactLine } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { guarantorsAnswer } from '../../lambda/answers/guarantors-answer.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { sourcesAnswer } from '../../lambda/answers/sources-answer.js';
import { printAnswer } from '../../lambda/cli/print-answer.js';
import { fixtureViewReader } from '../fixtures/views/talks-views.js';

describe('renderText', () => {
  it('prints facts with citation numbers, their evidence, and the numbered sources', async () => {
    const text = await printAnswer('who Arahamia', fixtureViewReader());
    expect(text).toContain('  • “we want an international treaty” [1]\n      [1] Arakhamia said: "…".');
    expect(text).toContain(
      '[1] Example Wire: Negotiators meet again in Istanbul · 2022-03-29 · https://news.example.com/negotiators-meet?id=7&lang=en',
    );
    expect(text).toContain('[2] agency-report.txt · 2022-03-29');
  });

  it('shows article text as written: a terminal needs no Slack escaping', async () => {
    const text = await printAnswer('who medinsky', fixtureViewReader());
    expect(text).toContain('“we will reduce activity <@U123> near the capital”');
    expect(text).not.toContain('&lt;');
  });

  it('turns Slack commands into the CLI commands that do the same', async () => {
    const text = await printAnswer('summary', fixtureViewReader());
    expect(text).toContain('… and 1 more: npm run talks -- who');
    expect(text).not.toContain('/talks sources');
  });

  it('leaves out what is only true in Slack', async () => {
    const answer = await answerCommand(parseCommand('help'), fixtureViewReader());
    expect(renderText(answer)).not.toContain('public');
    expect(renderText(answer)).toContain('npm run talks -- crimea');
  });

  it('counts one statement in one article in the singular', async () => {
    const text = await printAnswer('who', fixtureViewReader());
    expect(text).toContain('Volodymyr Zelensky (Ukraine) · 1 statement in 1 article');
    expect(text).toContain('· 2 statements in 2 articles');
  });

  it('says a person who is only mentioned said nothing, and prints the sentences naming them with their sources', async () => {
    const text = await printAnswer('who erdogan', fixtureViewReader());
    expect(text).toContain(
      'Recep Tayyip Erdogan (Turkey) is mentioned in 2 articles; no statement by Erdogan was found in them.',
    );
    expect(text).toContain('Where Recep Tayyip Erdogan is mentioned\n');
    expect(text).toContain(
      '  • Turkish President Recep Tayyip Erdogan hosted the talks <!channel> & <@U123> were told. [1]\n  • Erdogan greeted both delegations. [2]',
    );
    expect(text).toContain('[1] Daily Example: Talks <b>progress</b> & a <!channel> ping · 2022-03-30');
    expect(text).toContain('[2] Example Wire: Negotiators meet again in Istanbul');
  });

  it('says when a topic has no positions', async () => {
    expect(await printAnswer('donbas', fixtureViewReader())).toContain("No party's position on Donbas was found");
  });

  it('quotes a file name with a line break in sources, so that it stays on its line', () => {
    const source = {
      id: '0123456789abcdef',
      title: null,
      outlet: null,
      url: null,
      date: '2026-11-01',
      files: ['two\nlines.txt', 'plain.txt'],
      urls: [],
    };
    const text = renderText(sourcesAnswer({ sources: [source], total: 1 }, 'ephemeral'));

    expect(text).toContain('"two\\nlines.txt"');
    expect(text.split('\n').some((line) => line.startsWith('lines.txt'))).toBe(false);
  });

  it('prints the guarantors resting on the same sentences as one line, and no evidence sentence twice', () => {
    const list = 'Kyiv asked for guarantees from Norway, Portugal, Chile and Japan, its negotiator said on Monday.';
    const alone = 'Japan would be a good guarantor as well, a second adviser told the press later.';
    const cite = (articleId: string, evidence: string) => ({ articleId, evidence });
    const guarantor = (country: string, ...citations: { articleId: string; evidence: string }[]) => ({
      country,
      proposedBy: 'Ukraine',
      citations,
    });
    const source = (id: string) => ({ id, files: [`${id}.txt`], title: null, outlet: null, url: null, date: null });
    const answer = guarantorsAnswer(
      {
        guarantors: [
          guarantor('Japan', cite('a', list), cite('b', list), cite('b', alone)),
          guarantor('Norway', cite('a', list), cite('b', list)),
          guarantor('Portugal', cite('a', list), cite('b', list)),
          guarantor('Chile', cite('b', list), cite('a', list)),
        ],
        sources: [source('a'), source('b')],
      },
      'ephemeral',
    );

    const text = renderText(answer);

    expect(text).toContain('  • Japan [1][2]\n');
    expect(text).toContain('  • Norway, Portugal, Chile [1][2]\n');
    expect(text.split(list)).toHaveLength(2);
    expect(text.split(alone)).toHaveLength(2);
  });

  it('joins guarantor lines on one sentence only when they say the same besides the country: same lead, no flag mark', () => {
    const evidence = 'Kyiv asked for guarantees from Norway, Portugal and Chile, its negotiator said.';
    const line = (country: string, extra: Partial<FactLine> = {}): FactLine => ({
      text: country,
      quoted: false,
      citations: [{ articleId: 'a', evidence }],
      fact: { kind: 'guarantor', country, proposedBy: 'Ukraine' },
      ...extra,
    });
    const answer: Answer = {
      title: 'Guarantors',
      parts: [
        {
          kind: 'facts',
          heading: 'Proposed by Ukraine',
          groups: [
            {
              lines: [
                line('Norway'),
                line('Portugal', { disputedBy: 2 }),
                line('Chile', { lead: 'CHANGED: added to the list' }),
                line('Peru'),
              ],
              total: 4,
            },
          ],
          totalGroups: 1,
          emptyText: '',
        },
      ],
      sources: { a: { id: 'a', files: ['a.txt'], title: null, outlet: null, url: null, date: null } },
      visibility: 'ephemeral',
    };

    const text = renderText(answer);

    expect(text).toContain('  • Norway, Peru [1]\n');
    expect(text).toContain('  • Portugal [1] (disputed: flagged by 2)\n');
    expect(text).toContain('  • CHANGED: added to the list: Chile [1]\n');
  });
});
