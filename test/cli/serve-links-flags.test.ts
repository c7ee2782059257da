import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printAnswer } from '../../lambda/cli/print-answer.js';
import { startSlackHttpServer } from '../../lambda/slack/http-server.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import {
  flagSubmissionPayload,
  interactionBody,
  messageShortcutPayload,
  selectActionPayload,
  selectOptions,
} from '../slack/interaction-requests.js';
import { FORM, signatureHeaders, slashCommandBody, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type LocalSlackServer, startLocalSlackServer } from './local-slack-server.js';

/*
 * The walk-through on the local server, wired as `npm start` wires it (localTalksApp): add an article
 * by its link, flag one of its facts until it leaves the summary, list the flags, restore the fact. Only the
 * fetcher's allow-list differs, so that the page served on 127.0.0.1 can be read.
 */

const REVIEWER = 'UREVIEWER';

let running: LocalSlackServer;
let local: LocalSlackServer['local'];
let site: LocalSlackServer['site'];
let slack: LocalSlackServer['slack'];
let server: LocalSlackServer['server'];
let app: LocalSlackServer['app'];

beforeAll(async () => {
  running = await startLocalSlackServer([REVIEWER]);
  ({ local, site, slack, server, app } = running);
});
afterAll(() => running.close());

async function post(body: string, contentType = FORM): Promise<Response> {
  const response = await fetch(server.eventsUrl, {
    method: 'POST',
    body,
    headers: { ...contentType, ...signatureHeaders(body) },
  });
  expect(response.status).toBe(200);
  return response;
}

async function command(text: string, userId = 'U0TEST'): Promise<SlackMessage> {
  const response = await post(slashCommandBody(text, '/talks', { responseUrl: slack.responseUrl, userId }));
  return (await response.json()) as SlackMessage;
}

const allText = (message: { blocks?: unknown }) => JSON.stringify(message.blocks);

async function flag(value: string, userId: string): Promise<void> {
  await post(
    interactionBody(selectActionPayload('talks_flag_fact', value, { userId, responseUrl: slack.responseUrl })),
  );
  const opened = slack.apiCalls.at(-1);
  expect(opened?.method).toBe('views.open');
  const view = JSON.parse(opened?.args.view ?? '{}') as { private_metadata: string; blocks: unknown[] };
  expect(JSON.stringify(view.blocks)).toContain('What is wrong?');
  await post(
    interactionBody(
      flagSubmissionPayload(view.private_metadata, {
        userId,
        reason: 'wrong-speaker',
        note: 'Another delegate said this',
      }),
    ),
  );
}

