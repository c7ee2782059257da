import { describe, expect, it } from 'vitest';
import { splitHeaderBlock } from '../../lambda/articles/formats/header-block.js';
import { parseSourcesFile } from '../../lambda/articles/sources-file.js';

describe('splitHeaderBlock', () => {
  it('reads known keys in any case, maps aliases, ignores unknown keys and keeps the first value of a key', () => {
    const text =
      'TITLE: First\nPublication: Example Post\nTags: talks, harbour\nTitle: Second\nPublished: 2023-05-04T10:00:00Z\n\nBody.';
    expect(splitHeaderBlock(text)).toEqual({
      metadata: { title: 'First', outlet: 'Example Post', date: '2023-05-04' },
      rest: '\nBody.',
    });
  });

  it('does not take a first paragraph for a header when none of its keys is a known field', () => {
    expect(splitHeaderBlock('KYIV: Russia said on Tuesday it would reduce its activity.\n\nMore.')).toBeNull();
  });

  it('does not take a block for a header when one of its lines is not "Key: value"', () => {
    expect(splitHeaderBlock('Title: A story\nThe envoys met on Monday.\n\nMore.')).toBeNull();
  });

  it('needs a closing fence for front matter', () => {
    expect(splitHeaderBlock('---\ntitle: A story\n\nThe envoys met on Monday.')).toBeNull();
  });

  it('treats an empty value as unknown', () => {
    expect(splitHeaderBlock('Title: A story\nAuthor:\n\nBody.')).toEqual({
      metadata: { title: 'A story' },
      rest: '\nBody.',
    });
  });
});

describe('parseSourcesFile', () => {
  it('reports a file that is not JSON', () => {
    expect(parseSourcesFile('{ "a.txt": ').problems).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });

  it('reports a file that is not an object of entries', () => {
    expect(parseSourcesFile('["a.txt"]').problems).toEqual(['expected a JSON object mapping file names to metadata']);
  });

  it('reports an invalid date and reads the valid entries', () => {
    const { byFile, problems } = parseSourcesFile(
      JSON.stringify({ 'a.txt': { date: 'soon' }, 'b.txt': { date: '29 March 2022', source: '  ' } }),
    );
    expect(problems).toEqual(['entry "a.txt": date: expected a date such as 2022-03-29']);
    expect(byFile.get('b.txt')).toEqual({ title: null, outlet: null, url: null, date: '2022-03-29', author: null });
  });
});
