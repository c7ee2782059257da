import { describe, expect, it } from 'vitest';
import type { Answer } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/*
 * Two people who share a surname, from two countries, quoted in separate articles (written for this
 * test); and an article that names one of them by the surname alone.
 */
const US_ARTICLE = [
  'Title: Washington weighs in on the truce',
  'Source: Namesake Wire',
  '',
  'US House Speaker Mike Johnson said the aid package would not pass before the truce talks resumed.',
  '"We will not write a blank cheque," Mike Johnson told reporters in Washington.',
].join('\n');
const UK_ARTICLE = [
  'Title: London urges patience',
  'Source: Namesake Post',
  '',
  'Former British Prime Minister Boris Johnson said Europe should keep its promises to Kyiv.',
  '"Nobody should be fooled by a ceasefire on paper," Boris Johnson wrote in a column.',
].join('\n');
const BARE_ARTICLE = [
  'Title: Speaker repeats warning',
  'Source: Namesake Daily',
  '',
  '"There is no money for an open-ended war," Johnson said on Thursday.',
].join('\n');

const freshStore = freshStoresOnEmbeddedDynamo();
const who = (name: string, store: TalksStore): Promise<Answer> => answerCommand(parseCommand(`who ${name}`), store);
const wordsOf = (a: Answer) => JSON.stringify(a);

describe('people who share a surname', () => {
  it('answers who with one person only, never the namesake from another country', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('us.txt', US_ARTICLE), textInput('uk.txt', UK_ARTICLE)], store);

    const mike = wordsOf(await who('Mike Johnson', store));
    const boris = wordsOf(await who('Boris Johnson', store));

    expect(mike).toContain('blank cheque');
    expect(mike).not.toContain('fooled');
    expect(mike).not.toContain('Boris');
    expect(boris).toContain('fooled');
    expect(boris).not.toContain('blank cheque');
    expect(boris).not.toContain('Mike');
  });

  it('resolves a bare surname shared by two people to nobody: it asks which one', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('us.txt', US_ARTICLE), textInput('uk.txt', UK_ARTICLE)], store);
    await ingestInputs([textInput('bare.txt', BARE_ARTICLE)], store);

    const answer = await who('Johnson', store);

    expect(wordsOf(answer)).toContain('Several people match');
    // The article that says only "Johnson" is attributed to neither of the two.
    expect(wordsOf(await who('Mike Johnson', store))).not.toContain('open-ended war');
    expect(wordsOf(await who('Boris Johnson', store))).not.toContain('open-ended war');
  });

  it('resolves a bare surname to the one person of that surname the corpus knows', async () => {
    const store = await freshStore();
    await ingestInputs([textInput('us.txt', US_ARTICLE)], store);
    await ingestInputs([textInput('bare.txt', BARE_ARTICLE)], store);

    const bare = await who('Johnson', store);
    const full = wordsOf(await who('Mike Johnson', store));

    expect(wordsOf(bare)).not.toContain('Several people match');
    expect(full).toContain('open-ended war');
    expect(full).toContain('blank cheque');
  });
});
