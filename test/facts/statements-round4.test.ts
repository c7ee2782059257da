import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../lambda/facts/statements.js';
import { articleOf } from './article-of.js';

/*
 * The statement frames of issue 17, round 4, one kind a test, in our own invented words: constructions
 * of wire copy, agency rewrites and machine translations that the round-3 blind half showed missing.
 */

const said = (body: string) =>
  extractStatements(articleOf(body)).statements.map((s) => [s.speaker, s.kind, s.text] as const);

describe('extractStatements on round 4 frames', () => {
  it('gives a quoted question to the speaker who "asked" after it, and nothing to "asked" elsewhere', () => {
    expect(said('"Who pays for the monitors? Who commands them?" Defence Minister Karel Vos asked.')).toEqual([
      ['Karel Vos', 'direct', 'Who pays for the monitors? Who commands them?'],
    ]);
    expect(said('Defence Minister Karel Vos asked the envoy to extend the truce by a week.')).toEqual([]);
    expect(said('Asked about the truce, Defence Minister Karel Vos said the monitors would stay.')).toEqual([
      ['Karel Vos', 'reported', 'the monitors would stay'],
    ]);
  });
});
