import { describe } from 'vitest';
import { itSays } from './said.js';

/*
 * Rules written after reading round 14's misses (docs/transfer-misses.md, "Round 14", statements), each the general
 * form of a kind that recurs across the unseen rounds, in our own invented words with invented people. Each case has
 * its near misses: sentences that look like it and must keep (or must not get) the words.
 */

describe('a promise, vow or pledge with an infinitive is words only when it quotes them (X14-1, X12-5)', () => {
  itSays([
    ['gives no statement for a vow the writer sums up', 'Premier Ivo Holm vowed to win back every village.', []],
    [
      'gives none for a promise after a time phrase that opens the sentence',
      'In August, Premier Ivo Holm promised to keep working toward a deal.',
      [],
    ],
    [
      'keeps the other verb of the same subject',
      'Ivo Holm promised to keep working toward a deal and said that talks would resume in May.',
      [['Ivo Holm', 'reported', 'talks would resume in May']],
    ],
    [
      'keeps a vow whose verb phrase quotes the speaker (near miss)',
      'Ivo Holm vowed to fight "to the last village" if the talks fail.',
      [['Ivo Holm', 'reported', 'vowed to fight "to the last village" if the talks fail']],
    ],
    [
      'keeps a clause after "promised that" (near miss)',
      'Ivo Holm promised that the border would stay open.',
      [['Ivo Holm', 'reported', 'the border would stay open']],
    ],
    [
      'keeps a promise or pledge whose "to" names its addressee, not an infinitive (review S36: machine translation)',
      'Ivo Holm promised to Kyiv that the border would stay open. Anton Vell pledged to the assembly that taxes would not rise.',
      [
        ['Ivo Holm', 'reported', 'promised to Kyiv that the border would stay open'],
        ['Anton Vell', 'reported', 'pledged to the assembly that taxes would not rise'],
      ],
    ],
    [
      'still gives none for a promise to an addressee that sums up an infinitive (near miss of the above)',
      'Ivo Holm has promised to Ukrainians to keep fighting.',
      [],
    ],
  ]);
});

describe("words taken from the wrong side of the verb (X14-4, S14-14: the last review's two leftovers)", () => {
  itSays([
    [
      'reads "that" after an interview with a verb after it as the interview\'s relative pronoun: the quote is the words',
      '\u201cWe will keep helping. The front will hold,\u201d Ivo Holm told a network in an interview that aired on Sunday.',
      [['Ivo Holm', 'direct', 'We will keep helping. The front will hold,']],
    ],
    [
      'does the same with an auxiliary after the relative "that"',
      '\u201cThe front will hold,\u201d Ivo Holm told a network during an interview that was published on Sunday.',
      [['Ivo Holm', 'direct', 'The front will hold,']],
    ],
    [
      'reads the words after a second "that" past the relative clause',
      'Ivo Holm said in an interview that aired on Sunday that the front will hold.',
      [['Ivo Holm', 'reported', 'the front will hold']],
    ],
    [
      'keeps a content clause after an interview (near miss)',
      'Ivo Holm told a network in an interview that the front will hold.',
      [['Ivo Holm', 'reported', 'the front will hold']],
    ],
    [
      'keeps a content clause whose subject is a past participle and a noun (near miss)',
      'Ivo Holm said in a statement that seized land would be returned.',
      [['Ivo Holm', 'reported', 'seized land would be returned']],
    ],
    [
      'keeps a demonstrative "that" right after the listener: no circumstance for it to relate to (review S36)',
      'Ivo Holm told reporters that was a mistake. Anton Vell told the BBC that would be a disaster for Europe.',
      [
        ['Ivo Holm', 'reported', 'was a mistake'],
        ['Anton Vell', 'reported', 'would be a disaster for Europe'],
      ],
    ],
    [
      'keeps a content clause after a circumstance ending in a name: a relative "that" follows a common noun (review S36)',
      'Ivo Holm said on Telegram that speed in the talks was essential.',
      [['Ivo Holm', 'reported', 'speed in the talks was essential']],
    ],
    [
      'takes nothing before a subject whose verb ends its sentence with a colon',
      'Earlier, Mr Premier, Ivo Holm in his post about the call with the envoy, he said:\n\n' +
        '\u201cWe spoke before the summit. We will keep helping.\u201d',
      [['Ivo Holm', 'direct', 'We spoke before the summit. We will keep helping.']],
    ],
    [
      'still takes the words before a subject whose verb ends the sentence with a full stop (near miss)',
      'The talks will go on, Ivo Holm said.',
      [['Ivo Holm', 'reported', 'The talks will go on']],
    ],
  ]);
});

describe('verbs the saying lexicon lacked (S14-6; S13-3, S12-3, S4)', () => {
  itSays([
    [
      'reads "maintained that"',
      'Ivo Holm maintained that the front will hold.',
      [['Ivo Holm', 'reported', 'the front will hold']],
    ],
    [
      'reads "lamented that"',
      'Ivo Holm lamented that the plan had failed.',
      [['Ivo Holm', 'reported', 'the plan had failed']],
    ],
    ['gives no words for a noun object of "maintained" (near miss)', 'Ivo Holm maintained contact with the envoy.', []],
    ['gives no words for a noun object of "lamented" (near miss)', 'Ivo Holm lamented the loss of the port.', []],
  ]);
});

