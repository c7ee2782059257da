import { constants } from 'node:fs';
import { access, mkdir, stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/*
 * The local data folder is checked before it is created: Node 20's recursive `mkdir` never returns under
 * /proc (it loops at full CPU), and a folder nobody can write would fail later with a LevelDB error.
 */

/** Thrown when the data folder cannot be one: says which folder, why, and what to set. */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

/** Filesystems that hold no files of ours (statfs magic numbers, linux/magic.h). */
const SPECIAL_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x1cd1, 'devpts'],
]);

const fix = 'set TALKS_HOME to a folder you can write (or unset it to use .talks/ in the repository).';

async function existingAncestor(path: string): Promise<string> {
  let folder = path;
  for (;;) {
    const found = await stat(folder).then(
      () => true,
      () => false,
    );
    if (found || dirname(folder) === folder) return folder;
    folder = dirname(folder);
  }
}

/**
 * Creates the data folder if it is missing, one level at a time, after checking that the nearest existing
 * folder above it is a folder, writable, on an ordinary filesystem and not under /dev.
 */
export async function ensureDataFolder(home: string): Promise<void> {
  const path = resolve(home);
  const ancestor = await existingAncestor(path);
  const info = await stat(ancestor);
  if (!info.isDirectory()) throw new DataFolderError(`${ancestor} is a file, not a folder: ${fix}`);
  const filesystem = SPECIAL_FILESYSTEMS.get(Number((await statfs(ancestor)).type));
  if (filesystem || ancestor === '/dev' || ancestor.startsWith('/dev/'))
    throw new DataFolderError(`${path} is on ${filesystem ?? '/dev'}, a system filesystem that keeps no data: ${fix}`);
  try {
    await access(ancestor, constants.W_OK);
  } catch {
    throw new DataFolderError(`${ancestor} is not writable by this user: ${fix}`);
  }
  const missing: string[] = [];
  for (let folder = path; folder !== ancestor; folder = dirname(folder)) missing.unshift(folder);
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new DataFolderError(`${folder} could not be created (${code}): ${fix}`);
    }
  }
}
