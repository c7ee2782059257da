import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventedWord as wordFor } from '../../bench/invented-names.js';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import { lambdaContext, signedCommandEvent, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { inventedPerson, quotedWordsOf } from '../store/invented-people.js';

/*
 * What a user meets trying the commands help lists (QA, session 35): the seed corpus in embedded DynamoDB, asked
 * through signed Function URL events and the production handler. The seeds say nothing about the third configured
 * topic (the Zaporizhzhia plant), which is what a new deployment's corpus looks like for most topics.
 */

const SEED = new URL('../../data/articles/', import.meta.url).pathname;

describe('/talks as a user tries it, on the seed corpus', () => {
  let backend: TestStore;
  let handler: ReturnType<typeof createSlackHandler>;

  beforeAll(async () => {
    backend = await withEmbeddedStore();
    await ingestPaths([SEED], backend.store);
    handler = createSlackHandler({ views: backend.store, timeline: backend.store, signingSecret: TEST_SIGNING_SECRET });
  });
  afterAll(async () => {
    await backend?.close();
  });

  async function ask(text: string): Promise<{ title: string; text: string }> {
    const response = await handler(signedCommandEvent(text), lambdaContext);
    expect(response.statusCode).toBe(200);
    const message = JSON.parse(response.body) as SlackMessage;
    expect(slackLimitViolations(message)).toEqual([]);
    return { title: message.text, text: message.blocks.flatMap(blockTexts).join('\n') };
  }

  it.each(['zaporizhzhia-npp', 'topic zaporizhzhia-npp', 'topic Zaporizhzhia nuclear plant'])(
    'answers "/talks %s", a configured topic the articles never mention, as a topic with nothing found',
    async (command) => {
      // Help offers `/talks zaporizhzhia-npp`; it used to answer "Unknown command" with a "did you mean" of itself.
      expect((await ask('help')).text).toContain('`/talks zaporizhzhia-npp`');
      const { title, text } = await ask(command);
      expect(title).toBe('Zaporizhzhia nuclear plant');
      expect(text).toContain("No party's position on Zaporizhzhia nuclear plant was found in the articles.");
      expect(text).not.toContain('Did you mean');
    },
  );

  it.each([
    ['zaporizhzhia', 'Zaporizhzhia nuclear plant'],
    ['topic nuclear plant', 'Zaporizhzhia nuclear plant'],
    ['topic npp', 'Zaporizhzhia nuclear plant'],
    ['timeline zaporizhzhia', 'Timeline: Zaporizhzhia nuclear plant'],
  ])('finds a topic by a whole word of its id or label: "/talks %s"', async (command, title) => {
    // A user types the place, not the configured id `zaporizhzhia-npp`; this answered "Unknown command".
    expect((await ask(command)).title).toBe(title);
  });

  it('takes no part of a word for a topic ("plan" is no "plant")', async () => {
    expect((await ask('plan')).title).toBe('Unknown command "plan"');
  });

  it.each(['who medinsky :flag-ru:', 'who :wave::skin-tone-3: Vladimir Medinsky'])(
    'reads a name past the emoji typed beside it: "/talks %s"',
    async (command) => {
      // Slack sends an emoji as its shortcode; it was taken as part of the name: "No one by that name".
      expect((await ask(command)).title).toBe('Vladimir Medinsky');
    },
  );

  it('offers the most quoted speakers, not "closest" ones, for a name near nobody\'s', async () => {
    // "Closest known speakers" listed Fomin, Podolyak and Arakhamia for "Nobody Atall": none of them close.
    const far = await ask('who Nobody Atall');
    expect(far.title).toBe('No one by that name: "Nobody Atall"');
    expect(far.text).not.toContain('Closest');
    expect(far.text).toMatch(/\*Most quoted speakers\*\n• \*Vladimir Medinsky\*/u);
    // A typing slip still gets the person it slipped from.
    expect((await ask('who Medinksy')).text).toMatch(/\*Closest known speakers\*\n• \*Vladimir Medinsky\*/u);
  });

  it.each(['who <@U012AB3CD|bob>', 'who <@U012AB3CD>'])(
    'says "/talks %s" names a Slack user, not a name in the articles',
    async (command) => {
      // A user mention was taken for a name: "No one by that name" and three "closest" speakers.
      const { text } = await ask(command);
      expect(text).toContain('That is a Slack user, not a name in the articles.');
      expect(text).not.toContain('No one by that name');
    },
  );

  it('shows no evidence line that adds only a lone connective to its fact', async () => {
    // Under Ukraine's position that the Donbas was left for a later meeting, the evidence read "↳ [2] But ….".
    const { text } = await ask('donbas');
    expect(text).toContain('the Donbas issue wasn’t addressed');
    expect(text).not.toMatch(/^↳ \[\d+\] But …\.?$/mu);
  });

  it('names the command that has the rest of a day the timeline cuts', async () => {
    // The seeds' one day has ten guarantors; the timeline shows four and said only "… and 6 more".
    const { text } = await ask('timeline guarantors');
    expect(text).toContain('… and 6 more: `/talks guarantors`');
    expect(text).not.toMatch(/… and \d+ more$/mu);
  });

  it('counts one day of news as "1 day"', async () => {
    // The seeds are all dated 2022-03-29; this read "on 1 days".
    expect((await ask('since 2022-03-29')).text).toMatch(/ facts first reported since 2022-03-29, on 1 day\./u);
  });
});

/** An article dated `day` quoting invented delegate `n`, in our own words; the first also names guarantors. */
function datedArticle(n: number, day: string, guarantors: boolean): string {
  const { fullName, surname } = inventedPerson(n);
  return [
    `Title: Delegate ${surname} on the ${wordFor(n * 13 + 1)} round`,
    'Source: Invented Wire',
    `Date: ${day}`,
    '',
    `"We will reopen ${quotedWordsOf(n)} before the winter," ${fullName}, the head of the Ukrainian delegation, told reporters.`,
    `The ${wordFor(n * 17 + 2)} delegation met the ${wordFor(n * 19 + 4)} mediators for ${2 + (n % 5)} hours.`,
    ...(guarantors ? [`${surname} said Ukraine wants security guarantees from Norway and Portugal.`] : []),
  ].join('\n');
}

describe('/talks since a date further back than one answer reads', () => {
  let backend: TestStore;
  let handler: ReturnType<typeof createSlackHandler>;
  let folder: string;
  // 33 days of news: more than the 31 newest days one `since` answer reads. Only the oldest names guarantors.
  const days = Array.from({ length: 33 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'talks-since-'));
    await Promise.all(days.map((day, i) => writeFile(join(folder, `day-${i}.txt`), datedArticle(i + 1, day, i === 0))));
    backend = await withEmbeddedStore();
    await ingestPaths([folder], backend.store);
    handler = createSlackHandler({ views: backend.store, timeline: backend.store, signingSecret: TEST_SIGNING_SECRET });
  });
  afterAll(async () => {
    await backend?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('says its counts cover only the newest days it shows, and claims no "nothing new" for the days before', async () => {
    const response = await handler(signedCommandEvent('since 2026-01-01'), lambdaContext);
    const message = JSON.parse(response.body) as SlackMessage;
    expect(slackLimitViolations(message)).toEqual([]);
    const text = message.blocks.flatMap(blockTexts).join('\n');
    expect(text).toContain('Only the 31 newest days with news are shown (from 2026-01-03)');
    // Norway and Portugal were first reported on 2026-01-01, which the answer does not read: it cannot say no
    // guarantor is new since then, nor count every fact since then.
    expect(text).not.toContain('No new guarantor.');
    expect(text).toContain('No new guarantor on those days.');
    expect(text).not.toMatch(/facts first reported since 2026-01-01/u);
    expect(text).toContain('31 facts first reported on the 31 newest days with news, from 2026-01-03 to 2026-02-02.');
  });
});

describe('/talks timeline of a party that moved back and forth', () => {
  let backend: TestStore;
  let handler: ReturnType<typeof createSlackHandler>;
  let folder: string;

  beforeAll(async () => {
    // Eight rounds, a day apart, in which Russia alternately demands recognition of Crimea and refuses to discuss it.
    folder = await mkdtemp(join(tmpdir(), 'talks-moves-'));
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const round = i + 1;
        const stance =
          round % 2
            ? `Russia demands that Ukraine recognise Crimea as Russian territory before round ${round}, the Russian delegation said.`
            : `Russia refuses to discuss Crimea at round ${round} of the talks, the Russian delegation said.`;
        const text = [
          `Title: Round ${round} on the ${wordFor(round * 13 + 1)} lake`,
          'Source: Invented Wire',
          `Date: 2026-04-0${round}`,
          '',
          `Delegations met for round ${round} at the ${wordFor(round * 17 + 2)} hall for ${round + 1} hours.`,
          '',
          stance,
        ].join('\n');
        return writeFile(join(folder, `round-${round}.txt`), text);
      }),
    );
    backend = await withEmbeddedStore();
    await ingestPaths([folder], backend.store);
    handler = createSlackHandler({ views: backend.store, timeline: backend.store, signingSecret: TEST_SIGNING_SECRET });
  });
  afterAll(async () => {
    await backend?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("sums up a party's newest three changes and counts the earlier ones, so the first line stays readable", async () => {
    const response = await handler(signedCommandEvent('timeline crimea'), lambdaContext);
    const message = JSON.parse(response.body) as SlackMessage;
    const text = message.blocks.flatMap(blockTexts).join('\n');
    const changes = text.split('\n').find((line) => line.startsWith('Changes:')) ?? '';
    // Seven moves; on a large corpus this line listed dozens, over a thousand characters.
    expect(changes.match(/Russia, 2026-04-\d\d: /gu)).toHaveLength(3);
    expect(changes).toContain('Russia, 2026-04-08: a demand turned into a refusal');
    expect(changes).toContain('Russia: 4 earlier changes');
    expect(text.match(/CHANGED/gu)?.length).toBeGreaterThanOrEqual(3);
  });
});
