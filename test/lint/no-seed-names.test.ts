import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { speakerKey, surnameOf } from '../../lambda/facts/speaker-key.js';
import { readArticles, SEED_DIR } from '../facts/fixture-articles.js';

const LAMBDA_DIR = path.resolve(import.meta.dirname, '../../lambda');

/** Shorter surnames ("Li", "Ng") fold onto common words and would only add noise. */
const MIN_SURNAME_LETTERS = 4;

/**
 * The folded surname keys of everyone the extractor finds speaking or mentioned in the seed corpus, each
 * with the spellings seen. Keys, not spellings, are what the source must not hold: `speakerKey` folds the
 * transliterations outlets choose between, so a comment cannot get past this by swapping "y" for "i".
 */
async function seedSurnames(): Promise<Map<string, string[]>> {
  const surnames = new Map<string, string[]>();
  for (const article of await readArticles(SEED_DIR)) {
    const { people, mentions } = extractArticleFacts(article);
    for (const person of [...people, ...mentions]) {
      for (const name of [person.name, ...person.aliases]) {
        const surname = surnameOf(name);
        if ((surname.match(/\p{L}/gu) ?? []).length < MIN_SURNAME_LETTERS) continue;
        const key = speakerKey(surname);
        surnames.set(key, [...new Set([...(surnames.get(key) ?? []), surname])]);
      }
    }
  }
  return surnames;
}

/** Every word of `text` that is a spelling of one of the surnames keyed in `keys`, in order of appearance. */
function surnamesIn(text: string, keys: ReadonlyMap<string, unknown>): string[] {
  return (text.match(/\p{L}+/gu) ?? []).filter(
    (word) => word.length >= MIN_SURNAME_LETTERS && keys.has(speakerKey(word)),
  );
}

/** The TypeScript sources of lambda/, as paths relative to it. */
const lambdaSources = () =>
  readdirSync(LAMBDA_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));

let seedKeys: Map<string, string[]>;
beforeAll(async () => {
  seedKeys = await seedSurnames();
});

describe('surnamesIn', () => {
  it('finds a seed surname in any transliteration, case or possessive, and an invented name not at all', () => {
    // Prepare: the keys of two real-shaped surnames, read from their canonical spellings.
    const keys = new Map([
      [speakerKey('Belensky'), []],
      [speakerKey('Lomakhia'), []],
    ]);

    // Act and assess: every spelling the folds join is caught; a different surname is not.
    expect(surnamesIn('an adviser to Belenskyy; "Lomahiya said …"; belenskiy’s aide', keys)).toEqual([
      'Belenskyy',
      'Lomahiya',
      'belenskiy',
    ]);
    expect(surnamesIn('Torinsky, Russia’s chief negotiator, said', keys)).toEqual([]);
  });
});

describe('lambda/ in its own names', () => {
  it('reads the seed corpus people it guards against', () => {
    const spellings = [...seedKeys.values()].flat();
    expect(seedKeys.size).toBeGreaterThanOrEqual(5);
    // Caught in a comment, a spelling variant of any of them would fail the check below.
    const comment = `// "${spellings.join('", "')}"`;
    expect(surnamesIn(comment, seedKeys)).toEqual(spellings);
  });

  it('names nobody of the seed corpus in lambda/**/*.ts (comments included)', () => {
    const sources = lambdaSources();
    const findings = sources.flatMap((file) =>
      readFileSync(path.join(LAMBDA_DIR, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => surnamesIn(line, seedKeys).map((word) => `lambda/${file}:${i + 1}: ${word}`)),
    );

    expect(sources.length).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });
});
