import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lambda/cli/main.js';
import { fixturePath, SEED_DIR } from '../articles/fixtures.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run talks` does, in its own process, with its data in `home`. */
function talks(args: string[], home: string | null): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (home === null) delete env.TALKS_HOME;
  else env.TALKS_HOME = home;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'lambda/cli/main.ts', ...args],
      { cwd: REPO, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const tempHome = () => join(mkdtempSync(join(tmpdir(), 'talks-cli-')), 'home');
const lines = (text: string) => text.trimEnd().split('\n');

describe('talks CLI: first run and ingest', () => {
  const home = tempHome();

  it('ingests the default corpus on the first run and lists four sources for the five seed files', async () => {
    const run = await talks(['sources'], home);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('First run: ingesting the default corpus');
    expect(run.stderr).toContain('First run: 4 stored, 1 duplicates, 0 rejected.');
    expect(run.stdout).toContain('The Moscow Times');
    expect(run.stdout).toContain('CBS News');
    expect(run.stdout).toContain('001_709e6c175c848506.txt');
    expect(run.stdout).toContain('000_62788a2fda1a184c.txt');
    expect(existsSync(join(home, 'dynamodb'))).toBe(true);
  });

  it('stores nothing new when the seed files are ingested again, with a line per file', async () => {
    const run = await talks(['ingest', SEED_DIR], home);
    expect(run.code).toBe(0);
    const output = lines(run.stdout);
    expect(output).toHaveLength(6);
    expect(output.slice(0, 5).every((line) => line.startsWith('duplicate  '))).toBe(true);
    expect(output).toContainEqual(
      // The label is the file's own (its outlet and title), then the stored article it is a copy of.
      expect.stringMatching(
        /^duplicate {2}000_62788a2fda1a184c\.txt \(The Moscow Times: Russia to .*\) of [0-9a-f]{16}$/,
      ),
    );
    expect(output.at(-1)).toBe('0 stored, 5 duplicates, 0 rejected');
    expect(run.stderr).not.toContain('First run');
  });

  it('answers who for Zelensky, named in the seed corpus but never quoted, under every spelling', async () => {
    // One after another: only one talks process can use a store at a time.
    const answers: Run[] = [];
    for (const name of ['zelenskyy', 'Zelensky', 'Volodymyr Zelenskyy']) answers.push(await talks(['who', name], home));
    for (const run of answers) {
      expect(run.code).toBe(0);
      expect(lines(run.stdout)[0]).toBe('Volodymyr Zelensky');
      expect(run.stdout).toMatch(
        /^Volodymyr Zelensky \(Ukraine\) is mentioned in \d+ articles?; no statement by Zelensky was found in/m,
      );
      expect(run.stdout).toContain('Ukrainian President Volodymyr Zelensky. [1]');
      expect(run.stdout).toMatch(/^\[1\] Antiwar\.com: /m);
    }
    expect(new Set(answers.map((run) => run.stdout)).size).toBe(1);
  });

  it('exits 1 and names each rejected file with its reason, after storing the good ones', async () => {
    const run = await talks(
      ['ingest', fixturePath('ingest-formats/header-block.txt'), fixturePath('ingest-bad/bad-schema.json')],
      home,
    );
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      'rejected   bad-schema.json: JSON article does not match { title, source, url, date, body }: url: expected an http(s) URL; body: expected the article text as a string',
      expect.stringMatching(
        /^stored {5}header-block\.txt as [0-9a-f]{16} The Harbour Courier: Envoys agree on a second round of harbour talks$/,
      ),
      '1 stored, 0 duplicates, 1 rejected',
    ]);
  });
});

describe('talks CLI: a first run that brings its own articles', () => {
  it('stores only the ingested files in a fresh store, without the default corpus, and answers from them', async () => {
    // The five 2022 seed articles were ingested first and stayed in every answer of the user's own corpus.
    const home = tempHome();
    const ingest = await talks(['ingest', fixturePath('ingest-formats/header-block.txt')], home);
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).not.toContain('First run');
    expect(lines(ingest.stdout).at(-1)).toBe('1 stored, 0 duplicates, 0 rejected');
    const sources = await talks(['sources'], home);
    expect(sources.stdout).toContain('The Harbour Courier');
    expect(sources.stdout).not.toContain('CBS News');
    expect(sources.stderr).not.toContain('First run');
  });
});

describe('talks CLI: add', () => {
  it('refuses a link to a loopback address and one that is not http, storing nothing, and exits 1', async () => {
    const home = tempHome();
    const run = await talks(['add', 'http://127.0.0.1:9/article.html', 'ftp://example.com/article.html'], home);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Added 0 of 2 links');
    expect(run.stdout).toContain(
      'http://127.0.0.1:9/article.html was not added: 127.0.0.1 points to a loopback address (127.0.0.1), which links may not reach.',
    );
    expect(run.stdout).toContain('only http and https links can be read, not ftp');
    expect(existsSync(join(home, 'links'))).toBe(false);
  });
});

