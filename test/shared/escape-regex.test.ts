import { describe, expect, it } from 'vitest';
import { escapeRegex } from '../../lambda/shared/escape-regex.js';

describe('escapeRegex', () => {
  it('makes a pattern that matches the text literally, meta characters included', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    const pattern = new RegExp(`^${escapeRegex(text)}$`, 'u');
    expect(pattern.test(text)).toBe(true);
    expect(pattern.test(text.replace('.', 'x'))).toBe(false);
  });

  it('leaves letters, spaces and other characters as they are', () => {
    expect(escapeRegex("Côte d'Ivoire – U.S.")).toBe("Côte d'Ivoire – U\\.S\\.");
  });
});
