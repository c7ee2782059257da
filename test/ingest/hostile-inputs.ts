import type { ArticleInput } from '../../lambda/articles/read-inputs.js';
import { textInput } from '../articles/fixtures.js';
import { generateCorpus } from '../fixtures/synthetic/generate-corpus.js';
import { createRandom } from '../fixtures/synthetic/random.js';

/*
 * Inputs a hostile or careless uploader can send, each written for the case it exercises (issue 11), and
 * good articles to send beside them: every hostile one may cost its own file, never the good ones.
 */

/** Good articles: invented, ~5 KB each, from the synthetic corpus (no exact or near duplicates among them). */
export function goodInputs(count: number, seed = 1101): ArticleInput[] {
  return generateCorpus({ seed, count, duplicateRate: 0, nearDuplicateRate: 0 }).map(({ name, bytes }) => ({
    name,
    bytes,
  }));
}

/** A report in which a "speaker" has a surname of `letters` letters: its key would pass DynamoDB's 2,048 bytes. */
export function longSurnameInput(letters = 2200): ArticleInput {
  const surname = `Zor${'a'.repeat(letters)}`;
  return textInput(
    'long-surname.txt',
    `Talks resumed in a lakeside hotel on Friday.\n\nIvan ${surname} said "the convoy will leave at dawn and return by noon."\n\n` +
      `Ivan ${surname} told reporters that the second round would open next week.\n`,
  );
}

/** A web page whose one paragraph sits inside `depth` nested div elements. */
export function nestedHtmlInput(depth: number): ArticleInput {
  const paragraph = '<p>Delegates agreed on Tuesday to meet again in a week, a spokeswoman for the hosts said.</p>';
  return textInput(
    `nested-${depth}.html`,
    `<html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}${paragraph}${'</div>'.repeat(depth)}</body></html>`,
  );
}

/** One article's bytes under `count` names of about `nameLength` characters, every name different. */
export function manyNamesInputs(count: number, nameLength = 1000): ArticleInput[] {
  const text =
    'Many names\n\nThe mediators published a short schedule for the coming rounds of talks. ' +
    'The first round opens on Monday, a spokesman said, and the second follows a week later.\n';
  // Random letters, so the stored names do not shrink much when their item is deflated.
  const random = createRandom(1103);
  return Array.from({ length: count }, (_, i) => {
    const filler = Array.from({ length: nameLength }, () => String.fromCharCode(random.int(97, 122))).join('');
    return textInput(`${i}-${filler}.txt`, text);
  });
}

/** A ~`megabytes` MB report in which one invented envoy is quoted in every paragraph, each time in other words. */
export function bigQuoteHeavyInput(megabytes: number): ArticleInput {
  const paragraphs = ['Big report\n\nEnvoy Marta Quillfeather arrived for another round of talks on Monday.'];
  for (let i = 0, size = 0; size < megabytes * 1_000_000; i++) {
    const paragraph =
      `"The ${i}th draft keeps the corridor open for a week," Quillfeather said. She added that round ${i} ended late, ` +
      `and the deputy envoy told reporters the teams would meet again on day ${i + 1}.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return textInput('big-quote-heavy.txt', paragraphs.join('\n\n'));
}