describe('npm start: add by link, flag a fact', () => {
  let flagged: { text: string; value: string };

  it('acknowledges /talks add at once, then replies with the stored article and what it names', async () => {
    const ack = await command(`add ${site.origin}/article.html`);
    expect(ack.text).toBe("Reading 1 link… I'll reply here when it is in.");
    await app.linkJobs.idle();

    const reply = slack.replies.at(-1) as unknown as SlackMessage;
    expect(reply.text).toBe('Added 1 of 1 link');
    expect(allText(reply)).toContain('stored as a new article');
    expect(allText(reply)).toContain('/talks who Marta Hrytsenko');
    expect(allText(reply)).toContain('*Proposed guarantors*');
    expect(selectOptions(reply, 'talks_flag_fact').map((o) => o.text)).toEqual(['Flag 1: Norway', 'Flag 2: Portugal']);
  });

  it('replies to every refused link with its reason, and stores nothing', async () => {
    await command(`add ${site.origin}/no-text.html ${site.origin}/gone.html ftp://example.com/x`);
    await app.linkJobs.idle();
    const reply = allText(slack.replies.at(-1) as unknown as SlackMessage);
    expect(reply).toContain('Added 0 of 3 links');
    expect(reply).toContain('the page answered 404 Not Found');
    expect(reply).toContain('only http and https links can be read, not ftp');
    expect((await local.store.listSources(10)).total).toBe(1);
  });

  it('adds every link of a message through the "Add to talks" shortcut', async () => {
    const before = slack.replies.length;
    await post(
      interactionBody(
        messageShortcutPayload(`worth a read <${site.origin}/moved|the lakeside story>`, slack.responseUrl),
      ),
    );
    await app.linkJobs.idle();
    const [reading, done] = slack.replies.slice(before) as unknown as SlackMessage[];
    expect(reading?.text).toBe("Reading 1 link… I'll reply here when it is in.");
    expect(allText(done ?? { blocks: [] })).toContain('is an article already stored');
  });

  it('offers a flag control beside every fact of the summary', async () => {
    const summary = await command('summary');
    const options = selectOptions(summary, 'talks_flag_fact');
    expect(options.length).toBeGreaterThanOrEqual(4);
    const found = options.find((o) => o.text.includes('We leave with a draft'));
    expect(found).toBeDefined();
    flagged = found as { text: string; value: string };
  });

  it('marks a fact flagged by one person as disputed, and hides it once the threshold is met', async () => {
    await flag(flagged.value, 'U0FIRST');
    const disputed = allText(await command('summary'));
    expect(disputed).toContain('We leave with a draft');
    expect(disputed).toContain('disputed: flagged by 1');

    await flag(flagged.value, 'U0SECOND');
    expect(allText(await command('summary'))).not.toContain('We leave with a draft');
  });

  it('answers the same in the terminal: the hidden fact is gone from summary and listed by flags', async () => {
    const flags = { reader: local.flags, policy: { reviewers: [REVIEWER], threshold: 2 } };
    expect(await printAnswer('summary', local.store, flags)).not.toContain('We leave with a draft');
    const listed = await printAnswer('flags', local.store, flags);
    expect(listed).toContain('2 flags: wrong speaker — hidden from answers');
    expect(listed).toContain('“Another delegate said this” (U0FIRST)');
  });

  it("lists the flagged fact with its evidence and reasons, and restores it on a reviewer's word", async () => {
    const flags = await command('flags');
    expect(allText(flags)).toContain('2 flags: wrong speaker');
    expect(allText(flags)).toContain('said Marta Hrytsenko, a member of the Ukrainian delegation');
    const restore = selectOptions(flags, 'talks_review_fact').find((o) => o.text.startsWith('Restore'));
    expect(restore).toBeDefined();

    await post(
      interactionBody(
        selectActionPayload('talks_review_fact', restore?.value ?? '', {
          userId: 'U0FIRST',
          responseUrl: slack.responseUrl,
        }),
      ),
    );
    expect(allText(slack.replies.at(-1) as unknown as SlackMessage)).toContain('Only the configured reviewers');
    expect(allText(await command('summary'))).not.toContain('We leave with a draft');

    await post(
      interactionBody(
        selectActionPayload('talks_review_fact', restore?.value ?? '', {
          userId: REVIEWER,
          responseUrl: slack.responseUrl,
        }),
      ),
    );
    expect((slack.replies.at(-1) as unknown as SlackMessage).text).toContain('Restored');
    const summary = allText(await command('summary'));
    expect(summary).toContain('We leave with a draft');
    expect(summary).not.toContain('disputed');
  });

  it('marks and then hides a flagged guarantor in the reply to /talks add, as every answer does', async () => {
    const addAgain = async () => {
      await command(`add ${site.origin}/article.html`);
      await app.linkJobs.idle();
      return slack.replies.at(-1) as unknown as SlackMessage;
    };
    const norway = selectOptions(await command('guarantors'), 'talks_flag_fact').find((o) => o.text.endsWith('Norway'));
    expect(norway).toBeDefined();

    await flag(norway?.value ?? '', 'U0THIRD');
    const disputed = await addAgain();
    expect(allText(disputed)).toContain('is an article already stored');
    // The same line as in `/talks guarantors`: the country, its footnote, the mark.
    const markedNorway = /• Norway <[^>|]+\|\[1\]> _\(disputed: flagged by 1\)_/u;
    expect(allText(disputed)).toMatch(markedNorway);
    expect(allText(await command('guarantors'))).toMatch(markedNorway);

    // A reviewer's one flag hides it: from the reply as from `guarantors`, while Portugal, unflagged, stays.
    await flag(norway?.value ?? '', REVIEWER);
    const hidden = await addAgain();
    expect(selectOptions(hidden, 'talks_flag_fact').map((o) => o.text)).toEqual(['Flag: Portugal']);
    // Its evidence sentence still names it under Portugal, which it proposes too: only the line is gone.
    expect(allText(hidden)).not.toContain('• Norway');
    expect(allText(await command('guarantors'))).not.toContain('• Norway');
  });
});

describe('npm start on damaged flags', () => {
  it('answers a flag it cannot store for damaged data in the modal, with the recovery', async () => {
    // Failure injection: the local store answering as it does for a value LevelDB cannot decode.
    const flags = app.flags as NonNullable<typeof app.flags>;
    const damaged = {
      ...flags.reader,
      flagFact: async () => {
        throw new Error('The local DynamoDB data is damaged (Could not decode value)');
      },
    };
    const broken = await startSlackHttpServer({
      ...app,
      flags: { ...flags, reader: damaged },
      signingSecret: TEST_SIGNING_SECRET,
      port: 0,
    });
    const metadata = JSON.stringify({ ref: { kind: 'guarantor', country: 'Norway', proposedBy: 'Ukraine' } });
    const body = interactionBody(flagSubmissionPayload(metadata, { userId: 'U1', reason: 'other' }));

    const response = await fetch(broken.eventsUrl, {
      method: 'POST',
      body,
      headers: { ...FORM, ...signatureHeaders(body) },
    });
    await broken.close();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_action: 'errors',
      errors: {
        reason: expect.stringMatching(
          /^The local DynamoDB data is damaged \(Could not decode value\)\. To recover, delete \.talks\/dynamodb/,
        ),
      },
    });
  });
});
