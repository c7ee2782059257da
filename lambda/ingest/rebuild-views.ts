import { randomUUID } from 'node:crypto';
import type { TalksStore, ViewsRebuild } from '../store/ports.js';
import type { FactExtraction } from './fact-extraction.js';
import { ingestRead } from './ingest.js';

/*
 * Rebuilding the precomputed items of a new store format from the articles a deployed table holds, in place:
 * the articles are read back in rounds and go through the ingest pipeline as if uploaded again (store: already
 * there; extract; apply), into this format's keys, while the previous format's items go on answering the
 * previous version's Slack function (docs/deploy.md, "Upgrading a deployed stack").
 *
 * - One process at a time: the pass is claimed in the table (store-rebuild.ts) for `holdMs`, renewed at each
 *   checkpoint; another process finds it held and leaves it ("busy").
 * - Taking turns with ingest: every round takes the writer lease, as any ingest does, so an upload or a link
 *   ingested meanwhile is applied between two rounds, never beside one.
 * - Resumable: after each round the scan's place is checkpointed; a pass stopped by a timeout, a throttle or a
 *   crash continues from its last checkpoint (the round after it is applied again: idempotent).
 * - Complete only at the end: the format is recorded complete once the scan has gone over every article.
 */

export interface RebuildOptions {
  /** Milliseconds this invocation has left (Lambda's `getRemainingTimeInMillis`). */
  remainingMs: () => number;
  /** No round is begun with less time left than this: a round of 1,000 articles takes seconds, of large ones a minute or two. @default 3 min */
  reserveMs?: number;
  /** Stored articles a round reads back and applies. @default 1000 (the ingest pipeline's round) */
  articlesPerRound?: number;
  /**
   * How long the pass stays claimed without a checkpoint: what a dead holder costs the next one. Longer than any
   * round. @default 5 min
   */
  holdMs?: number;
  /** @default inThreadExtraction (ingest.ts) */
  extraction?: FactExtraction;
  /** @default a random id */
  owner?: string;
  /** Called after each round, for logs. */
  onRound?: (progress: RebuildProgress) => void;
}

export interface RebuildProgress {
  /**
   * complete: this format's items hold every article; continuing: time ran out, the next call goes on; busy: another
   * process holds the pass, or it waits for the previous version's writers to finish (store-rebuild.ts).
   */
  state: 'complete' | 'continuing' | 'busy';
  /** Articles the pass has gone over, in this call and before. */
  articlesDone: number;
  /** Articles this call applied (the others were in this format's items already). */
  articlesApplied: number;
  /** Articles this call could not rebuild: damaged items, or facts that could not be extracted. */
  skipped: { id: string; reason: string }[];
}

const DEFAULT_RESERVE_MS = 3 * 60_000;
const DEFAULT_HOLD_MS = 5 * 60_000;
const DEFAULT_ARTICLES_PER_ROUND = 1000;

/** Runs the pass for as long as the invocation allows; see the module header. */
export async function rebuildViews(
  store: TalksStore,
  rebuild: ViewsRebuild,
  opts: RebuildOptions,
): Promise<RebuildProgress> {
  const holdMs = opts.holdMs ?? DEFAULT_HOLD_MS;
  const reserveMs = opts.reserveMs ?? DEFAULT_RESERVE_MS;
  const perRound = opts.articlesPerRound ?? DEFAULT_ARTICLES_PER_ROUND;
  const progress: RebuildProgress = { state: 'busy', articlesDone: 0, articlesApplied: 0, skipped: [] };
  const status = await rebuild.status();
  if (status.complete) return { ...progress, state: 'complete', articlesDone: status.articlesDone };

  const pass = await rebuild.claim(opts.owner ?? randomUUID(), holdMs);
  if (!pass) {
    // Held by another process, not to start yet, or completed by one since the status was read.
    const now = await rebuild.status();
    return { ...progress, state: now.complete ? 'complete' : 'busy', articlesDone: now.articlesDone };
  }
  progress.articlesDone = pass.articlesDone;
  let completed = false;
  try {
    while (opts.remainingMs() > reserveMs) {
      const next = await rebuild.articlesToRebuild(pass.after, perRound);
      if (next.articles.length > 0) {
        const report = await ingestRead({ articles: next.articles, rejected: [] }, store, {
          batchSize: perRound,
          storedAlready: true,
          ...(opts.extraction ? { extraction: opts.extraction } : {}),
        });
        progress.articlesApplied += next.articles.length - report.rejected.length;
        const idOfFile = new Map(next.articles.flatMap((a) => a.files.map((file) => [file, a.id] as const)));
        for (const { file, reason } of report.rejected)
          progress.skipped.push({ id: idOfFile.get(file) ?? file, reason });
      }
      progress.skipped.push(...next.damaged);
      pass.articlesDone += next.articlesGoneOver;
      progress.articlesDone = pass.articlesDone;
      if (next.next === undefined) {
        await rebuild.complete(pass);
        completed = true;
        progress.state = 'complete';
        opts.onRound?.(progress);
        return progress;
      }
      pass.after = next.next;
      await rebuild.checkpoint(pass, holdMs);
      opts.onRound?.(progress);
    }
    progress.state = 'continuing';
    return progress;
  } finally {
    if (!completed) await rebuild.release(pass);
  }
}
