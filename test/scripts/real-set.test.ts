import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatComparison,
  isSetScored,
  locateRealSetHalf,
  parseSetOptions,
  REAL_SET_FIXTURES,
  REAL_SET_HALVES,
  realSetHalfDir,
  type ScoreReport,
} from '../../scripts/real-set.js';

describe('locateRealSetHalf', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says the articles must be fetched again when a half has none (a clean clone)', () => {
    dir = mkdtempSync(join(tmpdir(), 'real-set-'));
    const location = locateRealSetHalf(dir);
    expect(location.present).toBe(false);
    if (!location.present) expect(location.reason).toMatch(/no articles .*README/);
  });

  it('says how to rebuild gold.json when the articles are back but the gold is not', () => {
    dir = mkdtempSync(join(tmpdir(), 'real-set-'));
    mkdirSync(join(dir, 'articles'));
    const location = locateRealSetHalf(dir);
    expect(location.present).toBe(false);
    if (!location.present) expect(location.reason).toContain('pack.mjs');
  });

  it('finds a half with its articles and gold', () => {
    dir = mkdtempSync(join(tmpdir(), 'real-set-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'gold.json'), '{}');
    expect(locateRealSetHalf(dir)).toEqual({
      present: true,
      articles: join(dir, 'articles'),
      gold: join(dir, 'gold.json'),
    });
  });
});

const report = (recall: number, proposer: number | null): ScoreReport => ({
  perCategory: {
    statements: { precision: 0.9, recall, f1: 0.8 },
    guarantors: { precision: 1, recall: 0.5, f1: 0.67 },
    positions: { precision: 0.5, recall: 0.5, f1: 0.5 },
  },
  proposedByAgreement: proposer,
  ungrounded: { checked: 10, count: 1 },
});

describe('isSetScored', () => {
  it('leaves the blind and reserve halves out of the default run', () => {
    const scored = ['seed', 'dev', ...REAL_SET_HALVES].filter((set) => isSetScored(set, undefined));
    expect(scored).toEqual(['seed', 'dev', 'tune']);
  });

  it('scores only the set asked for by name, the reserve half included', () => {
    const scored = ['seed', 'dev', ...REAL_SET_HALVES].filter((set) => isSetScored(set, 'reserve'));
    expect(scored).toEqual(['reserve']);
  });
});

describe('formatComparison', () => {
  it('puts the baseline beside the extractor and flags a recall under the floor', () => {
    const lines = formatComparison('tune', report(0.4, 1), report(0.6, null));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^tune\s+statements\s+0\.90 \/ 0\.40 \/ 0\.80\s+0\.90 \/ 0\.60 \/ 0\.80\s+recall below baseline$/,
    );
    expect(lines[1]).not.toContain('below');
    expect(lines[3]).toMatch(/proposer\s+1\.00\s+-\s+ungrounded 1\/10/);
  });
});

describe('the committed real set', () => {
  const read = (half: string, file: string) =>
    JSON.parse(readFileSync(join(REAL_SET_FIXTURES, half, file), 'utf8')) as Record<string, Record<string, unknown>>;

  it('labels exactly the articles whose header lines it keeps, each pinned by its URL and sha256', () => {
    for (const half of REAL_SET_HALVES) {
      const headers = read(half, 'headers.json');
      const spans = read(half, 'gold-spans.json');
      expect(Object.keys(spans).sort()).toEqual(Object.keys(headers).sort());
      for (const [file, entry] of Object.entries(spans)) {
        expect(entry.url, file).toBe(headers[file]?.url);
        expect(entry.sha256, file).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('knows every half committed under the real set', () => {
    const committed = readdirSync(REAL_SET_FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(REAL_SET_FIXTURES, entry.name, 'headers.json')))
      .map((entry) => entry.name);
    expect(committed.sort()).toEqual([...REAL_SET_HALVES].sort());
  });

  it('keeps every pair of halves apart, by file and by URL', () => {
    const overlaps: string[] = [];
    REAL_SET_HALVES.forEach((half, i) => {
      const headers = read(half, 'headers.json');
      for (const other of REAL_SET_HALVES.slice(i + 1)) {
        const otherHeaders = read(other, 'headers.json');
        const otherUrls = new Set(Object.values(otherHeaders).map((h) => h.url));
        for (const [file, h] of Object.entries(headers)) {
          if (file in otherHeaders) overlaps.push(`${half}/${file} is also in ${other}`);
          if (otherUrls.has(h.url)) overlaps.push(`${half}/${file} has a URL that ${other} has`);
        }
      }
    });
    expect(overlaps).toEqual([]);
  });

  it('holds no article text: every verbatim field is a span, and articles/ and gold.json are ignored', () => {
    for (const half of REAL_SET_HALVES) {
      for (const entry of Object.values(read(half, 'gold-spans.json'))) {
        for (const category of ['statements', 'guarantors', 'positions']) {
          for (const fact of entry[category] as Record<string, unknown>[]) {
            expect(fact).not.toHaveProperty('text');
            expect(fact).not.toHaveProperty('evidence');
            expect(fact.span).toEqual([expect.any(Number), expect.any(Number)]);
          }
        }
      }
    }
    const ignored = readFileSync(join(REAL_SET_FIXTURES, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['*/articles/', '*/gold.json']));
  });
});

describe('parseSetOptions', () => {
  it('reads the options that npm run eval and npm run accounting share', () => {
    expect(parseSetOptions(['--set', 'dev', '--verbose'])).toEqual({ verbose: true, set: 'dev', dir: undefined });
    expect(parseSetOptions([])).toEqual({ verbose: false, set: undefined, dir: undefined });
  });

  it('names the sets when --set names none of them', () => {
    expect(parseSetOptions(['--set', 'holdout'])).toEqual({
      error: '--set must be one of seed, dev, tune, blind, reserve',
    });
  });
});

describe('realSetHalfDir', () => {
  it('reads a half from --dir when given, else beside its committed spans', () => {
    expect(realSetHalfDir('tune', '/tmp/somewhere')).toBe('/tmp/somewhere');
    if (!process.env.TALKS_REAL_SET_DIR)
      expect(realSetHalfDir('blind', undefined)).toBe(join(REAL_SET_FIXTURES, 'blind'));
  });
});
