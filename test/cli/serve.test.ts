import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Level } from 'level';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../lambda/cli/local-store.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { keys } from '../../lambda/store/keys.js';
import { SEED_DIR } from '../articles/fixtures.js';
import { FORM, signatureHeaders, slashCommandBody, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** `npm start` in its own process, with its data in `home`. */
function serve(home: string, port: string, env: NodeJS.ProcessEnv = {}): ChildProcessWithoutNullStreams {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    TALKS_HOME: home,
    PORT: port,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  };
  // What a user's shell has: no setting that silences the SDK's Node-version warning.
  delete base.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  return spawn(process.execPath, ['--import', 'tsx', 'lambda/cli/serve.ts'], { cwd: REPO, env: { ...base, ...env } });
}

/** Runs `npm start` until it exits: its status and standard error. */
async function serveUntilExit(home: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: unknown; stderr: string }> {
  running = serve(home, '0', env);
  const stderr = output(running.stderr);
  const code = await new Promise((resolve) => running?.on('close', resolve));
  return { code, stderr: stderr.text };
}

const tempHome = () => join(mkdtempSync(join(tmpdir(), 'talks-serve-')), 'home');

const output = (stream: NodeJS.ReadableStream) => {
  const seen = { text: '' };
  stream.on('data', (chunk) => {
    seen.text += chunk;
  });
  return seen;
};

let running: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  running?.kill();
  running = undefined;
});

describe('npm start', () => {
  it('exits 1 with one line saying the port is in use, and no stack', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const { port } = taken.address() as { port: number };
    running = serve(join(mkdtempSync(join(tmpdir(), 'talks-serve-')), 'home'), String(port));
    const stderr = output(running.stderr);

    const code = await new Promise((resolve) => running?.on('close', resolve));
    taken.close();

    expect(code).toBe(1);
    expect(stderr.text).toContain(`Port ${port} on 127.0.0.1 is in use`);
    expect(stderr.text).not.toMatch(/\n\s+at /);
    expect(stderr.text).not.toContain('NodeVersionSupportWarning');
  }, 60_000);

  it('exits 1 with one line and the recovery steps on a store another process holds, or a damaged one', async () => {
    const held = tempHome();
    mkdirSync(held, { recursive: true });
    // This test's own process is a live Node.js process: the lock's holder.
    writeFileSync(join(held, 'talks.pid'), String(process.pid));
    const damaged = tempHome();
    const first = await openLocalStore({ path: damaged, seedDir: SEED_DIR, log: () => {} });
    await first.close();
    writeFileSync(join(damaged, 'dynamodb', 'CURRENT'), 'garbage\n');

    const onHeld = await serveUntilExit(held);
    const onDamaged = await serveUntilExit(damaged);

    expect(onHeld.code).toBe(1);
    expect(onHeld.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/is in use by another talks process \(pid \d+\)/),
      'Stop the other talks process (npm start, or a running npm run talks), or set TALKS_HOME to another folder.',
    ]);
    expect(onDamaged.code).toBe(1);
    expect(onDamaged.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^The local DynamoDB data is damaged: /),
      expect.stringMatching(/^To recover, delete \.talks\/dynamodb/),
    ]);
  }, 60_000);

  it('points a configuration error at a README section that exists', async () => {
    const { code, stderr } = await serveUntilExit(tempHome(), { SLACK_SIGNING_SECRET: '' });
    const section = /see README, "Slack": "([^"]+)"/.exec(stderr)?.[1];

    expect(code).toBe(2);
    expect(section).toBeDefined();
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain(`### ${section}\n`);
  }, 60_000);

  it('survives a round of every hostile request and a damaged item, then answers a signed summary', async () => {
    const home = join(mkdtempSync(join(tmpdir(), 'talks-serve-')), 'home');
    const first = await openLocalStore({ path: home, seedDir: SEED_DIR, log: () => {} });
    await first.close();
    const db = new Level<string, string>(join(home, 'dynamodb'));
    const directoryKey = Buffer.from(keys.speakerDirectory().pk).toString('hex');
    for await (const key of db.keys()) if (key.includes(directoryKey)) await db.put(key, '{"broken');
    await db.close();
    running = serve(home, '0');
    const stdout = output(running.stdout);
    const stderr = output(running.stderr);
    while (!/http:\/\/\S+\/slack\/events/.test(stdout.text)) await new Promise((resolve) => setTimeout(resolve, 50));
    const eventsUrl = /http:\/\/\S+\/slack\/events/.exec(stdout.text)?.[0] as string;
    const base = new URL(eventsUrl).origin;
    const signed = (text: string, command = '/talks') => {
      const body = slashCommandBody(text, command);
      return fetch(eventsUrl, { method: 'POST', body, headers: { ...FORM, ...signatureHeaders(body) } });
    };

    const statuses = [
      (await fetch(`${base}/`)).status,
      (await fetch(`${base}/other`, { method: 'POST', body: 'x' })).status,
      ...(await Promise.all(
        ['PUT', 'DELETE', 'OPTIONS'].map(async (method) => (await fetch(eventsUrl, { method })).status),
      )),
      (await fetch(`${base}/health`)).status,
      (await signed('summary', '/other')).status,
    ];
    const tooLong = (await (await signed(`topic ${'x'.repeat(2100)}`)).json()) as SlackMessage;
    const damaged = (await (await signed('who medinsky')).json()) as SlackMessage;
    const summary = await signed('summary');

    expect(statuses).toEqual([404, 404, 405, 405, 405, 200, 404]);
    expect(tooLong.text).toBe('Command too long');
    expect(damaged.text).toMatch(
      /^The facts could not be read: The local DynamoDB data is damaged \(.*\)\. To recover, delete \.talks\/dynamodb/,
    );
    expect(stderr.text).toMatch(
      /talks: answering "who medinsky" failed: The local DynamoDB data is damaged .*To recover/,
    );
    expect(stderr.text).not.toMatch(/\n\s+at /);
    expect(summary.status).toBe(200);
    expect(((await summary.json()) as SlackMessage).text).toBe('Summary of 4 articles');
    expect(running.exitCode).toBeNull();
  }, 60_000);
});
