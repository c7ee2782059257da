import { describe, expect, it } from 'vitest';
import {
  guarantorWords,
  LexiconError,
  parseLexicon,
  stanceWords,
  words,
  wordsAnyCase,
} from '../../lambda/facts/lexicon.js';

describe('words', () => {
  it('matches a phrase across any whitespace and either apostrophe', () => {
    const regex = new RegExp(`^${words(['rule out', "won't"])}$`, 'u');
    expect(regex.test('rule \n out')).toBe(true);
    expect(regex.test('won\u2019t')).toBe(true);
    expect(regex.test("won't")).toBe(true);
    expect(regex.test('ruleout')).toBe(false);
  });

  it('reads a trailing * as any word ending and escapes everything else', () => {
    const regex = new RegExp(`^${words(['negotiat*', 'u-turn'])}$`, 'u');
    expect(regex.test('negotiations')).toBe(true);
    expect(regex.test('u-turn')).toBe(true);
    expect(new RegExp(`^${words(['a.b'])}$`, 'u').test('axb')).toBe(false);
  });

  it('tries the longest entry first, so a match takes the whole phrase', () => {
    const match = new RegExp(words(['would', 'would include']), 'u').exec('it would include Norway');
    expect(match?.[0]).toBe('would include');
  });
});

describe('wordsAnyCase', () => {
  it('matches its words in any case without the i flag, so \\p{Lu} beside them still wants a capital', () => {
    const regex = new RegExp(`^${wordsAnyCase(["won't", 'with', 'negotiat*'])}\\s+\\p{Lu}`, 'u');
    expect(regex.test('With America')).toBe(true);
    expect(regex.test('WON\u2019T Peru')).toBe(true);
    expect(regex.test('Negotiations Ruritania')).toBe(true);
    expect(regex.test('with us')).toBe(false);
  });
});

describe('parseLexicon', () => {
  it('rejects a file that lacks a list its rules read', () => {
    expect(() => parseLexicon('test.json', ['verbs', 'nouns'], { _about: 'x', verbs: ['say'] })).toThrow(LexiconError);
  });

  it('rejects an entry that is a regular expression rather than words', () => {
    expect(() => parseLexicon('test.json', ['verbs'], { _about: 'x', verbs: ['sa(y|id)'] })).toThrow(/invalid lexicon/);
  });

  it('loads the shipped lexicons', () => {
    expect(guarantorWords.guaranteeObjects).toContain('security');
    expect(stanceWords.sayingVerbs).toContain('said');
  });
});
