import { describe } from 'vitest';
import { itSays } from './said.js';

/*
 * Rules written after reading round 15's misses (docs/transfer-misses.md, "Round 15", statements), each the general
 * form of a kind that recurs across the unseen rounds, in our own invented words with invented people. Each case has
 * its near misses: sentences that look like it and must keep (or must not get) the words.
 */

describe('an appeal the writer sums up ("called for", "called on … to") is words only when it quotes them (X15-1)', () => {
  itSays([
    [
      'gives no statement for a call for a noun phrase',
      'Premier Ivo Holm called for maximum support from the allies.',
      [],
    ],
    [
      'gives none for a call on someone to act, after a time phrase',
      'On Monday, Premier Ivo Holm called on the allies to send more jets.',
      [],
    ],
    [
      'gives none for the participle after a main clause',
      'Premier Ivo Holm met the envoys in Tarsk, calling for a new round of sanctions on the regime.',
      [],
    ],
    [
      'keeps the other verb of the same subject (near miss)',
      'Ivo Holm called for calm and said that the talks would resume in May.',
      [['Ivo Holm', 'reported', 'the talks would resume in May']],
    ],
    [
      'keeps an appeal whose verb phrase quotes the speaker (near miss)',
      'Ivo Holm called for "an end to the shelling of our towns" before the talks.',
      [['Ivo Holm', 'reported', 'called for "an end to the shelling of our towns" before the talks']],
    ],
    [
      'keeps a naming "called" (near miss)',
      'Ivo Holm called the offer a cynical trap for the whole region.',
      [['Ivo Holm', 'reported', 'called the offer a cynical trap for the whole region']],
    ],
  ]);
});

describe('"said this" with a topic points back to the words before it (S15-6, X15-4)', () => {
  itSays([
    [
      'gives the quote before to the speaker of "said this about …"',
      'Premier Ivo Holm spoke in Tarsk. The hall was full. "We will defend the land with all we have." The premier said this about the four regions.',
      [['Ivo Holm', 'direct', 'We will defend the land with all we have.']],
    ],
    [
      'and "said this of …"',
      'Ivo Holm spoke in Tarsk. The border will stay closed until spring. Holm said this of the northern crossings.',
      [['Ivo Holm', 'reported', 'The border will stay closed until spring']],
    ],
    [
      'keeps a reported clause that opens with "this" and a noun (near miss)',
      'Ivo Holm said this agreement about the crossings would hold.',
      [['Ivo Holm', 'reported', 'this agreement about the crossings would hold']],
    ],
  ]);
});

describe("an office's long title before the name holds its prepositions (S15-3)", () => {
  itSays([
    [
      'reads "to the United Nations" as part of a representative\'s title',
      "Ruritania's Permanent Representative to the United Nations Ivo Holm has said that the freeze would not suit Tarsk.",
      [['Ivo Holm', 'reported', 'the freeze would not suit Tarsk']],
    ],
    [
      'and an ambassador\'s "to" a country',
      'Ambassador to Austria Ivo Holm said that the embassy would stay open.',
      [['Ivo Holm', 'reported', 'the embassy would stay open']],
    ],
    [
      'so a pronoun later refers back to him',
      "Ruritania's Permanent Representative to the United Nations Ivo Holm said that the talks failed. According to him, the terms are clear.",
      [
        ['Ivo Holm', 'reported', 'the talks failed'],
        ['Ivo Holm', 'reported', 'the terms are clear'],
      ],
    ],
    [
      'reads a title with two "of"s before the name',
      'Chairman of the Supreme Council of Norway Ivo Holm said that the war would end soon.',
      [['Ivo Holm', 'reported', 'the war would end soon']],
    ],
    [
      'still gives nobody when "to" governs a person\'s office (near miss)',
      'An adviser to the President of Ruritania Ivo Holm said that the war would end soon.',
      [],
    ],
    [
      'and nobody when "to" follows a role that is no diplomatic post (near miss)',
      'A letter to the Council Ivo Holm said that the war would end soon.',
      [],
    ],
  ]);
});

