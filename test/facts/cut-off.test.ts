import { describe, expect, it } from 'vitest';
import { cutOffSentence } from '../../lambda/facts/cut-off.js';
import { createArticleReader } from '../../lambda/facts/extract.js';
import type { Rejection } from '../../lambda/facts/rejection-trace.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { articleOf } from './article-of.js';

/*
 * The gold guide's R5 for guarantors and positions (test/fixtures/real-set/GOLD-GUIDE.md), in our own invented words:
 * a fact whose evidence sentence is the one the excerpt's end cuts off is not labelled, unless a complete sentence
 * carries it too; a last line that reads as complete without its full stop stays.
 */

const cutOf = (body: string) => cutOffSentence(splitSentences(body), body)?.text ?? null;

describe('the sentence the excerpt cuts off', () => {
  it('is the last one when it stops mid-word, on a comma, a small word or a lone letter', () => {
    expect(cutOf('Talks resumed on Monday. The envoys flew home, while the guards wai')).toBe(
      'The envoys flew home, while the guards wai',
    );
    expect(cutOf('Talks resumed on Monday. The envoys flew home after the talks,')).toBe(
      'The envoys flew home after the talks,',
    );
    // A short line of its own is no headline when it stops on a word that cannot end a sentence, or a lone letter.
    expect(cutOf('Talks resumed on Monday.\n\nThe envoys of Tarsk and')).toBe('The envoys of Tarsk and');
    expect(cutOf('Talks resumed on Monday.\n\nHolm met Tarsk envoy M')).toBe('Holm met Tarsk envoy M');
    // A word the text writes only as the start of a longer one was split by the cut.
    expect(cutOf('The Ruritanian side agreed.\n\nHolm confirmed plans for Ruritan')).toBe(
      'Holm confirmed plans for Ruritan',
    );
  });

  it('is the last one when the text stops inside a quote, even on a word the text writes whole', () => {
    expect(cutOf('Holm spoke on Monday.\n\n\u201cWe want the ferry to run, and we want it on Monday')).toBe(
      '\u201cWe want the ferry to run, and we want it on Monday',
    );
    // The quote closed before the end: the last line is judged by its last word alone, and reads as complete.
    expect(cutOf('Holm spoke on Monday.\n\n\u201cWe want the ferry,\u201d he said on Monday')).toBeNull();
  });

  it('is none when the text ends a sentence, or its last line reads as complete without a full stop', () => {
    expect(cutOf('Talks resumed on Monday. The envoys flew home.')).toBeNull();
    // Its last word is one the text writes whole before: it may well be the sentence's end (R5 keeps it).
    expect(cutOf('Talks resumed on Monday. The envoys flew home, a trip planned since Monday')).toBeNull();
    // A caption or a headline-like line of its own, ending on a word written nowhere else.
    expect(cutOf('Talks resumed on Monday.\n\nEnvoys at the border crossing near Tarsk')).toBeNull();
  });

  it('judges a number at the end as a word: a year, a day or a figure is no mark that announces more', () => {
    // A year the text writes before: complete, as a word would be (the digits are no tail after "since").
    expect(cutOf('Talks resumed in 2024. The envoys flew home, a trip planned since 2024')).toBeNull();
    // A caption ending in a date: a lone digit is a whole day, not a lone letter the cut left.
    expect(cutOf('Talks resumed on Monday.\n\nEnvoys at the border crossing near Tarsk, March 5')).toBeNull();
    // A number written nowhere else, run on from a sentence on its line: cut as such a word is.
    expect(cutOf('Talks resumed on Monday. The envoys agreed to a pause of 30')).toBe(
      'The envoys agreed to a pause of 30',
    );
    // A number before a comma still announces more.
    expect(cutOf('Talks resumed in 2024. The envoys flew home in 2024,')).toBe('The envoys flew home in 2024,');
  });
});

describe('R5 for guarantors and positions', () => {
  const extractedWith = (body: string) => {
    const rejected: Rejection[] = [];
    const facts = createArticleReader(undefined, (r) => rejected.push(r))(articleOf(body)).facts;
    return { facts, cutOff: rejected.filter((r) => r.rule === 'cut-off-sentence') };
  };

  it('names no guarantor from the cut sentence, even countries listed before the break', () => {
    const { facts, cutOff } = extractedWith(
      'Talks resumed on Monday. Kyiv wants Canada among the guarantors of any settlement. ' +
        'The list of guarantors would include France, Poland and Ja',
    );
    expect(facts.guarantors.map((g) => [g.country, g.citations.map((c) => c.evidence)])).toEqual([
      ['Canada', ['Kyiv wants Canada among the guarantors of any settlement.']],
    ]);
    expect(cutOff.map((r) => (r.category === 'guarantors' ? r.country : ''))).toEqual(['France', 'Poland']);
  });

  it('takes no position from the cut sentence, and keeps one whose last line reads as complete', () => {
    const demand = 'Talks resumed on Monday. Moscow demands that Kyiv cede the whole of the Donbas';
    const cut = extractedWith(`${demand}, while the envoys wai`);
    expect(cut.facts.positions).toEqual([]);
    expect(cut.cutOff.map((r) => r.rule)).toEqual(['cut-off-sentence']);
    const complete = extractedWith(`${demand}, a line it has held since Monday`);
    expect(complete.facts.positions.map((p) => `${p.topic}/${p.party}`)).toEqual(['donbas/Russia']);
  });

  it('keeps a position that a complete sentence before the cut one carries', () => {
    const demand = 'Moscow demands that Kyiv cede the whole of the Donbas';
    const { facts } = extractedWith(`Talks resumed on Monday. ${demand}.\n${demand} and`);
    expect(facts.positions.flatMap((p) => p.citations.map((c) => c.evidence))).toEqual([`${demand}.`]);
  });
});
