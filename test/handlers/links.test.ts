import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinksHandler, LinkEventError } from '../../lambda/handlers/links.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import type { PageArchive } from '../../lambda/store/page-archive.js';
import { openStoreOn, type RunningServer } from '../store/backends.js';

let dynamo: RunningServer;
beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
});
afterAll(() => dynamo.close());

describe('link worker handler', () => {
  it('refuses an event that is not a link request, before touching anything', async () => {
    const handler = createLinksHandler(() => {
      throw new Error('no dependencies should be set up');
    });
    await expect(handler({ links: [], responseUrl: 'https://hooks.slack.com/x' })).rejects.toThrow(LinkEventError);
    await expect(handler({ Records: [] })).rejects.toThrow(LinkEventError);
  });

  it('replies on the response URL with the reason of every refused link, archiving nothing', async () => {
    const { store, close } = await openStoreOn(dynamo);
    const saved: string[] = [];
    const replies: SlackMessage[] = [];
    const archive: PageArchive = {
      save: async (name) => {
        saved.push(name);
        return name;
      },
    };
    const handler = createLinksHandler(() => ({
      store,
      archive,
      postReply: async (_url, message) => void replies.push(message),
      log: () => {},
    }));
    await handler({
      links: ['http://169.254.169.254/latest/meta-data/'],
      responseUrl: 'https://hooks.slack.com/x',
      userId: 'U1',
    });
    expect(replies[0]?.text).toBe('Added 0 of 1 link');
    expect(JSON.stringify(replies[0]?.blocks)).toContain('the cloud metadata address (169.254.169.254)');
    expect(saved).toEqual([]);
    await close();
  });
});
