import { describe, expect, it } from 'vitest';
import { inventedWord as wordFor } from '../../bench/invented-names.js';
import { datedArticle, days as daysFrom, slackOnCorpus } from './slack-corpus.js';

/*
 * What a user meets trying the commands help lists (QA, session 35): the seed corpus in embedded DynamoDB, asked
 * through signed Function URL events and the production handler. The seeds say nothing about the third configured
 * topic (the Zaporizhzhia plant), which is what a new deployment's corpus looks like for most topics.
 */

const SEED = new URL('../../data/articles/', import.meta.url).pathname;

describe('/talks as a user tries it, on the seed corpus', () => {
  const { ask } = slackOnCorpus({ paths: [SEED] });

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

describe('/talks since a date further back than one answer reads', () => {
  // 33 days of news: more than the 31 newest days one `since` answer reads. Only the oldest names guarantors.
  const days = daysFrom('2026-01-01', 33);
  const { ask } = slackOnCorpus({
    files: () => Object.fromEntries(days.map((day, i) => [`day-${i}.txt`, datedArticle(i + 1, day, i === 0)])),
  });

  it('says its counts cover only the newest days it shows, and claims no "nothing new" for the days before', async () => {
    const { text } = await ask('since 2026-01-01');
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
  // Eight rounds, a day apart, in which Russia alternately demands recognition of Crimea and refuses to discuss it.
  const { ask } = slackOnCorpus({
    files: () =>
      Object.fromEntries(
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
          return [`round-${round}.txt`, text];
        }),
      ),
  });

  it("sums up a party's newest three changes and counts the earlier ones, so the first line stays readable", async () => {
    const { text } = await ask('timeline crimea');
    const changes = text.split('\n').find((line) => line.startsWith('Changes:')) ?? '';
    // Seven moves; on a large corpus this line listed dozens, over a thousand characters.
    expect(changes.match(/Russia, 2026-04-\d\d: /gu)).toHaveLength(3);
    expect(changes).toContain('Russia, 2026-04-08: a demand turned into a refusal');
    expect(changes).toContain('Russia: 4 earlier changes');
    expect(text.match(/CHANGED/gu)?.length).toBeGreaterThanOrEqual(3);
  });
});
