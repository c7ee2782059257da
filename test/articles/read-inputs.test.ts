import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../lambda/articles/article.js';
import { MAX_ARTICLE_BYTES } from '../../lambda/articles/decode-text.js';
import {
  type ArticleInput,
  isRejection,
  parseArticleInput,
  readArticleInputs,
  readArticlePaths,
} from '../../lambda/articles/read-inputs.js';
import { fixtureInput, fixturePath, textInput } from './fixtures.js';

function parsed(input: ArticleInput, metadata = {}) {
  const result = parseArticleInput(input, metadata);
  if (isRejection(result)) throw new Error(`rejected ${result.file}: ${result.reason}`);
  return ArticleSchema.parse(result);
}

function reasonFor(input: ArticleInput): string {
  const result = parseArticleInput(input);
  if (!isRejection(result)) throw new Error(`${input.name} was accepted`);
  return result.reason;
}

describe('parseArticleInput: formats', () => {
  it('reads a .txt header block (Title, Source, URL, Date, Author) and keeps it out of the body', () => {
    const article = parsed(fixtureInput('ingest-formats/header-block.txt'));
    expect(article).toMatchObject({
      title: 'Envoys agree on a second round of harbour talks',
      outlet: 'The Harbour Courier',
      url: 'https://courier.example.com/2023/05/04/harbour-talks',
      urls: ['https://courier.example.com/2023/05/04/harbour-talks'],
      date: '2023-05-04',
      author: 'Mira Okafor',
      files: ['header-block.txt'],
    });
    expect(article.body.startsWith('Envoys from Northland and Southport agreed')).toBe(true);
    expect(article.body).not.toContain('Title:');
  });

  it('reads Markdown front matter, drops the heading that repeats the title, the image and the quote marks', () => {
    const article = parsed(fixtureInput('ingest-formats/front-matter.md'));
    expect(article).toMatchObject({
      title: 'Southport offers a fishing truce',
      outlet: 'Coastal Wire',
      author: 'Lena Haas',
    });
    expect(article.body.split('\n\n')).toEqual([
      'Southport offered on Friday to suspend patrols in the disputed fishing grounds for ninety days.',
      '"A truce at sea is the first step towards a treaty on land," Southport\'s foreign minister Ada Ruiz said.',
      'Northland said it would study the offer.',
    ]);
  });

  it('takes an opening headline as the title of a plain text that has no metadata, and leaves the rest unknown', () => {
    const article = parsed(fixtureInput('ingest-formats/plain.txt'));
    expect(article).toMatchObject({
      title: 'Harbour talks stall over customs checks',
      outlet: null,
      url: null,
      date: null,
    });
    expect(article.urls).toEqual([]);
    expect(article.body.startsWith('Negotiators from Northland')).toBe(true);
  });

  it('leaves the title unknown when a text opens with its lead sentence', () => {
    const article = parsed(
      textInput('lead.txt', 'Northland recalled its envoy on Friday.\n\nSouthport regretted the move.\n'),
    );
    expect(article.title).toBeNull();
    expect(article.body).toBe('Northland recalled its envoy on Friday.\n\nSouthport regretted the move.');
  });

  it('reads the main text of an HTML page and its og:/article: metadata, without navigation, caption or newsletter', () => {
    const article = parsed(fixtureInput('ingest-formats/article.html'));
    expect(article).toMatchObject({
      title: 'Northland proposes joint patrols',
      outlet: 'Example Daily',
      url: 'https://daily.example.net/world/northland-joint-patrols',
      date: '2023-05-06',
      author: 'Sam Reyes',
    });
    const paragraphs = article.body.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[2]).toContain('discuss it on Monday & reply within a week.');
    for (const noise of ['Home', 'patrol boat leaves', 'newsletter', 'All rights reserved']) {
      expect(article.body).not.toContain(noise);
    }
  });

  it('falls back to the canonical link when a page has no og:url', () => {
    const html = `<html><head><link rel="canonical" href="https://example.org/story"></head><body><article>
      <p>${'Northland and Southport met again on Monday to discuss the harbour and its future. '.repeat(6)}</p>
      </article></body></html>`;
    expect(parsed(textInput('page.htm', html)).url).toBe('https://example.org/story');
  });

  it('reads a JSON article and ignores unknown keys', () => {
    const article = parsed(fixtureInput('ingest-formats/article.json'));
    expect(article).toMatchObject({
      title: 'Mediators set a deadline for the harbour deal',
      outlet: 'Example Wire',
      url: 'https://wire.example.com/harbour-deadline',
      date: '2023-05-07',
      author: null,
    });
    expect(article.body).toContain(
      '"After that, we will publish our own proposal," the lead mediator Ines Duarte said.',
    );
  });

  it('lets the metadata a user supplies win over what the file says, and never lets null erase a value', () => {
    const article = parsed(fixtureInput('ingest-formats/header-block.txt'), { outlet: 'Supplied Outlet', title: null });
    expect(article.outlet).toBe('Supplied Outlet');
    expect(article.title).toBe('Envoys agree on a second round of harbour talks');
  });

  it('reads UTF-16 text with a byte-order mark', () => {
    const text = '\uFEFFNorthland and Southport met on Monday.\n\nThey agreed to meet again.';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(parsed({ name: 'windows.txt', bytes }).body).toBe(
      'Northland and Southport met on Monday.\n\nThey agreed to meet again.',
    );
  });
});

