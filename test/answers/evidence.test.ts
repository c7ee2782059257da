import { describe, expect, it } from 'vitest';
import type { FactLine } from '../../lambda/answers/answer.js';
import { evidenceBeyond } from '../../lambda/answers/evidence.js';

const articleId = 'a1a1a1a1a1a1a1a1';

function line(text: string, evidence: string): [FactLine, FactLine['citations'][number]] {
  const citation = { articleId, evidence };
  return [{ text, quoted: true, citations: [citation] }, citation];
}

describe('evidenceBeyond', () => {
  it('elides the quote already shown, keeping who said it', () => {
    expect(
      evidenceBeyond(...line('we want an international treaty', '"we want an international treaty," he said.')),
    ).toBe('"…," he said.');
  });

  it('adds nothing when the fact is the whole sentence', () => {
    expect(evidenceBeyond(...line('Russia wants a neutral Ukraine.', 'Russia wants a neutral Ukraine.'))).toBeNull();
  });

  it('adds nothing when the sentence is only the quote in quotation marks', () => {
    expect(evidenceBeyond(...line('We see Turkey as a guarantor.', '"We see Turkey as a guarantor."'))).toBeNull();
  });

  it('keeps a short fact such as a country in its sentence', () => {
    expect(evidenceBeyond(...line('Turkey', 'Ukraine named Turkey as a guarantor.'))).toBe(
      'Ukraine named Turkey as a guarantor.',
    );
  });

  it('shows the whole sentence when the fact is not a verbatim part of it', () => {
    const sentence = 'Kyiv asked for guarantees from the UK and the US.';
    expect(evidenceBeyond(...line('guarantees from the United Kingdom', sentence))).toBe(sentence);
  });
});
