import { App, AwsLambdaReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { benchLambdaContext, benchSlack, signedCommandEvent } from '../../bench/slack-request.js';

/** A Bolt app on the Lambda receiver, as deployed: what the bench's events must get through. */
function boltHandler() {
  const receiver = new AwsLambdaReceiver({ signingSecret: benchSlack.signingSecret });
  const app = new App({
    receiver,
    token: benchSlack.botToken,
    botId: benchSlack.botId,
    botUserId: benchSlack.botUserId,
    tokenVerificationEnabled: false,
  });
  const seen: string[] = [];
  app.command('/talks', async ({ command, ack }) => {
    seen.push(command.text);
    await ack({ text: `echo ${command.text}` });
  });
  return { handler: receiver.toHandler(), seen };
}

describe('signedCommandEvent', () => {
  it("passes Bolt's signature check and delivers the command text", async () => {
    const { handler, seen } = boltHandler();

    const response = await handler(signedCommandEvent('who Hrytsenko & co'), benchLambdaContext);

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).text).toBe('echo who Hrytsenko & co');
    expect(seen).toEqual(['who Hrytsenko & co']);
  });

  it('is rejected when signed with another secret', async () => {
    const { handler, seen } = boltHandler();

    const response = await handler(signedCommandEvent('summary', { signingSecret: 'other' }), benchLambdaContext);

    expect(response.statusCode).toBe(401);
    expect(seen).toEqual([]);
  });

  it('is rejected when older than five minutes', async () => {
    const { handler } = boltHandler();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    const response = await handler(signedCommandEvent('summary', { timestamp: sixMinutesAgo }), benchLambdaContext);

    expect(response.statusCode).toBe(401);
  });
});
