import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../lambda/answers/edit-distance.js';
import { resolveSpeaker } from '../../lambda/answers/resolve-speaker.js';
import { speakerKey } from '../../lambda/facts/speaker-key.js';
import type { SpeakerEntry } from '../../lambda/facts/views.js';
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

  it('answers a surname a typing slip away ("Medinksy") with nobody, offering the person first', () => {
    const resolution = resolveSpeaker('Medinksy', speakers);
    expect(resolution.kind).toBe('unknown');
    expect(resolution.kind === 'unknown' && resolution.closest[0]?.name).toBe(medinsky.name);
  });

  it('never answers a full name with a namesake of another given name ("Peter Johnson")', () => {
    expect(resolveSpeaker('Peter Johnson', speakers).kind).toBe('unknown');
  });

  it('never answers a name that matches nobody with a person whose name is close', () => {
    // Prepare: invented people whose surnames are two letters apart, as in the report.
    const entry = (name: string, key: string): SpeakerEntry => ({
      key,
      name,
      aliases: [],
      affiliation: null,
      statementCount: 1,
      directCount: 1,
      articleCount: 1,
      mentionCount: 1,
    });
    const marta = entry('Marta Dorbelgarkaov', 'dorbelharkaov.m');

    // Act
    const resolution = resolveSpeaker('Boris Tovbelgarkaov', [marta]);

    // Assess
    expect(resolution).toEqual({ kind: 'unknown', closest: [marta] });
  });

  it('answers only with a person one of whose names has the surname, or the one word, typed', () => {
    const syllable = fc.constantFrom('dor', 'tov', 'bel', 'gar', 'ka', 'mir');
    const word = fc.array(syllable, { minLength: 2, maxLength: 3 }).map((s) => s.join(''));
    const name = fc.tuple(fc.constantFrom('Boris', 'Marta', 'Ilse'), word).map(([g, s]) => `${g} ${s}ov`);
    const people = fc.uniqueArray(name, { minLength: 1, maxLength: 30 }).map((names) =>
      names.map(
        (n, i): SpeakerEntry => ({
          key: `${speakerKey(n)}.${n[0]?.toLowerCase()}`,
          name: n,
          aliases: [],
          affiliation: null,
          statementCount: i % 3,
          directCount: 0,
          articleCount: 1,
          mentionCount: 1,
        }),
      ),
    );
    const query = fc.oneof(
      name,
      word.map((w) => `${w}ov`),
    );
    fc.assert(
      fc.property(people, query, (known, typed) => {
        const resolution = resolveSpeaker(typed, known);
        if (resolution.kind !== 'found') return;
        const { name: found } = resolution.speaker;
        const typedWords = typed.toLowerCase().split(' ');
        expect(
          speakerKey(found) === speakerKey(typed) ||
            (typedWords.length === 1 &&
              found
                .toLowerCase()
                .split(' ')
                .includes(typedWords[0] ?? '')),
          `${typed} → ${found}`,
        ).toBe(true);
      }),
    );
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

  it.each(['Erdogan', 'Recep Tayyip Erdogan', 'erdoğan'])(
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

  it('suggests for an unknown name the same speakers as measuring every listed person in full', () => {
    // The suggestions measured the slow way: every speaker's full distances, ranked, the directory's order for ties.
    const normal = (name: string) => name.toLowerCase();
    const surname = (name: string) => normal(name).split(' ').at(-1) ?? '';
    function measuredInFull(query: string, people: readonly SpeakerEntry[]): string[] {
      const words = normal(query).split(' ');
      return people
        .filter((p) => p.statementCount > 0)
        .map((p) => {
          const names = [p.name, ...p.aliases];
          const nearness = Math.min(...words.flatMap((w) => names.map((n) => editDistance(w, surname(n)))));
          const distance = Math.min(
            ...names.map((n) => editDistance(normal(query), normal(n))),
            ...names.map((n) => editDistance(surname(query), surname(n))),
          );
          return { name: p.name, nearness, distance };
        })
        .sort((a, b) => a.nearness - b.nearness || a.distance - b.distance)
        .slice(0, 3)
        .map((p) => p.name);
    }
    const syllable = fc.constantFrom('ka', 'lo', 'mir', 'va', 'den', 'ros', 'ti', 'na');
    const word = fc.array(syllable, { minLength: 2, maxLength: 4 }).map((s) => s.join(''));
    const person = fc.record({ given: word, family: word, spoken: fc.boolean(), alias: fc.option(word) });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 40 }), word, word, (people, given, family) => {
        const entries = people.map(
          (p): SpeakerEntry => ({
            key: speakerKey(`${p.given} ${p.family}`),
            name: `${p.given} ${p.family}`,
            aliases: p.alias ? [`${p.given} ${p.alias}`] : [],
            affiliation: null,
            statementCount: p.spoken ? 2 : 0,
            directCount: 0,
            articleCount: 1,
            mentionCount: 1,
          }),
        );
        const query = `${given} ${family}`;
        const resolution = resolveSpeaker(query, entries);
        fc.pre(resolution.kind === 'unknown');
        expect(resolution.kind === 'unknown' && resolution.closest.map((c) => c.name)).toEqual(
          measuredInFull(query, entries),
        );
      }),
      { numRuns: 500 },
    );
  });
});
