import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTalksApp } from '../../lambda/cli/local-app.js';
import { type LocalStore, openLocalStore } from '../../lambda/cli/local-store.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { type RunningSlackServer, startSlackHttpServer } from '../../lambda/slack/http-server.js';
import { createResponseUrlPoster } from '../../lambda/slack/response-url.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { PAGE_SERVER_ADDRESS, type PageServer, startPageServer } from '../links/page-server.js';
import { type SlackStandIn, startSlackStandIn } from '../slack/interaction-requests.js';
import { FORM, signatureHeaders, slashCommandBody, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { articleQuoting, inventedPerson, quotedWordsOf } from '../store/invented-people.js';

/*
 * Issue 18, item 1, on the server `npm start` builds (localTalksApp): ten `/talks add` requests at once, whose
 * link jobs run side by side in the process, while an ingest round of five files goes into the same store.
 */

const ADDS = 10;
const UPLOADS = 5;

let home: string;
let local: LocalStore;
let site: PageServer;
let slack: SlackStandIn;
let server: RunningSlackServer;
let app: ReturnType<typeof localTalksApp>;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'talks-serve-concurrent-'));
  [local, site, slack] = await Promise.all([
    openLocalStore({ path: home, seedDir: join(home, 'no-seed'), log: () => {} }),
    startPageServer(),
    startSlackStandIn(),
  ]);
  app = localTalksApp(local, {
    policy: { reviewers: [], threshold: 2 },
    fetchOptions: { allowedAddresses: [PAGE_SERVER_ADDRESS] },
    postReply: createResponseUrlPoster({ isAllowed: (url) => url.origin === slack.url }),
  });
  server = await startSlackHttpServer({
    ...app,
    signingSecret: TEST_SIGNING_SECRET,
    botToken: 'xoxb-test',
    slackApiUrl: `${slack.url}/api/`,
    port: 0,
  });
});
afterAll(async () => {
  await server.close();
  await Promise.all([local.close(), site.close(), slack.close()]);
  await rm(home, { recursive: true, force: true });
});

async function command(text: string): Promise<SlackMessage> {
  const body = slashCommandBody(text, '/talks', { responseUrl: slack.responseUrl, userId: 'U0TEST' });
  const response = await fetch(server.eventsUrl, {
    method: 'POST',
    body,
    headers: { ...FORM, ...signatureHeaders(body) },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SlackMessage;
}

describe('npm start: adds and an ingest round at once', () => {
  it('store every article and answer for every speaker', async () => {
    // Act: people 0-9 by link, 10-14 by an ingest round, all at once.
    await Promise.all([
      ...Array.from({ length: ADDS }, (_, n) => command(`add ${site.origin}/invented/${n}.txt`)),
      ingestInputs(
        Array.from({ length: UPLOADS }, (_, i) => articleQuoting(ADDS + i)),
        local.store,
      ),
    ]);
    await app.linkJobs.idle();

    // Assess
    expect(slack.replies.map((r) => (r as unknown as SlackMessage).text)).toEqual(
      Array(ADDS).fill('Added 1 of 1 link'),
    );
    expect((await local.store.listSources(100)).total).toBe(ADDS + UPLOADS);
    expect((await local.store.getSummary())?.totalSpeakers).toBe(ADDS + UPLOADS);
    for (let n = 0; n < ADDS + UPLOADS; n++) {
      const answer = JSON.stringify((await command(`who ${inventedPerson(n).fullName}`)).blocks);
      expect(answer, inventedPerson(n).fullName).toContain(quotedWordsOf(n));
    }
  });
});
