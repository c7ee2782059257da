import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../lambda/answers/answer.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { flagFeatures } from '../../lambda/flags/flag-features.js';
import { createFlagStore } from '../../lambda/flags/flag-store.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import { renderBlocks } from '../../lambda/slack/render-blocks.js';
import { blockTexts } from '../../lambda/slack/slack-limits.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { answerTalksCommand } from '../../lambda/timeline/answer-talks-command.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';

/*
 * No heading with nothing under it, in either rendering, for every command the README shows: on the seed
 * corpus (where some topics have no statement and the Zaporizhzhia plant no position) and on an empty corpus.
 */

const SEED = new URL('../../data/articles/', import.meta.url).pathname;

const README_COMMANDS = [
  '',
  'help',
  'summary',
  'summary public',
  'who',
  'who medinsky',
  'who Vladimir Medinsky',
  'who Arahamia',
  'who zelenskyy',
  'who Nobody Knownhere',
  'guarantors',
  'topic',
  'topic crimea',
  'crimea',
  'donbas',
  'zaporizhzhia-npp',
  'topic Nowhere',
  'timeline',
  'timeline crimea',
  'timeline guarantors',
  'timeline Nowhere',
  'since 2022-01-01',
  'since 7d',
  'sources',
  'add',
  'flags',
  'crimia',
];

/** The headings an answer's sections may show, and the sentences that say a section has nothing. */
function sectionsOf(answer: Answer): { headings: Set<string>; nothing: Set<string> } {
  const headings = new Set(['Sources']);
  const nothing = new Set<string>();
  for (const part of answer.parts) {
    if ('heading' in part) headings.add(part.heading);
    if (part.kind === 'facts') nothing.add(part.emptyText);
  }
  return { headings, nothing };
}

/**
 * Headings with nothing under them: followed by another heading, by nothing, or only by the sentence that
 * says the section is empty. `blocks` are the rendered lines, headings written as `heading(text)` writes them.
 */
function emptyHeadings(lines: readonly string[], answer: Answer, heading: (text: string) => string): string[] {
  const { headings, nothing } = sectionsOf(answer);
  const written = new Map([...headings].map((h) => [heading(h), h]));
  const content = (line: string) => line.replace(/^_(.*)_$/u, '$1');
  return lines.flatMap((line, i) => {
    const name = written.get(line);
    if (name === undefined) return [];
    const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !/^-+$/u.test(l));
    const after = next === undefined ? undefined : content(next);
    return after === undefined || written.has(after) || nothing.has(after) ? [name] : [];
  });
}

function emptyTextHeadings(answer: Answer): string[] {
  return emptyHeadings(renderText(answer).split('\n'), answer, (h) => h);
}

function emptyBlockHeadings(answer: Answer): string[] {
  const lines = renderBlocks(answer)
    .blocks.flatMap(blockTexts)
    .flatMap((text) => text.split('\n'));
  return emptyHeadings(lines, answer, (h) => `*${h}*`);
}

async function answersOf(backend: TestStore): Promise<Map<string, Answer>> {
  const features = flagFeatures({
    reader: createFlagStore(createDynamoDocuments({ client: backend.client, tableName: backend.tableName })),
    policy: { reviewers: [], threshold: 3 },
  });
  const deps = { views: backend.store, timeline: backend.store, features, now: () => new Date('2026-12-01') };
  const answers = new Map<string, Answer>();
  for (const command of README_COMMANDS) answers.set(command, await answerTalksCommand(parseCommand(command), deps));
  return answers;
}

describe.each([
  ['the seed corpus', true],
  ['an empty corpus', false],
])('answers on %s', (_corpus, seeded) => {
  let backend: TestStore;
  let answers: Map<string, Answer>;
  beforeAll(async () => {
    backend = await withEmbeddedStore();
    if (seeded) await ingestPaths([SEED], backend.store);
    answers = await answersOf(backend);
  });
  afterAll(async () => {
    await backend?.close();
  });

  it.each(README_COMMANDS)('"%s" has no empty section in the terminal', (command) => {
    const answer = answers.get(command);
    if (!answer) throw new Error(`no answer to "${command}"`);
    expect(emptyTextHeadings(answer)).toEqual([]);
  });

  it.each(README_COMMANDS)('"%s" has no empty section in Slack', (command) => {
    const answer = answers.get(command);
    if (!answer) throw new Error(`no answer to "${command}"`);
    expect(emptyBlockHeadings(answer)).toEqual([]);
  });
});

describe('the checks of this file', () => {
  const answer: Answer = {
    title: 'Crimea',
    parts: [
      { kind: 'facts', heading: 'Positions', groups: [], totalGroups: 0, emptyText: 'No position.' },
      { kind: 'facts', heading: 'Said', groups: [{ lines: [], total: 0 }], totalGroups: 1, emptyText: 'Nothing said.' },
    ],
    sources: {},
    visibility: 'ephemeral',
  };
  it('find a heading over nothing, or over only the sentence that says so', () => {
    expect(emptyHeadings(['Positions', '---', 'No position.', '', 'Said', '---', ''], answer, (h) => h)).toEqual([
      'Positions',
      'Said',
    ]);
    expect(
      emptyHeadings(['*Positions*', '_No position._', '*Said*', '*Sources*', '[1] x'], answer, (h) => `*${h}*`),
    ).toEqual(['Positions', 'Said']);
  });
});
