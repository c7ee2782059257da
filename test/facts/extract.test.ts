import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { createArticleReader, extractArticleFacts } from '../../lambda/facts/extract.js';
import { parseTopicsConfig } from '../../lambda/facts/topics.js';
import { fixtureDir, readArticles } from './fixture-articles.js';

const natoConfig = parseTopicsConfig(
  JSON.parse(readFileSync(new URL('../fixtures/topics-with-nato.json', import.meta.url), 'utf8')),
);

describe('extractArticleFacts', () => {
  let nato: Article;
  let merged: Article[];
  beforeAll(async () => {
    [nato] = (await readArticles(fixtureDir('facts-topic-from-config'))) as [Article];
    merged = await readArticles(fixtureDir('facts-merge-across-outlets'));
  });

  it('finds no position on a topic the shipped configuration does not have', () => {
    expect(extractArticleFacts(nato).positions).toEqual([]);
  });

  it('finds positions on a topic added by configuration only (nato)', () => {
    const facts = createArticleReader(natoConfig)(nato).facts;
    expect(facts.positions.map((p) => `${p.topic}/${p.party}: ${p.stance}`)).toEqual([
      'nato/Ukraine: Ukraine offered to adopt a neutral status and to give up its bid to join the North Atlantic alliance',
      'nato/Russia: Russia demands written assurances that NATO will not expand further east',
      'nato/Ukraine: Ukrainian negotiators said a neutral Ukraine would still need guarantees of its security',
    ]);
  });

  it('tags statements with the configured topics their text mentions', () => {
    const statements = merged.flatMap((a) => extractArticleFacts(a).statements);
    const onDonbas = statements.filter((s) => s.topics.includes('donbas')).map((s) => s.text);
    expect(onDonbas.length).toBeGreaterThan(0);
    for (const text of onDonbas) expect(text).toMatch(/Donbas/);
    for (const s of statements.filter((s) => !/Donbas/.test(s.text))) expect(s.topics).toEqual([]);
  });

  it('is deterministic: the same article gives the same facts', () => {
    expect(extractArticleFacts(nato)).toEqual(extractArticleFacts(nato));
  });
});
