import { describe, expect, it } from 'vitest';
import { resolveSpeaker } from '../../lambda/answers/resolve-speaker.js';
import { ann, arakhamia, boris, directory, erdogan, medinsky, zelensky } from '../fixtures/views/talks-views.js';

const speakers = directory.speakers;

function resolvedName(query: string): string | null {
  const resolution = resolveSpeaker(query, speakers);
  return resolution.kind === 'found' ? resolution.speaker.name : null;
}

describe('resolveSpeaker', () => {
  it.each([
    ['medinsky', medinsky],
    ['Vladimir Medinsky', medinsky],
    ['VLADIMIR  medinsky,', medinsky],
    ['Medinskiy', medinsky],
    ['Arahamia', arakhamia],
    ['arakhamia', arakhamia],
    ['zelenskyy', zelensky],
    ['Zelenskiy', zelensky],
    ['Volodymyr', zelensky],
  ])('resolves "%s" to the right speaker', (query, expected) => {
    expect(resolvedName(query)).toBe(expected.name);
  });

  it('resolves a surname within a typing slip ("Medinksy")', () => {
    expect(resolvedName('Medinksy')).toBe(medinsky.name);
  });

  it('asks which one when two people share a surname', () => {
    const resolution = resolveSpeaker('Johnson', speakers);
    expect(resolution.kind).toBe('ambiguous');
    expect(resolution.kind === 'ambiguous' && resolution.candidates.map((c) => c.name)).toEqual([boris.name, ann.name]);
  });

  it('picks the person whose given name fits when a full name is typed', () => {
    expect(resolvedName('Ann Johnson')).toBe(ann.name);
    expect(resolvedName('boris johnson')).toBe(boris.name);
  });

  it('answers an unknown name with the closest known speakers, nearest first', () => {
    const resolution = resolveSpeaker('Zelinsky Smith', speakers);
    expect(resolution.kind).toBe('unknown');
    expect(resolution.kind === 'unknown' && resolution.closest[0]?.name).toBe(zelensky.name);
    expect(resolution.kind === 'unknown' && resolution.closest).toHaveLength(3);
  });

  it.each(['Erdogan', 'Recep Tayyip Erdogan', 'erdoğan', 'Erdgan'])(
    'resolves "%s" to a person who is only mentioned',
    (query) => {
      expect(resolvedName(query)).toBe(erdogan.name);
    },
  );

  it('lets a speaker win over a person who is only mentioned under the same key', () => {
    const resolution = resolveSpeaker('Boris Johnson', speakers);
    expect(resolution.kind === 'found' && resolution.speaker.name).toBe(boris.name);
    const bySurname = resolveSpeaker('Johnson', speakers);
    expect(bySurname.kind === 'ambiguous' && bySurname.candidates.map((c) => c.name)).toEqual([boris.name, ann.name]);
  });

  it('suggests only speakers for an unknown name, even when a mentioned name is nearer', () => {
    const resolution = resolveSpeaker('Erdoganov Smith', speakers);
    expect(resolution.kind).toBe('unknown');
    expect(resolution.kind === 'unknown' && resolution.closest.map((c) => c.statementCount > 0)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('finds no one for text without letters', () => {
    expect(resolveSpeaker('123 !!', speakers)).toEqual({ kind: 'unknown', closest: [] });
  });

  it('resolves a pasted Slack mention to no one', () => {
    expect(resolveSpeaker('<@U123>', speakers).kind).toBe('unknown');
  });
});
