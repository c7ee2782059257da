import { describe, expect, it } from 'vitest';
import rolesJson from '../../lambda/facts/lexicon/roles.json' with { type: 'json' };
import { LexiconError } from '../../lambda/facts/lexicon.js';
import { parseRoles, ROLES } from '../../lambda/facts/roles-lexicon.js';

/*
 * lexicon/roles.json is validated like the other lexicon files: speakers-lexicon.ts read its offices through a cast,
 * so a `title` written as "yes" or an office without a role went through unnoticed.
 */

describe('the roles lexicon', () => {
  it('reads the stored file', () => {
    expect(ROLES.offices.length).toBeGreaterThan(0);
    expect(ROLES.offices.some((o) => o.title)).toBe(true);
  });

  it('refuses an office whose title flag is not a boolean, naming the file', () => {
    const bad = { ...rolesJson, offices: [{ role: 'Taoiseach', country: 'Ireland', title: 'yes' }] };
    expect(() => parseRoles('roles.json', bad)).toThrow(LexiconError);
    expect(() => parseRoles('roles.json', bad)).toThrow(/invalid lexicon roles\.json/u);
  });

  it('refuses an office with an empty role, and a file without its lists', () => {
    expect(() => parseRoles('roles.json', { ...rolesJson, offices: [{ role: '', country: 'Ireland' }] })).toThrow(
      LexiconError,
    );
    expect(() => parseRoles('roles.json', { _about: 'x' })).toThrow(LexiconError);
  });
});
