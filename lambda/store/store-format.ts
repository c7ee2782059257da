/*
 * The store format: which shape of items this code writes and reads. Apart from table.ts (which speaks to
 * DynamoDB) so that the Slack function's bundle and the CDK app can read it without the table's set-up code.
 */

/**
 * The shape of the items the store writes. Bump it when items change so that data written before would
 * answer wrongly or not at all (a view gained a field, a key changed): a local store of another format is
 * then set aside and rebuilt (lambda/cli/local-store.ts) instead of answering from stale items, and a deployed
 * table's views are rebuilt from its articles under the new format's keys on deploy (docs/deploy.md).
 * 2: people mentioned but never quoted are indexed.
 * 3: near-duplicate band keys of 8 bands of 2 rows; a body of one chunk kept in its article's META item;
 *    stored articles marked indexed in one item a round.
 * 4: people are keyed by surname and given-name initial (`personKey`), so namesakes stay apart.
 * 5: near-duplicate band keys of 4 (of 12) MinHash rows found by multi-probe lookups, and a one-permutation
 *    MinHash sketch (lambda/articles/fingerprint.ts).
 * 6: a speaker view counts the articles writing each spelling of the name (`spellings`), which chooses the
 *    name shown; háček letters and "tch" fold in person keys.
 * 7: a name index (`NAME#<surname key>` items) that `who` reads beside the bounded directory, and the
 *    directory's count of every speaker.
 * 8: person keys carry the given name's consonants, not its initial alone (`ionson.mk`, `ionson.mrk`), so
 *    namesakes who share an initial stay apart.
 * 9: the precomputed items and the markers of what they hold are keyed under their format (`F9#VIEW#SUMMARY`,
 *    `F9#ROUND#…`), beside the articles and flags that every format shares, so a deployed table is rebuilt in
 *    place from its articles while the previous format's items still answer (lambda/ingest/rebuild-views.ts).
 * 10: the guarantors view's total counts every guarantor ever merged (`CORPUS#GUARANTORS/COUNT`, the keys of
 *    each), so a table written before it would count the guarantors its top list had cut without their keys.
 * 11: a speaker view counts the articles giving each country to the person (`countries`), which chooses
 *    `person.affiliation` (the country most articles give, not the alphabetically first), so a table written before
 *    it has no counts to choose from.
 * 12: Czechia's display name is "Czech Republic" (lambda/facts/countries.ts), so a table written before it holds
 *    guarantors, their count and timeline, office votes and people's countries under "Czechia", which new articles
 *    would split from "Czech Republic"; the rebuild extracts every article again under the one name. (Flags are
 *    shared and kept: fact-ref.ts finds a guarantor's flag under its country's former name.)
 */
export const STORE_FORMAT = 12;

/**
 * The event a schedule sends the store-upgrade function to delete the precomputed items of formats before this one,
 * once this one has been complete for a grace period (lambda/store/superseded-items.ts). Shared with the CDK app.
 */
export const DELETE_SUPERSEDED_FORMATS_EVENT = { task: 'delete-superseded-formats' } as const;
