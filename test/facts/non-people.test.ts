import { describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { extractArticleFacts, extractCorpusFacts } from '../../lambda/facts/extract.js';
import { isGroupName, isStaffLabel, nonPersonTest } from '../../lambda/facts/non-people.js';
import { articleOf } from './article-of.js';

/*
 * Names in a speaker's place that are no person. Every body here is written for the test.
 */

const withOutlet = (body: string, outlet: string | null, id = '0123456789abcdef'): Article => ({
  ...articleOf(body, id),
  outlet,
});

const speakersOf = (article: Article) => {
  const facts = extractArticleFacts(article);
  return {
    people: facts.people.map((p) => p.name),
    mentioned: facts.mentions.map((p) => p.name),
    said: facts.statements.map((s) => [s.speaker, s.text]),
    positions: facts.positions.map((p) => p.stance),
  };
};

describe('non-people in a speaker’s place', () => {
  it("takes no statement from a transcript's anchor, whatever the channel in the role, and no position from her questions", () => {
    const body = [
      'MARIA LOZANO, CNN ANCHOR: Minister, does Russia still insist that Ukraine recognise Crimea as Russian?',
      'CORRESPONDENT: The delegation left the hotel early this morning.',
      'OLEH MARCHENKO, UKRAINIAN NEGOTIATOR: We will not give away a single village.',
      'LOZANO: So Kyiv refuses to discuss the status of Crimea at all?',
      'MARCHENKO: Nothing is agreed until everything is agreed.',
    ].join('\n\n');

    const { people, said, positions } = speakersOf(articleOf(body));

    expect(people).toEqual(['Oleh Marchenko']);
    expect(said.map(([speaker]) => speaker)).toEqual(['Oleh Marchenko', 'Oleh Marchenko']);
    expect(positions).toEqual([]);
  });

  it("never makes the article's own outlet a speaker, even when its name looks like a person's", () => {
    const body = 'Lakeside Courier said the talks were postponed until the end of the week.';

    expect(speakersOf(withOutlet(body, null)).people).toEqual(['Lakeside Courier']);
    expect(speakersOf(withOutlet(body, 'Lakeside Courier'))).toMatchObject({ people: [], mentioned: [], said: [] });
  });

  it('never makes a known agency a speaker, also at the start of a live-blog line', () => {
    const body = [
      '09:15 Belta: Negotiator Oleh Marchenko said the sides would meet again on Friday.',
      '09:40 Belta reported that the next round would start in the morning.',
      'Hromadske said the delegations would stay in the city for two more days.',
    ].join('\n\n');

    const { people, said } = speakersOf(articleOf(body));

    expect(people).toEqual(['Oleh Marchenko']);
    expect(said).toEqual([['Oleh Marchenko', 'the sides would meet again on Friday']]);
  });

  it("drops a speaker that another article's Source names: the corpus knows its outlets", () => {
    const citing = withOutlet(
      '"The corridors will open at dawn," Lakeside Pravda reported on Tuesday.\n\nIryna Boyko said the buses were ready.',
      'Harbour Ledger',
      'aaaaaaaaaaaaaaaa',
    );
    const cited = withOutlet('Iryna Boyko said the buses would leave at six.', 'Lakeside Pravda', 'bbbbbbbbbbbbbbbb');

    expect(extractCorpusFacts([citing]).people.map((p) => p.name)).toEqual(['Iryna Boyko', 'Lakeside Pravda']);
    const facts = extractCorpusFacts([citing, cited]);
    expect(facts.people.map((p) => p.name)).toEqual(['Iryna Boyko']);
    expect(facts.statements.map((s) => s.speaker)).toEqual(['Iryna Boyko', 'Iryna Boyko']);
  });

  it('takes no statement from a crowd or a group in the plural', () => {
    const body = [
      'Russians say they want the war to end soon.',
      'Ukrainians said they had no trust in the promises made in the spring.',
      '"We have heard this before," the delegations said.',
      'Separatists said the shelling had stopped at midnight.',
    ].join('\n\n');

    expect(speakersOf(articleOf(body))).toMatchObject({ people: [], mentioned: [], said: [] });
  });
});

describe('nonPersonTest', () => {
  it('matches whole names only, without case, diacritics, hyphens or a possessive', () => {
    const isNoPerson = nonPersonTest(['Harbour Ledger']);
    expect(['harbour ledger', "Harbour Ledger's", 'Interfax Ukraine', 'UKRAYINSKA PRAVDA'].map(isNoPerson)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Olena Pravdyuk', 'Harbour Ledgerov', 'Ivan Petrov'].map(isNoPerson)).toEqual([false, false, false]);
  });

  it('takes no person from a list of places ending in a plural place noun, so a role after it finds the leader', () => {
    const body =
      'President Arkady Volnov said Kyiv would have to give up the Varnia and Ostrel Regions as well. The Russian leader said the talks could wait until autumn.';

    const { people, said } = speakersOf(articleOf(body));

    expect(people).toEqual(['Arkady Volnov']);
    expect(said.map(([speaker]) => speaker)).toEqual(['Arkady Volnov', 'Arkady Volnov']);
    expect(extractArticleFacts(articleOf(body)).people[0]?.affiliation).toBe('Russia');
  });

  it('reads a plural demonym as a group only alone, so a surname like Jordans stays a person', () => {
    expect(isGroupName('Russians')).toBe(true);
    expect(isGroupName('the Ukrainians')).toBe(true);
    expect(isGroupName('Mark Jordans')).toBe(false);
    expect(isGroupName('Ivan Petrov')).toBe(false);
  });
});

describe('isStaffLabel', () => {
  it('finds a staff role anywhere in a label or its role', () => {
    expect(
      [
        'HOST',
        'CNN ANCHOR',
        'SENIOR INTERNATIONAL CORRESPONDENT',
        'HOST JANE ROE',
        'CO-HOST',
        'HOST, MORNING DESK',
      ].map(isStaffLabel),
    ).toEqual([true, true, true, true, true, true]);
    expect(['UKRAINIAN NEGOTIATOR', 'OLEH MARCHENKO', 'UPDATE'].map(isStaffLabel)).toEqual([false, false, false]);
  });
});
