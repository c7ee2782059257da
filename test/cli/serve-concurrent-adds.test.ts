import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { FORM, signatureHeaders, slashCommandBody } from '../slack/slack-requests.js';
import { articleQuoting, inventedPerson, quotedWordsOf } from '../store/invented-people.js';
import { type LocalSlackServer, startLocalSlackServer } from './local-slack-server.js';

/*
 * Issue 18, item 1, on the server `npm start` builds (localTalksApp): ten `/talks add` requests at once, whose
 * link jobs run side by side in the process, while an ingest round of five files goes into the same store.
 */

const ADDS = 10;
const UPLOADS = 5;

let running: LocalSlackServer;
let local: LocalSlackServer['local'];
let site: LocalSlackServer['site'];
let slack: LocalSlackServer['slack'];
let server: LocalSlackServer['server'];
let app: LocalSlackServer['app'];

beforeAll(async () => {
  running = await startLocalSlackServer([]);
  ({ local, site, slack, server, app } = running);
});
afterAll(() => running.close());

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