describe('talks CLI: output that must not stop it', () => {
  it('completes an ingest whose reader stops after one line (| head -1), without an EPIPE', async () => {
    const home = tempHome();
    const child = spawn(process.execPath, ['--import', 'tsx', 'lambda/cli/main.ts', 'ingest', SEED_DIR], {
      cwd: REPO,
      env: { ...process.env, TALKS_HOME: home },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // As `head -1` does: read the first line, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));

    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
    expect(lines((await talks(['sources'], home)).stdout)[0]).toBe('Sources: 4 articles');
  });

  it('prints a file name with a line break quoted, on one line, and names the folder of a broken sources.json', async () => {
    const home = tempHome();
    const folder = mkdtempSync(join(tmpdir(), 'talks-names-'));
    writeFileSync(join(folder, 'two\nlines.txt'), readFileSync(fixturePath('ingest-formats/plain.txt')));
    writeFileSync(join(folder, 'sources.json'), '{ not json');

    const run = await talks(['ingest', folder], home);

    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^rejected   ${folder}/sources\\.json: `)),
      expect.stringMatching(/^stored {5}"two\\nlines\.txt" as [0-9a-f]{16}/),
      '1 stored, 0 duplicates, 1 rejected',
    ]);
  });

  it('names damaged local data and how to recover, without a stack', async () => {
    const home = tempHome();
    await talks(['sources'], home);
    writeFileSync(join(home, 'dynamodb', 'CURRENT'), 'garbage\n');

    const run = await talks(['summary'], home);

    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^error: The local DynamoDB data is damaged: /),
      expect.stringMatching(/^To recover, delete \.talks\/dynamodb/),
    ]);
    expect(existsSync(join(home, 'talks.pid'))).toBe(false);
  });
});

describe('talks CLI: extract --json', () => {
  it('prints only the prediction JSON on stdout, without touching the store', async () => {
    const home = tempHome();
    const run = await talks(['extract', '--json', SEED_DIR], home);
    expect(run.code).toBe(0);
    const prediction = JSON.parse(run.stdout);
    expect(prediction.articles).toHaveLength(4);
    expect(prediction.articles[0]).toMatchObject({
      file: '001_709e6c175c848506.txt',
      files: ['000_62788a2fda1a184c.txt'],
      source: 'The Moscow Times',
    });
    expect(Object.keys(prediction).sort()).toEqual(['articles', 'guarantors', 'positions', 'statements']);
    expect(existsSync(home)).toBe(false);
  });

  it('reads the folder as one corpus, as ingest does: a party one article gives a speaker holds in the others', async () => {
    const run = await talksInProcess(['extract', '--json', SEED_DIR]);
    const statements = (JSON.parse(run.stdout) as { statements: { speaker: string; affiliation: string | null }[] })
      .statements;
    // The seeds name this adviser's office in one article only; read article by article, the others left him no party.
    const adviser = statements.filter((s) => s.speaker === 'Mykhailo Podolyak');
    expect(adviser.length).toBeGreaterThan(1);
    expect(new Set(adviser.map((s) => s.affiliation))).toEqual(new Set(['Ukraine']));
  });
});

/** Runs the CLI in this process (no store opened), capturing its output. */
async function talksInProcess(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('talks CLI: usage', () => {
  it('prints its usage for --help', async () => {
    const run = await talks(['--help'], null);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run talks -- <command>');
  });

  it('names in --help every answer `help` lists: guarantors, a bare who and the topic shortcuts too', async () => {
    const { stdout } = await talks(['--help'], null);
    for (const command of ['summary', 'who [<name>]', 'guarantors', 'topic [<topic>]', 'crimea', 'timeline', 'since'])
      expect(stdout).toContain(command);
  });

  it.each([
    [['ingest'], 'error: ingest needs at least one file or folder'],
    [['add'], 'error: add takes 1 to 5 links'],
    [['extract', SEED_DIR], 'error: extract prints JSON only: use extract --json <files|folders>'],
    [['sources', '--json'], 'error: --json is an option of extract only'],
    [['ingest', '--verbose', 'x.txt'], "error: Unknown option '--verbose'"],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const run = await talksInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Run with --help for usage.');
    expect(run.stdout).toBe('');
  });
});

describe('talks CLI: no command, an unknown command', () => {
  const home = tempHome();

  it('answers help when given no command, as README says "help (or nothing)" does', async () => {
    // It said "error: missing command" and exited 2.
    const run = await talks([], home);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toBe('How to use /talks');
    expect(run.stdout).toContain('npm run talks -- summary');
  });

  it('answers help with a "did you mean" for an unknown command, and exits 2 as --help says of bad usage', async () => {
    // It exited 0, while --help says "2 on bad usage".
    const run = await talks(['summry'], home);
    expect(run.code).toBe(2);
    expect(lines(run.stdout)[0]).toBe('Unknown command "summry"');
    expect(run.stdout).toContain('Did you mean npm run talks -- summary?');
  });
});
