import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { summaryAnswer } from '../../lambda/answers/summary-answer.js';
import { DETAIL_LEVEL_COUNT, renderAtDetail, renderBlocks } from '../../lambda/slack/render-blocks.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import type { ViewReader } from '../../lambda/store/ports.js';
import { largeViewReader } from '../fixtures/views/large-views.js';
import { agency, daily, directory, fixtureViewReader, summary, wire } from '../fixtures/views/talks-views.js';

async function render(text: string, views: ViewReader = fixtureViewReader()): Promise<SlackMessage> {
  return renderBlocks(await answerCommand(parseCommand(text), views));
}

function allText(message: SlackMessage): string {
  return message.blocks.flatMap(blockTexts).join('\n');
}

const COMMANDS = [
  'summary',
  'who Medinsky',
  'who',
  'who nobody',
  'who Erdogan',
  'guarantors',
  'crimea',
  'topic donbas',
  'sources',
  'help',
  'sumary',
];

describe('renderBlocks', () => {
  it('cites each fact with numbered footnotes linking the article', async () => {
    const text = allText(await render('who Medinsky'));
    expect(text).toContain(
      '“the talks were constructive” <https://news.example.com/negotiators-meet?id=7&amp;lang=en|[1]>[2]',
    );
    expect(text).toContain('<https://news.example.com/negotiators-meet?id=7&amp;lang=en|[1] Example Wire>');
  });

  it('names outlet and title in a footnote when the article has no URL', async () => {
    const text = allText(await render('who Medinsky'));
    expect(text).toContain(`[2] *${daily.outlet}* · _Talks &lt;b&gt;progress&lt;/b&gt; &amp; a &lt;!channel&gt; ping_`);
    expect(text).toContain(`[3] *${agency.files[0]}*`);
  });

  it('shows the evidence sentence under the facts it supports, eliding the words shown above it', async () => {
    const message = await render('who Arahamia');
    const evidence = message.blocks.find((b) => b.type === 'context');
    expect(evidence && blockTexts(evidence)).toEqual(['↳ [1] Arakhamia said: "…".\n↳ [2] Arahamia said ….']);
  });

  it('answers a person who is only mentioned with the sentences naming them, article markup escaped', async () => {
    const message = await render('who Erdogan');
    const text = allText(message);
    expect(text).toContain(
      '*Recep Tayyip Erdogan* (Turkey) is mentioned in 2 articles; no statement by Erdogan was found in them.',
    );
    expect(text).toContain(
      '• Turkish President Recep Tayyip Erdogan hosted the talks &lt;!channel&gt; &amp; &lt;@U123&gt; were told. [1]',
    );
    expect(text).toContain(
      '• Erdogan greeted both delegations. <https://news.example.com/negotiators-meet?id=7&amp;lang=en|[2]>',
    );
    expect(text).not.toMatch(/<!channel>|<@U123>/);
    expect(slackLimitViolations(message)).toEqual([]);
  });

  it('keeps a short fact (a country) in its sentence', async () => {
    expect(allText(await render('guarantors'))).toContain('↳ [1] Ukraine proposed Turkey and Poland as guarantors.');
  });

  it('gives every fact line its citation numbers', async () => {
    for (const command of ['summary', 'who Medinsky', 'guarantors', 'crimea']) {
      const lines = allText(await render(command))
        .split('\n')
        .filter((l) => l.startsWith('• '));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/\[\d+\]>?$/);
    }
  });

  it('posts to the channel only when asked, with a fallback text', async () => {
    expect(await render('summary')).toMatchObject({ response_type: 'ephemeral', text: 'Summary of 3 articles' });
    expect((await render('summary public')).response_type).toBe('in_channel');
  });

  it('marks verbatim every mrkdwn text, so Slack does not auto-link or parse mentions in article text', async () => {
    for (const command of COMMANDS) {
      const message = await render(command);
      const mrkdwn = JSON.stringify(message.blocks).match(/"type":"mrkdwn"/g) ?? [];
      const verbatim =
        JSON.stringify(message.blocks).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*","verbatim":true/g) ?? [];
      expect(verbatim.length).toBe(mrkdwn.length);
    }
  });

  it.each(COMMANDS)(
    'keeps "%s" within Slack limits on oversized views, cutting with "… and N more"',
    async (command) => {
      const message = await render(command, largeViewReader());
      expect(slackLimitViolations(message)).toEqual([]);
      expect(message.blocks.length).toBeGreaterThan(1);
    },
  );

  it('cuts a long summary per speaker with the command that shows the rest', async () => {
    const text = allText(await render('summary', largeViewReader()));
    expect(text).toMatch(/… and \d+ more: `\/talks who Firstname0 Lastname0`/);
    expect(text).toMatch(/… and \d+ more: `\/talks who`/);
    // Every section of the summary survives the cut.
    expect(text).toContain('*Proposed security guarantors*');
    expect(text).toContain('*Positions on Topic 11 &amp; &lt;more&gt;*');
  });

  it("cuts a group without a command of its own with its part's command, as the terminal does", () => {
    const line = {
      text: 'Turkey',
      quoted: false,
      citations: [{ articleId: 'a1', evidence: 'Turkey could guarantee it.' }],
    };
    const answer: Answer = {
      title: 'Summary',
      visibility: 'ephemeral',
      sources: {},
      parts: [
        {
          kind: 'facts',
          heading: 'Proposed security guarantors',
          groups: [{ title: 'Proposed by Ukraine', lines: [line], total: 3 }],
          totalGroups: 1,
          moreCommand: '/talks guarantors',
          emptyText: 'No country was named as a guarantor.',
        },
      ],
    };
    expect(allText(renderBlocks(answer))).toContain('… and 2 more: `/talks guarantors`');
  });

  it('renders the fullest level of detail that fits, as trying every level in turn would', async () => {
    const large = await answerCommand(parseCommand('summary'), largeViewReader());
    const firstThatFits = (answer: Answer) =>
      Array.from({ length: DETAIL_LEVEL_COUNT }, (_, level) => renderAtDetail(answer, level)).find(
        (message) => slackLimitViolations(message).length === 0,
      );
    // From a summary that fits whole to one that fits only at the last levels, and one that fits at none.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 400 }), (groups, textChars) => {
        const answer: Answer = {
          ...large,
          parts: large.parts.slice(0, 4).map((part) =>
            part.kind === 'facts'
              ? {
                  ...part,
                  groups: part.groups.slice(0, groups).map((g) => ({
                    ...g,
                    lines: g.lines.slice(0, 8).map((l) => ({ ...l, text: l.text.repeat(8).slice(0, textChars) })),
                  })),
                }
              : part,
          ),
        };
        const expected = firstThatFits(answer);
        const rendered = renderBlocks(answer);
        if (expected) expect(rendered).toEqual(expected);
        else expect(allText(rendered)).toContain('This answer is too long for a Slack message');
      }),
      { numRuns: 30 },
    );
  });

  it('still fits when one text alone is longer than a section allows', () => {
    const huge = '&'.repeat(20_000);
    const answer = summaryAnswer(
      {
        ...summary,
        speakers: summary.speakers.map((s) => ({
          ...s,
          name: huge,
          statements: s.statements.map((t) => ({ ...t, text: huge })),
        })),
      },
      'ephemeral',
    );
    expect(slackLimitViolations(renderBlocks(answer))).toEqual([]);
  });

  it('renders a long title within the header limit', () => {
    const answer: Answer = { title: 'x'.repeat(500), parts: [], sources: {}, visibility: 'ephemeral' };
    expect(slackLimitViolations(renderBlocks(answer))).toEqual([]);
  });
});