describe('parseArticleInput: bad input', () => {
  it.each([
    ['ingest-bad/empty.txt', 'empty file'],
    ['ingest-bad/whitespace.txt', 'only whitespace'],
    ['ingest-bad/no-article.html', 'HTML page has no article text'],
    ['ingest-bad/only-furniture.txt', 'no article text left once prompts, captions and links are removed'],
  ])('rejects %s: "%s"', (file, reason) => {
    expect(reasonFor(fixtureInput(file))).toBe(reason);
  });

  it('rejects a JSON article that fails the schema, naming each bad field', () => {
    expect(reasonFor(fixtureInput('ingest-bad/bad-schema.json'))).toBe(
      'JSON article does not match { title, source, url, date, body }: url: expected an http(s) URL; body: expected the article text as a string',
    );
  });

  it('rejects a .json file that is not JSON', () => {
    expect(reasonFor(textInput('broken.json', '{ "title": '))).toMatch(/^not valid JSON: /);
  });

  it('rejects a header block with an invalid URL', () => {
    expect(reasonFor(fixtureInput('ingest-bad/bad-url-header.txt'))).toBe(
      'header block: URL "courier.example.com without a scheme" is not a valid http(s) address',
    );
  });

  it('keeps a header URL whose host ends in the root dot, as copied links sometimes do', () => {
    const text =
      'Title: Envoys meet\nURL: https://courier.example.com./world/envoys\n\nThe envoys of Northland met today.';
    expect(parsed(textInput('root-dot.txt', text)).url).toBe('https://courier.example.com./world/envoys');
  });

  it.each([
    'https://courier..example.com/world',
    'https://-courier.example.com/world',
    'https://courier.example.123/world',
  ])('rejects a header URL whose host is no domain name: %s', (url) => {
    expect(reasonFor(textInput('bad-host.txt', `Title: Envoys meet\nURL: ${url}\n\nThe envoys met.`))).toBe(
      `header block: URL "${url}" is not a valid http(s) address`,
    );
  });

  it('rejects a header block with an invalid date', () => {
    expect(reasonFor(fixtureInput('ingest-bad/bad-date-header.txt'))).toBe(
      'header block: Date "next Tuesday" is not a date (expected e.g. 2022-03-29)',
    );
  });

  it('rejects binary data (NUL bytes)', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41, 0x42]);
    expect(reasonFor({ name: 'archive.txt', bytes })).toBe('binary file (contains NUL bytes)');
  });

  it('rejects invalid UTF-8', () => {
    const bytes = new Uint8Array([0x4e, 0x6f, 0x72, 0x74, 0x68, 0xff, 0xfe, 0x6c, 0x61]);
    expect(reasonFor({ name: 'latin1.txt', bytes })).toBe('not UTF-8 text (binary data or another encoding)');
  });

  it('rejects an input over 5 MB', () => {
    const bytes = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(reasonFor({ name: 'huge.txt', bytes })).toBe('file too large: 5.0 MB (limit 5.0 MB)');
  });

  it('rejects an unsupported file type', () => {
    expect(reasonFor(textInput('slides.pdf', 'text'))).toBe(
      'unsupported file type ".pdf" (expected .txt, .md, .html or .json)',
    );
  });
});

