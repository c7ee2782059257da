import { describe, expect, it } from 'vitest';
import { renderText } from '../../lambda/answers/render-text.js';
import { renderBlocks } from '../../lambda/slack/render-blocks.js';
import { slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import { timelineAnswer } from '../../lambda/timeline/timeline-answer.js';
import type { TimelineEntry, TimelineView } from '../../lambda/views/timeline-records.js';

/** A long timeline as ingest bounds it: 20 oldest and 20 newest of each party's 300 positions, each a day apart. */
function longTimeline(): TimelineView {
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const entries: TimelineEntry[] = ['Russia', 'Ukraine'].flatMap((party) =>
    [...Array.from({ length: 20 }, (_, i) => i), ...Array.from({ length: 20 }, (_, i) => 280 + i)].map((n) => ({
      id: `${party}-${n}`,
      party,
      text: `${party} ${n % 2 ? 'offered' : 'refused'} to discuss point ${n} ${'of the long draft '.repeat(12)}`,
      kind: n % 2 ? 'offer' : 'refusal',
      saidOn: null,
      firstReported: day(n),
      lastReported: day(n),
      articleCount: 1,
      citation: { articleId: `a${n}`, evidence: `Evidence sentence ${n}.` },
    })),
  );
  const sources = Array.from({ length: 300 }, (_, n) => ({
    id: `a${n}`,
    title: `Article ${n}`,
    outlet: 'Wire',
    url: null,
    date: day(n),
    files: [`a${n}.txt`],
  }));
  return { subject: 'crimea', label: 'Crimea', entries, totalByParty: { Russia: 300, Ukraine: 300 }, sources };
}

describe('timelineAnswer on a long timeline', () => {
  const answer = timelineAnswer(longTimeline(), 'ephemeral');

  it('keeps the oldest and newest days of each party and counts the middle', () => {
    const text = renderText(answer);
    expect(text).toContain('… 295 more between 2026-01-02 and 2026-10-25');
    const russia = text.slice(text.indexOf('Russia on Crimea'), text.indexOf('Ukraine on Crimea'));
    expect([...russia.matchAll(/^\d{4}-\d{2}-\d{2}$/gmu)].map((m) => m[0])).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
    ]);
  });

  it('fits Slack’s limits', () => {
    expect(slackLimitViolations(renderBlocks(answer))).toEqual([]);
  });
});
