import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localTalksApp } from '../../lambda/cli/local-app.js';
import { type LocalStore, openLocalStore } from '../../lambda/cli/local-store.js';
import { type RunningSlackServer, startSlackHttpServer } from '../../lambda/slack/http-server.js';
import { createResponseUrlPoster } from '../../lambda/slack/response-url.js';
import { PAGE_SERVER_ADDRESS, type PageServer, startPageServer } from '../links/page-server.js';
import { type SlackStandIn, startSlackStandIn } from '../slack/interaction-requests.js';
import { TEST_SIGNING_SECRET } from '../slack/slack-requests.js';

/** The server `npm start` runs, on a fresh local store, with a page server and a Slack stand-in beside it. */
export interface LocalSlackServer {
  local: LocalStore;
  site: PageServer;
  slack: SlackStandIn;
  server: RunningSlackServer;
  app: ReturnType<typeof localTalksApp>;
  close(): Promise<void>;
}

/**
 * Wires the local server as `npm start` does (localTalksApp); only the fetcher's allow-list differs, so that
 * pages served on 127.0.0.1 can be read, and replies go to the stand-in's response URLs.
 */
export async function startLocalSlackServer(reviewers: string[]): Promise<LocalSlackServer> {
  const home = await mkdtemp(join(tmpdir(), 'talks-serve-'));
  const [local, site, slack] = await Promise.all([
    openLocalStore({ path: home, seedDir: join(home, 'no-seed'), log: () => {} }),
    startPageServer(),
    startSlackStandIn(),
  ]);
  const app = localTalksApp(local, {
    policy: { reviewers, threshold: 2 },
    fetchOptions: { allowedAddresses: [PAGE_SERVER_ADDRESS] },
    postReply: createResponseUrlPoster({ isAllowed: (url) => url.origin === slack.url }),
  });
  const server = await startSlackHttpServer({
    ...app,
    signingSecret: TEST_SIGNING_SECRET,
    botToken: 'xoxb-test',
    slackApiUrl: `${slack.url}/api/`,
    port: 0,
  });
  return {
    local,
    site,
    slack,
    server,
    app,
    async close() {
      await server.close();
      await Promise.all([local.close(), site.close(), slack.close()]);
      await rm(home, { recursive: true, force: true });
    },
  };
}
