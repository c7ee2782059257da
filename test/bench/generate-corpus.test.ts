import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, type SyntheticArticle, writeCorpus } from '../fixtures/synthetic/generate-corpus.js';

const decode = (article: SyntheticArticle) => new TextDecoder().decode(article.bytes);
/** Hard-wrapped and CRLF files break lines inside sentences; compare text with whitespace collapsed. */
const flatten = (text: string) => text.replace(/\s+/g, ' ');

describe('generateCorpus', () => {
  const corpus = generateCorpus({ seed: 42, count: 400 });

  it('gives the same bytes for the same seed and different bytes for another seed', () => {
    const again = generateCorpus({ seed: 42, count: 400 });
    const other = generateCorpus({ seed: 43, count: 400 });

    expect(again.map((a) => a.name)).toEqual(corpus.map((a) => a.name));
    expect(again.every((a, i) => Buffer.from(a.bytes).equals(Buffer.from(corpus[i]?.bytes ?? [])))).toBe(true);
    const differing = other.filter((a, i) => !Buffer.from(a.bytes).equals(Buffer.from(corpus[i]?.bytes ?? [])));
    expect(differing.length).toBeGreaterThan(390);
  });

  it('makes a small corpus the prefix of a larger one with the same seed', () => {
    const small = generateCorpus({ seed: 42, count: 60 });

    expect(small.map(decode)).toEqual(corpus.slice(0, 60).map(decode));
  });

  it('writes articles of about 5 KB', () => {
    const sizes = corpus.map((a) => a.bytes.length);
    const mean = sizes.reduce((sum, s) => sum + s, 0) / sizes.length;

    expect(Math.min(...sizes)).toBeGreaterThan(3_500);
    expect(Math.max(...sizes)).toBeLessThan(8_000);
    expect(mean).toBeGreaterThan(4_500);
    expect(mean).toBeLessThan(6_000);
  });

  it('plants statements that are verbatim in their article', () => {
    const missing = corpus.flatMap((article) => {
      const text = flatten(decode(article));
      return article.planted.statements.filter((s) => !text.includes(s.text)).map((s) => `${article.name}: ${s.text}`);
    });

    expect(missing).toEqual([]);
  });

  it('varies speakers, spellings, topics, guarantors and kinds of speech', () => {
    const statements = corpus.flatMap((a) => a.planted.statements);
    const speakers = new Set(statements.map((s) => s.speaker));
    const spellingsOf = new Map<string, Set<string>>();
    for (const s of statements) spellingsOf.set(s.speaker, (spellingsOf.get(s.speaker) ?? new Set()).add(s.writtenAs));
    const transliterated = [...spellingsOf.values()].filter((spellings) => spellings.size > 1);
    const countries = new Set(corpus.flatMap((a) => a.planted.guarantors.map((g) => g.country)));

    expect(speakers.size).toBeGreaterThanOrEqual(30);
    expect(transliterated.length).toBeGreaterThanOrEqual(10);
    expect(new Set(statements.map((s) => s.topic))).toEqual(
      new Set(['crimea', 'donbas', 'neutrality', 'nuclear-plant', 'prisoners', 'grain', 'ceasefire', 'talks']),
    );
    expect(countries.size).toBeGreaterThanOrEqual(12);
    expect(new Set(statements.map((s) => s.kind))).toEqual(new Set(['direct', 'reported']));
    expect(new Set(corpus.flatMap((a) => a.planted.positions.map((p) => `${p.topic}/${p.party}`))).size).toBe(4);
    expect(new Set(corpus.map((a) => a.metadata.outlet)).size).toBeGreaterThanOrEqual(10);
  });

  it('writes names with diacritics, particles, apostrophes and transliteration variants', () => {
    const written = new Set(corpus.flatMap((a) => a.planted.statements.map((s) => s.writtenAs)));
    const all = [...written].join('\n');

    expect(all).toMatch(/[ığşäáéí]/);
    expect(all).toMatch(/ (de|von|al-)[A-Z]?/i);
    expect(all).toMatch(/'/);
    expect(all).toMatch(/-[A-Z]/);
  });

  it('mixes noise into the text: newsletter boxes, photo credits, Slack-like markup', () => {
    const texts = corpus.map(decode);

    expect(texts.filter((t) => t.includes('newsletter')).length).toBeGreaterThan(10);
    expect(texts.filter((t) => / \/ [A-Z]/.test(t) || t.includes('Photo:')).length).toBeGreaterThan(50);
    expect(texts.some((t) => t.includes('<https://') && t.includes('&'))).toBe(true);
    expect(texts.some((t) => t.includes('\r\n'))).toBe(true);
  });

  it('includes exact duplicates and near-duplicates of earlier articles', () => {
    const byName = new Map(corpus.map((a) => [a.name, a]));
    const duplicates = corpus.filter((a) => a.duplicateOf);
    const nearDuplicates = corpus.filter((a) => a.nearDuplicateOf);

    expect(duplicates.length).toBeGreaterThan(0);
    expect(nearDuplicates.length).toBeGreaterThan(5);
    for (const copy of duplicates) {
      expect(decode(copy)).toBe(decode(byName.get(copy.duplicateOf ?? '') as SyntheticArticle));
    }
    for (const copy of nearDuplicates) {
      const original = flatten(decode(byName.get(copy.nearDuplicateOf ?? '') as SyntheticArticle));
      const copied = copy.planted.statements.filter((s) => original.includes(s.text));
      expect(decode(copy)).not.toBe(original);
      expect(copied.length).toBe(copy.planted.statements.length);
    }
  });

  it('keeps unrelated articles apart and near-duplicates close, as word 4-grams see them', () => {
    const shingles = (article: SyntheticArticle) => {
      const words =
        flatten(decode(article))
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? [];
      return new Set(words.slice(3).map((_, i) => words.slice(i, i + 4).join(' ')));
    };
    const jaccard = (a: Set<string>, b: Set<string>) => {
      const shared = [...a].filter((s) => b.has(s)).length;
      return shared / (a.size + b.size - shared);
    };
    const byName = new Map(corpus.map((a) => [a.name, a]));
    const originals = corpus
      .filter((a) => !a.duplicateOf && !a.nearDuplicateOf)
      .slice(0, 40)
      .map(shingles);
    const unrelated = originals.flatMap((a, i) => originals.slice(i + 1).map((b) => jaccard(a, b)));
    const copies = corpus
      .filter((a) => a.nearDuplicateOf)
      .map((a) => jaccard(shingles(a), shingles(byName.get(a.nearDuplicateOf ?? '') as SyntheticArticle)));

    expect(Math.max(...unrelated)).toBeLessThan(0.2);
    expect(unrelated.reduce((sum, j) => sum + j, 0) / unrelated.length).toBeLessThan(0.08);
    expect(Math.min(...copies)).toBeGreaterThan(0.6);
  });

  it('copies no sentence of the seed articles', async () => {
    const seedDir = join(import.meta.dirname, '../../data/articles');
    const seedSentences = (
      await Promise.all(
        (await readdir(seedDir)).filter((f) => f.endsWith('.txt')).map((f) => readFile(join(seedDir, f), 'utf8')),
      )
    )
      .flatMap((text) => flatten(text).split(/(?<=[.!?"”])\s+/))
      .filter((sentence) => sentence.length > 40);
    const generated = corpus.map((a) => flatten(decode(a))).join('\n');

    expect(seedSentences.length).toBeGreaterThan(20);
    expect(seedSentences.filter((sentence) => generated.includes(sentence))).toEqual([]);
  });
});

describe('writeCorpus', () => {
  it('writes each article and a sources.json with its metadata', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synthetic-'));
    try {
      const articles = generateCorpus({ seed: 1, count: 5 });

      const paths = await writeCorpus(dir, articles);

      expect(paths).toHaveLength(5);
      expect(await readFile(paths[2] as string, 'utf8')).toBe(decode(articles[2] as SyntheticArticle));
      const sources = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8'));
      expect(sources[articles[0]?.name ?? '']).toEqual({
        source: articles[0]?.metadata.outlet,
        title: articles[0]?.metadata.title,
        url: articles[0]?.metadata.url,
        author: articles[0]?.metadata.author,
        date: articles[0]?.metadata.date,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
