import type { GuarantorsView } from '../facts/views.js';
import { type Answer, sourcesById } from './answer.js';
import type { Visibility } from './command.js';
import { guarantorGroups } from './group-facts.js';

/** `/talks guarantors`: every country named as a guarantor, grouped by who proposed it. */
export function guarantorsAnswer(view: GuarantorsView, visibility: Visibility): Answer {
  const groups = guarantorGroups(view.guarantors);
  return {
    title: 'Proposed security guarantors',
    parts: [
      {
        kind: 'facts',
        heading: 'Countries named as guarantors',
        groups,
        totalGroups: groups.length,
        emptyText: 'No country was named as a guarantor in the articles.',
      },
    ],
    sources: sourcesById(view.sources),
    visibility,
    wholeLists: true,
  };
}
