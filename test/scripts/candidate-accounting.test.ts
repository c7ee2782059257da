import { describe, expect, it } from 'vitest';
import {
  accountCandidates,
  type BaselineCandidates,
  DERIVED_VERDICTS,
  formatAccounting,
  summarise,
} from '../../scripts/candidate-accounting.js';
import { articleOf } from '../facts/article-of.js';
import type { Gold } from '../facts/seed-scoring.js';

/** One article whose file is `<id>.txt`, as articleOf names it. */
const article = (body: string, id: string) => ({ article: articleOf(body, id), file: `${id}.txt` });

/** The baseline's candidates for one sentence, as baseline.mjs prints them (article ids are file names). */
function candidates(
  file: string,
  sentence: string,
  found: { guarantors?: string[]; positions?: [string, string][] },
): BaselineCandidates {
  const citations = [{ articleId: file, evidence: sentence }];
  return {
    guarantors: (found.guarantors ?? []).map((country) => ({ country, citations })),
    positions: (found.positions ?? []).map(([topic, party]) => ({ topic, party, citations })),
  };
}

describe('accountCandidates', () => {
  it("keeps what the eval's corpus pass keeps: a list of guarantors that another report names", () => {
    // Invented reports: one names three guarantors outright; the other lists them only as the ones a call brings in,
    // after its guarantee sentence. Read alone it names none; the corpus pass (withCorpusGuarantors) adds them.
    const names = 'Kyiv wants security guarantees from Chile, Peru and Ecuador, its foreign minister said on Tuesday.';
    const lists = 'The call, chaired by the Uruguayan premier, will bring in the leaders of Chile, Peru and Ecuador.';
    const { article: naming } = article(names, '00000000000000b1');
    const { article: listing, file } = article(
      `Envoys will meet on Friday to shape the security guarantees for Ukraine after a truce. ${lists}`,
      '00000000000000b2',
    );

    const { verdicts } = accountCandidates([naming, listing], candidates(file, lists, { guarantors: ['Chile'] }), {});

    expect(verdicts.map((v) => [v.label, v.verdict])).toEqual([['chile', 'kept']]);
  });

  it('keeps a guarantor the extractor finds and charges a rejected one to the rule that dropped it', () => {
    const sentence = 'Kyiv seeks security guarantees from Britain once a peace deal with Russia is signed.';
    const { article: a, file } = article(sentence, '00000000000000a1');
    const gold: Gold = { [file]: { guarantors: [{ country: 'UK', evidence: sentence }] } };

    const { verdicts } = accountCandidates(
      [a],
      candidates(file, sentence, { guarantors: ['Britain', 'Russia'] }),
      gold,
    );

    expect(verdicts.map((v) => [v.label, v.verdict, v.gold])).toEqual([
      ['united kingdom', 'kept', true],
      ['russia', 'settlement-with-before', false],
    ]);
  });

  it('counts a gold candidate that a rule rejected as a recall leak of that rule', () => {
    const sentence = 'Kyiv seeks security guarantees from Britain once a peace deal with Russia is signed.';
    const { article: a, file } = article(sentence, '00000000000000a2');
    // Suppose the gold did label Russia here: the leak is the settlement rule's.
    const gold: Gold = { [file]: { guarantors: [{ country: 'Russia', evidence: sentence }] } };

    const accounting = accountCandidates([a], candidates(file, sentence, { guarantors: ['Russia'] }), gold);

    expect(summarise(accounting.verdicts, 'guarantors')).toMatchObject({
      candidates: 1,
      kept: 0,
      goldCandidates: 1,
      goldKept: 0,
      rules: [{ rule: 'settlement-with-before', rejected: 1, gold: 1 }],
    });
  });

  it('names the position rule that left a clause without a party', () => {
    const sentence = 'Analysts say Ukraine may have to give up Donbas.';
    const { article: a, file } = article(sentence, '00000000000000a3');

    const { verdicts } = accountCandidates([a], candidates(file, sentence, { positions: [['donbas', 'Ukraine']] }), {});

    expect(verdicts.map((v) => v.verdict)).toEqual(['outsider-voice']);
  });

  it('says the other party holds a position the extractor gave to the side that demands it', () => {
    const sentence = 'Russia demands that Ukraine give up Crimea.';
    const { article: a, file } = article(sentence, '00000000000000a4');
    const baseline = candidates(file, sentence, {
      positions: [
        ['crimea', 'Russia'],
        ['crimea', 'Ukraine'],
      ],
    });

    const { verdicts } = accountCandidates([a], baseline, {});

    expect(verdicts.map((v) => [v.label, v.verdict])).toEqual([
      ['crimea/russia', 'kept'],
      ['crimea/ukraine', DERIVED_VERDICTS.otherParty],
    ]);
  });

  it('lists gold facts that no candidate matches, and whether the extractor finds them anyway', () => {
    const body = 'Kyiv named Poland and Japan. It wants these countries to provide security guarantees.';
    const { article: a, file } = article(body, '00000000000000a5');
    const gold: Gold = {
      [file]: {
        guarantors: [
          { country: 'Poland', evidence: 'Kyiv named Poland and Japan.' },
          { country: 'Japan', evidence: 'Kyiv named Poland and Japan.' },
          { country: 'Canada', evidence: 'Kyiv named Poland and Japan.' },
        ],
      },
    };

    const { outside } = accountCandidates([a], { guarantors: [], positions: [] }, gold);

    expect(outside.map((o) => [o.label, o.found])).toEqual([
      ['poland', true],
      ['japan', true],
      ['canada', false],
    ]);
  });

  it('gives a candidate of a file it did not read the verdict that the extractor never saw it', () => {
    const { verdicts } = accountCandidates(
      [],
      candidates('absent.txt', 'Guarantees from France.', { guarantors: ['France'] }),
      {},
    );
    expect(verdicts[0]?.verdict).toBe(DERIVED_VERDICTS.unread);
  });
});

describe('formatAccounting', () => {
  const sentence = 'Kyiv seeks security guarantees from Britain once a peace deal with Russia is signed.';
  const { article: a, file } = article(sentence, '00000000000000b1');
  const accounting = accountCandidates([a], candidates(file, sentence, { guarantors: ['Britain', 'Russia'] }), {
    [file]: { guarantors: [{ country: 'Britain', evidence: sentence }] },
  });

  it('prints counts per rule without the sentences', () => {
    const lines = formatAccounting(accounting, false);
    expect(lines[0]).toBe(
      'guarantors: 2 baseline candidates, 1 kept, 1 rejected; 1 match gold, 1 kept, 0 lost (recall leaks)',
    );
    expect(lines.some((l) => /^ {2}settlement-with-before +1 +0$/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toContain(sentence);
  });

  it('prints each rejected candidate with its sentence when verbose', () => {
    expect(formatAccounting(accounting, true).join('\n')).toContain(
      `settlement-with-before  ${file}  russia: ${sentence}`,
    );
  });
});
