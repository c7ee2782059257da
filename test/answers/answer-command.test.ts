import { describe, expect, it } from 'vitest';
import type { Answer, AnswerPart } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import {
  arakhamia,
  fixtureViewReader,
  medinsky,
  summary as summaryView,
  wire,
  zelensky,
} from '../fixtures/views/talks-views.js';

async function answer(text: string, views = fixtureViewReader()): Promise<Answer> {
  return answerCommand(parseCommand(text), views);
}

function partsOf<K extends AnswerPart['kind']>(a: Answer, kind: K): Extract<AnswerPart, { kind: K }>[] {
  return a.parts.filter((p): p is Extract<AnswerPart, { kind: K }> => p.kind === kind);
}

/** Every plain word of the answer, for "does it say X" checks. */
function wordsOf(a: Answer): string {
  return JSON.stringify(a);
}

describe('answerCommand', () => {
  it('summarises speakers, guarantors and every configured topic in one read', async () => {
    const views = fixtureViewReader();
    const summary = await answer('summary', views);
    expect(views.reads).toEqual(['getSummary']);
    expect(partsOf(summary, 'facts').map((p) => p.heading)).toEqual([
      'Who said what',
      'Proposed security guarantors',
      'Positions on Crimea',
      'Positions on Donbas',
    ]);
    const [speakers] = partsOf(summary, 'facts');
    expect(speakers?.groups[0]).toMatchObject({
      title: medinsky.name,
      total: 3,
      moreCommand: '/talks who Vladimir Medinsky',
    });
    expect(speakers?.totalGroups).toBe(5);
    expect(summary.sources[wire.id]).toEqual(wire);
    expect(summary.visibility).toBe('ephemeral');
  });

  it('marks direct quotes as quoted and reported speech as not', async () => {
    const { parts } = await answer('who Arahamia');
    const lines = parts.flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
    expect(lines.map((l) => [l.text, l.quoted])).toEqual([
      ['we want an international treaty', true],
      ['guarantor countries would act within three days', false],
    ]);
  });

  it('answers who with the directory and the speaker: two reads', async () => {
    const views = fixtureViewReader();
    const a = await answer('who zelenskyy public', views);
    expect(views.reads).toEqual(['findPeople', 'getSpeaker']);
    expect(a.title).toBe(zelensky.name);
    expect(a.visibility).toBe('in_channel');
  });

  it('answers an unknown name with "no one by that name" and the closest speakers', async () => {
    const a = await answer('who Arakhamovich');
    expect(a.title).toBe('No one by that name: "Arakhamovich"');
    expect(partsOf(a, 'people')[0]?.people[0]?.name).toBe(arakhamia.name);
  });

  it('asks which one when a surname is shared', async () => {
    const a = await answer('who johnson');
    expect(a.title).toBe('Several people match "johnson"');
    expect(partsOf(a, 'people')[0]?.people.map((p) => p.name)).toEqual(['Boris Johnson', 'Ann Johnson']);
  });

  it('lists every speaker for a bare who, and no one who is only mentioned', async () => {
    const a = await answer('who');
    expect(partsOf(a, 'people')[0]?.people).toHaveLength(5);
    expect(partsOf(a, 'people')[0]?.people.every((p) => p.statementCount > 0)).toBe(true);
  });

  it('answers who for a person who is only mentioned from the same two reads', async () => {
    const views = fixtureViewReader();
    const a = await answer('who Erdogan', views);
    expect(views.reads).toEqual(['findPeople', 'getSpeaker']);
    expect(a.title).toBe('Recep Tayyip Erdogan');
    expect(partsOf(a, 'facts')[0]?.groups[0]?.lines.map((l) => l.text)).toHaveLength(2);
  });

  it('answers topic shortcuts from the configured topics, not a fixed list', async () => {
    const views = fixtureViewReader();
    const crimea = await answer('crimea', views);
    expect(views.reads).toEqual(['getSummary', 'getTopic']);
    expect(crimea.title).toBe('Crimea');
    expect(partsOf(crimea, 'facts')[0]?.groups.map((g) => g.title)).toEqual(['Ukraine', 'Russia']);

    const renamed = fixtureViewReader({
      getSummary: async () => ({
        ...summaryView,
        topics: [{ id: 'kherson', label: 'Kherson' }],
      }),
    });
    const notATopic = await answer('crimea', renamed);
    expect(notATopic.title).toBe('Unknown command "crimea"');
  });

  it('reads topic <label> by its label in any case', async () => {
    const views = fixtureViewReader();
    const donbas = await answer('topic DONBAS', views);
    expect(donbas.title).toBe('Donbas');
    expect(partsOf(donbas, 'facts')[0]?.emptyText).toMatch(/No party's position on Donbas/);
    expect(views.reads.length).toBeLessThanOrEqual(3);
  });

  it('suggests the nearest topic for a misspelt one', async () => {
    const a = await answer('topic crimia');
    expect(a.title).toBe('No topic "crimia"');
    expect(wordsOf(a)).toContain('{"command":"/talks crimea"}');
  });

  it('answers an unknown subcommand with help and a "did you mean"', async () => {
    const a = await answer('sumary');
    expect(a.title).toBe('Unknown command "sumary"');
    expect(a.parts[0]).toEqual({
      kind: 'text',
      spans: ['I don\'t know "sumary". Did you mean ', { command: '/talks summary' }, '?'],
    });
    expect(partsOf(a, 'commands')[0]?.commands.map((c) => c.usage)).toContain('/talks crimea');
  });

  it('keeps the argument in the suggestion ("whoo Medinsky")', async () => {
    expect(wordsOf(await answer('whoo Medinsky'))).toContain('/talks who Medinsky');
  });

  it('answers empty text with help listing a shortcut per configured topic', async () => {
    const help = await answer('');
    const usages = partsOf(help, 'commands')[0]?.commands.map((c) => c.usage);
    expect(usages).toEqual(
      expect.arrayContaining(['/talks summary', '/talks who <name>', '/talks crimea', '/talks donbas']),
    );
  });

  it('lists sources and guarantors in one read each', async () => {
    const views = fixtureViewReader();
    const sources = await answer('sources', views);
    const guarantors = await answer('guarantors', views);
    expect(views.reads).toEqual(['listSources', 'getGuarantors']);
    expect(partsOf(sources, 'sources')[0]?.total).toBe(3);
    expect(partsOf(guarantors, 'facts')[0]?.groups.map((g) => [g.title, g.lines.map((l) => l.text)])).toEqual([
      ['Proposed by Ukraine', ['Turkey', 'Poland']],
      ['Proposer not stated', ['Israel']],
    ]);
  });

  it('says nothing has been ingested when the store is empty', async () => {
    const empty = fixtureViewReader({
      getSummary: async () => null,
      getSpeakerDirectory: async () => ({ speakers: [] }),
      listSources: async () => ({ total: 0, sources: [] }),
    });
    for (const text of ['summary', 'who', 'sources', 'topic']) {
      expect((await answer(text, empty)).title).toBe('No articles yet');
    }
  });

  it('answers "flags" without the flags feature by saying where flags are kept, reading nothing', async () => {
    const views = fixtureViewReader();
    const flags = await answer('flags', views);
    expect(wordsOf(flags)).toContain('Flags are kept in Slack and in the CLI');
    expect(views.reads).toEqual([]);
  });

  it('asks the features for the flags answer and amends every fact answer with their filter', async () => {
    const amended: string[] = [];
    const features = {
      flagsAnswer: async (): Promise<Answer> => ({
        title: 'Flagged facts: 0',
        parts: [],
        sources: {},
        visibility: 'ephemeral',
      }),
      readFactFilter: async () => (a: Answer) => {
        amended.push(a.title);
        return { ...a, title: `${a.title} (filtered)` };
      },
    };
    expect((await answerCommand(parseCommand('flags'), fixtureViewReader(), features)).title).toBe('Flagged facts: 0');
    expect((await answerCommand(parseCommand('crimea'), fixtureViewReader(), features)).title).toMatch(/\(filtered\)$/);
    expect((await answerCommand(parseCommand('help'), fixtureViewReader(), features)).title).not.toMatch(/filtered/);
    expect(amended).toHaveLength(1);
  });
});