/** Slack's control sequences and characters escaping must defuse, mixed into ordinary words. */
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<@U123>',
        '<#C123>',
        '<!subteam^S1>',
        '<https://x|click>',
        '&',
        '<',
        '>',
        '&amp;',
        '&lt;',
        '*',
        '_',
        '`',
        '|',
        '@channel',
      ),
      fc.string({ maxLength: 12 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(' ').trim())
  .filter((s) => s.length > 0);

/** The texts Slack reads as mrkdwn (headers are plain_text, which Slack shows literally). */
function mrkdwnTexts(message: SlackMessage): string {
  return [...JSON.stringify(message.blocks).matchAll(/"type":"mrkdwn","text":("(?:[^"\\]|\\.)*")/g)]
    .map((m) => JSON.parse(m[1] ?? '""') as string)
    .join('\n');
}

/** Removes the links the renderer writes itself (to the fixture's article URLs); what remains is article text. */
function withoutOwnLinks(text: string): string {
  return text.replace(/<https:\/\/news\.example\.com\/negotiators-meet\?id=7&amp;lang=en\|[^<>]*>/g, '');
}

describe('renderBlocks escaping', () => {
  it('renders Slack markup inside article text as harmless text', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (quote, evidence, outlet) => {
        const views = fixtureViewReader({
          getSummary: async () => ({
            ...summary,
            sources: summary.sources.map((s) => ({ ...s, outlet, title: outlet })),
            speakers: summary.speakers.map((s) => ({
              ...s,
              name: outlet,
              statements: s.statements.map((t) => ({
                ...t,
                text: quote,
                citations: t.citations.map((c) => ({ ...c, evidence })),
              })),
            })),
          }),
          listSources: async () => ({
            total: 1,
            sources: [{ ...wire, outlet, title: quote, files: [evidence], urls: [] }],
          }),
          getSpeakerDirectory: async () => ({
            speakers: directory.speakers.map((s) => ({ ...s, name: outlet, aliases: [quote], affiliation: evidence })),
          }),
        });
        // The summary carries quotes, evidence, names and outlets; the lists carry names, titles and file names.
        for (const command of ['summary public', 'sources', 'who', `who ${quote}`]) {
          const message = await render(command, views);
          // Some mrkdwn is rendered (an unknown name's empty list of closest speakers has no heading, so no bold).
          expect(mrkdwnTexts(message)).not.toBe('');
          const text = withoutOwnLinks([message.text, mrkdwnTexts(message)].join('\n'));
          expect(message.blocks.filter((b) => b.type === 'header').every((b) => b.text.type === 'plain_text')).toBe(
            true,
          );
          expect(text).not.toMatch(/[<>]/);
          // Every & starts an entity the escaping wrote, so Slack shows the text as typed.
          expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
          expect(slackLimitViolations(message)).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('shows *bold*, _italic_, ~struck~ and `code` in quotes and titles as written, keeping its own italics whole', async () => {
    const quote = 'we will *never* sign _this_ ~draft~ or `that`';
    const title = 'Talks * resume';
    const views = fixtureViewReader({
      getSummary: async () => ({
        ...summary,
        sources: summary.sources.map((s) => ({ ...s, title, url: 'https://news.example/a_b~c' })),
        speakers: summary.speakers.map((s) => ({
          ...s,
          statements: s.statements.map((t) => ({ ...t, text: quote })),
        })),
      }),
    });

    const text = allText(await render('summary', views));

    // Every mark of the article's text has a zero-width space on both sides: it can neither open nor close a span.
    expect(text).toContain(quote.replace(/[*_~`]/gu, '\u200b$&\u200b'));
    expect(text).toContain(`_Talks \u200b*\u200b resume_`);
    expect(text).toContain('<https://news.example/a_b~c|');
  });

  it('links only http(s) URLs', async () => {
    const views = fixtureViewReader({
      listSources: async () => ({ total: 1, sources: [{ ...wire, url: 'javascript:alert(1)', urls: [] }] }),
    });
    expect(allText(await render('sources', views))).not.toContain('javascript:');
  });
});
