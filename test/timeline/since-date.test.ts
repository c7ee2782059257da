import { describe, expect, it } from 'vitest';
import { parseSinceDate } from '../../lambda/timeline/since-date.js';

describe('parseSinceDate', () => {
  const now = new Date('2026-01-02T23:30:00Z');

  it.each([
    ['2025-12-20', '2025-12-20'],
    ['7d', '2025-12-26'],
    ['3 days', '2025-12-30'],
    ['yesterday', '2026-01-01'],
    ['today', '2026-01-02'],
    ['  Yesterday ', '2026-01-01'],
  ])('reads "%s" as from %s on', (text, day) => {
    expect(parseSinceDate(text, now)).toEqual({ ok: true, day });
  });

  it.each([
    ['', 'Say since when.'],
    ['last tuesday', '"last tuesday" is not a date.'],
    ['2026-02-30', '2026-02-30 is not a day of the calendar.'],
    ['99999d', '99999 days is too far back (at most 3650).'],
  ])('refuses "%s"', (text, problem) => {
    expect(parseSinceDate(text, now)).toEqual({ ok: false, problem });
  });
});
