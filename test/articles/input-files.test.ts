import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectInputFiles, fsErrorReason } from '../../lambda/articles/input-files.js';

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('collectInputFiles', () => {
  it('walks folders recursively in name order, skipping hidden entries, and lists a file named twice once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talks-files-'));
    mkdirSync(join(dir, 'b-nested'));
    mkdirSync(join(dir, '.git'));
    for (const file of ['c.txt', 'a.txt', '.DS_Store', 'b-nested/inner.md', '.git/HEAD'])
      writeFileSync(join(dir, file), 'x');

    const { files, rejected } = await collectInputFiles([dir, join(dir, 'a.txt')]);

    expect(files.map((f) => f.name)).toEqual(['a.txt', 'inner.md', 'c.txt']);
    expect(files[1]?.folder).toBe(join(dir, 'b-nested'));
    expect(rejected).toEqual([]);
  });

  it('rejects what is not a regular file (a named pipe) without opening it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talks-files-'));
    const pipe = join(dir, 'pipe.txt');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const { files, rejected } = await collectInputFiles([pipe]);
    expect(files).toEqual([]);
    expect(rejected).toEqual([{ file: pipe, reason: 'not a regular file' }]);
  });
});

describe('fsErrorReason', () => {
  it.each([
    ['ENOENT', 'no such file or directory'],
    ['EACCES', 'permission denied'],
    ['ENOTDIR', 'not a path to a file (a parent is not a directory)'],
  ])('says %s as "%s"', (code, reason) => {
    expect(fsErrorReason(errno(code))).toBe(reason);
  });

  it('keeps the message of an unexpected error', () => {
    expect(fsErrorReason(errno('EIO'))).toBe('cannot read: EIO: something');
  });
});