describe("an office's initials and its exact words refer back to its holder (S14-1; S2, S12-6, S13-1)", () => {
  itSays([
    [
      'resolves "the PM" to the prime minister named before',
      'Prime Minister Ivo Holm met army chiefs on Thursday. The PM said the "window is narrowing" for the force.',
      [['Ivo Holm', 'reported', 'the "window is narrowing" for the force']],
    ],
    [
      'resolves "the DPM" to the deputy, not to the prime minister named first',
      'Prime Minister Anton Vell and Deputy Prime Minister Ivo Holm spoke in parliament. The DPM stressed that the ' +
        'treaty is not negotiable.',
      [['Ivo Holm', 'reported', 'the treaty is not negotiable']],
    ],
    [
      'resolves "the prime minister" to the prime minister, not to the deputy named first',
      'Deputy Prime Minister Ivo Holm and Prime Minister Anton Vell spoke in parliament. The prime minister stressed ' +
        'that the treaty is not negotiable.',
      [['Anton Vell', 'reported', 'the treaty is not negotiable']],
    ],
    [
      'reads no office in lower-case letters after a time (near miss)',
      'Prime Minister Ivo Holm arrived at 4 pm. The pm said nothing about the treaty.',
      [],
    ],
  ]);
});

describe('a broadcast transcript whose host is labelled by name only (S14-2; R13; S1, S12-1, S13-7)', () => {
  const transcript = (host: string, guest: string, guestAgain: string) =>
    [
      'The following is the transcript of an interview with Ruritania\u2019s foreign minister, Ivo Holm.',
      `${host}: Welcome, Minister. Did your side strike the dam on purpose?`,
      `${guest}: We only strike military targets. We never aim at civilians.`,
      `${host}: So the strike was not a mistake?`,
      `${guestAgain}: If the site served the army, the commanders had every right to strike it.`,
    ].join('\n\n');
  itSays([
    [
      'reads each of the guest\u2019s turns as one direct statement, the host\u2019s as none, the office left out of the name',
      transcript('TINA MOOR', 'FOREIGN MINISTER IVO HOLM', 'MINISTER HOLM'),
      [
        ['Ivo Holm', 'direct', 'We only strike military targets. We never aim at civilians.'],
        ['Ivo Holm', 'direct', 'If the site served the army, the commanders had every right to strike it.'],
      ],
    ],
    [
      'reads no transcript when a label has a single turn (near miss: headings in capitals)',
      [
        'Ivo Holm spoke in parliament on Monday.',
        'BACKGROUND: The dam was built in 1970.',
        'WHAT NEXT: Talks resume in May.',
      ].join('\n\n'),
      [],
    ],
  ]);
});

describe('a seat of government is no speaker (X14-3)', () => {
  itSays([
    [
      'gives the words of "the Elysee said" to nobody',
      'France and Borduria signed a pact, the Elysee said on Friday.',
      [],
    ],
    [
      'still gives a person named with the seat their words (near miss)',
      'An adviser at the Elysee, Anne Roe, said that the pact would be signed.',
      [['Anne Roe', 'reported', 'the pact would be signed']],
    ],
  ]);
});

describe("an interview's answers after the writer's question paragraphs stay the interviewee's (S14-2; focus: the current speaker)", () => {
  const interview = (question: string) =>
    [
      'Premier Ivo Holm told me the front would hold.',
      '\u201cWe will not give up the river. It is our life.\u201d',
      question,
      '\u201cI see it differently. Giving up the towns would split our people.\u201d',
    ].join('\n\n');
  itSays([
    [
      'gives the answer after a paragraph of questions to the speaker before them',
      interview('But would a pause not be worth the "small price"? Isn\u2019t that, I asked, a fair request?'),
      [
        ['Ivo Holm', 'reported', 'the front would hold'],
        ['Ivo Holm', 'direct', 'We will not give up the river. It is our life.'],
        ['Ivo Holm', 'direct', 'I see it differently. Giving up the towns would split our people.'],
      ],
    ],
    [
      'gives nothing across a paragraph that states rather than asks (near miss)',
      interview('The towns lie on the river. Anton Vell visited them in May.'),
      [
        ['Ivo Holm', 'reported', 'the front would hold'],
        ['Ivo Holm', 'direct', 'We will not give up the river. It is our life.'],
        ['Anton Vell', 'direct', 'I see it differently. Giving up the towns would split our people.'],
      ],
    ],
    [
      'gives nothing across the questions to a quote whose paragraph goes on to name its speaker (review S36: analysis copy)',
      [
        'Ivo Holm said that Kyiv would not cede land.',
        'What happens next?',
        '\u201cThe ball is in Moscow\u2019s court.\u201d That was the verdict of Anne Roe, a senior diplomat.',
      ].join('\n\n'),
      [['Ivo Holm', 'reported', 'Kyiv would not cede land']],
    ],
  ]);
});
