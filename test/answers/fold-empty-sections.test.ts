import { describe, expect, it } from 'vitest';
import type { Answer, AnswerPart } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { foldEmptySections } from '../../lambda/answers/fold-empty-sections.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { renderBlocks } from '../../lambda/slack/render-blocks.js';
import { blockTexts } from '../../lambda/slack/slack-limits.js';
import { crimea, fixtureViewReader, summary } from '../fixtures/views/talks-views.js';

const NATO = { id: 'nato', label: 'NATO' };
const PLANT = { id: 'plant', label: 'the plant' };

/** The summary of the fixture views with two more topics on which nothing was found. */
async function summaryWithEmptyTopics(): Promise<Answer> {
  const views = fixtureViewReader({
    getSummary: async () => ({ ...summary, topics: [...summary.topics, NATO, PLANT] }),
  });
  return answerCommand(parseCommand('summary'), views);
}

function slackText(answer: Answer): string {
  return renderBlocks(answer).blocks.flatMap(blockTexts).join('\n');
}

describe('foldEmptySections', () => {
  it('folds the topics with no position (Donbas in the fixtures) into one line, where their sections were', async () => {
    const answer = await summaryWithEmptyTopics();

    const folded = foldEmptySections(answer);

    const headings = folded.parts.flatMap((p) => ('heading' in p ? [p.heading] : []));
    expect(headings).not.toContain('Positions on NATO');
    expect(headings).not.toContain('Positions on the plant');
    const line: AnswerPart = { kind: 'text', spans: ['No positions found on: Donbas, NATO, the plant.'] };
    const sourcesLine = folded.parts.findIndex((p) => p.kind === 'text' && JSON.stringify(p).includes('Every source'));
    expect(folded.parts[sourcesLine - 1]).toEqual(line);
  });

  it('says the same in the terminal and in Slack', async () => {
    const answer = await summaryWithEmptyTopics();
    for (const text of [renderText(answer), slackText(answer)]) {
      expect(text).toContain('No positions found on: Donbas, NATO, the plant.');
      expect(text).not.toContain('Positions on NATO');
      expect(text).toContain('Positions on Crimea');
    }
  });

  it('turns a topic with no statement into its one line, with no heading', async () => {
    const views = fixtureViewReader({ getTopic: async () => ({ ...crimea, statements: [], totalStatements: 0 }) });
    const answer = await answerCommand(parseCommand('crimea'), views);
    for (const text of [renderText(answer), slackText(answer)]) {
      expect(text).toContain(`No statement about ${crimea.label} was found.`);
      expect(text).not.toContain(`What was said about ${crimea.label}`);
    }
  });

  it('leaves an answer with no empty section as it is', async () => {
    const answer = await answerCommand(parseCommand('crimea'), fixtureViewReader());
    expect(foldEmptySections(answer)).toBe(answer);
  });
});
