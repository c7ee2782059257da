import { beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { summaryAnswer } from '../../lambda/answers/summary-answer.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { DEV_SET_ARTICLES } from '../../scripts/dev-set.js';
import { SEED_DIR } from '../facts/fixture-articles.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/**
 * About two screens of a terminal (two of 80 lines): what a reader takes in before turning to `who`, `guarantors` or
 * a topic. The summary's length is bounded by VIEW_LIMITS.summary whatever the corpus; it nears the bound once every
 * shown guarantor has its two sources.
 */
const TWO_SCREENS = 160;

const freshStore = freshStoresOnEmbeddedDynamo();

describe('the terminal summary of a corpus of some fifty articles', () => {
  let store: TalksStore;
  beforeAll(async () => {
    store = await freshStore();
    await ingestPaths([SEED_DIR, DEV_SET_ARTICLES], store);
  });

  it('fits in about two screens and points to who, guarantors and the topic commands for the rest', async () => {
    const text = renderText(await answerCommand(parseCommand('summary'), store));

    // The dev set grows as rules get their fixtures: some fifty to two hundred articles.
    expect(text).toMatch(/^Summary of (?:[5-9]\d|1\d\d) articles/u);
    expect(text.split('\n').length).toBeLessThanOrEqual(TWO_SCREENS);
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
