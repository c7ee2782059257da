import { expect, it } from 'vitest';
import { extractStatements } from '../../lambda/facts/statements.js';
import { articleOf } from './article-of.js';

/** The statements of a body, each as speaker, kind and text: what the statement tests compare. */
export const said = (body: string) =>
  extractStatements(articleOf(body)).statements.map((s) => [s.speaker, s.kind, s.text] as const);

/** One row of a table of statement cases: what it shows, the body, and the statements expected from it. */
export type SaidCase = readonly [title: string, body: string, expected: readonly (readonly [string, string, string])[]];

/** A test per row: the body's statements are exactly the expected ones (an empty list: none at all). */
export function itSays(cases: readonly SaidCase[]): void {
  for (const [title, body, expected] of cases) it(title, () => expect(said(body)).toEqual(expected));
}