describe('verbs and frames of saying the lexicon lacked (S15-4)', () => {
  itSays([
    [
      'reads "reminded" with a listener and "that"',
      'Ivo Holm reminded the delegates that the war began ten years ago.',
      [['Ivo Holm', 'reported', 'the war began ten years ago']],
    ],
    ['gives nothing for "reminded" with only an object (near miss)', 'Ivo Holm reminded the delegates of the war.', []],
    [
      'reads "long" between the auxiliary and the verb',
      'Premier Ivo Holm has long argued that talks are the only way out.',
      [['Ivo Holm', 'reported', 'talks are the only way out']],
    ],
    [
      'reads a pointer noun before the passive: "This opinion was expressed by X"',
      'The office believes that the time for talks has passed. This opinion was expressed by adviser Ivo Holm.',
      [['Ivo Holm', 'reported', 'The office believes that the time for talks has passed']],
    ],
    [
      'gives nothing for a pointer noun that is no saying (near miss)',
      'The office believes that the time for talks has passed. This plan was drafted by adviser Ivo Holm.',
      [],
    ],
  ]);
});

describe('a speech printed under one speaker label (S15-1, R13)', () => {
  itSays([
    [
      'gives each first-person paragraph after the label as one direct statement',
      [
        'Premier Ivo Holm spoke at the rally on the square.',
        '',
        'Premier of Norway Ivo Holm: Friends,',
        '',
        'I welcome you all on this great day for our country!',
        '',
        'Ten years ago we stood on this same square. We promised to rebuild the bridge.',
        '',
        'The rally ended after an hour.',
      ].join('\n'),
      [
        ['Ivo Holm', 'direct', 'I welcome you all on this great day for our country!'],
        ['Ivo Holm', 'direct', 'Ten years ago we stood on this same square. We promised to rebuild the bridge.'],
      ],
    ],
    [
      'reads the words on the label line too, and excerpts on their own lines',
      [
        'The forum gave Ivo Holm a chance to speak on the war.',
        'Ivo Holm: ... The greed of our rivals is the true origin of this war....(p.5)',
        '...You know, many leaders have told me they are not afraid of us....(p.9)',
      ].join('\n'),
      [
        ['Ivo Holm', 'direct', '... The greed of our rivals is the true origin of this war....(p.5)'],
        ['Ivo Holm', 'direct', '...You know, many leaders have told me they are not afraid of us....(p.9)'],
      ],
    ],
    [
      'gives nothing for a subheading "Name: …" over the writer\'s third-person paragraphs (near miss, R4/R13)',
      [
        'Premier Ivo Holm spoke at the rally on the square.',
        '',
        'Ivo Holm: The bridge will be rebuilt',
        '',
        'The premier told the crowd the bridge would open in May.',
      ].join('\n'),
      [['Ivo Holm', 'reported', 'the bridge would open in May']],
    ],
    [
      'gives nothing under a label naming nobody the text introduces (near miss)',
      ['The rally ended late.', '', 'Alta Verde: We will rebuild our bridge.', '', 'We stood there for an hour.'].join(
        '\n',
      ),
      [],
    ],
    [
      'leaves two labels naming people to the transcript rules, which read no dialogue without a host yet (a limit)',
      [
        'Ivo Holm met Anton Vell on Monday.',
        '',
        'Ivo Holm: We welcome our guest.',
        '',
        'Anton Vell: We thank our hosts.',
      ].join('\n'),
      [],
    ],
  ]);
});

describe('a speech under one label ends where the first person is only inside quotes (S15-1, near misses)', () => {
  itSays([
    [
      'stops at a paragraph whose first person is a quoted third party',
      [
        'Premier Ivo Holm spoke at the rally on the square.',
        '',
        'Ivo Holm: We will rebuild the "people\'s bridge" within a year.',
        '',
        '"We will not let it happen," Anton Vell wrote in reply.',
      ].join('\n'),
      [
        ['Ivo Holm', 'direct', 'We will rebuild the "people\'s bridge" within a year.'],
        ['Anton Vell', 'direct', 'We will not let it happen,'],
      ],
    ],
  ]);
});

describe('a role after an opening phrase, its quote in the next paragraph (S15-2)', () => {
  itSays([
    [
      'gives the quote after "Opening the meeting, the Prime Minister said:" to the premier',
      'Prime Minister Ivo Holm hosted the summit.\n\nOpening the meeting, the Prime Minister said:\n\n\u201cIt is good to see you all here.\u201d',
      [['Ivo Holm', 'direct', 'It is good to see you all here.']],
    ],
    [
      'as it did without the opening phrase (near miss)',
      'Prime Minister Ivo Holm hosted the summit.\n\nThe Prime Minister said:\n\n\u201cIt is good to see you all here.\u201d',
      [['Ivo Holm', 'direct', 'It is good to see you all here.']],
    ],
    [
      'gives nothing to the role after an opening when its sentence does not announce the quote (near miss)',
      'Prime Minister Ivo Holm hosted the summit.\n\nA little earlier, the Prime Minister had signed a pact with the allies.\n\n\u201cThe hardest steps are ahead of us\u201d',
      [],
    ],
    [
      'gives nothing when the role after the opening is nobody the report names (near miss)',
      'Prime Minister Ivo Holm hosted the summit.\n\nOpening the meeting, the governor said:\n\n\u201cIt is good to see you all here.\u201d',
      [],
    ],
  ]);
});

