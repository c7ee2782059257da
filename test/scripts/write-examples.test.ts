import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, renderExamples } from '../../scripts/write-examples.js';

/*
 * The README and docs/examples/ show real answers; they went stale when extraction changed (the summary example
 * kept a speaker the seeds no longer give). After a change to what the commands print, run
 * `node --import tsx scripts/write-examples.ts` and update the README's excerpts from the files.
 */

describe('docs/examples', () => {
  it('holds what the commands print today', async () => {
    const examples = await renderExamples();
    expect(Object.keys(examples).length).toBe(6);
    for (const [name, text] of Object.entries(examples)) {
      const shown = await readFile(join(EXAMPLES_DIR, name), 'utf8');
      expect(shown, `docs/examples/${name} is stale: node --import tsx scripts/write-examples.ts`).toBe(text);
    }
  });
});
