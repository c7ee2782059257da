import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseUrlPoster } from '../../lambda/slack/response-url.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import {
  buttonActionPayload,
  buttons,
  interactionBody,
  type SlackStandIn,
  startSlackStandIn,
} from '../slack/interaction-requests.js';
import { signedEvent } from '../slack/slack-requests.js';
import { inventedPerson } from '../store/invented-people.js';
import { datedArticle, days, slackOnCorpus } from './slack-corpus.js';

/*
 * Paged answers (QA, session 35: `who`, `sources` and `since` cut at a large corpus and the user could not see the
 * rest). 60 invented delegates, each quoted in a report of their own, one report a day from 2026-01-01: more speakers
 * than a page of `who` (50), more articles than a page of `sources` (20), and more facts in the 31 newest days than a
 * page of `since` (10 of each kind). Asked through Slack-signed requests to the production handler; the "Next page" button is
 * clicked as Slack sends it, and the page arrives on the response URL.
 */

const DAYS = days('2026-01-01', 60);
const NAMES = DAYS.map((_, i) => inventedPerson(i + 1).fullName);

let slack: SlackStandIn;
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack.close();
});

const corpus = slackOnCorpus({
  files: () => Object.fromEntries(DAYS.map((day, i) => [`day-${i}.txt`, datedArticle(i + 1, day, i === 0)])),
  deps: () => ({ postReply: createResponseUrlPoster({ isAllowed: (url) => url.origin === slack.url }) }),
});

/** Every page of a paged command, following the "Next page" button's value until there is none. */
async function everyPage(first: string): Promise<{ title: string; text: string; message: SlackMessage }[]> {
  const pages = [await corpus.ask(first)];
  for (;;) {
    const next = buttons(pages.at(-1)?.message as SlackMessage).find((b) => b.text.startsWith('Next'));
    if (!next || pages.length > 10) return pages;
    pages.push(await corpus.ask(next.value));
  }
}

const occurrences = (texts: readonly string[], word: string) => texts.reduce((n, t) => n + t.split(word).length - 1, 0);

describe('/talks answers in pages', () => {
  it('pages `who`, saying on the cut page how many more and the command that shows them', async () => {
    const first = await corpus.ask('who');
    expect(first.title).toBe('Speakers (page 1 of 2)');
    expect(first.text).toContain('… and 10 more: `/talks who page 2`');
    expect(buttons(first.message)).toEqual([{ actionId: 'talks_page_next', text: 'Next page', value: 'who page 2' }]);

    const second = await corpus.ask('who page 2');
    expect(second.title).toBe('Speakers (page 2 of 2)');
    expect(second.text).not.toMatch(/… and \d+ more/u);
    expect(buttons(second.message)).toEqual([
      { actionId: 'talks_page_previous', text: 'Previous page', value: 'who page 1' },
    ]);
    // Every speaker once, on one of the pages.
    for (const name of NAMES) expect(occurrences([first.text, second.text], `*${name}*`), name).toBe(1);
  });

  it('pages `sources`, newest first, each article on one page', async () => {
    const pages = await everyPage('sources');
    expect(pages.map((p) => p.title)).toEqual([
      'Sources: 60 articles (page 1 of 3)',
      'Sources: 60 articles (page 2 of 3)',
      'Sources: 60 articles (page 3 of 3)',
    ]);
    expect(pages[0]?.text).toContain('… and 40 more: `/talks sources page 2`');
    expect(pages[1]?.text).toContain('… and 20 more: `/talks sources page 3`');
    const texts = pages.map((p) => p.text);
    for (const day of DAYS) expect(occurrences(texts, ` · ${day} · `), day).toBe(1);
    // Newest first: the last day opens the first page, the first day closes the last.
    expect(texts[0]?.indexOf(DAYS[59] as string)).toBeLessThan(texts[0]?.indexOf(DAYS[40] as string) as number);
    expect(texts[2]).toContain(DAYS[0]);
  });

  it('pages `since`, every fact of the days it reads on one page', async () => {
    const pages = await everyPage('since 2026-01-01');
    expect(pages.map((p) => p.title)).toEqual([
      'New since 2026-01-01 (page 1 of 4)',
      'New since 2026-01-01 (page 2 of 4)',
      'New since 2026-01-01 (page 3 of 4)',
      'New since 2026-01-01 (page 4 of 4)',
    ]);
    expect(pages[0]?.text).toContain('… and 21 more: `/talks since 2026-01-01 page 2`');
    expect(pages[1]?.text).toContain('… and 11 more: `/talks since 2026-01-01 page 3`');
    expect(pages[2]?.text).toContain('… and 1 more: `/talks since 2026-01-01 page 4`');
    expect(pages[3]?.text).not.toMatch(/… and \d+ more:/u);
    // The 31 newest days are read (30 Jan to 1 Mar); each of their delegates' statement is on one page.
    const texts = pages.map((p) => p.text);
    for (const name of NAMES.slice(29)) expect(occurrences(texts, `*${name}*`), name).toBe(1);
    // Each page still says the answer covers only the newest days it reads.
    for (const text of texts) expect(text).toContain('Only the 31 newest days with news are shown');
  });

  it('answers one page, with no page line or button, when everything fits', async () => {
    const { title, text, message } = await corpus.ask('since 2026-02-22');
    expect(title).toBe('New since 2026-02-22');
    expect(text).not.toMatch(/… and \d+ more/u);
    expect(buttons(message)).toEqual([]);
  });

  it('says which page is the last when asked for one past it', async () => {
    const { title, text } = await corpus.ask('sources page 9');
    expect(title).toBe('Sources: 60 articles (page 9 of 3)');
    expect(text).toContain('There are 3 pages; the last is `/talks sources page 3`.');
  });

  it('posts the next page to the person who clicked "Next page", from the response URL', async () => {
    const first = await corpus.ask('sources');
    const next = buttons(first.message).find((b) => b.text === 'Next page');
    expect(next?.value).toBe('sources page 2');
    const response = await corpus.call(
      signedEvent(
        interactionBody(
          buttonActionPayload(next?.actionId ?? '', next?.value ?? '', { responseUrl: slack.responseUrl }),
        ),
      ),
    );
    expect(response.statusCode).toBe(200);
    await expect.poll(() => slack.replies.length).toBe(1);
    const reply = slack.replies[0] as unknown as SlackMessage & { replace_original: boolean };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Sources: 60 articles (page 2 of 3)');
    expect(slackLimitViolations(reply)).toEqual([]);
    expect(reply.blocks.flatMap(blockTexts).join('\n')).toContain('… and 20 more: `/talks sources page 3`');
  });

  it('lists the paged forms in help', async () => {
    const { text } = await corpus.ask('help');
    expect(text).toContain('`/talks who [page N]`');
    expect(text).toContain('`/talks sources [page N]`');
    expect(text).toContain('`/talks since &lt;date&gt; [page N]`');
  });
});
