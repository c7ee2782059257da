import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { articleOf } from './article-of.js';

/*
 * Guarantors named in lists (issue 17, round 16's misses by kind): a list a neighbouring sentence ties to the
 * guarantees, a list holding a group or an international body among its countries, a list of signers of bilateral
 * agreements in an article about the security agreements, and the countries announcing their readiness to take part.
 * Every sentence is invented.
 */
const guarantorsOf = (body: string) =>
  extractArticleFacts(articleOf(body))
    .guarantors.map((g) => `${g.country} by ${g.proposedBy ?? '?'}`)
    .sort();

describe('a list holding groups or international bodies among its countries', () => {
  const meeting = 'The coalition of the willing will meet tomorrow to drive forward a lasting peace for Ukraine.\n';

  it('reads past a group or a body named as an item of the list to the countries after it', () => {
    expect(
      guarantorsOf(
        `${meeting}Around 25 countries, including European partners, the EU Commission, NATO, Chile, Ukraine, Peru and Bolivia, are expected to join the call.`,
      ),
    ).toEqual(['Bolivia by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
    expect(
      guarantorsOf(
        `${meeting}Some 20 nations, including Nordic countries, Chile and Peru, will take part in the call.`,
      ),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
  });

  it('does not read past a clause between the items', () => {
    expect(
      guarantorsOf(
        `${meeting}Around 25 countries, including European partners who met Chile last week, are expected to join the call.`,
      ),
    ).toEqual([]);
  });
});

describe('countries announcing their readiness to take part', () => {
  const opening = 'Ten more countries have joined the security guarantees for Ukraine, the foreign minister said.\n';

  it('reads a readiness announced, and a joining announced with "that"', () => {
    expect(
      guarantorsOf(
        `${opening}In particular, Chile, Peru and Bolivia have announced their readiness to contribute to Ukraine's long-term security.`,
      ),
    ).toEqual(['Bolivia by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
    expect(guarantorsOf(`${opening}Ecuador also announced that it would join the initiative.`)).toEqual([
      'Ecuador by Ukraine',
    ]);
  });

  it('reads no readiness for another effort, nor a joining denied', () => {
    expect(
      guarantorsOf(`${opening}Chile has announced its readiness to contribute to the reconstruction of the port.`),
    ).toEqual([]);
    expect(guarantorsOf(`${opening}Ecuador announced that it would not join the initiative.`)).toEqual([]);
  });
});

describe('signers of bilateral agreements in an article about the security agreements', () => {
  const about =
    'Ukraine has signed bilateral security agreements with a dozen partners. The security agreements last ten years.\n';

  it('reads "signed bilateral agreements with" and "the signing of bilateral agreements with"', () => {
    expect(
      guarantorsOf(`${about}Before this, Kyiv had signed bilateral agreements with Chile, Peru and Bolivia.`),
    ).toEqual(['Bolivia by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
    expect(
      guarantorsOf(`${about}On Friday, the signing of bilateral agreements with Ecuador and Uruguay was announced.`),
    ).toEqual(['Ecuador by Ukraine', 'Uruguay by Ukraine']);
  });

  it('reads the earlier signers a country joined in a security pact for the protected side', () => {
    expect(
      guarantorsOf(
        "Chile and Peru joined Bolivia, Ecuador and Uruguay in a ten-year security pact designed to bolster Ukraine's security.",
      ),
    ).toEqual([
      'Bolivia by Ukraine',
      'Chile by Ukraine',
      'Ecuador by Ukraine',
      'Peru by Ukraine',
      'Uruguay by Ukraine',
    ]);
    expect(guarantorsOf("Chile joined Peru in a fisheries pact designed to bolster Ukraine's exports.")).toEqual([]);
    expect(guarantorsOf('Chile joined Peru in criticising the security pact Russia signed with Belarus.')).toEqual([]);
    expect(
      guarantorsOf(
        "Chile joined Peru in criticising the ten-year security pact designed to bolster Ukraine's security.",
      ),
    ).not.toContain('Peru by Ukraine');
  });

  it('takes the owner of a decision to join, not the official told of it', () => {
    expect(
      guarantorsOf(
        "The foreign minister informed US Secretary of State Ivo Lenk about Chile's decision to join the declaration on security guarantees for Ukraine.",
      ),
    ).toEqual(['Chile by Ukraine']);
  });

  it('takes every owner of a joint decision to join (issue 17, m39)', () => {
    expect(
      guarantorsOf(
        "The foreign minister informed US Secretary of State Ivo Lenk about Peru and Chile's decision to join the declaration on security guarantees for Ukraine.",
      ),
    ).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
    expect(
      guarantorsOf(
        "The minister welcomed Peru, Bolivia and Chile's readiness to join the declaration on security guarantees for Ukraine.",
      ),
    ).toEqual(['Bolivia by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
    // A comma and "and" before the owner join a list of three or more, not a clause (review of m39).
    expect(
      guarantorsOf(
        "The minister welcomed Peru, Bolivia, and Chile's readiness to join the declaration on security guarantees for Ukraine.",
      ),
    ).toEqual(['Bolivia by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
    expect(
      guarantorsOf(
        "The minister thanked Brazil, and Chile's decision to join the declaration on security guarantees for Ukraine was welcomed.",
      ),
    ).toEqual(['Chile by Ukraine']);
  });

  it('keeps the agreement in reach where a later sentence names it again by its signing', () => {
    const body = [
      'The bilateral security agreement between Ukraine and Chile can be signed before the summit in July.',
      'Officials gave no date. Talks went on in the capital.',
      'The minister said the parties expect to sign the agreement by July.',
      'Earlier this year, the leaders met in Lima. Aides travelled on to Quito.',
      'On Friday, the signing of bilateral agreements with Peru and Bolivia was announced.',
    ].join('\n\n');
    expect(guarantorsOf(body)).toEqual(['Bolivia by Ukraine', 'Chile by Ukraine', 'Peru by Ukraine']);
  });

  it('reads no signer of a bilateral agreement of another kind, nor one in an article not about security agreements', () => {
    expect(guarantorsOf(`${about}Kyiv had also signed bilateral trade agreements with Chile and Peru.`)).toEqual([]);
    expect(guarantorsOf('Kyiv had signed bilateral agreements with Chile and Peru on fishing rights.')).toEqual([]);
  });
});

describe('a roll call’s cue used as a subject', () => {
  it('takes no country of an official the participants will brief after a coalition meeting', () => {
    const body =
      'The coalition of the willing met by video link on Thursday to plan security guarantees for Ukraine. ' +
      'The participants will brief US President Ivo Lenk later.';
    expect(guarantorsOf(body)).toEqual([]);
  });

  it('still takes a roll call of leaders after the cue', () => {
    const body =
      'The coalition of the willing met by video link on Thursday to plan security guarantees for Ukraine. ' +
      'Participants included Chilean President Ivo Lenk and the Peruvian premier.';
    expect(guarantorsOf(body)).toEqual(['Chile by Ukraine', 'Peru by Ukraine']);
  });
});

describe('the review’s breaks (invented sentences)', () => {
  const meeting =
    'The coalition of the willing met by video link on Thursday to plan security guarantees for Ukraine. ';
  const opening = 'Ten more countries have joined the security guarantees for Ukraine, the foreign minister said.\n';
  const about =
    'Ukraine has signed bilateral security agreements with a dozen partners. The security agreements last ten years.\n';

  it('ends a roll call at a lower-case modal only, and not at a modal before an adverb and "be"', () => {
    expect(
      guarantorsOf(`${meeting}Participants included British Prime Minister Rita May and US President Ivo Lenk.`),
    ).toEqual(['United Kingdom by Ukraine', 'United States by Ukraine']);
    expect(guarantorsOf(`${meeting}Taking part will probably be US President Ivo Lenk.`)).toEqual([
      'United States by Ukraine',
    ]);
  });

  it('joins to a readiness only the list closed by "and", and reads no readiness for the economy', () => {
    expect(
      guarantorsOf(
        `${opening}As Russia warned Chile, Peru announced its readiness to contribute to Ukraine's security.`,
      ),
    ).toEqual(['Peru by Ukraine']);
    expect(guarantorsOf(`${opening}Chile has announced its readiness to contribute to Ukraine's economy.`)).toEqual([]);
  });

  it('reads no signer of a signing called off', () => {
    expect(
      guarantorsOf(`${about}On Friday, the signing of bilateral agreements with Ecuador and Uruguay was postponed.`),
    ).toEqual([]);
  });

  it('reads no earlier signer joined in a pact in a question or under a condition', () => {
    expect(
      guarantorsOf("Will Chile join Peru in a ten-year security pact designed to bolster Ukraine's security?"),
    ).not.toContain('Peru by Ukraine');
    expect(
      guarantorsOf("If Chile joins Peru in a ten-year security pact for Ukraine's security, Russia will protest."),
    ).not.toContain('Peru by Ukraine');
  });

  it('takes no owner of a refusal to join', () => {
    expect(
      guarantorsOf(
        "The foreign minister informed US Secretary of State Ivo Lenk about Chile's refusal to join the declaration on security guarantees for Ukraine.",
      ),
    ).toEqual([]);
  });
});
