import { describe, expect, it } from 'vitest';
import { extractCorpusFacts } from '../../lambda/facts/extract.js';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { officeOf } from '../../lambda/facts/offices.js';
import { corpusOffices } from '../../lambda/facts/people-identity.js';
import { articleOf } from './article-of.js';

/*
 * Written for these tests: one report names an official with her office, another names only the office when she
 * speaks ("the Austrian foreign minister told reporters …"). Read beside the first, the second says who spoke.
 * The people are invented; the countries are real ones, as an office gives its country only through a country's name.
 */
const INTRODUCES = 'Austrian Foreign Minister Mira Vell arrived in Tarsk. Vell said the talks would go on.';
const OFFICE_ONLY =
  'Talks resumed in Tarsk on Monday. The Austrian foreign minister told reporters that the border would stay shut.';

const saidIn = (...bodies: string[]) =>
  extractCorpusFacts(bodies.map((body, i) => ({ ...articleOf(body, `a${i}`), outlet: `Outlet ${i}` }))).statements.map(
    (s) => [s.speaker, s.text, s.citations.map((c) => c.articleId).join()] as const,
  );

describe('officeOf: an office without its country', () => {
  it.each([
    ["Ukraine's Foreign Minister", 'foreign minister'],
    ['the Ukrainian foreign minister', 'foreign minister'],
    ['Kremlin spokesman', 'spokesperson'],
    ['presidential spokeswoman', 'spokesperson'],
    ['British Prime Minister', 'premier'],
    ['Norwegian President', 'president'],
    ['Vice President', 'vice president'],
    ['Norwegian dictator', 'leader'],
  ])('reads "%s" as "%s"', (phrase, office) => {
    expect(officeOf(phrase)).toBe(office);
  });

  it.each(['the former Norwegian president', 'ex-president', 'an aide to President Ivo Holm', 'Mr'])(
    'reads no current office in "%s"',
    (phrase) => {
      expect(officeOf(phrase)).toBeNull();
    },
  );
});

describe('corpusOffices: who the corpus says holds an office', () => {
  const reporting = (office: string, ...people: [key: string, name: string][]): ArticleFacts =>
    ({
      articleId: 'x',
      people: [],
      mentions: [],
      statements: [],
      guarantors: [],
      positions: [],
      offices: people.map(([key, name]) => ({ key, name, office })),
    }) as ArticleFacts;

  it("knows the one holder, and the country's leader from its president", () => {
    const offices = corpusOffices([reporting('Norway|president', ['holm', 'Ivo Holm'])]);
    expect(offices['Norway|president']).toEqual({ key: 'holm', name: 'Ivo Holm' });
    expect(offices['Norway|leader']).toEqual({ key: 'holm', name: 'Ivo Holm' });
  });

  it('knows nobody when two people are given the office as often', () => {
    const offices = corpusOffices([
      reporting('Norway|foreign minister', ['vell', 'Mira Vell']),
      reporting('Norway|foreign minister', ['lenk', 'Ivo Lenk']),
    ]);
    expect(offices['Norway|foreign minister']).toBeUndefined();
  });

  it('counts an article once however often it repeats the office', () => {
    const offices = corpusOffices([
      reporting('Norway|president', ['holm', 'Ivo Holm'], ['holm', 'Ivo Holm']),
      reporting('Norway|president', ['lenk', 'Ivo Lenk']),
    ]);
    expect(offices['Norway|president']).toBeUndefined();
  });

  it('takes no holder from an article that gave the person another country than most records do', () => {
    const placed = [
      { key: 'holm.av', affiliation: 'Norway' },
      { key: 'holm.av', affiliation: 'Norway' },
      { key: 'holm.av', affiliation: 'Austria' },
    ];
    const offices = corpusOffices(
      [
        reporting('Norway|premier', ['holm.av', 'Ivo Holm']),
        reporting('Norway|premier', ['holm.av', 'Ivo Holm']),
        reporting('Austria|premier', ['holm.av', 'Ivo Holm']),
      ],
      placed,
    );
    expect(offices['Norway|premier']).toEqual({ key: 'holm.av', name: 'Ivo Holm' });
    expect(offices['Austria|premier']).toBeUndefined();
  });

  it('keeps a holder whose records are split evenly', () => {
    const placed = [
      { key: 'holm.av', affiliation: 'Norway' },
      { key: 'holm.av', affiliation: 'Austria' },
    ];
    expect(corpusOffices([reporting('Austria|premier', ['holm.av', 'Ivo Holm'])], placed)['Austria|premier']).toEqual({
      key: 'holm.av',
      name: 'Ivo Holm',
    });
  });
});

describe('extractCorpusFacts: a speaker named by an office the corpus knows the holder of', () => {
  // The report names two people with no office, then speaks of an office only: on its own it can only guess.
  const TWO_NAMED = `Mira Vell and Ivo Lenk arrived in Tarsk on Monday. Snow fell all day.\n\n${OFFICE_ONLY}`;
  const LENK_HOLDS = 'Austrian Foreign Minister Ivo Lenk flew to Zenda. Lenk said the talks were useful.';

  it('gives the words to the person the report names whom the other reports give the office', () => {
    expect(saidIn(LENK_HOLDS, TWO_NAMED)).toContainEqual(['Ivo Lenk', 'the border would stay shut', 'a1']);
  });

  it('gives them to nobody when the report does not name the holder', () => {
    expect(saidIn(INTRODUCES, OFFICE_ONLY).filter(([, text]) => text.includes('border'))).toEqual([]);
  });

  it("keeps the report's own reading when the other reports name two holders", () => {
    const alone = saidIn(TWO_NAMED);
    const split = saidIn(LENK_HOLDS, INTRODUCES, TWO_NAMED).filter(([, , id]) => id === 'a2');
    expect(split.map(([speaker, text]) => [speaker, text])).toEqual(alone.map(([speaker, text]) => [speaker, text]));
  });

  it("reads a country's leader as the person the corpus calls its president", () => {
    const leader =
      'Karl Brandt and Ivo Holm arrived in Tarsk. Snow fell all day.\n\nThe Austrian leader said that the border would stay shut.';
    const president = 'Austrian President Ivo Holm flew to Zenda. Holm said the talks were useful.';
    expect(saidIn(president, leader)).toContainEqual(['Ivo Holm', 'the border would stay shut', 'a1']);
  });
});
