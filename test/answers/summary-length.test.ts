import { beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { SUMMARY_LINE_BUDGET, summaryAnswer } from '../../lambda/answers/summary-answer.js';
import { defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import { renderBlocks } from '../../lambda/slack/render-blocks.js';
import { slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { DEV_SET_ARTICLES } from '../../scripts/dev-set.js';
import { SEED_DIR } from '../facts/fixture-articles.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';
import { fullSummary } from './full-summary.js';

const freshStore = freshStoresOnEmbeddedDynamo();

describe('the summary filled to every limit it has', () => {
  const view = fullSummary();
  const answer = summaryAnswer(view, 'ephemeral');
  const text = renderText(answer);
  const lines = text.split('\n');

  it('keeps the terminal text within its line budget, about two screens', () => {
    // Whole, the same facts take some 380 lines: five sources a fact, each with its sentence.
    expect(renderText({ ...answer, lineBudget: undefined }).split('\n').length).toBeGreaterThan(SUMMARY_LINE_BUDGET);
    expect(lines.length).toBeLessThanOrEqual(SUMMARY_LINE_BUDGET);
  });

  it('still shows every speaker it holds and every configured topic, and counts what it cut', () => {
    for (const speaker of view.speakers) expect(text).toContain(`${speaker.name} — `);
    for (const topic of view.topics) expect(text).toContain(`Positions on ${topic.label}`);
    expect(text).toContain('[1] and 4 more sources');
    expect(text).toMatch(/… and \d+ more: npm run talks -- guarantors/u);
    for (const topic of defaultTopicsConfig.topics)
      expect(text).toContain(`… and 1 more: npm run talks -- ${topic.id}`);
  });

  it('gives every fact it shows at least one source, listed with its link', () => {
    const facts = lines.filter((l) => l.startsWith('  • '));
    expect(facts.length).toBeGreaterThan(0);
    const sources = new Map(
      lines.flatMap((l) => {
        const m = /^\[(\d+)\] .* · (https:\/\/\S+)$/u.exec(l);
        return m ? [[m[1], m[2]] as const] : [];
      }),
    );
    for (const fact of facts) {
      const marks = [...fact.matchAll(/\[(\d+)\]/gu)].map((m) => m[1]);
      expect(marks.length, fact).toBeGreaterThan(0);
      for (const mark of marks) expect(sources.get(mark), fact).toMatch(/^https:/u);
    }
  });

  it("fits Slack's limits as it is: the blocks cut to those themselves, with the same counts", () => {
    expect(slackLimitViolations(renderBlocks(answer))).toEqual([]);
  });
});

describe('the summary filled to every limit, with more topics configured', () => {
  const topicsOf = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `topic${i + 1}`, label: `Topic ${i + 1}` }));

  it('keeps to the line budget with a few more topics, and says nothing of it', () => {
    const text = renderText(summaryAnswer(fullSummary(topicsOf(6)), 'ephemeral'));
    expect(text.split('\n').length).toBeLessThanOrEqual(SUMMARY_LINE_BUDGET);
    expect(text).not.toMatch(/more than the \d+ this answer keeps to/u);
  });

  it('says that it passes the budget when even the least detail cannot keep every topic within it', () => {
    // Each topic adds its heading and a stance of every party: eight topics pass 160 lines at the least detail.
    const topics = topicsOf(8);
    const text = renderText(summaryAnswer(fullSummary(topics), 'ephemeral'));
    const lines = text.split('\n');
    for (const topic of topics) expect(text).toContain(`Positions on ${topic.label}`);
    expect(lines.length).toBeGreaterThan(SUMMARY_LINE_BUDGET);
    expect(lines.at(-1)).toBe(
      `(${lines.length - 2} lines, more than the ${SUMMARY_LINE_BUDGET} this answer keeps to: one source a fact and one fact a group, and still every part)`,
    );
  });
});

describe('the terminal summary of a corpus of some fifty articles', () => {
  let store: TalksStore;
  beforeAll(async () => {
    store = await freshStore();
    await ingestPaths([SEED_DIR, DEV_SET_ARTICLES], store);
  });

  it('points to who, guarantors and the topic commands for the rest', async () => {
    const text = renderText(await answerCommand(parseCommand('summary'), store));

    // The dev set grows as rules get their fixtures: some fifty to two hundred articles.
    expect(text).toMatch(/^Summary of (?:[5-9]\d|1\d\d) articles/u);
    for (const command of ['who', 'guarantors', 'crimea', 'donbas']) {
      expect(text).toContain(`npm run talks -- ${command}`);
    }
  });

  it('reads an item that holds the speakers and statements it shows, no more, and one stance a party beyond', async () => {
    const summary = await store.getSummary();
    if (!summary) throw new Error('no summary item');
    const answer = summaryAnswer(summary, 'ephemeral');
    const shown = (heading: RegExp) =>
      answer.parts.flatMap((p) => (p.kind === 'facts' && heading.test(p.heading) ? p.groups : []));

    expect(summary.totalSpeakers).toBeGreaterThan(summary.speakers.length);
    expect(shown(/^Who said what$/).map((g) => [g.title, g.lines.length])).toEqual(
      summary.speakers.map((s) => [s.name, s.statements.length]),
    );
    expect(Math.max(...summary.speakers.map((s) => s.statements.length))).toBe(2);
    // A party with more stances on a topic than are shown says so, with the topic's command.
    const stances = shown(/^Positions on /);
    const cut = stances.filter((g) => g.total > g.lines.length);
    expect(cut.length).toBeGreaterThan(0);
    for (const group of cut) expect(group.moreCommand).toMatch(/^\/talks /);
  });
});
