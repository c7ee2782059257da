import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { describe, expect, it } from 'vitest';
import { LocalStoreBusyError, openLocalStore, talksHome } from '../../lambda/cli/local-store.js';
import { STORE_FORMAT } from '../../lambda/store/table.js';
import { SEED_DIR } from '../articles/fixtures.js';

/** Overwrites the stored value of the item whose key names `pk` with bytes that are not JSON, as a damaged disk might. */
async function damageValue(dataDir: string, pk: string): Promise<void> {
  const db = new Level<string, string>(dataDir);
  await db.open();
  const hexKey = Buffer.from(pk).toString('hex');
  for await (const key of db.keys()) if (key.includes(hexKey)) await db.put(key, '{"broken');
  await db.close();
}

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
    writeFileSync(join(path, 'store-format'), '1\n');
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

  it.each([
    ['lost', (path: string) => rmSync(join(path, 'store-format'))],
    ['damaged', (path: string) => writeFileSync(join(path, 'store-format'), '\u0000garbage')],
  ])(
    'keeps data whose format marker is %s when its items read in this format, and restores the marker',
    async (_, damage) => {
      const path = tempHome();
      const first = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
      await first.close();
      damage(path);
      const notices: string[] = [];

      const reopened = await openLocalStore({ path, seedDir: SEED_DIR, log: (line) => notices.push(line) });
      const { total } = await reopened.store.listSources(10);
      await reopened.close();

      expect(total).toBe(4);
      expect(notices).toEqual([]);
      expect(readdirSync(path).filter((name) => name.startsWith('dynamodb-format-'))).toEqual([]);
      expect(readFileSync(join(path, 'store-format'), 'utf8').trim()).toBe(String(STORE_FORMAT));
    },
  );

  it('says the data is damaged when LevelDB cannot open it, and leaves no lock behind', async () => {
    const path = tempHome();
    const first = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
    await first.close();
    writeFileSync(join(path, 'dynamodb', 'CURRENT'), 'MANIFEST-999999\n');

    await expect(openLocalStore({ path, seedDir: SEED_DIR, log: quiet })).rejects.toThrow(
      /^The local DynamoDB data is damaged: .*MANIFEST-999999/,
    );
    expect(existsSync(join(path, 'talks.pid'))).toBe(false);
  });

  it('answers a read of a value LevelDB cannot decode with an error naming the damage, and keeps running', async () => {
    const path = tempHome();
    const first = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
    await first.close();
    await damageValue(join(path, 'dynamodb'), 'VIEW#SPEAKERS');
    const local = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });

    await expect(local.store.getSpeakerDirectory()).rejects.toThrow(
      /^The local DynamoDB data is damaged \(Could not decode value\)/,
    );
    // Other items still read: the process and its embedded server are alive.
    expect((await local.store.listSources(10)).total).toBe(4);
    await local.close();
  });

  it('takes over a lock whose pid is now an unrelated live process', async () => {
    const path = tempHome();
    mkdirSync(path, { recursive: true });
    // pid 1 is always alive and is no talks process; as a lock of an older version (the pid alone) or of this one.
    for (const lock of ['1', JSON.stringify({ pid: process.ppid, command: 'node\u0000another-program' })]) {
      writeFileSync(join(path, 'talks.pid'), lock);
      const local = await openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
      await local.close();
    }
    expect(existsSync(join(path, 'talks.pid'))).toBe(false);
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
