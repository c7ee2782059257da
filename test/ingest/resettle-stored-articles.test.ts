import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * Written for these tests (invented people, the parties of config/topics.json): a report that names a negotiator in
 * full but gives him no country while he states terms on a topic, and a later report that gives him his country.
 */
const NO_COUNTRY = [
  'Title: Terms at the harbour',
  'Source: Coast Times',
  '',
  'Mikhail Darvo said on Tuesday that Crimea would never be handed back, whatever the envoys proposed.',
].join('\n');
const GIVES_COUNTRY = [
  'Title: Envoys named',
  'Source: Inland Review',
  '',
  'Russian Deputy Foreign Minister Mikhail Darvo led the delegation to the harbour city on Monday.',
].join('\n');

const freshStore = freshStoresOnEmbeddedDynamo();
const answers = async (store: TalksStore) =>
  Object.fromEntries(
    await Promise.all(
      ['summary', 'who Darvo', 'topic crimea', 'who'].map(
        async (command) => [command, await answerCommand(parseCommand(command), store)] as const,
      ),
    ),
  );

describe('re-settling stored articles when the corpus learns', () => {
  it('answers after ingesting A then B as after ingesting them together', async () => {
    const [oneByOne, together] = [await freshStore(), await freshStore()];
    await ingestInputs([textInput('a.txt', NO_COUNTRY)], oneByOne);
    await ingestInputs([textInput('b.txt', GIVES_COUNTRY)], oneByOne);
    await ingestInputs([textInput('a.txt', NO_COUNTRY), textInput('b.txt', GIVES_COUNTRY)], together);

    expect(await answers(oneByOne)).toEqual(await answers(together));
  });
});