describe('readArticleInputs', () => {
  it('applies a sources.json input to the inputs under the same key prefix only', () => {
    const sources = JSON.stringify({ 'a.txt': { source: 'Prefix Outlet' } });
    const body = 'Northland and Southport met on Monday to talk about the harbour.';
    const { articles, rejected } = readArticleInputs([
      textInput('uploads/sources.json', sources),
      textInput('uploads/a.txt', body),
      textInput('other/a.txt', body.replace('Monday', 'Tuesday')),
    ]);
    expect(rejected).toEqual([]);
    expect(articles.map((a) => [a.files[0], a.outlet])).toEqual([
      ['uploads/a.txt', 'Prefix Outlet'],
      ['other/a.txt', null],
    ]);
  });

  it('reports a bad sources.json entry and still reads every article', () => {
    const sources = JSON.stringify({ 'a.txt': { url: 'nope' }, 'b.txt': { title: 'Fine' } });
    const { articles, rejected } = readArticleInputs([
      textInput('sources.json', sources),
      textInput('a.txt', 'Northland spoke first at the talks on Monday.'),
      textInput('b.txt', 'Southport spoke second at the talks on Monday.'),
    ]);
    expect(rejected).toEqual([{ file: 'sources.json', reason: 'entry "a.txt": url: expected an http(s) URL' }]);
    expect(articles.map((a) => a.title)).toEqual([null, 'Fine']);
  });
});

describe('readArticlePaths', () => {
  it('reads sources.json beside the files: outlet alias, nulls, ignored keys, override of the header', async () => {
    const { articles, rejected } = await readArticlePaths([fixturePath('ingest-sources')]);
    expect(rejected).toEqual([]);
    const byFile = Object.fromEntries(articles.map((a) => [a.files[0], a]));
    expect(byFile['described.txt']).toMatchObject({
      title: 'Northland recalls its harbour envoy',
      outlet: 'The Harbour Courier',
      url: 'https://courier.example.com/recall',
      date: '2023-03-03',
      author: null,
    });
    expect(byFile['with-header.txt']).toMatchObject({
      title: 'Southport denies breaking the truce',
      outlet: 'Coastal Wire',
    });
    expect(byFile['unlisted.txt']).toMatchObject({ title: null, outlet: null });
    expect(Object.keys(byFile)).toHaveLength(3);
  });

  it('reads the sources.json beside a file named on its own', async () => {
    const { articles } = await readArticlePaths([fixturePath('ingest-sources/described.txt')]);
    expect(articles.map((a) => a.outlet)).toEqual(['The Harbour Courier']);
  });

  it('rejects missing and unreadable paths and oversized files without stopping the batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talks-read-'));
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(MAX_ARTICLE_BYTES + 10, 0x61));
    writeFileSync(join(dir, 'fine.txt'), 'Northland and Southport met on Monday to talk about the harbour.');
    const missing = join(dir, 'missing.txt');
    const throughFile = join(dir, 'fine.txt', 'child.txt');

    const { articles, rejected } = await readArticlePaths([missing, throughFile, dir]);

    expect(articles.map((a) => a.files)).toEqual([['fine.txt']]);
    expect(rejected).toEqual([
      { file: missing, reason: 'no such file or directory' },
      { file: throughFile, reason: 'not a path to a file (a parent is not a directory)' },
      { file: join(dir, 'big.txt'), reason: 'file too large: 5.0 MB (limit 5.0 MB)' },
    ]);
  });

  it('reads every format and every bad input in one batch, one outcome per file', async () => {
    const { articles, rejected } = await readArticlePaths([
      fixturePath('ingest-formats/header-block.txt'),
      fixturePath('ingest-formats/article.html'),
      fixturePath('ingest-bad/empty.txt'),
      fixturePath('ingest-formats/article.json'),
      fixturePath('ingest-bad/bad-schema.json'),
    ]);
    expect(articles.map((a) => a.files[0])).toEqual(['header-block.txt', 'article.html', 'article.json']);
    expect(rejected.map((r) => r.file)).toEqual(['empty.txt', 'bad-schema.json']);
  });
});
