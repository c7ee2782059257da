import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSlackServer, startSlackHttpServer } from '../../lambda/slack/http-server.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { arakhamia, fixtureViewReader } from '../fixtures/views/talks-views.js';
import { FORM, nowSeconds, signatureHeaders, slashCommandBody, TEST_SIGNING_SECRET } from './slack-requests.js';

describe('startSlackHttpServer', () => {
  const views = fixtureViewReader();
  let server: RunningSlackServer;

  beforeAll(async () => {
    server = await startSlackHttpServer({ views, signingSecret: TEST_SIGNING_SECRET, port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  async function post(body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(server.eventsUrl, { method: 'POST', body, headers });
  }

  async function command(text: string): Promise<SlackMessage> {
    const body = slashCommandBody(text);
    const response = await post(body, { ...FORM, ...signatureHeaders(body) });
    expect(response.status).toBe(200);
    return (await response.json()) as SlackMessage;
  }

  it('serves Slack events on /slack/events of a free port', () => {
    expect(server.eventsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
  });

  it.each([
    ['summary', 'Summary of 3 articles'],
    ['who Arahamia public', arakhamia.name],
    ['guarantors', 'Proposed security guarantors'],
    ['crimea', 'Crimea'],
    ['sources', 'Sources: 3 articles'],
    ['', 'How to use /talks'],
  ])('answers a signed "/talks %s" over HTTP', async (text, title) => {
    const message = await command(text);
    expect(message.text).toBe(title);
    expect(message.response_type).toBe(text.endsWith('public') ? 'in_channel' : 'ephemeral');
  });

  it('rejects a bad signature, missing headers and stale or future timestamps with 401 and no answer', async () => {
    const body = slashCommandBody('summary');
    const before = views.reads.length;
    const attempts = [
      { ...FORM, ...signatureHeaders(body, { secret: 'wrong' }) },
      FORM,
      { ...FORM, ...signatureHeaders(body, { timestamp: nowSeconds() - 301 }) },
      { ...FORM, ...signatureHeaders(body, { timestamp: nowSeconds() + 600 }) },
    ];
    for (const headers of attempts) {
      const response = await post(body, headers);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('Summary');
    }
    expect(views.reads.length).toBe(before);
  });

  it("answers Slack's ssl_check", async () => {
    const body = 'ssl_check=1&token=deprecated-verification-token';
    const response = await post(body, { ...FORM, ...signatureHeaders(body) });
    expect(response.status).toBe(200);
  });

  it('answers every other path with 404, other methods with 405, GET /health with 200, and keeps serving', async () => {
    const base = new URL(server.eventsUrl).origin;
    const body = slashCommandBody('summary');
    const requests: [string, RequestInit, number][] = [
      ['/', { method: 'GET' }, 404],
      ['/slack/events', { method: 'GET' }, 405],
      ['/slack/events', { method: 'PUT', body }, 405],
      ['/slack/events', { method: 'DELETE' }, 405],
      ['/slack/events', { method: 'OPTIONS' }, 405],
      ['/other', { method: 'POST', body, headers: { ...FORM, ...signatureHeaders(body) } }, 404],
      ['/slack/events/x?y=1', { method: 'POST', body }, 404],
      ['/health', { method: 'GET' }, 200],
    ];
    for (const [path, init, status] of requests)
      expect((await fetch(`${base}${path}`, init)).status, path).toBe(status);

    expect((await command('summary')).text).toBe('Summary of 3 articles');
  });

  it('answers a signed request that is no /talks command with 404 at once, not after 3 s', async () => {
    const body = slashCommandBody('summary', '/other-command');
    const started = Date.now();

    const response = await post(body, { ...FORM, ...signatureHeaders(body) });

    expect(response.status).toBe(404);
    // Bolt's own timer answers after 3,001 ms; anything well under it shows the request was answered on its own.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("answers a 1 MB argument as the user's mistake", async () => {
    expect((await command(`who ${'a'.repeat(1_000_000)}`)).text).toBe('Command too long');
  });

  it('answers a retried request again, identically', async () => {
    const body = slashCommandBody('who medinsky');
    const first = await (await post(body, { ...FORM, ...signatureHeaders(body) })).json();
    const retried = await post(body, { ...FORM, ...signatureHeaders(body), 'x-slack-retry-num': '1' });
    expect(await retried.json()).toEqual(first);
  });
});
