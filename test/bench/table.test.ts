import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, markdownTable } from '../../bench/table.js';

describe('markdownTable', () => {
  it('aligns columns to the widest cell, header included', () => {
    expect(
      markdownTable(
        ['command', 'p50'],
        [
          ['summary', '4.2'],
          ['who', '12'],
        ],
      ),
    ).toBe(['| command | p50 |', '|---------|-----|', '| summary | 4.2 |', '| who     | 12  |'].join('\n'));
  });
});

describe('formatNumber and formatBytes', () => {
  it('keeps one decimal below 10, none above, with thousands separators', () => {
    expect(formatNumber(4.26)).toBe('4.3');
    expect(formatNumber(12.6)).toBe('13');
    expect(formatNumber(10_000)).toBe('10,000');
    expect(formatBytes(1_618_225)).toBe('1.62 MB');
    expect(formatBytes(14_300)).toBe('14 KB');
  });
});
