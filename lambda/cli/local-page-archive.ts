import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PageArchive } from '../store/page-archive.js';

/** The local stand-in for the article bucket's `links/` prefix: a folder beside the local store's data. */
export function createLocalPageArchive(folder: string): PageArchive {
  return {
    async save(name, bytes) {
      const path = join(folder, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      return path;
    },
  };
}
