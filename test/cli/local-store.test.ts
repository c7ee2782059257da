import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStoreBusyError, openLocalStore, talksHome } from '../../lambda/cli/local-store.js';
import { STORE_FORMAT } from '../../lambda/store/table.js';
import { SEED_DIR } from '../articles/fixtures.js';

const tempHome = () => join(mkdtempSync(join(tmpdir(), 'talks-home-')), 'home');
const quiet = () => {};

describe('openLocalStore', () => {
  it('ingests the default corpus into an empty store, once', async () => {
    const path = tempHome();
    const notices: string[] = [];

    const first = await openLocalStore({ path, seedDir: SEED_DIR, log: (line) => notices.push(line) });
    const { total } = await first.store.listSources(10);
    await first.close();
    const second = await openLocalStore({ path, seedDir: SEED_DIR, log: (line) => notices.push(line) });
    const reopened = await second.store.listSources(10);
    await second.close();

    expect(total).toBe(4);
    expect(reopened.total).toBe(4);
    expect(notices).toEqual([
      expect.stringMatching(/^First run: ingesting the default corpus from .*data\/articles into /),
      'First run: 4 stored, 1 duplicates, 0 rejected.',
    ]);
  });

  it('sets aside a store written by another store format and rebuilds it, keeping the old data', async () => {
    const path = tempHome();
    const first = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
    await first.close();
    expect(readFileSync(join(path, 'store-format'), 'utf8').trim()).toBe(String(STORE_FORMAT));
    // As a store from before the format file was written looks.
    rmSync(join(path, 'store-format'));
    const notices: string[] = [];

    const reopened = await openLocalStore({ path, seedDir: SEED_DIR, log: (line) => notices.push(line) });
    const { total } = await reopened.store.listSources(10);
    await reopened.close();

    expect(total).toBe(4);
    expect(notices[0]).toMatch(/written by another version of talks-bot \(store format 1, now \d+\): it is kept in /);
    expect(notices[1]).toMatch(/^First run: ingesting the default corpus/);
    expect(readdirSync(path).filter((name) => name.startsWith('dynamodb-format-1-'))).toHaveLength(1);
    expect(readFileSync(join(path, 'store-format'), 'utf8').trim()).toBe(String(STORE_FORMAT));
  });

  it('refuses a data folder that another live process holds, and takes over one left by a dead process', async () => {
    const path = tempHome();
    mkdirSync(path, { recursive: true });
    // The parent of this test process is alive and is not this process.
    writeFileSync(join(path, 'talks.pid'), String(process.ppid));
    await expect(openLocalStore({ path, seedDir: SEED_DIR, log: quiet })).rejects.toBeInstanceOf(LocalStoreBusyError);

    // Pids wrap far below 2^22 on Linux: this one cannot be running.
    writeFileSync(join(path, 'talks.pid'), String(2 ** 22 + 1));
    const local = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
    await local.close();
    expect(existsSync(join(path, 'talks.pid'))).toBe(false);
  });
});

describe('talksHome', () => {
  it('is TALKS_HOME when set, .talks/ in the repository otherwise', () => {
    expect(talksHome({ TALKS_HOME: '/data/talks' })).toBe('/data/talks');
    expect(talksHome({})).toMatch(/\/\.talks$/);
  });

  it('refuses an empty TALKS_HOME', () => {
    expect(() => talksHome({ TALKS_HOME: ' ' })).toThrow('TALKS_HOME must be a folder path, not empty');
  });
});
