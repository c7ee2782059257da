import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparableText } from '../../lambda/articles/text-normal-form.js';

describe('comparableText', () => {
  it('folds every run of whitespace to one space, as replacing /\\s+/ does', () => {
    // Spaces alone and in runs, other whitespace (tab, newline, no-break and ideographic spaces), and words.
    const pieces = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', 'Talks', 'resume', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (chosen) => {
        const text = chosen.join('');
        expect(comparableText(text)).toBe(text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase());
      }),
    );
  });

  it('straightens quote marks and ignores case', () => {
    expect(comparableText('  “Peace,” he SAID ‘today’\n\n')).toBe('"peace," he said \'today\'');
  });
});
