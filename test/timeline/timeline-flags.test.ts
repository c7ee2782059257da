import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, FactLine } from '../../lambda/answers/answer.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { factKey } from '../../lambda/facts/fact-ref.js';
import { flagFeatures } from '../../lambda/flags/flag-features.js';
import { createFlagStore, type FlagStore } from '../../lambda/flags/flag-store.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { answerTalksCommand } from '../../lambda/timeline/answer-talks-command.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { ingestRounds, ROUNDS } from './rounds.js';

/*
 * `timeline` and `since` show flagged facts as every other answer does: hidden once a reviewer (or enough
 * people) flag them, marked as disputed before that, whichever answer the flag was made from.
 */

const REVIEWER = 'UREVIEWER';
const policy = { reviewers: [REVIEWER], threshold: 2 };
const NOW = new Date('2026-03-27T09:00:00Z');

function lines(answer: Answer): FactLine[] {
  return answer.parts.flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
}

describe('flags in timeline and since answers', () => {
  let backend: TestStore;
  let flags: FlagStore;
  const ask = (text: string) =>
    answerTalksCommand(parseCommand(text), {
      views: backend.store,
      timeline: backend.store,
      features: flagFeatures({ reader: flags, policy }),
      now: () => NOW,
    });

  beforeAll(async () => {
    backend = await withEmbeddedStore();
    await ingestRounds(backend.store, ROUNDS);
    flags = createFlagStore(createDynamoDocuments({ client: backend.client, tableName: backend.tableName }));
  });
  afterAll(async () => {
    await backend?.close();
  });

  it('names the stored fact of every line, so each can be flagged from the answer', async () => {
    for (const command of ['timeline crimea', 'timeline guarantors', 'since 2026-03-01']) {
      const shown = lines(await ask(command));
      expect(shown.length, command).toBeGreaterThan(0);
      for (const line of shown) expect(line.fact, `${command}: ${line.text}`).toBeDefined();
      // What a flag made from the line describes is the fact the line shows.
      const [first] = shown;
      const described = first?.fact ? await flags.describeFact(first.fact) : null;
      expect(described?.text, command).toBe(first?.text);
    }
  });

  it('marks a position one person flagged as disputed, and hides it once a reviewer flags it, in both answers', async () => {
    // Prepare: a position both answers show.
    const onTimeline = new Set(lines(await ask('timeline crimea')).flatMap((l) => (l.fact ? [factKey(l.fact)] : [])));
    const ref = lines(await ask('since 2026-03-01')).find(
      (l) => l.fact?.kind === 'position' && onTimeline.has(factKey(l.fact)),
    )?.fact;
    if (!ref) throw new Error('no position in both answers');
    const inSince = async () =>
      lines(await ask('since 2026-03-01')).filter((l) => l.fact && factKey(l.fact) === factKey(ref));

    // Act: one person flags it.
    expect(
      await flags.flagFact(ref, { userId: 'UANNA', reason: 'not-a-position', at: '2026-03-27T10:00:00Z' }, policy),
    ).toBe(true);

    // Assess: disputed in both answers.
    const disputed = lines(await ask('timeline crimea')).filter((l) => l.fact && factKey(l.fact) === factKey(ref));
    expect(disputed.map((l) => l.disputedBy)).toEqual([1]);
    expect((await inSince()).map((l) => l.disputedBy)).toEqual([1]);

    // Act: the reviewer flags it.
    await flags.flagFact(ref, { userId: REVIEWER, reason: 'not-a-position', at: '2026-03-27T10:01:00Z' }, policy);

    // Assess: gone from both answers; the other facts stay.
    const after = lines(await ask('timeline crimea'));
    expect(after.some((l) => l.fact && factKey(l.fact) === factKey(ref))).toBe(false);
    expect(after.length).toBeGreaterThan(0);
    expect(await inSince()).toEqual([]);
  });

  it('hides a guarantor flagged from since', async () => {
    const ref = lines(await ask('since 2026-03-01')).find((l) => l.fact?.kind === 'guarantor')?.fact;
    if (!ref) throw new Error('no guarantor since the first round');
    await flags.flagFact(ref, { userId: REVIEWER, reason: 'not-a-guarantor', at: '2026-03-27T11:00:00Z' }, policy);
    const after = lines(await ask('since 2026-03-01'));
    expect(after.some((l) => l.fact && factKey(l.fact) === factKey(ref))).toBe(false);
  });

  it('prints a disputed guarantor of the timeline with its mark, in the terminal', async () => {
    const turkey = lines(await ask('timeline guarantors')).find((l) => l.text === 'Turkey')?.fact;
    if (!turkey) throw new Error('Turkey is not on the guarantors timeline');

    await flags.flagFact(turkey, { userId: 'UANNA', reason: 'not-a-guarantor', at: '2026-03-27T12:00:00Z' }, policy);

    expect(renderText(await ask('timeline guarantors'))).toMatch(/^ {2}• Turkey \[1\] \(disputed: flagged by 1\)$/mu);
  });

  it('says flags hide every guarantor, rather than that none was proposed, once a reviewer flags them all', async () => {
    const shown = lines(await ask('timeline guarantors'));
    expect(shown.length).toBeGreaterThan(1);
    for (const line of shown) {
      if (!line.fact) throw new Error(`${line.text} names no fact`);
      await flags.flagFact(
        line.fact,
        { userId: REVIEWER, reason: 'not-a-guarantor', at: '2026-03-27T13:00:00Z' },
        policy,
      );
    }

    const text = renderText(await ask('timeline guarantors'));
    expect(lines(await ask('timeline guarantors'))).toEqual([]);
    expect(text).toMatch(/Flags hide all \d+ guarantors the articles gave, as wrong: \/talks flags lists them/u);
    expect(text).not.toContain('No change');
    expect(text).not.toContain('No guarantor was proposed');
  });
});
