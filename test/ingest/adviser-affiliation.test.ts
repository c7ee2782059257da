import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * Written for this test: an adviser described only as "an adviser to" a leader the article gives no country, and an
 * earlier article that gives the leader one. At ingest the adviser takes the country the stored people give the
 * leader (settleAffiliations over the speaker directory), as extraction's corpus pass does within one batch.
 */
const LEADER_ARTICLE = [
  'Title: Leader sets out terms',
  'Source: Adviser Wire',
  '',
  'Moldovan President Arkady Belenskyy said the talks would go on next week.',
].join('\n');
const ADVISER_ARTICLE = [
  'Title: Pledges on paper',
  'Source: Adviser Daily',
  '',
  '"The pledges must be written down," Tomas Varga, an adviser to Belenskyy, told reporters.',
].join('\n');

const freshStore = freshStoresOnEmbeddedDynamo();
const whoVarga = async (store: TalksStore) =>
  JSON.stringify(await answerCommand(parseCommand('who Tomas Varga'), store));

describe('an adviser to a leader the article gives no country, at ingest', () => {
  it('takes the country the stored articles give the leader, in a later ingest', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('leader.txt', LEADER_ARTICLE)], store);
    await ingestInputs([textInput('adviser.txt', ADVISER_ARTICLE)], store);

    const answer = await whoVarga(store);
    expect(answer).toContain('written down');
    expect(answer).toContain('Moldova');
  });

  it('has no country when no stored article gives the leader one', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('adviser.txt', ADVISER_ARTICLE)], store);

    const answer = await whoVarga(store);
    expect(answer).toContain('written down');
    expect(answer).not.toContain('Moldova');
  });
});
