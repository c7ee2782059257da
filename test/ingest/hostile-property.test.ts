import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearDuplicateDetector } from '../../lambda/articles/fingerprint.js';
import type { ArticleInput } from '../../lambda/articles/read-inputs.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import { openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';
import { goodInputs } from './hostile-inputs.js';

/*
 * The batch invariant of issue 11, on generated hostile inputs: whatever else a batch holds, every good
 * file in it is stored, every input gets exactly one outcome, and a rejection is one line that names
 * its file. Sizes are kept small so the property runs in a few seconds; the large cases have their own
 * tests in hostile-inputs.test.ts.
 */

const word = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const name = fc.tuple(word, fc.integer({ min: 1, max: 3000 })).map(([w, n]) => `${w}${'x'.repeat(n)}`);
const markup = fc.constantFrom(
  '*',
  '_',
  '~',
  '`',
  '<!channel>',
  '<@U123>',
  '<https://x.test|y>',
  '&amp;',
  '\u0000',
  '\u202e',
);
const sentence = fc
  .tuple(name, fc.array(fc.oneof(word, markup), { maxLength: 30 }), fc.constantFrom('"', '\u201c', '\u00ab', ''))
  .map(([speaker, words, quote]) => `${speaker} said ${quote}${words.join(' ')}${quote ? '"' : ''}.`);
const extension = fc.constantFrom('.txt', '.md', '.html', '.json', '.bin', '');
const fileName = fc
  .tuple(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 1100 }), extension)
  .map(([base, padding, ext]) => `${base}${'n'.repeat(padding)}${ext}`);

const hostileInput: fc.Arbitrary<ArticleInput> = fc.oneof(
  // Text in any format, with over-long names, markup and odd characters.
  fc.tuple(fileName, fc.array(sentence, { minLength: 1, maxLength: 20 })).map(([file, sentences]) => ({
    name: file,
    bytes: new TextEncoder().encode(sentences.join('\n\n')),
  })),
  // Nested HTML, shallow to far too deep.
  fc.tuple(fc.integer({ min: 1, max: 3000 }), sentence).map(([depth, text]) => ({
    name: `nested-${depth}.html`,
    bytes: new TextEncoder().encode(
      `<html><body>${'<div>'.repeat(depth)}<p>${text}</p>${'</div>'.repeat(depth)}</body></html>`,
    ),
  })),
  // Random bytes.
  fc.tuple(fileName, fc.uint8Array({ maxLength: 2000 })).map(([file, bytes]) => ({ name: file, bytes })),
  // JSON with fields of any type and length.
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), sentence).map(([value, body]) => ({
    name: 'generated.json',
    bytes: new TextEncoder().encode(JSON.stringify({ title: value, body, url: value })),
  })),
);

let server: RunningServer;
let opened: TestStore;

beforeAll(async () => {
  server = await startEmbeddedDynamo();
  opened = await openStoreOn(server, {
    nearDuplicates: nearDuplicateDetector,
  });
});
afterAll(async () => {
  await opened.close();
  await server.close();
});

describe('ingest of generated hostile inputs', () => {
  const good = goodInputs(2, 1104);

  it('stores every good file beside them, and answers each input once, rejections in one line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileInput, { minLength: 1, maxLength: 4 }), async (hostile) => {
        const inputs = [...hostile, ...good];

        const report = await ingestInputs(inputs, opened.store);

        for (const { name } of good) {
          expect(['stored', 'duplicate']).toContain(report.files.find((f) => f.file === name)?.outcome);
        }
        expect(report.files.map((f) => f.file).sort()).toEqual(inputs.map((i) => i.name).sort());
        for (const { reason } of report.rejected) expect(reason).toMatch(/^[^\n]+$/);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
