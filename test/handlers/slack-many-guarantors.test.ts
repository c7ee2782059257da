import { describe, expect, it } from 'vitest';
import { inventedWord as wordFor } from '../../bench/invented-names.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { summaryAnswer } from '../../lambda/answers/summary-answer.js';
import { type SummaryView, SummaryViewSchema } from '../../lambda/facts/views.js';
import { inventedPerson } from '../store/invented-people.js';
import { slackOnCorpus } from './slack-corpus.js';

/*
 * A corpus that names many guarantors (QA, session 35: 33 on the large corpus, where the summary said "10 proposed
 * guarantors" and Slack's `guarantors` showed 6 of 28 countries of one party). Invented reports, each with a long
 * link as real ones have, each naming three of the countries Ukraine asks guarantees from; Russia names five.
 */

const UKRAINE_ASKS = [
  'Norway',
  'Portugal',
  'Spain',
  'Greece',
  'Austria',
  'Sweden',
  'Finland',
  'Denmark',
  'Ireland',
  'Estonia',
  'Latvia',
  'Lithuania',
  'Romania',
  'Bulgaria',
  'Croatia',
  'Slovenia',
  'Slovakia',
  'Hungary',
  'Belgium',
  'Netherlands',
  'Luxembourg',
  'Iceland',
  'Japan',
  'Australia',
  'Brazil',
  'Mexico',
  'Chile',
  'Argentina',
];
const RUSSIA_ASKS = ['China', 'India', 'Kazakhstan', 'Serbia', 'Egypt'];

function report(n: number, countries: readonly string[], party: 'Ukraine' | 'Russia'): string {
  const { fullName, surname } = inventedPerson(n);
  const slug = Array.from({ length: 12 }, (_, i) => wordFor(n * 31 + i)).join('-');
  const [last, ...rest] = [...countries].reverse();
  const named = rest.length ? `${rest.reverse().join(', ')} and ${last}` : `${last}`;
  return [
    `Title: ${surname} names the ${wordFor(n * 7 + 3)} guarantors`,
    'Source: Invented Wire',
    `URL: https://news.invented.example/world/europe/2026/01/${slug}?utm_source=feed&utm_medium=rss&id=${1000 + n}`,
    `Date: 2026-01-${String(1 + (n % 28)).padStart(2, '0')}`,
    '',
    `${fullName}, the head of the ${party === 'Ukraine' ? 'Ukrainian' : 'Russian'} delegation, spoke after the ${wordFor(n * 11 + 5)} round.`,
    `${surname} said ${party} wants security guarantees from ${named}.`,
  ].join('\n');
}

describe('/talks on a corpus that names many guarantors', () => {
  const corpus = slackOnCorpus({
    files: () => {
      const files: string[] = [];
      for (let i = 0; i < UKRAINE_ASKS.length; i += 2) {
        // Each country named twice, by two reports: Norway, Portugal, Spain; Spain, Greece, Austria; …
        files.push(report(files.length + 1, UKRAINE_ASKS.slice(i, i + 3), 'Ukraine'));
      }
      files.push(report(files.length + 1, RUSSIA_ASKS, 'Russia'));
      return Object.fromEntries(files.map((text, i) => [`report-${i}.txt`, text]));
    },
  });
  const ask = async (text: string) => (await corpus.ask(text)).text;

  it('counts every guarantor in the summary, and says how many more `/talks guarantors` has', async () => {
    // The summary item keeps ten guarantors; its count was the length of that list: "10 proposed guarantors".
    const text = await ask('summary');
    expect(text).toContain('15 articles · 15 speakers · 33 proposed guarantors');
    expect(text).toContain('… and 23 more: `/talks guarantors`');
  });

  it('lists every country of `/talks guarantors`, each with its first source and a count of the others', async () => {
    // Slack showed 6 of Ukraine's 28 countries and "… and 22 more", with no command that had the rest.
    const text = await ask('guarantors');
    for (const country of [...UKRAINE_ASKS, ...RUSSIA_ASKS])
      expect(text).toMatch(new RegExp(`^• ${country} \\[\\d+\\]`, 'mu'));
    expect(text).not.toMatch(/… and \d+ more/u);
    // Spain is named by two reports: one is cited, the other counted.
    expect(text).toMatch(/^• Spain \[\d+\] \+1$/mu);
  });

  it('reads a summary item written before the total was kept, counting the guarantors it holds', async () => {
    const { totalGuarantors, ...old } = (await corpus.backend.store.getSummary()) as SummaryView;
    expect(totalGuarantors).toBe(33);
    const text = renderText(summaryAnswer(SummaryViewSchema.parse(old), 'ephemeral'));
    expect(text).toContain('· 10 proposed guarantors');
    expect(text).not.toContain('npm run talks -- guarantors\n');
  });
});
