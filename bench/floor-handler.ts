import { App, AwsLambdaReceiver } from '@slack/bolt';

/*
 * The cold-start FLOOR: the least a Bolt app on Lambda can be. It builds an App with AwsLambdaReceiver,
 * registers /talks and acks with an empty answer. The bench bundles it exactly like the Slack handler,
 * so the two differ only by what talks-bot adds (store, answers, rendering). Bolt is given its bot
 * identity up front, as our handler must be too: otherwise it calls auth.test on the first request,
 * a network round-trip that would measure Slack, not the code.
 */

const receiver = new AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '' });

const app = new App({
  receiver,
  token: process.env.SLACK_BOT_TOKEN ?? '',
  botId: process.env.SLACK_BOT_ID ?? 'B0FLOOR',
  botUserId: process.env.SLACK_BOT_USER_ID ?? 'U0FLOOR',
  tokenVerificationEnabled: false,
});

app.command('/talks', async ({ ack }) => {
  await ack();
});

export const handler = receiver.toHandler();
