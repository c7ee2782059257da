import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import type { FactLine } from '../../lambda/answers/answer.js';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import { readArticle } from '../../lambda/facts/extract.js';
import { flagFeatures } from '../../lambda/flags/flag-features.js';
import { createFlagStore } from '../../lambda/flags/flag-store.js';
import { createStoreUpgradeHandler } from '../../lambda/handlers/store-upgrade.js';
import { inThreadExtraction } from '../../lambda/ingest/fact-extraction.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { VIEWS_PREFIX } from '../../lambda/store/keys.js';
import { STORE_FORMAT } from '../../lambda/store/store-format.js';
import { createViewsRebuild } from '../../lambda/store/store-rebuild.js';
import { textInput } from '../articles/fixtures.js';
import { serverPerSuite } from '../store/backends.js';
import { allItems } from './format-8-table.js';

/*
 * Czechia's display name became "Czech Republic" (review of gu19). Tables deployed before it hold store format 11's
 * items, extracted under "Czechia". The deploy that brings the rename must leave them answering under one name, and a
 * flag made on the old name's guarantor must still hold.
 */

/** The store format of the tables deployed before the rename, whose code named the country "Czechia". */
const FORMAT_BEFORE_THE_RENAME: number = 11;
const OLD_PREFIX: string = `F${FORMAT_BEFORE_THE_RENAME}#`;

/** What that code's extraction gave: today's facts, the country under its former name. */
const formerNames = inThreadExtraction((article, corpus) =>
  JSON.parse(
    JSON.stringify(readArticle(article, corpus)).replace(/"(country|proposedBy)":"Czech Republic"/gu, '"$1":"Czechia"'),
  ),
);

const pact = (n: number, day: string) =>
  textInput(
    `czech-${n}.txt`,
    [
      `Title: Security talks, part ${n}`,
      'Source: Invented Wire',
      `Date: ${day}`,
      '',
      [
        'Ukraine signed a bilateral security agreement with the Czech Republic on Monday.',
        'After a week of negotiations in Kyiv, the Czech Republic became the latest partner to sign a security agreement with Ukraine, its foreign ministry said.',
      ][n] ?? '',
    ].join('\n'),
  );

describe('a deployed table from before Czechia was named "Czech Republic"', () => {
  const suite = serverPerSuite();

  it('answers under one name after the deploy, and keeps the flag made on the old name', async () => {
    // Prepare: format 11's table (its items moved to format 11's keys), its guarantor "Czechia" hidden by a reviewer.
    const t = await suite.open();
    await ingestInputs([pact(0, '2026-03-02')], t.store, { extraction: formerNames });
    const flags = createFlagStore(createDynamoDocuments({ client: t.client, tableName: t.tableName }));
    const policy = { reviewers: ['UREVIEWER'], threshold: 2 };
    const at = '2026-05-01T10:00:00.000Z';
    const flag = { kind: 'guarantor', country: 'Czechia', proposedBy: 'Ukraine' } as const;
    expect(await flags.flagFact(flag, { userId: 'UREVIEWER', reason: 'not-a-guarantor', at }, policy)).toBe(true);
    for (const item of await allItems(t.client, t.tableName)) {
      const [pk = '', sk = ''] = [item.pk?.S, item.sk?.S];
      if (VIEWS_PREFIX === OLD_PREFIX || (!pk.startsWith(VIEWS_PREFIX) && !sk.startsWith(VIEWS_PREFIX))) continue;
      const moved = {
        pk: { S: pk.replace(VIEWS_PREFIX, OLD_PREFIX) },
        sk: { S: sk.replace(VIEWS_PREFIX, OLD_PREFIX) },
      };
      await t.client.send(new PutItemCommand({ TableName: t.tableName, Item: { ...item, ...moved } }));
      await t.client.send(new DeleteItemCommand({ TableName: t.tableName, Key: { pk: { S: pk }, sk: { S: sk } } }));
    }
    await t.client.send(
      new PutItemCommand({
        TableName: t.tableName,
        Item: {
          pk: { S: 'STORE' },
          sk: { S: 'FORMAT' },
          format: { N: String(FORMAT_BEFORE_THE_RENAME) },
          completedAt: { N: '0' },
        },
      }),
    );

    // Act: the deploy. CloudFormation updates the upgrade resource only when its one property, the format, changes.
    await ingestInputs([pact(1, '2026-03-03')], t.store);
    if (STORE_FORMAT !== FORMAT_BEFORE_THE_RENAME) {
      const handler = createStoreUpgradeHandler(() => ({
        store: t.store,
        rebuild: createViewsRebuild({ client: t.client, tableName: t.tableName }),
        log: () => {},
        previousWritersMs: 0,
      }));
      const event = {
        RequestType: 'Update',
        ResourceType: 'Custom::StoreUpgrade',
        LogicalResourceId: 'StoreUpgrade',
        RequestId: 'request-1',
        StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/TalksBot-prod/x',
        ResourceProperties: { ServiceToken: 'arn', StoreFormat: String(STORE_FORMAT) },
        PhysicalResourceId: 'store-format',
      };
      const context = { getRemainingTimeInMillis: () => 10 * 60_000 };
      const onEvent = await handler(event, context);
      expect(await handler({ ...event, ...onEvent }, context)).toMatchObject({ IsComplete: true });
    }

    // Assess: one name, both articles, and the reviewer's flag still hiding it.
    const linesOf = async (withFlags: boolean): Promise<FactLine[]> => {
      const features = withFlags ? flagFeatures({ reader: flags, policy }) : undefined;
      const answer = await answerCommand(parseCommand('guarantors'), t.store, features);
      return answer.parts.flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
    };
    const unflagged = await linesOf(false);
    expect(JSON.stringify(unflagged)).not.toContain('Czechia');
    const czech = unflagged.filter((line) => JSON.stringify(line).includes('Czech Republic'));
    expect(czech).toHaveLength(1);
    expect(czech[0]?.citations).toHaveLength(2);
    expect(JSON.stringify(await linesOf(true))).not.toContain('Czech');
  });
});
