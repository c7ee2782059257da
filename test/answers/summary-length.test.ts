import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { renderText } from '../../lambda/answers/render-text.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import { DEV_SET_ARTICLES } from '../../scripts/dev-set.js';
import { SEED_DIR } from '../facts/fixture-articles.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

/** About two screens of a terminal: what a reader takes in before turning to `who`, `guarantors` or a topic. */
const TWO_SCREENS = 150;

const freshStore = freshStoresOnEmbeddedDynamo();

describe('the terminal summary of a corpus of some fifty articles', () => {
  it('fits in about two screens and points to who, guarantors and the topic commands for the rest', async () => {
    const store = await freshStore();
    await ingestPaths([SEED_DIR, DEV_SET_ARTICLES], store);

    const text = renderText(await answerCommand(parseCommand('summary'), store));

    // The dev set grows as rules are written: some fifty articles and more, not a corpus of hundreds.
    expect(text).toMatch(/^Summary of [5-9]\d articles/u);
    expect(text.split('\n').length).toBeLessThanOrEqual(TWO_SCREENS);
    for (const command of ['who', 'guarantors', 'crimea', 'donbas']) {
      expect(text).toContain(`npm run talks -- ${command}`);
    }
  });
});
