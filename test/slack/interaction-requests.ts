import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';

/*
 * Interactivity payloads as Slack sends them (https://docs.slack.dev/interactivity/handling-user-interaction):
 * a form body with one `payload` field of JSON, signed like every request (slack-requests.ts). And two local
 * stand-ins for Slack's side of the conversation: the response URL that receives follow-up messages, and the
 * Web API that receives `views.open`.
 */

const TEAM = { id: 'T0TEST', domain: 'talks-test' };

/** The fields every block action and view submission carries. */
function fromUser(userId: string): Record<string, unknown> {
  return {
    team: TEAM,
    user: { id: userId, username: 'tester', team_id: TEAM.id },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    trigger_id: `trigger-${userId}`,
  };
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block action on an ephemeral message (block_actions): one action, as the element that was used sends it. */
function blockActionPayload(
  action: Record<string, unknown>,
  { userId = 'U0TEST', responseUrl }: { userId?: string; responseUrl: string },
): Record<string, unknown> {
  return {
    type: 'block_actions',
    ...fromUser(userId),
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0TEST', is_ephemeral: true },
    channel: { id: 'C0TEST', name: 'negotiations' },
    response_url: responseUrl,
    actions: [{ ...action, action_ts: '1700000000.000200' }],
  };
}

/** A choice in a static select of an ephemeral message. */
export function selectActionPayload(
  actionId: string,
  value: string,
  options: { userId?: string; responseUrl: string },
): Record<string, unknown> {
  return blockActionPayload(
    {
      type: 'static_select',
      action_id: actionId,
      block_id: 'b1',
      selected_option: { text: { type: 'plain_text', text: 'x' }, value },
    },
    options,
  );
}

/** A click on a button of an ephemeral message: a page of a paged answer. */
export function buttonActionPayload(
  actionId: string,
  value: string,
  options: { userId?: string; responseUrl: string },
): Record<string, unknown> {
  return blockActionPayload(
    { type: 'button', action_id: actionId, block_id: 'pages', text: { type: 'plain_text', text: 'x' }, value },
    options,
  );
}

/** The buttons of a message: their action, label and value. */
export function buttons(message: SlackMessage): { actionId: string; text: string; value: string }[] {
  return message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) =>
          e.type === 'button' ? [{ actionId: e.action_id ?? '', text: e.text.text, value: e.value ?? '' }] : [],
        )
      : [],
  );
}

/** The flag modal submitted (view_submission), with the metadata it was opened with. */
export function flagSubmissionPayload(
  privateMetadata: string,
  { userId, reason, note }: { userId: string; reason: string; note?: string },
): Record<string, unknown> {
  return {
    type: 'view_submission',
    ...fromUser(userId),
    view: {
      id: 'V0TEST',
      type: 'modal',
      callback_id: 'talks_flag_submit',
      private_metadata: privateMetadata,
      state: {
        values: {
          reason: { reason: { type: 'static_select', selected_option: { value: reason } } },
          note: { note: { type: 'plain_text_input', value: note ?? null } },
        },
      },
    },
  };
}

/** A message shortcut on a message (message_action). */
export function messageShortcutPayload(text: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'message_action',
    callback_id: 'talks_add_links',
    team: TEAM,
    user: { id: 'U0TEST', name: 'tester' },
    channel: { id: 'C0TEST', name: 'negotiations' },
    token: 'deprecated-verification-token',
    trigger_id: 'trigger-shortcut',
    action_ts: '1700000000.000300',
    message_ts: '1700000000.000100',
    message: { type: 'message', user: 'U0OTHER', ts: '1700000000.000100', text },
    response_url: responseUrl,
  };
}

/** The options of every select beside the facts of a message, whose action is `actionId`. */
export function selectOptions(message: SlackMessage, actionId: string): { text: string; value: string }[] {
  return message.blocks.flatMap((block) =>
    block.type === 'section' && block.accessory?.type === 'static_select' && block.accessory.action_id === actionId
      ? (block.accessory.options ?? []).map((o) => ({ text: o.text.text, value: o.value ?? '' }))
      : [],
  );
}

export interface SlackStandIn {
  /** Base URL: response URLs are `${url}/response/<n>`, the Web API is `${url}/api/`. */
  url: string;
  responseUrl: string;
  /** Follow-up messages posted to a response URL, in order. */
  replies: Record<string, unknown>[];
  /** Web API calls: method and arguments. */
  apiCalls: { method: string; args: Record<string, string> }[];
  /** When set, every Web API call answers `{ ok: false, error }` (a revoked token: `invalid_auth`). */
  apiError: string | null;
  /** `rate-limited`: every Web API call answers 429 with `retry-after: 5`; `silent`: it never answers. */
  apiTrouble: 'rate-limited' | 'silent' | null;
  /** When set, every follow-up message is refused with this HTTP status. */
  replyStatus: number | null;
  close(): Promise<void>;
}

/** One local server playing Slack: it takes follow-up messages and answers Web API calls with `ok`. */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const replies: Record<string, unknown>[] = [];
  const apiCalls: SlackStandIn['apiCalls'] = [];
  const standIn = {
    apiError: null as string | null,
    apiTrouble: null as SlackStandIn['apiTrouble'],
    replyStatus: null as number | null,
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    if (path.startsWith('/api/')) {
      const args = req.headers['content-type']?.includes('json')
        ? (JSON.parse(body) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(body));
      apiCalls.push({ method: path.slice('/api/'.length), args });
      if (standIn.apiTrouble === 'silent') return;
      if (standIn.apiTrouble === 'rate-limited') {
        res
          .writeHead(429, { 'retry-after': '5', 'content-type': 'application/json' })
          .end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      if (standIn.apiError) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: standIn.apiError }));
        return;
      }
    } else {
      if (standIn.replyStatus !== null) {
        res.writeHead(standIn.replyStatus).end();
        return;
      }
      replies.push(JSON.parse(body) as Record<string, unknown>);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return Object.assign(standIn, {
    url,
    responseUrl: `${url}/response/1`,
    replies,
    apiCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
