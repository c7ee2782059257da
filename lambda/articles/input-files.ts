import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatMegabytes, MAX_ARTICLE_BYTES } from './decode-text.js';

/** A file to read: its path, the base name articles remember, and the folder whose sources.json applies to it. */
export interface InputFile {
  path: string;
  name: string;
  folder: string;
}

/** A path or file refused before reading, with the one-line reason shown to the user. */
export interface PathRejection {
  file: string;
  reason: string;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'not a path to a file (a parent is not a directory)',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'path too long',
};

/** A file-system error as a short reason ("no such file or directory"). */
export function fsErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return FS_REASONS[code] ?? `cannot read: ${(error as Error).message}`;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const sorted = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  const nested = await Promise.all(
    sorted.map((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)])),
  );
  return nested.flat();
}

/**
 * Expands files and folders (recursively, hidden entries skipped) into the files to read, in a stable
 * order. Refuses, without reading them, paths that do not exist or cannot be opened, things that are
 * not regular files, and files over the size limit.
 */
export async function collectInputFiles(paths: string[]): Promise<{ files: InputFile[]; rejected: PathRejection[] }> {
  const files: InputFile[] = [];
  const rejected: PathRejection[] = [];
  const seen = new Set<string>();
  const candidates: { path: string; shownAs: string }[] = [];

  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        for (const file of await filesUnder(path)) candidates.push({ path: file, shownAs: file });
      } else {
        candidates.push({ path, shownAs: path });
      }
    } catch (error) {
      rejected.push({ file: path, reason: fsErrorReason(error) });
    }
  }

  for (const { path, shownAs } of candidates) {
    const absolute = resolve(path);
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    try {
      const info = await stat(absolute);
      if (!info.isFile()) {
        rejected.push({ file: shownAs, reason: 'not a regular file' });
      } else if (info.size > MAX_ARTICLE_BYTES) {
        rejected.push({
          file: shownAs,
          reason: `file too large: ${formatMegabytes(info.size)} (limit ${formatMegabytes(MAX_ARTICLE_BYTES)})`,
        });
      } else {
        files.push({ path: absolute, name: basename(absolute), folder: dirname(absolute) });
      }
    } catch (error) {
      rejected.push({ file: shownAs, reason: fsErrorReason(error) });
    }
  }
  return { files, rejected };
}