describe('"doubted" closes a quoted question (S15-4)', () => {
  itSays([
    [
      'gives the question to the speaker after it',
      '"Will there be anyone to talk to?" Ivo Holm, deputy head of the council, doubted when commenting on the offer.',
      [['Ivo Holm', 'direct', 'Will there be anyone to talk to?']],
    ],
    ['gives nothing for "doubted" with an object (near miss)', 'Ivo Holm doubted the offer would hold.', []],
  ]);
});

describe('review mends: what the round-15 rules must leave alone', () => {
  itSays([
    [
      'keeps a clause after "that" whose subject is the gerund "calling for"',
      'Ivo Holm told reporters that calling for a truce now would reward the aggressor.',
      [['Ivo Holm', 'reported', 'calling for a truce now would reward the aggressor']],
    ],
    [
      'keeps a naming "called on" with no "to" after it',
      'Ivo Holm called on Monday the offer a cynical trap.',
      [['Ivo Holm', 'reported', 'called on Monday the offer a cynical trap']],
    ],
    [
      'keeps "said this" before a hyphenated noun ("about-turn") as a clause',
      'Ivo Holm said this about-turn by the allies was a betrayal of the region.',
      [['Ivo Holm', 'reported', 'this about-turn by the allies was a betrayal of the region']],
    ],
    [
      'keeps "said this concerning development …" as a clause (the adjective)',
      'Ivo Holm said this concerning development threatened the whole truce.',
      [['Ivo Holm', 'reported', 'this concerning development threatened the whole truce']],
    ],
    [
      'gives nobody for "the special envoy to" a bare personal name (sent to him)',
      'The special envoy to Anton Vell said that the talks would resume in May.',
      [],
    ],
    [
      'gives nothing to the subject of a passive listener verb ("was reminded that")',
      'Ivo Holm was reminded that the border had been closed for a year.',
      [],
    ],
    [
      'gives nothing to "This statement was denied by X"',
      'The office believes that the time for talks has passed. This statement was denied by Ivo Holm.',
      [],
    ],
    [
      'gives nothing to "This opinion was not expressed by X"',
      'The office believes that the time for talks has passed. This opinion was not expressed by Ivo Holm.',
      [],
    ],
    [
      'gives nothing to a role that was asked, past an opening, before its colon',
      'Prime Minister Ivo Holm hosted the summit.\n\nIn a letter, the Prime Minister was asked the following:\n\n\u201cWill you resign?\u201d',
      [],
    ],
  ]);
});

describe('review mends: a speech under one label (S15-1)', () => {
  itSays([
    [
      'reads "US" as a country, not "us": the speech ends before it',
      'Premier Ivo Holm spoke at the rally on the square.\n\nIvo Holm: We will rebuild our bridge.\n\nThe US sent aid to the region last year.',
      [['Ivo Holm', 'direct', 'We will rebuild our bridge.']],
    ],
    [
      'reads "mine" as no first person (a land mine)',
      'Premier Ivo Holm spoke at the rally on the square.\n\nIvo Holm: We will rebuild our bridge.\n\nA mine exploded near the bridge on Sunday.',
      [['Ivo Holm', 'direct', 'We will rebuild our bridge.']],
    ],
    [
      'gives nothing under a subheading label whose words are no greeting, even if the writer then says "we"',
      'Premier Ivo Holm spoke at the rally on the square.\n\nIvo Holm: A bridge for the town\n\nAs we reported on Monday, the bridge will open in May.',
      [],
    ],
    [
      'still skips a greeting on the label line (near miss)',
      'Premier Ivo Holm spoke at the rally on the square.\n\nPremier of Norway Ivo Holm: Dear friends!\n\nWe will rebuild our bridge.\n\nThe rally ended.',
      [['Ivo Holm', 'direct', 'We will rebuild our bridge.']],
    ],
  ]);
});
