import { describe, expect, it } from 'vitest';
import { resolveSaidDate } from '../../lambda/facts/said-date.js';

describe('resolveSaidDate', () => {
  // 2026-03-11 is a Wednesday.
  const wednesday = '2026-03-11';

  it.each([
    ['The delegation said on Monday that it would return.', '2026-03-09'],
    ['Officials said Tuesday the draft was ready.', '2026-03-10'],
    ['The envoy spoke on Wednesday.', '2026-03-11'],
    ['On Thursday the talks broke up.', '2026-03-05'],
  ])('dates "%s" to the last such weekday on or before the report (%s)', (sentence, said) => {
    expect(resolveSaidDate(sentence, wednesday)).toBe(said);
  });

  it.each([
    ['Moscow replied yesterday.', '2026-03-10'],
    ['The offer was made last week.', '2026-03-04'],
    ['Today the negotiators met again.', '2026-03-11'],
  ])('dates "%s" relative to the report (%s)', (sentence, said) => {
    expect(resolveSaidDate(sentence, wednesday)).toBe(said);
  });

  it('reads a month and day without a year in the report’s year', () => {
    expect(resolveSaidDate('The proposal was tabled on March 2 in Geneva.', wednesday)).toBe('2026-03-02');
    expect(resolveSaidDate('On 28 February the sides exchanged drafts.', wednesday)).toBe('2026-02-28');
    expect(resolveSaidDate('The memo of Feb. 27 set out the terms.', wednesday)).toBe('2026-02-27');
  });

  it('takes the year before for a day that would come after the report (a year boundary)', () => {
    expect(resolveSaidDate('The first draft was circulated on December 30.', '2026-01-04')).toBe('2025-12-30');
    expect(resolveSaidDate('Talks resumed on Friday.', '2026-01-01')).toBe('2025-12-26');
    expect(resolveSaidDate('It was said yesterday.', '2026-01-01')).toBe('2025-12-31');
  });

  it('keeps a year the sentence gives', () => {
    expect(resolveSaidDate('The treaty signed on March 29, 2024 still binds them.', wednesday)).toBe('2024-03-29');
  });

  it('takes the first dating expression of the sentence', () => {
    expect(resolveSaidDate('On Monday he recalled what was agreed on March 2.', wednesday)).toBe('2026-03-09');
  });

  it.each([
    'The talks will resume next Monday.',
    'Russia may agree, the report said.',
    'He told USA Today that nothing was settled.',
    'The ministry said in March that it wanted guarantees.',
    'On February 30 nothing happened.',
  ])('gives no date to "%s"', (sentence) => {
    expect(resolveSaidDate(sentence, wednesday)).toBeNull();
  });

  it('never dates a sentence of an undated article', () => {
    expect(resolveSaidDate('The delegation said on Monday that it would return.', null)).toBeNull();
  });
});
