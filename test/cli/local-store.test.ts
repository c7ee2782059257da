import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { describe, expect, it } from 'vitest';
import { LocalStoreBusyError, openLocalStore, talksHome } from '../../lambda/cli/local-store.js';
import { runCli } from '../../lambda/cli/main.js';
import { localStoreProblem } from '../../lambda/cli/store-problems.js';
import { keys } from '../../lambda/store/keys.js';
import { STORE_FORMAT } from '../../lambda/store/store-format.js';
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
    await damageValue(join(path, 'dynamodb'), keys.speakerDirectory().pk);
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

/** A long article in our own words: its body is stored in chunks. */
function longArticle(variant: string): string {
  const paragraphs = Array.from(
    { length: 160 },
    (_, i) =>
      `In session ${i} the harbour delegations went through clause ${i * 7} of the draft once more, and the mediators wrote down every objection before the break.`,
  );
  return `Title: The long harbour round ${variant}\nSource: Coastal Courier\nDate: 2026-11-03\n\n${paragraphs.join('\n\n')}\n\nThe round closed ${variant}.\n`;
}

describe('a damaged article body chunk', () => {
  it('is named as damage with its recovery, by the read and by the next ingest of a near-copy', async () => {
    // Prepare: a long article stored, then one of its body chunks lost, as LevelDB drops a corrupt block.
    const path = tempHome();
    const folder = mkdtempSync(join(tmpdir(), 'talks-long-'));
    writeFileSync(join(folder, 'long.txt'), longArticle('at dusk'));
    const open = () => openLocalStore({ path, seedDir: SEED_DIR, log: quiet });
    expect(await runCli(['ingest', folder], { stdout: quiet, stderr: quiet, openStore: open })).toBe(0);
    const first = await open();
    const [id] = (await first.store.listSources(10)).sources
      .filter((s) => s.outlet === 'Coastal Courier')
      .map((s) => s.id);
    await first.close();
    const db = new Level<string, string>(join(path, 'dynamodb'));
    const chunkKey = Buffer.from('BODY#00000').toString('hex');
    for await (const key of db.keys()) if (key.includes(chunkKey)) await db.del(key);
    await db.close();
    const local = await open();

    // Act
    const read = await local.store.getArticle(id as string).catch((error: Error) => error);
    await local.close();
    writeFileSync(join(folder, 'long.txt'), longArticle('at dawn'));
    const stderr: string[] = [];
    const code = await runCli(['ingest', folder], {
      stdout: quiet,
      stderr: (line) => stderr.push(line),
      openStore: open,
    });

    // Assess
    expect(read).toMatchObject({
      name: 'DamagedItemError',
      message: expect.stringMatching(/is damaged: 0 of its 1 body chunks/),
    });
    expect(localStoreProblem(read)?.recovery).toMatch(/^To recover, delete \.talks\/dynamodb/);
    expect(code).toBe(1);
    expect(stderr).toEqual([
      expect.stringMatching(/^error: The stored article [0-9a-f]{16} is damaged/),
      expect.stringMatching(/^To recover, delete \.talks\/dynamodb/),
    ]);
  }, 60_000);
});

describe('the data folder', () => {
  it.each([
    [
      '/proc/talks-test/home',
      /is on proc, a system filesystem that keeps no data: set TALKS_HOME to a folder you can write/,
    ],
    ['/sys/talks-test', /is on sysfs, a system filesystem/],
    ['/dev/talks-test', /is on \/dev, a system filesystem/],
  ])('refuses %s in one line, before creating anything', async (path, message) => {
    await expect(openLocalStore({ path, seedDir: SEED_DIR, log: quiet })).rejects.toThrow(message);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a folder under a file, saying which', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'talks-file-')), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openLocalStore({ path: join(file, 'home'), seedDir: SEED_DIR, log: quiet })).rejects.toThrow(
      `${file} is a file, not a folder`,
    );
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
