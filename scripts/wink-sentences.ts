import type { Sentence } from '../lambda/facts/sentences.js';

/*
 * wink-nlp's sentence boundaries as `Sentence`s (offsets into the text), for scripts/measure-wink.ts. wink-nlp is
 * not a dependency of the project (README, Quality: it was measured and not adopted), so it is loaded by a
 * specifier TypeScript does not resolve, and a missing package is a message on how to install it for the
 * measurement only.
 */

/** The versions measured; `npm install --no-save` them to run the measurement again. */
export const WINK_PACKAGES = ['wink-nlp@2.4.0', 'wink-eng-lite-web-model@1.8.1'] as const;

/** The parts of wink-nlp's API the measurement reads (wink-nlp ships types, but is not installed by `npm ci`). */
interface WinkItem {
  out(what?: unknown): unknown;
}
interface WinkCollection {
  length(): number;
  itemAt(index: number): WinkItem;
  out(what?: unknown): unknown[];
}
export interface WinkDoc {
  tokens(): WinkCollection;
  sentences(): WinkCollection;
}
export interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: Record<'value' | 'precedingSpaces' | 'span' | 'pos' | 'negationFlag', unknown>;
}

/** The pipes wink runs on every document: sentence boundaries alone, or everything its lite model has. */
export type WinkPipe = 'sbd' | 'full';

/** Loads wink-nlp with its English lite model, or throws saying how to install them. */
export async function loadWink(pipe: WinkPipe = 'sbd'): Promise<WinkNlp> {
  const [core, model] = await Promise.all(WINK_PACKAGES.map((p) => importOrExplain(p.replace(/@[^@]*$/u, ''))));
  const pipes = pipe === 'sbd' ? ['sbd'] : ['sbd', 'negation', 'pos', 'ner'];
  return (core as (model: unknown, pipe: string[]) => WinkNlp)(model, pipes);
}

async function importOrExplain(name: string): Promise<unknown> {
  try {
    return ((await import(name)) as { default: unknown }).default;
  } catch {
    throw new Error(`${name} is not installed: npm install --no-save ${WINK_PACKAGES.join(' ')}`);
  }
}

/** Each token's `[start, end)` in the text: wink keeps every character, as a token or as spaces before one. */
function tokenOffsets(nlp: WinkNlp, doc: WinkDoc, text: string): [number, number][] {
  const tokens = doc.tokens();
  const values = tokens.out(nlp.its.value) as string[];
  const spaces = tokens.out(nlp.its.precedingSpaces) as string[];
  const offsets: [number, number][] = [];
  let at = 0;
  values.forEach((value, i) => {
    at += spaces[i]?.length ?? 0;
    // wink may give a token a value that is not its text (an expanded contraction): find it again.
    if (text.startsWith(value, at)) {
      offsets.push([at, at + value.length]);
      at += value.length;
    } else offsets.push([at, at]);
  });
  return offsets;
}

/** wink's sentences of `text`, trimmed like splitSentences' (`text === body.slice(start, end)`). */
export function winkSentences(nlp: WinkNlp, text: string): Sentence[] {
  const doc = nlp.readDoc(text);
  const offsets = tokenOffsets(nlp, doc, text);
  const sentences = doc.sentences();
  const out: Sentence[] = [];
  for (let i = 0; i < sentences.length(); i++) {
    const [first, last] = sentences.itemAt(i).out(nlp.its.span) as [number, number];
    const start = offsets[first]?.[0] ?? 0;
    const end = offsets[last]?.[1] ?? start;
    const trimmed = trimSpan(text, start, end);
    if (trimmed) out.push(trimmed);
  }
  return out;
}

/**
 * wink's sentences cut again where the hand splitter cuts at a line break (a paragraph, a heading, a list item):
 * wink reads a text as running prose and joins a headline to the sentence after it.
 */
export function winkSentencesWithLineBreaks(nlp: WinkNlp, text: string, hand: Sentence[]): Sentence[] {
  const lineCuts = hand
    .slice(1)
    .filter((s, i) => text.slice((hand[i] as Sentence).end, s.start).includes('\n'))
    .map((s) => s.start);
  const out: Sentence[] = [];
  for (const s of winkSentences(nlp, text)) {
    let from = s.start;
    for (const cut of lineCuts.filter((c) => c > s.start && c < s.end)) {
      const part = trimSpan(text, from, cut);
      if (part) out.push(part);
      from = cut;
    }
    const rest = trimSpan(text, from, s.end);
    if (rest) out.push(rest);
  }
  return out;
}

function trimSpan(text: string, from: number, to: number): Sentence | null {
  let start = from;
  let end = to;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return end > start ? { text: text.slice(start, end), start, end } : null;
}
