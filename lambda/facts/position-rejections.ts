import { stanceWords as S, words } from './lexicon.js';

/*
 * Rules that reject a candidate position: a clause that names a topic and a party but states no want,
 * offer or refusal of that party. Each rule is a small named predicate over the clause (or its sentence),
 * its vocabulary in lexicon/stance.json; positions.ts asks `rejectsPosition` before it keeps a candidate.
 */

const AGENDA_NOUN = new RegExp(String.raw`\b${words(S.agendaNouns)}\b`, 'iu');
const AGENDA_FRAME = new RegExp(String.raw`\b${words(S.agendaFrames)}\b`, 'iu');
const WANT_OFFER_REFUSE = new RegExp(String.raw`\b${words(S.wantOfferRefuse)}\b`, 'iu');

/**
 * What the talks will be about ("the discussions will focus on the east", "a focus for the talks is to be
 * the region"): an agenda, reported by a party or not, with no want, offer or refusal in it.
 */
export function isAgendaOnly(clause: string): boolean {
  return AGENDA_NOUN.test(clause) && AGENDA_FRAME.test(clause) && !WANT_OFFER_REFUSE.test(clause);
}

/** The rules in the order they are asked; the first that holds rejects the candidate. */
const REJECTIONS: readonly { name: string; rejects: (clause: string) => boolean }[] = [
  { name: 'agenda-only', rejects: isAgendaOnly },
];

/** The name of the rule that rejects a candidate position stated in `clause`, or null when none does. */
export function rejectsPosition(clause: string): string | null {
  return REJECTIONS.find((rule) => rule.rejects(clause))?.name ?? null;
}
