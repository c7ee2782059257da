import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver } from '@slack/bolt';
import { isNotFromTheFuture } from './request-freshness.js';
import { createTalksApp, type TalksAppOptions } from './talks-app.js';

export interface SlackHttpServerOptions extends Omit<TalksAppOptions, 'receiver'> {
  signingSecret: string;
  /** 0 picks a free port. */
  port: number;
  /** @default '127.0.0.1' (a tunnel forwards to it; nothing else on the network needs it) */
  host?: string;
}

export interface RunningSlackServer {
  /** Where Slack's requests go: `http://host:port/slack/events`. */
  eventsUrl: string;
  server: Server;
  close(): Promise<void>;
}

/** The Bolt path the Slack app's request URL points at. */
const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Serves the same Bolt app as the Lambda handler over plain HTTP, for local runs behind a tunnel and for
 * tests. `processBeforeResponse` makes the HTTP response wait for the listener, as on Lambda.
 */
export async function startSlackHttpServer({
  signingSecret,
  port,
  host = '127.0.0.1',
  ...app
}: SlackHttpServerOptions): Promise<RunningSlackServer> {
  const receiver = new HTTPReceiver({ signingSecret, endpoints: SLACK_EVENTS_PATH, processBeforeResponse: true });
  createTalksApp({ ...app, receiver });
  const server = createServer((req, res) => {
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (!isNotFromTheFuture(Array.isArray(timestamp) ? timestamp[0] : timestamp)) {
      res.writeHead(401).end();
      return;
    }
    receiver.requestListener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    eventsUrl: `http://${host}:${boundPort}${SLACK_EVENTS_PATH}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
