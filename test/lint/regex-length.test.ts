import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const FACTS_DIR = path.resolve(import.meta.dirname, '../../lambda/facts');

/**
 * Issue 17: vocabulary belongs in config and lexicon files, not in ever longer patterns. A regex literal in
 * the extraction rules longer than this is a word list that should be data.
 */
const MAX_REGEX_LITERAL_CHARS = 200;

interface RegexLiteral {
  file: string;
  line: number;
  length: number;
}

function regexLiteralsIn(dir: string): RegexLiteral[] {
  const found: RegexLiteral[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const file = path.join(dir, entry);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ file: entry, line: line + 1, length: node.getText(source).length });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('regex literals in the extraction rules', () => {
  const literals = regexLiteralsIn(FACTS_DIR);

  it('are found at all, so the limit below is checked against real code', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it(`stay within ${MAX_REGEX_LITERAL_CHARS} characters; longer ones are vocabulary for a lexicon file`, () => {
    expect(literals.filter((literal) => literal.length > MAX_REGEX_LITERAL_CHARS)).toEqual([]);
  });
});
