import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPModuleFunctions, HTTPReceiver } from '@slack/bolt';
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
/** Answers 200 while the server runs, for a tunnel's or a supervisor's health check. */
const HEALTH_PATH = '/health';

/** Thrown when Bolt ran every listener and none acknowledged the request: none handles it. */
class UnhandledSlackRequestError extends Error {
  override name = 'UnhandledSlackRequestError';
}

/**
 * Serves the same Bolt app as the Lambda handler over plain HTTP, for local runs behind a tunnel and for
 * tests. `processBeforeResponse` makes the HTTP response wait for the listener, as on Lambda. Any other
 * path gets 404 and any other method 405 (`GET /health` gets 200), so no request can stop the server.
 */
export async function startSlackHttpServer({
  signingSecret,
  port,
  host = '127.0.0.1',
  ...app
}: SlackHttpServerOptions): Promise<RunningSlackServer> {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: true,
    processEventErrorHandler: async (args) => {
      if (!(args.error instanceof UnhandledSlackRequestError))
        return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      args.response.writeHead(404).end();
      return true;
    },
    // Bolt's own handler logs an error 3 s after a request nobody acknowledged; those have had their 404.
    unhandledRequestHandler: ({ response }) => {
      if (!response.headersSent) response.writeHead(404).end();
    },
  });
  const talks = createTalksApp({ ...app, receiver });
  // Bolt answers a signed request no listener takes (another command, an action) only when its 3-second
  // timer fires; every listener has run once processEvent returns, so such a request gets its 404 then.
  const processEvent = talks.processEvent.bind(talks);
  talks.processEvent = async (event) => {
    let acknowledged = false;
    await processEvent({
      ...event,
      ack: (response) => {
        acknowledged = true;
        return event.ack(response);
      },
    });
    if (!acknowledged) throw new UnhandledSlackRequestError();
  };
  const server = createServer((req, res) => {
    // Bolt throws on a request for another path or method, and nothing would catch it: route here instead.
    const path = (req.url ?? '').split('?')[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    if (path !== SLACK_EVENTS_PATH) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
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
